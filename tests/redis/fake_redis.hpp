#pragma once

// A Redis impostor on 127.0.0.1 for the failures a real redis-server will not produce: it reads
// each command (RESP arrays of bulk strings) and answers what the test's function returns for
// it, at once or a byte at a time, or closes the connection. Counts connections and commands.

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "../integration/loopback_socket.hpp"

namespace whatsapp_redis_test {

class FakeRedis {
 public:
  /// What to answer one command with: the bytes, and whether to send them a byte every
  /// `trickle` (zero: at once). Empty bytes close the connection instead.
  struct Answer {
    std::string bytes;
    std::chrono::milliseconds trickle{0};
  };
  using Script = std::function<Answer(const std::vector<std::string>& command)>;

  explicit FakeRedis(Script script) : script_(std::move(script)) {}

  int port() const { return listener_.port(); }
  int connections() const { return connections_; }
  /// The names of the commands received, in order.
  std::vector<std::string> commands() const {
    std::lock_guard<std::mutex> lock(mu_);
    return names_;
  }

 private:
  // One connection at a time: the SDK's connection is one socket.
  void serve() {
    while (!listener_.stopping()) {
      const int fd = listener_.accept_within(20);
      if (fd < 0) continue;
      ++connections_;
      serve_connection(fd);
      ::close(fd);
    }
  }

  void serve_connection(int fd) {
    std::string in;
    while (!listener_.stopping()) {
      std::vector<std::string> command;
      std::size_t used = 0;
      while (!parse(in, command, used)) {
        pollfd p{fd, POLLIN, 0};
        if (listener_.stopping()) return;
        if (::poll(&p, 1, 20) <= 0) continue;
        char buf[4096];
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) return;
        in.append(buf, static_cast<std::size_t>(n));
      }
      in.erase(0, used);
      {
        std::lock_guard<std::mutex> lock(mu_);
        names_.push_back(command.empty() ? "" : command[0]);
      }
      const Answer a = script_(command);
      if (a.bytes.empty()) return;  // close
      if (a.trickle.count() == 0) {
        whatsapp_test::write_all(fd, a.bytes);
        continue;
      }
      for (const char c : a.bytes) {  // a byte at a time, until done or stopped
        if (listener_.stopping()) return;
        whatsapp_test::write_all(fd, std::string(1, c));
        const auto until = std::chrono::steady_clock::now() + a.trickle;
        while (!listener_.stopping() && std::chrono::steady_clock::now() < until) {
          pollfd p{fd, POLLIN, 0};
          ::poll(&p, 1, 10);  // a short wait on the socket: stopping() is checked between
          if ((p.revents & (POLLHUP | POLLERR)) != 0) return;
        }
      }
    }
  }

  // One command from the start of `in`: true with its arguments and its size when whole.
  static bool parse(const std::string& in, std::vector<std::string>& out, std::size_t& used) {
    out.clear();
    if (in.empty() || in[0] != '*') return false;
    std::size_t pos = in.find("\r\n");
    if (pos == std::string::npos) return false;
    const long count = std::stol(in.substr(1, pos - 1));
    pos += 2;
    for (long i = 0; i < count; ++i) {
      if (pos >= in.size() || in[pos] != '$') return false;
      const std::size_t eol = in.find("\r\n", pos);
      if (eol == std::string::npos) return false;
      const auto len = static_cast<std::size_t>(std::stol(in.substr(pos + 1, eol - pos - 1)));
      if (in.size() < eol + 2 + len + 2) return false;
      out.push_back(in.substr(eol + 2, len));
      pos = eol + 2 + len + 2;
    }
    used = pos;
    return true;
  }

  Script script_;
  std::atomic<int> connections_{0};
  mutable std::mutex mu_;
  std::vector<std::string> names_;
  whatsapp_test::LoopbackServerThread listener_{[this] { serve(); }};
};

}  // namespace whatsapp_redis_test
