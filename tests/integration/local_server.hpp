#pragma once

// A cpp-httplib server on an ephemeral 127.0.0.1 port, started and stopped by a test.

#include <httplib.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

namespace whatsapp_test {

class LocalServer {
 public:
  LocalServer() {
    server_.set_keep_alive_max_count(100000);
    server_.set_tcp_nodelay(true);  // else Nagle + delayed ACK add 40 ms per answer
  }
  LocalServer(const LocalServer&) = delete;
  LocalServer& operator=(const LocalServer&) = delete;
  ~LocalServer() { stop(); }

  httplib::Server& server() { return server_; }

  /// Binds a free port, serves on a thread, and returns once the server accepts connections.
  void start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("cannot bind 127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // The socket already listens (connections queue); wait until the accept loop runs so that
    // stop() cannot race its start. Bounded: 10 s.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!server_.is_running() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::yield();
    }
    if (!server_.is_running()) throw std::runtime_error("server did not start");
  }

  void stop() {
    if (thread_.joinable()) {
      server_.stop();
      thread_.join();
    }
  }

  int port() const { return port_; }
  std::string url(const std::string& path = "") const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace whatsapp_test
