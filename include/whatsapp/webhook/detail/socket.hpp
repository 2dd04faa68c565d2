#pragma once

/// @file webhook_socket.hpp
/// Private: the POSIX socket calls of the built-in webhook server (webhook/server.hpp):
/// a non-blocking listening socket, accept, send without SIGPIPE, and the HTTP answers.

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace whatsapp::detail {

/// Makes `fd` non-blocking and close-on-exec. False on failure.
inline bool webhook_prepare_fd(int fd) noexcept {
  const int fl = ::fcntl(fd, F_GETFL, 0);
  if (fl < 0 || ::fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0) return false;
  const int fdfl = ::fcntl(fd, F_GETFD, 0);
  return fdfl >= 0 && ::fcntl(fd, F_SETFD, fdfl | FD_CLOEXEC) == 0;
}

/// A listening TCP socket on `host` (an IPv4 or IPv6 literal) and `port` (0: any free port),
/// non-blocking. Returns the fd, or -1 with `why` set.
inline int webhook_listen(const std::string& host, std::uint16_t port, int backlog, std::string& why) {
  sockaddr_storage addr{};
  socklen_t len = 0;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&addr);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&addr);
  if (::inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(port);
    len = sizeof(sockaddr_in);
  } else if (::inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    len = sizeof(sockaddr_in6);
  } else {
    why = "not an IPv4 or IPv6 address: " + host;
    return -1;
  }
  const int fd = ::socket(addr.ss_family, SOCK_STREAM, 0);
  if (fd < 0) {
    why = std::string("socket() failed: ") + std::strerror(errno);
    return -1;
  }
  const int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  if (!webhook_prepare_fd(fd) || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
      ::listen(fd, backlog) != 0) {
    why = "cannot listen on " + host + ":" + std::to_string(port) + ": " + std::strerror(errno);
    ::close(fd);
    return -1;
  }
  return fd;
}

/// The port `fd` is bound to, or 0.
inline std::uint16_t webhook_bound_port(int fd) noexcept {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return 0;
  if (addr.ss_family == AF_INET) return ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
  if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port);
  return 0;
}

/// Accepts one connection, non-blocking, with TCP_NODELAY (answers are small and go at once).
/// Returns the fd, or -1 with errno set (EAGAIN when none is waiting).
inline int webhook_accept(int listen_fd) noexcept {
  const int fd = ::accept(listen_fd, nullptr, nullptr);
  if (fd < 0) return -1;
  if (!webhook_prepare_fd(fd)) {
    ::close(fd);
    errno = ECONNABORTED;
    return -1;
  }
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
#ifdef SO_NOSIGPIPE
  ::setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof(one));
#endif
  return fd;
}

/// send() that never raises SIGPIPE. Returns what send() returns.
inline long webhook_send(int fd, const char* data, std::size_t size) noexcept {
#ifdef MSG_NOSIGNAL
  return static_cast<long>(::send(fd, data, size, MSG_NOSIGNAL));
#else
  return static_cast<long>(::send(fd, data, size, 0));
#endif
}

/// The reason phrase of the statuses the server answers with.
constexpr std::string_view webhook_reason(int status) noexcept {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 417: return "Expectation Failed";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
  }
}

/// A complete HTTP/1.1 answer with a text/plain body. Every answer carries
/// `X-Content-Type-Options: nosniff` and `Cache-Control: no-store`; `extra` holds further
/// header lines, each ending in CRLF.
inline std::string webhook_response(int status, std::string_view body, bool keep_alive,
                                    std::string_view extra = {}) {
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + std::string(webhook_reason(status)) + "\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\n";
  out += "X-Content-Type-Options: nosniff\r\n";
  out += "Cache-Control: no-store\r\n";
  out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  out += keep_alive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
  out.append(extra.data(), extra.size());
  out += "\r\n";
  out.append(body.data(), body.size());
  return out;
}

}  // namespace whatsapp::detail
