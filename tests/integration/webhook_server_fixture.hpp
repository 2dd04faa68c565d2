#pragma once

// The SDK's webhook server (whatsapp/webhook/server.hpp) running on a thread of the test, on
// an ephemeral 127.0.0.1 port, recording the events it dispatches.

#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "whatsapp/webhook/server.hpp"
#include "whatsapp/webhook/webhook.hpp"

namespace whatsapp_test {

inline const std::string kWebhookSecret = "server_test_app_secret";
inline const std::string kWebhookVerifyToken = "server_test_verify_token";

/// Options with the test's secrets; tests shorten limits on a copy.
inline whatsapp::webhook::ServerOptions webhook_test_options() {
  whatsapp::webhook::ServerOptions o;
  o.app_secret = kWebhookSecret;
  o.verify_token = kWebhookVerifyToken;
  return o;
}

class WebhookServerThread {
 public:
  explicit WebhookServerThread(whatsapp::webhook::ServerOptions o = webhook_test_options())
      : server_(std::move(o), make_dispatcher()) {
    auto port = server_.listen();
    if (!port) throw std::runtime_error(port.error().message());
    port_ = *port;
    // The socket already listens: connections queue until run() accepts them.
    thread_ = std::thread([this] { result_ok_ = server_.run().ok(); });
  }
  WebhookServerThread(const WebhookServerThread&) = delete;
  WebhookServerThread& operator=(const WebhookServerThread&) = delete;
  ~WebhookServerThread() { stop(); }

  void stop() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

  int port() const { return port_; }
  bool run_returned_ok() const { return result_ok_; }

  /// "status <wamid> <status>" per event handled, in order.
  std::vector<std::string> events() {
    std::lock_guard<std::mutex> lock(m_);
    return events_;
  }

 private:
  whatsapp::webhook::Dispatcher make_dispatcher() {
    whatsapp::webhook::Dispatcher d;
    d.on_status([this](const whatsapp::webhook::Event&, const whatsapp::webhook::Status& s) {
      std::lock_guard<std::mutex> lock(m_);
      events_.push_back("status " + s.id + " " + s.status);
    });
    return d;
  }

  std::mutex m_;
  std::vector<std::string> events_;
  whatsapp::webhook::Server server_;
  std::thread thread_;
  int port_ = 0;
  bool result_ok_ = false;
};

}  // namespace whatsapp_test
