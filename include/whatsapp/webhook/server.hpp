#pragma once

/// @file server.hpp
/// A small built-in HTTP/1.1 server for Meta's webhooks, POSIX only: one thread, non-blocking
/// sockets and poll(). It answers the GET handshake, checks `X-Hub-Signature-256` over the
/// raw body before anything is parsed, then parses and dispatches the notification. It is
/// hardened for the open internet: bodies are limited before they are buffered whatever
/// their transfer coding, never decompressed, heads and whole requests have time limits, and
/// the number of connections is bounded without refusing new ones (ServerOptions).
///
/// ```cpp
/// wh::ServerOptions o;
/// o.app_secret = app_secret;
/// o.verify_token = verify_token;
/// wh::Server server(o, dispatcher);
/// auto r = server.run();  // until server.stop()
/// ```

#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/webhook/detail/connection.hpp"
#include "whatsapp/webhook/detail/socket.hpp"
#include "whatsapp/webhook/dispatcher.hpp"
#include "whatsapp/webhook/server_options.hpp"

namespace whatsapp::webhook {

/// The webhook server. Construct, then run() on one thread; stop() from any thread or from a
/// signal handler. Handlers of the Dispatcher run on the server's thread, one request at a
/// time: answer quickly (hand slow work to a queue). Not copyable.
class Server {
 public:
  /// A server with these settings, dispatching each verified notification with `dispatcher`.
  /// Nothing is opened until listen() or run().
  Server(ServerOptions options, Dispatcher dispatcher)
      : options_(std::move(options)), handler_(options_, std::move(dispatcher)) {
    int fds[2] = {-1, -1};
    if (::pipe(fds) == 0) {
      wake_read_ = fds[0];
      wake_write_ = fds[1];
      ::whatsapp::detail::webhook_prepare_fd(wake_read_);
      ::whatsapp::detail::webhook_prepare_fd(wake_write_);
    }
  }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  ~Server() {
    conns_.clear();
    if (listen_fd_ >= 0) ::close(listen_fd_);
    if (wake_read_ >= 0) ::close(wake_read_);
    if (wake_write_ >= 0) ::close(wake_write_);
  }

  /// Opens the listening socket (once; later calls return the same port). Not retried.
  /// @return the port, or kInvalidArgument (no app secret, a host that is not an IP literal,
  ///         a zero limit) or kTransport (the address cannot be bound, with the system's reason).
  Result<std::uint16_t> listen() {
    if (listen_fd_ >= 0) return port_;
    if (options_.app_secret.empty()) {
      return Error(ErrorKind::kInvalidArgument, "webhook server: no app secret configured");
    }
    if (options_.max_body_bytes == 0 || options_.max_head_bytes == 0 || options_.max_connections == 0 ||
        options_.request_timeout.count() <= 0 || options_.idle_timeout.count() <= 0) {
      return Error(ErrorKind::kInvalidArgument, "webhook server: limits and timeouts must be positive");
    }
    if (wake_read_ < 0) return Error(ErrorKind::kTransport, "webhook server: cannot create its wake-up pipe");
    std::string why;
    const int fd = ::whatsapp::detail::webhook_listen(options_.host, options_.port, options_.backlog, why);
    if (fd < 0) {
      return Error(why.rfind("not an", 0) == 0 ? ErrorKind::kInvalidArgument : ErrorKind::kTransport,
                   "webhook server: " + why);
    }
    listen_fd_ = fd;
    port_ = ::whatsapp::detail::webhook_bound_port(fd);
    return port_;
  }

  /// The port listened on; 0 before listen().
  std::uint16_t port() const noexcept { return port_; }

  /// Serves until stop() (listening first if listen() was not called). On stop, answers
  /// already produced are sent once more without waiting, and every connection is closed.
  /// @return nothing when stopped, or the error of listen(), or kTransport when poll() fails.
  Result<void> run() {
    auto listening = listen();
    if (!listening) return listening.error();
    std::vector<pollfd> fds;
    while (!stop_.load()) {
      const Clock::time_point now = Clock::now();
      expire(now);
      fds.clear();
      fds.push_back({wake_read_, POLLIN, 0});
      fds.push_back({listen_fd_, static_cast<short>(now >= accept_paused_until_ ? POLLIN : 0), 0});
      Clock::time_point next = now + std::chrono::seconds(1);
      for (const auto& c : conns_) {
        fds.push_back({c->fd, c->poll_events(), 0});
        if (c->deadline < next) next = c->deadline;
      }
      if (accept_paused_until_ > now && accept_paused_until_ < next) next = accept_paused_until_;
      const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - now).count() + 1;
      const int n = ::poll(fds.data(), static_cast<nfds_t>(fds.size()), static_cast<int>(wait));
      if (n < 0) {
        if (errno == EINTR) continue;
        return Error(ErrorKind::kTransport, "webhook server: poll() failed");
      }
      if (fds[0].revents != 0) drain_wake_pipe();
      // Connections first (the vector is only appended to by accept, below).
      const std::size_t polled = fds.size() - 2;
      for (std::size_t i = 0; i < polled && i < conns_.size(); ++i) {
        const short ev = fds[i + 2].revents;
        if (ev == 0) continue;
        try {
          conns_[i]->on_events(ev, Clock::now());
        } catch (const std::exception& e) {  // std::bad_alloc: lose this connection, not the server
          handler_.log(std::string("connection dropped: ") + e.what());
          conns_[i]->close_now();
        }
      }
      if ((fds[1].revents & POLLIN) != 0) accept_all();
      remove_closed();
    }
    for (auto& c : conns_) c->flush_once();
    conns_.clear();
    return {};
  }

  /// Asks run() to return. Safe from any thread and from a signal handler (it sets a flag and
  /// writes one byte to a pipe). May be called before run(): run() then returns at once.
  void stop() noexcept {
    stop_.store(true);
    if (wake_write_ >= 0) {
      const char b = 1;
      const ssize_t ignored = ::write(wake_write_, &b, 1);
      (void)ignored;
    }
  }

 private:
  using Clock = ::whatsapp::detail::WebhookClock;
  using Conn = ::whatsapp::detail::WebhookConnection;

  void drain_wake_pipe() noexcept {
    char buf[64];
    while (::read(wake_read_, buf, sizeof(buf)) > 0) {
    }
  }

  // Accepts what is waiting (bounded per round so that open connections are served too).
  void accept_all() {
    for (int round = 0; round < 64; ++round) {
      const int fd = ::whatsapp::detail::webhook_accept(listen_fd_);
      if (fd < 0) {
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
          // Out of descriptors: make room, or stop accepting for a moment (no busy loop).
          if (!evict_one()) accept_paused_until_ = Clock::now() + std::chrono::milliseconds(100);
        }
        return;
      }
      if (conns_.size() >= options_.max_connections) evict_one();  // full: room for the newcomer
      conns_.push_back(std::make_unique<Conn>(fd, handler_, Clock::now()));
    }
  }

  // Closes the idle (or lingering) connection that waited longest, else the one whose request
  // started first. False when there is none.
  bool evict_one() noexcept {
    Conn* victim = nullptr;
    for (auto& c : conns_) {
      if (c->closed()) continue;
      const bool idle = c->evictable_first();
      const bool victim_idle = victim != nullptr && victim->evictable_first();
      if (victim == nullptr || (idle && !victim_idle) || (idle == victim_idle && c->since < victim->since)) {
        victim = c.get();
      }
    }
    if (victim == nullptr) return false;
    victim->close_now();
    remove_closed();
    return true;
  }

  void expire(Clock::time_point now) {
    for (auto& c : conns_) {
      if (now < c->deadline) continue;
      try {
        c->on_deadline(now);
      } catch (const std::exception&) {
        c->close_now();
      }
    }
    remove_closed();
  }

  void remove_closed() {
    for (std::size_t i = 0; i < conns_.size();) {
      if (conns_[i]->closed()) {
        conns_[i] = std::move(conns_.back());
        conns_.pop_back();
      } else {
        ++i;
      }
    }
  }

  ServerOptions options_;
  ::whatsapp::detail::WebhookRequestHandler handler_;
  std::vector<std::unique_ptr<Conn>> conns_;
  int listen_fd_ = -1;
  int wake_read_ = -1;
  int wake_write_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  Clock::time_point accept_paused_until_{};
};

}  // namespace whatsapp::webhook
