#pragma once

/// @file webhook_connection.hpp
/// Private: one client connection of the built-in webhook server (webhook/server.hpp), a state
/// machine driven by poll(): idle -> head -> body -> write -> idle (keep-alive), or linger
/// (after an answer that closes: the write side is shut, what the client still sends is read
/// and dropped for a short while, so that the answer is not lost to a TCP reset).

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "whatsapp/webhook/detail/chunked.hpp"
#include "whatsapp/webhook/detail/http_head.hpp"
#include "whatsapp/webhook/detail/request.hpp"
#include "whatsapp/webhook/detail/socket.hpp"

namespace whatsapp::detail {

using WebhookClock = std::chrono::steady_clock;

class WebhookConnection {
 public:
  using Clock = WebhookClock;

  WebhookConnection(int socket_fd, WebhookRequestHandler& handler, Clock::time_point now)
      : fd(socket_fd), handler_(handler), chunked_(handler.options().max_body_bytes) {
    enter_idle(now);
  }
  WebhookConnection(const WebhookConnection&) = delete;
  WebhookConnection& operator=(const WebhookConnection&) = delete;
  ~WebhookConnection() { close_now(); }

  int fd;                        ///< -1 once closed.
  Clock::time_point deadline{};  ///< When the current phase times out.
  Clock::time_point since{};     ///< When the current phase began (for eviction).

  bool closed() const noexcept { return fd < 0; }
  /// Idle and lingering connections are closed first when the server is full.
  /// Kept alive between requests, or lingering after its last answer: closed first when the
  /// server is full. A new connection waiting for its first byte is not: it has had no turn yet
  /// (closing it first let slow heads push out every newcomer).
  bool evictable_first() const noexcept {
    return (phase_ == Phase::kIdle && requests_ > 0) || phase_ == Phase::kLinger;
  }

  /// What to poll for.
  short poll_events() const noexcept {
    short ev = phase_ == Phase::kWrite ? 0 : POLLIN;
    if (out_off_ < out_.size()) ev = static_cast<short>(ev | POLLOUT);
    return ev;
  }

  /// Handles what poll() reported.
  void on_events(short revents, Clock::time_point now) {
    if ((revents & (POLLERR | POLLNVAL)) != 0) return close_now();
    if ((revents & POLLOUT) != 0) write_some(now);
    if (closed()) return;
    if ((revents & (POLLIN | POLLHUP)) != 0 && phase_ != Phase::kWrite) read_some(now);
    if (!closed() && phase_ == Phase::kIdle && !in_.empty()) process(now);
  }

  /// The phase's time is up: a request gets 408, anything else is closed.
  void on_deadline(Clock::time_point now) {
    if (phase_ == Phase::kHead || phase_ == Phase::kBody) {
      respond(now, handler_.refuse(408, "request not complete in time"), true);
    } else {
      close_now();
    }
  }

  /// One last attempt to send a pending answer (the server is stopping).
  void flush_once() noexcept {
    if (!closed() && out_off_ < out_.size()) {
      (void)webhook_send(fd, out_.data() + out_off_, out_.size() - out_off_);
    }
  }

  void close_now() noexcept {
    if (fd >= 0) ::close(fd);
    fd = -1;
    release_body();
  }

 private:
  enum class Phase { kIdle, kHead, kBody, kWrite, kLinger };

  const webhook::ServerOptions& options() const noexcept { return handler_.options(); }

  void enter_idle(Clock::time_point now) {
    phase_ = Phase::kIdle;
    deadline = now + options().idle_timeout;
    since = now;
  }

  void read_some(Clock::time_point now) {
    char buf[16 * 1024];
    for (int round = 0; round < 4 && !closed() && phase_ != Phase::kWrite; ++round) {
      const ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) close_now();
        return;
      }
      if (n == 0) return close_now();          // the client is gone (or gave up mid-request)
      if (phase_ == Phase::kLinger) continue;  // read and dropped
      in_.append(buf, static_cast<std::size_t>(n));
      process(now);
    }
  }

  // Works through the bytes read, request after request, until more are needed or an answer
  // is waiting to be written.
  void process(Clock::time_point now) {
    while (!closed()) {
      switch (phase_) {
        case Phase::kIdle:
          if (in_.empty()) return;
          phase_ = Phase::kHead;
          deadline = now + options().request_timeout;
          since = now;
          scanned_ = 0;
          break;
        case Phase::kHead:
          if (!read_head(now)) return;
          break;
        case Phase::kBody:
          read_body(now);
          if (phase_ == Phase::kBody) return;
          break;
        case Phase::kWrite:
        case Phase::kLinger: return;
      }
    }
  }

  // False when more bytes are needed.
  bool read_head(Clock::time_point now) {
    if (scanned_ == 0) {  // empty lines before a request line are skipped (RFC 9112, 2.2)
      std::size_t skip = 0;
      while (in_.compare(skip, 2, "\r\n") == 0) skip += 2;
      in_.erase(0, skip);
    }
    const std::size_t end = webhook_find_head_end(in_, scanned_ > 3 ? scanned_ - 3 : 0);
    const std::size_t limit = options().max_head_bytes;
    // A line that ends in a bare LF is refused at once, not left to wait for the timeout.
    for (std::size_t i = scanned_, upto = std::min(in_.size(), end); i < upto; ++i) {
      if (in_[i] == '\n' && (i == 0 || in_[i - 1] != '\r')) {
        respond(now, handler_.refuse(400, "line not terminated by CRLF"), true);
        return true;
      }
    }
    if (end == std::string::npos) {
      if (in_.size() > limit) {
        respond(now, handler_.refuse(431, "request head too large"), true);
        return true;
      }
      scanned_ = in_.size();
      return false;
    }
    if (end > limit) {
      respond(now, handler_.refuse(431, "request head too large"), true);
      return true;
    }
    const HttpHeadResult r =
        webhook_parse_head(std::string_view(in_).substr(0, end), head_, options().max_headers);
    in_.erase(0, end);
    if (!r.ok()) {
      respond(now, handler_.refuse(r.status, r.reason), true);
      return true;
    }
    ++requests_;
    keep_alive_ = wants_keep_alive();
    framing_ = webhook_body_framing(head_);
    const bool has_body = framing_.kind == HttpBodyFraming::Kind::kChunked ||
                          (framing_.kind == HttpBodyFraming::Kind::kLength && framing_.length > 0);
    WebhookVerdict v = handler_.check_head(head_, framing_);
    if (v.status != 0) {
      // The body (if any) is not read, so the connection cannot carry another request.
      respond(now, v,
              has_body || framing_.status != 0 || !keep_alive_ ||
                  requests_ >= options().max_requests_per_connection);
      return true;
    }
    if (framing_.kind == HttpBodyFraming::Kind::kLength) {
      // The body's bytes are booked as they arrive, not as announced: heads that announce a
      // large body and send none cannot fill max_buffered_bytes and turn deliveries away.
      const auto length = static_cast<std::size_t>(framing_.length);
      body_.reserve(std::min(length, kFirstBodyBytes));
      body_left_ = length;
    } else if (framing_.kind == HttpBodyFraming::Kind::kChunked) {
      chunked_.reset();
    }
    if (has_body && head_.minor_version == 1 && webhook_header(head_, "Expect") != nullptr) {
      out_ = "HTTP/1.1 100 Continue\r\n\r\n";
      out_off_ = 0;
      write_some(now);
    }
    phase_ = Phase::kBody;
    return true;
  }

  void read_body(Clock::time_point now) {
    if (framing_.kind == HttpBodyFraming::Kind::kLength) {
      const std::size_t n = std::min<std::size_t>(body_left_, in_.size());
      if (!handler_.reserve(n)) {
        respond(now, handler_.refuse(503, "too many request bodies at once", "Retry-After: 1\r\n"), true);
        return;
      }
      reserved_ += n;
      body_.append(in_, 0, n);
      in_.erase(0, n);
      body_left_ -= n;
      if (body_left_ == 0) finish(now);
    } else if (framing_.kind == HttpBodyFraming::Kind::kChunked) {
      const std::size_t before = body_.size();
      std::size_t consumed = 0;
      const auto status = chunked_.feed(in_, consumed, body_);
      in_.erase(0, consumed);
      const std::size_t grown = body_.size() - before;
      if (!handler_.reserve(grown)) {
        respond(now, handler_.refuse(503, "too many request bodies at once", "Retry-After: 1\r\n"), true);
        return;
      }
      reserved_ += grown;
      using S = WebhookChunkedDecoder::Status;
      if (status == S::kBad) {
        respond(now, handler_.refuse(400, "malformed chunked body"), true);
      } else if (status == S::kTooLarge) {
        respond(
            now,
            handler_.refuse(413, "body larger than " + std::to_string(options().max_body_bytes) + " bytes"),
            true);
      } else if (status == S::kDone) {
        finish(now);
      }
    } else {
      finish(now);
    }
  }

  void finish(Clock::time_point now) {
    WebhookVerdict v = head_.method == "POST" ? handler_.answer_post(head_, body_) : WebhookVerdict{};
    respond(now, v, !keep_alive_ || requests_ >= options().max_requests_per_connection);
  }

  bool wants_keep_alive() const {
    bool close = false;
    bool keep = false;
    webhook_for_each_list_element(head_, "Connection", [&](std::string_view t) {
      close = close || webhook_iequals(t, "close");
      keep = keep || webhook_iequals(t, "keep-alive");
      return true;
    });
    return head_.minor_version == 1 ? !close : keep && !close;
  }

  void respond(Clock::time_point now, const WebhookVerdict& v, bool close) {
    release_body();
    if (out_off_ >= out_.size()) {
      out_.clear();
      out_off_ = 0;
    }
    out_ += webhook_response(v.status, v.body, !close, v.extra_headers);
    close_after_ = close;
    phase_ = Phase::kWrite;
    deadline = now + options().request_timeout;
    write_some(now);
  }

  void write_some(Clock::time_point now) {
    while (out_off_ < out_.size()) {
      const long n = webhook_send(fd, out_.data() + out_off_, out_.size() - out_off_);
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) close_now();
        return;
      }
      out_off_ += static_cast<std::size_t>(n);
    }
    out_.clear();
    out_off_ = 0;
    if (phase_ != Phase::kWrite) return;  // an interim 100 Continue went out
    if (close_after_) {
      ::shutdown(fd, SHUT_WR);
      phase_ = Phase::kLinger;
      in_.clear();
      since = now;
      deadline =
          now + std::min<std::chrono::milliseconds>(options().request_timeout, std::chrono::seconds(2));
      return;
    }
    enter_idle(now);
  }

  void release_body() noexcept {
    handler_.release(reserved_);
    reserved_ = 0;
    body_left_ = 0;
    if (body_.capacity() > std::size_t{64} * 1024) {
      std::string().swap(body_);
    } else {
      body_.clear();
    }
  }

  // Room made for a Content-Length body before its bytes arrive: a delivery fits (a few KB).
  static constexpr std::size_t kFirstBodyBytes = std::size_t{64} * 1024;

  WebhookRequestHandler& handler_;
  Phase phase_ = Phase::kIdle;
  std::string in_;           // read, not yet consumed
  std::size_t scanned_ = 0;  // bytes of in_ searched for the end of the head
  HttpRequestHead head_;
  HttpBodyFraming framing_;
  WebhookChunkedDecoder chunked_;
  std::size_t body_left_ = 0;  // Content-Length bytes still to come
  std::string body_;
  std::size_t reserved_ = 0;  // booked with handler_.reserve()
  std::string out_;
  std::size_t out_off_ = 0;
  bool close_after_ = false;
  bool keep_alive_ = true;
  std::size_t requests_ = 0;
};

}  // namespace whatsapp::detail
