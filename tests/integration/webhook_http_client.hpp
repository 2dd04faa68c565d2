#pragma once

// A raw HTTP/1.1 client over a TCP socket on 127.0.0.1 for the webhook server tests: it sends
// exactly the bytes a test writes (malformed heads, smuggling attempts, endless chunked bodies)
// and reads answers with a deadline (poll), never with a sleep.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

#include "whatsapp/webhook/signature.hpp"

namespace whatsapp_test {

using WebhookClock = std::chrono::steady_clock;
using std::chrono::milliseconds;

/// One HTTP answer as read from the socket.
struct RawAnswer {
  int status = 0;                              ///< 0 when no complete answer arrived.
  std::map<std::string, std::string> headers;  ///< Names in lower case.
  std::string body;
  bool saw_continue = false;  ///< A "100 Continue" came first.
  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

/// A client connection. Throws std::runtime_error when it cannot connect.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket() failed");
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0) {
      ::close(fd_);
      throw std::runtime_error("connect() failed: errno " + std::to_string(errno));
    }
    const int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }

  int fd() const { return fd_; }

  /// Sends all of `data` within `limit`. False when the server closed or the time ran out.
  bool send_all(std::string_view data, milliseconds limit = milliseconds(5000)) {
    const auto deadline = WebhookClock::now() + limit;
    while (!data.empty()) {
      if (!wait_for(POLLOUT, deadline)) return false;
      const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) continue;
        return false;
      }
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  /// True when bytes (or the end of the stream) can be read within `limit`.
  bool readable_within(milliseconds limit) {
    return !in_.empty() || wait_for(POLLIN, WebhookClock::now() + limit);
  }

  /// Reads one answer within `limit` (skipping a 100 Continue). status 0 when none came.
  RawAnswer read_answer(milliseconds limit = milliseconds(5000)) {
    const auto deadline = WebhookClock::now() + limit;
    RawAnswer a;
    while (true) {
      const std::size_t end = in_.find("\r\n\r\n");
      if (end != std::string::npos) {
        RawAnswer head = parse_head(in_.substr(0, end));
        const std::size_t length = std::strtoull(head.header("content-length").c_str(), nullptr, 10);
        if (head.status == 100) {
          in_.erase(0, end + 4);
          a.saw_continue = true;
          continue;
        }
        if (in_.size() >= end + 4 + length) {
          head.body = in_.substr(end + 4, length);
          head.saw_continue = a.saw_continue;
          in_.erase(0, end + 4 + length);
          return head;
        }
      }
      if (!fill(deadline)) return a;
    }
  }

  /// True when the server closes the connection (end of stream or reset) within `limit`;
  /// bytes arriving before are read and dropped.
  bool closed_within(milliseconds limit) {
    const auto deadline = WebhookClock::now() + limit;
    in_.clear();
    while (fill(deadline)) in_.clear();
    return eof_;
  }

  /// Whether the server has closed the stream (as seen so far).
  bool eof() const { return eof_; }

 private:
  bool wait_for(short events, WebhookClock::time_point deadline) {
    while (true) {
      auto left = std::chrono::duration_cast<milliseconds>(deadline - WebhookClock::now()).count();
      if (left < 0) left = 0;  // still look once
      pollfd p{fd_, events, 0};
      const int r = ::poll(&p, 1, static_cast<int>(left));
      if (r > 0) return true;
      if (r < 0 && errno != EINTR) return false;
      if (r == 0 && left == 0) return false;
    }
  }

  // Reads once; false at the end of the stream, on a reset or when the time runs out.
  bool fill(WebhookClock::time_point deadline) {
    if (eof_ || !wait_for(POLLIN, deadline)) return false;
    char buf[16384];
    const ssize_t n = ::recv(fd_, buf, sizeof(buf), MSG_DONTWAIT);
    if (n > 0) {
      in_.append(buf, static_cast<std::size_t>(n));
      return true;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) return true;
    eof_ = true;  // 0: orderly end; <0: reset
    return false;
  }

  static RawAnswer parse_head(const std::string& head) {
    RawAnswer a;
    const std::size_t eol = head.find("\r\n");
    const std::string status_line = head.substr(0, eol);
    if (status_line.rfind("HTTP/1.", 0) == 0 && status_line.size() >= 12) {
      a.status = std::atoi(status_line.substr(9, 3).c_str());
    }
    std::size_t at = eol == std::string::npos ? head.size() : eol + 2;
    while (at < head.size()) {
      std::size_t next = head.find("\r\n", at);
      if (next == std::string::npos) next = head.size();
      const std::string line = head.substr(at, next - at);
      const std::size_t colon = line.find(':');
      if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::size_t v = colon + 1;
        while (v < line.size() && line[v] == ' ') ++v;
        a.headers[name] = line.substr(v);
      }
      at = next + 2;
    }
    return a;
  }

  int fd_ = -1;
  std::string in_;
  bool eof_ = false;
};

/// A status notification as Meta sends it (our own ids), one line of JSON.
inline std::string webhook_status_body(const std::string& wamid) {
  return R"({"object":"whatsapp_business_account","entry":[{"id":"880011223344","changes":[{"field":"messages",)"
         R"("value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550009999",)"
         R"("phone_number_id":"660011"},"statuses":[{"id":")" +
         wamid + R"(","status":"delivered","timestamp":"1733300000","recipient_id":"15550001234"}]}}]}]})";
}

/// A complete signed POST of `body` to /webhook.
inline std::string signed_post(const std::string& body, const std::string& secret, bool keep_alive = true) {
  return "POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
         "X-Hub-Signature-256: " +
         whatsapp::webhook::sign(body, secret) + "\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n" + (keep_alive ? "" : "Connection: close\r\n") + "\r\n" + body;
}

/// A well-formed signature header that matches no body: gets a request past the head checks.
inline std::string wrong_signature_line() {
  return "X-Hub-Signature-256: sha256=" + std::string(64, '0') + "\r\n";
}

}  // namespace whatsapp_test
