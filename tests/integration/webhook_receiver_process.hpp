#pragma once

// examples/webhook_receiver as a child process of the test: started with the test's secrets,
// its port read from its first line (with a deadline), its peak RSS read from /proc, stopped
// with SIGTERM. WHATSAPP_TEST_WEBHOOK_RECEIVER in the environment runs another binary instead
// (e.g. the cpp-httplib receiver of before, to show the abuse tests fail on it).

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>

#include "webhook_test_config.hpp"

namespace whatsapp_test {

/// The receiver binary to test: the environment's WHATSAPP_TEST_WEBHOOK_RECEIVER, else the one
/// built with the tests; empty when there is none.
inline std::string webhook_receiver_binary() {
  const char* e = std::getenv("WHATSAPP_TEST_WEBHOOK_RECEIVER");
  return e != nullptr && *e != '\0' ? std::string(e) : std::string(WHATSAPP_TEST_WEBHOOK_RECEIVER);
}

class ReceiverProcess {
 public:
  /// Starts `binary` with `--port 0` and the given secret and verify token, and with at most
  /// `max_files` open descriptors when not 0. port() is 0 when it did not print its port within
  /// 10 s.
  ReceiverProcess(const std::string& binary, const std::string& secret, const std::string& verify_token,
                  const std::string& extra_arg = "", rlim_t max_files = 0) {
    int out[2];
    if (::pipe(out) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      const int devnull = ::open("/dev/null", O_WRONLY);
      ::dup2(devnull, 2);
      ::close(out[0]);
      ::setenv("WHATSAPP_APP_SECRET", secret.c_str(), 1);
      ::setenv("WHATSAPP_VERIFY_TOKEN", verify_token.c_str(), 1);
      if (max_files != 0) {
        const rlimit files{max_files, max_files};
        ::setrlimit(RLIMIT_NOFILE, &files);
      }
      if (extra_arg.empty()) {
        ::execl(binary.c_str(), binary.c_str(), "--port", "0", static_cast<char*>(nullptr));
      } else {
        ::execl(binary.c_str(), binary.c_str(), "--port", "0", extra_arg.c_str(),
                static_cast<char*>(nullptr));
      }
      ::_exit(127);
    }
    ::close(out[1]);
    out_fd_ = out[0];
    read_port();
  }
  ReceiverProcess(const ReceiverProcess&) = delete;
  ReceiverProcess& operator=(const ReceiverProcess&) = delete;
  ~ReceiverProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      wait_exit(std::chrono::seconds(10));
      if (!exited_) {
        ::kill(pid_, SIGKILL);
        wait_exit(std::chrono::seconds(10));
      }
    }
    if (out_fd_ >= 0) ::close(out_fd_);
  }

  int port() const { return port_; }

  /// True while the process runs.
  bool running() {
    if (exited_ || pid_ <= 0) return false;
    int st = 0;
    if (::waitpid(pid_, &st, WNOHANG) == pid_) exited_ = true;
    return !exited_;
  }

  /// Peak resident set size in kB (VmHWM), or -1.
  long peak_rss_kb() const {
    std::ifstream f("/proc/" + std::to_string(pid_) + "/status");
    std::string line;
    while (std::getline(f, line)) {
      if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
    }
    return -1;
  }

 private:
  void read_port() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    std::string text;
    const std::string marker = "listening on http://127.0.0.1:";
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{out_fd_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      char buf[256];
      const ssize_t n = ::read(out_fd_, buf, sizeof(buf));
      if (n <= 0) return;
      text.append(buf, static_cast<std::size_t>(n));
      const std::size_t at = text.find(marker);
      if (at != std::string::npos && text.find('\n', at) != std::string::npos) {
        port_ = std::atoi(text.c_str() + at + marker.size());
        return;
      }
    }
  }

  void wait_exit(std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!exited_ && std::chrono::steady_clock::now() < deadline) {
      int st = 0;
      if (::waitpid(pid_, &st, WNOHANG) == pid_) {
        exited_ = true;
        return;
      }
      ::poll(nullptr, 0, 10);  // the child gives no descriptor to wait on
    }
  }

  pid_t pid_ = -1;
  int out_fd_ = -1;
  int port_ = 0;
  bool exited_ = false;
};

}  // namespace whatsapp_test
