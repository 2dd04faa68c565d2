#pragma once

// Child processes for the Redis tests: a real redis-server on 127.0.0.1 on a free port with its
// own temporary directory (stopped and started again on the same port and data by the outage
// tests), and the example programs run as separate processes with their output in files.

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <hiredis/hiredis.h>

extern "C" char** environ;  // NOLINT(readability-redundant-declaration): POSIX, not in a header

namespace whatsapp_redis_test {

using Clock = std::chrono::steady_clock;

/// Waits until `done()` is true, checking every few milliseconds, for at most `limit`.
inline bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds limit) {
  const auto end = Clock::now() + limit;
  while (!done()) {
    if (Clock::now() >= end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

/// A program started with fork + exec, its stdout and stderr in files.
class Child {
 public:
  Child() = default;
  Child(const std::vector<std::string>& argv, const std::vector<std::pair<std::string, std::string>>& env,
        const std::string& out_path, const std::string& err_path)
      : out_path_(out_path), err_path_(err_path) {
    // Everything is built before fork(): the test has threads, so the child only makes
    // async-signal-safe calls (open, dup2, execve) before exec.
    std::vector<std::string> envs;
    for (char** e = environ; *e != nullptr; ++e) {
      const std::string entry = *e;
      bool replaced = false;
      for (const auto& kv : env) replaced = replaced || entry.rfind(kv.first + "=", 0) == 0;
      if (!replaced) envs.push_back(entry);
    }
    for (const auto& [k, v] : env) envs.push_back(k + "=" + v);
    std::vector<char*> envp;
    for (auto& e : envs) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_ = ::fork();
    if (pid_ == 0) {
      const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      ::dup2(out, 1);
      ::dup2(err, 2);
      ::execve(args[0], args.data(), envp.data());
      ::_exit(127);
    }
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  Child(Child&& o) noexcept { *this = std::move(o); }
  Child& operator=(Child&& o) noexcept {
    std::swap(pid_, o.pid_);
    std::swap(status_, o.status_);
    std::swap(out_path_, o.out_path_);
    std::swap(err_path_, o.err_path_);
    return *this;
  }
  ~Child() {
    stop();
    if (!out_path_.empty()) ::unlink(out_path_.c_str());
    if (!err_path_.empty()) ::unlink(err_path_.c_str());
  }

  bool started() const { return pid_ > 0; }
  /// True once the process has exited (its status then in status()).
  bool exited() {
    if (pid_ <= 0) return true;
    int st = 0;
    if (::waitpid(pid_, &st, WNOHANG) == pid_) {
      status_ = st;
      pid_ = -1;
      return true;
    }
    return false;
  }
  /// Waits for the exit, at most `limit`; true when it exited.
  bool wait(std::chrono::milliseconds limit) {
    return wait_until([&] { return exited(); }, limit);
  }
  /// SIGTERM, then SIGKILL after 10 s.
  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    if (!wait(std::chrono::seconds(10))) {
      ::kill(pid_, SIGKILL);
      wait(std::chrono::seconds(10));
    }
  }
  int exit_code() const { return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1; }
  std::string out() const { return read(out_path_); }
  std::string err() const { return read(err_path_); }

  static std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  pid_t pid_ = -1;
  int status_ = 0;
  std::string out_path_;
  std::string err_path_;
};

/// The redis-server program, or empty when it is not installed.
inline std::string redis_server_binary() {
  if (const char* e = std::getenv("WHATSAPP_TEST_REDIS_SERVER"); e != nullptr && *e != '\0') return e;
  std::vector<std::string> dirs{"/usr/bin", "/usr/sbin", "/usr/local/bin"};
  if (const char* path = std::getenv("PATH")) {
    std::stringstream s(path);
    std::string d;
    while (std::getline(s, d, ':')) dirs.push_back(d);
  }
  for (const auto& d : dirs) {
    const std::string p = d + "/redis-server";
    if (::access(p.c_str(), X_OK) == 0) return p;
  }
  return {};
}

/// A port free on 127.0.0.1 now (the kernel's pick for a socket bound to port 0).
inline int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  int port = 0;
  socklen_t len = sizeof(a);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0) {
    port = ntohs(a.sin_port);
  }
  ::close(fd);
  return port;
}

/// A redis-server of the test's own: 127.0.0.1, a free port, a temporary directory with an
/// append-only file (so that a stop and start keeps the data, as a deployment's Redis would).
class RedisServer {
 public:
  RedisServer() {
    binary_ = redis_server_binary();
    if (binary_.empty()) return;
    char tmpl[] = "/tmp/whatsapp-redis-test-XXXXXX";
    if (::mkdtemp(tmpl) == nullptr) return;
    dir_ = tmpl;
    for (int tries = 0; tries < 5 && !ready_; ++tries) {
      port_ = free_port();
      start();
    }
  }
  ~RedisServer() {
    stop();
    if (!dir_.empty()) {
      const std::string cmd = "rm -rf '" + dir_ + "'";
      [[maybe_unused]] const int rc = std::system(cmd.c_str());
    }
  }

  bool installed() const { return !binary_.empty(); }
  bool ready() const { return ready_; }
  int port() const { return port_; }
  std::string url() const { return "redis://127.0.0.1:" + std::to_string(port_) + "/0"; }
  std::string log() const { return Child::read(dir_ + "/redis.log"); }

  /// Starts (again) on the same port and data; true when it answers PING within 10 s.
  bool start() {
    proc_ = Child({binary_, "--port", std::to_string(port_), "--bind", "127.0.0.1", "--dir", dir_, "--save",
                   "", "--appendonly", "yes", "--appendfsync", "always", "--daemonize", "no",
                   "--protected-mode", "yes", "--logfile", dir_ + "/redis.log"},
                  {}, dir_ + "/stdout", dir_ + "/stderr");
    ready_ = wait_until([&] { return ping() || proc_.exited(); }, std::chrono::seconds(10)) && ping();
    return ready_;
  }

  /// Stops it (SIGTERM: it finishes writing its data and exits); true once it has.
  void stop() {
    proc_.stop();
    ready_ = false;
  }

  /// PING answered PONG.
  bool ping() const { return command_ok({"PING"}); }

  /// Runs one command on a connection of its own; true when it did not answer an error.
  bool command_ok(const std::vector<std::string>& args) const {
    timeval tv{1, 0};
    redisContext* c = redisConnectWithTimeout("127.0.0.1", port_, tv);
    if (c == nullptr || c->err != 0) {
      if (c != nullptr) redisFree(c);
      return false;
    }
    std::vector<const char*> argv;
    std::vector<size_t> lens;
    for (const auto& a : args) {
      argv.push_back(a.c_str());
      lens.push_back(a.size());
    }
    auto* r = static_cast<redisReply*>(
        redisCommandArgv(c, static_cast<int>(argv.size()), argv.data(), lens.data()));
    const bool ok = r != nullptr && r->type != REDIS_REPLY_ERROR;
    if (r != nullptr) freeReplyObject(r);
    redisFree(c);
    return ok;
  }

 private:
  std::string binary_;
  std::string dir_;
  int port_ = 0;
  bool ready_ = false;
  Child proc_;
};

}  // namespace whatsapp_redis_test
