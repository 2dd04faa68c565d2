// Emulator::Impl: the httplib server, stats, logging, and the pieces it drives.
#pragma once

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include <map>
#include <memory>
#include <mutex>
#include "faults.hpp"
#include "state.hpp"
#include "webhooks.hpp"

#include "whatsapp_emulator/emulator.hpp"

namespace whatsapp_emulator {

struct RouteMatch;

struct Emulator::Impl {
  explicit Impl(Options o);

  Options opts;
  State state;
  FaultBook faults;
  // Where signed webhooks go; replaced by POST /__emulator/webhook (guarded by webhooks_mu: take
  // a copy with sender() and use that).
  std::shared_ptr<WebhookSender> webhooks;
  std::mutex webhooks_mu;
  std::shared_ptr<WebhookSender> sender();
  // Usernames of the users who wrote in by BSUID only (inbound with user_id and username), by
  // BSUID: the status webhooks of a send to such a user carry it, as Meta's do.
  std::map<std::string, std::string> usernames;
  std::mutex usernames_mu;
  httplib::Server svr;
  std::thread thread;
  int port = 0;
  bool started = false;
  bool stopped = false;
  std::mutex lifecycle_mu;

  // Stats and webhook counters; webhook_cv is notified on each delivery result.
  mutable std::mutex stats_mu;
  std::condition_variable webhook_cv;
  Stats stats;

  // Interruptible waits for delay/trickle faults.
  std::atomic<bool> stopping{false};
  std::mutex wait_mu;
  std::condition_variable wait_cv;
  bool serve_done = false;

  std::mutex log_mu;

  std::string base_url() const;   // http://127.0.0.1:<port>/whatsapp
  std::string graph_url() const;  // http://127.0.0.1:<port> (the Graph shape's host)
  void install_handlers();
  void handle(const httplib::Request& req, httplib::Response& res);
  // Returns the format tag for the log line.
  std::string handle_api(const httplib::Request& req, httplib::Response& res, std::string* fault);
  // Graph shape (graph.cpp): routes without the `/whatsapp` prefix, Bearer token, no envelope.
  // Returns the format tag for the log line ("graph", or "-" for an unknown path).
  std::string handle_graph(const httplib::Request& req, httplib::Response& res, std::string* fault);
  // Graph: answers 401/400 and returns false unless the token (and appsecret_proof) are right.
  bool graph_authorized(const httplib::Request& req, httplib::Response& res, bool check_proof);
  // Runs a routed request (faults included) and writes the answer in envelope `env`.
  void run_call(const httplib::Request& req, httplib::Response& res, const RouteMatch& m, Envelope env,
                bool graph, std::string* fault);
  void handle_control(const std::string& path, const httplib::Request& req, httplib::Response& res);
  bool serve_media(const std::string& path, httplib::Response& res);
  void log_line(const httplib::Request& req, int status, const std::string& format, const std::string& fault,
                long long micros);
  bool sleep_ms(int ms);  // false if stopping
  void deliver_statuses(const json& accepted);
  bool inbound(const json& body, std::string* error);
  // POST /__emulator/group_event: queues a signed group webhook (group_webhooks.hpp).
  bool group_event(const json& body, std::string* error, std::string* group_id);
  void on_webhook_result(bool ok);
  void reset_connection(const httplib::Request& req, httplib::Response& res);
  // Answers (or not) according to the fault; `processed` is the real reply when the request ran.
  void apply_fault(const Fault& f, const httplib::Request& req, httplib::Response& res,
                   const Reply* processed, const std::string& body, Envelope env);
};

}  // namespace whatsapp_emulator
