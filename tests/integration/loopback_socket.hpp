#pragma once

// Plain-socket pieces of the raw servers that tests write when cpp-httplib cannot misbehave the
// way they need: a listening socket on 127.0.0.1 served by a thread, writing all of an answer,
// and where the first request in what was read ends.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

namespace whatsapp_test {

/// A socket listening on 127.0.0.1 on a free port (set in `port`); throws when there is none.
inline int listen_on_loopback(int& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(fd, 16) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("cannot listen on 127.0.0.1");
  }
  port = ntohs(a.sin_port);
  return fd;
}

/// A socket listening on 127.0.0.1 and the thread that serves it. Make it a raw server's last
/// member: it is then destroyed first, and its destructor stops and joins the thread while the
/// members the thread uses still exist (the thread closes what it opened before it returns).
class LoopbackServerThread {
 public:
  /// Runs `serve` on a thread of its own; it should return soon after stopping() turns true.
  explicit LoopbackServerThread(std::function<void()> serve)
      : fd_(listen_on_loopback(port_)), thread_(std::move(serve)) {}
  LoopbackServerThread(const LoopbackServerThread&) = delete;
  LoopbackServerThread& operator=(const LoopbackServerThread&) = delete;
  ~LoopbackServerThread() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
  }

  int port() const { return port_; }
  /// The listening socket, for a server that polls it together with its connections.
  int fd() const { return fd_; }
  bool stopping() const { return stop_; }
  /// A connection accepted within `ms` milliseconds, or -1.
  int accept_within(int ms) const {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, ms) <= 0) return -1;
    return ::accept(fd_, nullptr, nullptr);
  }

 private:
  int port_ = 0;
  int fd_ = -1;
  std::atomic<bool> stop_{false};
  std::thread thread_;  // last: it starts once the rest is set
};

/// Writes all of `bytes` to `fd`, stopping at the first failure (the peer went away).
inline void write_all(int fd, std::string_view bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

/// The size of the first request in `in` (its head and a Content-Length body), or npos while its
/// head is incomplete. The request is whole once `in` holds that many bytes.
inline std::size_t http_request_size(std::string_view in) {
  const std::size_t end = in.find("\r\n\r\n");
  if (end == std::string_view::npos) return std::string_view::npos;
  std::size_t length = 0;
  const std::size_t cl = in.find("Content-Length: ");
  if (cl != std::string_view::npos && cl < end) length = std::stoul(std::string(in.substr(cl + 16, 20)));
  return end + 4 + length;
}

}  // namespace whatsapp_test
