// Emulator lifecycle: start, stop, and the public accessors.
#include <stdexcept>

#include "impl.hpp"
#include "sockets.hpp"

namespace whatsapp_emulator {

json to_json(const Stats& s) {
  return {{"requests", s.requests},
          {"new_format", s.new_format},
          {"old_format", s.old_format},
          {"graph", s.graph},
          {"not_found", s.not_found},
          {"sends_processed", s.sends_processed},
          {"webhooks_delivered", s.webhooks_delivered},
          {"webhooks_failed", s.webhooks_failed}};
}

Emulator::Impl::Impl(Options o) : opts(std::move(o)), state(opts), faults(opts.faults) {}

std::string Emulator::Impl::base_url() const {
  std::string host = opts.host;
  if (host.empty() || host == "0.0.0.0" || host == "::") host = "127.0.0.1";
  return "http://" + host + ":" + std::to_string(port) + "/whatsapp";
}

std::string Emulator::Impl::graph_url() const {
  std::string b = base_url();
  return b.substr(0, b.size() - std::string("/whatsapp").size());
}

bool Emulator::Impl::sleep_ms(int ms) {
  std::unique_lock<std::mutex> lock(wait_mu);
  return !wait_cv.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stopping.load(); });
}

Emulator::Emulator(Options o) : impl_(std::make_unique<Impl>(std::move(o))) {}

Emulator::~Emulator() { stop(); }

int Emulator::start() {
  Impl& d = *impl_;
  std::lock_guard<std::mutex> lock(d.lifecycle_mu);
  if (d.started) return d.port;
  d.install_handlers();
  d.svr.set_keep_alive_timeout(5);
  // Keep connections open for a whole test run, and answer without Nagle's delay
  // (otherwise delayed ACKs add ~40 ms to every answer on a kept-alive connection).
  d.svr.set_keep_alive_max_count(1000000);
  d.svr.set_tcp_nodelay(true);
  // A kept-alive connection holds one worker thread: serve several client processes with 8
  // connections each (tests/redis) without queueing some of them behind the others.
  d.svr.new_task_queue = [] { return new httplib::ThreadPool(64); };
  int port = d.opts.port == 0 ? d.svr.bind_to_any_port(d.opts.host)
                              : (d.svr.bind_to_port(d.opts.host, d.opts.port) ? d.opts.port : -1);
  if (port <= 0)
    throw std::runtime_error("whatsapp-emulator: cannot bind " + d.opts.host + ":" +
                             std::to_string(d.opts.port));
  d.port = port;
  if (!d.opts.webhook_url.empty())
    d.webhooks = std::make_shared<WebhookSender>(d.opts.webhook_url, d.opts.app_secret,
                                                 [&d](bool ok) { d.on_webhook_result(ok); });
  d.thread = std::thread([&d] {
    d.svr.listen_after_bind();
    std::lock_guard<std::mutex> l(d.wait_mu);
    d.serve_done = true;
    d.wait_cv.notify_all();
  });
  d.started = true;
  // Ready once a request is answered: the accept loop is running (and svr.stop() will work).
  std::string host = d.base_url().substr(7);
  host = host.substr(0, host.rfind(':'));
  httplib::Client probe(host, port);
  probe.set_connection_timeout(5, 0);
  probe.set_read_timeout(5, 0);
  auto res = probe.Get("/__emulator/health");
  if (!res || res->status != 200) {
    // Unusual (e.g. host unreachable from here): fall back to waiting for is_running().
    std::unique_lock<std::mutex> l(d.wait_mu);
    d.wait_cv.wait_for(l, std::chrono::seconds(5), [&d] { return d.svr.is_running() || d.serve_done; });
  }
  {
    std::lock_guard<std::mutex> s(d.stats_mu);
    d.stats = Stats{};
  }
  return port;
}

void Emulator::stop() {
  Impl& d = *impl_;
  std::lock_guard<std::mutex> lock(d.lifecycle_mu);
  if (!d.started || d.stopped) return;
  d.stopped = true;
  {
    std::lock_guard<std::mutex> l(d.wait_mu);
    d.stopping = true;
  }
  d.wait_cv.notify_all();
  if (auto w = d.sender()) w->stop();
  d.svr.stop();
  // End idle keep-alive connections so the worker pool can be joined promptly.
  while (true) {
    sockets::shutdown_all(d.port);
    std::unique_lock<std::mutex> l(d.wait_mu);
    if (d.wait_cv.wait_for(l, std::chrono::milliseconds(50), [&d] { return d.serve_done; })) break;
  }
  d.thread.join();
}

int Emulator::port() const { return impl_->port; }
std::string Emulator::base_url() const { return impl_->base_url(); }
std::string Emulator::graph_base_url() const { return impl_->graph_url(); }

Stats Emulator::stats() const {
  std::lock_guard<std::mutex> lock(impl_->stats_mu);
  return impl_->stats;
}

void Emulator::reset_stats() {
  std::lock_guard<std::mutex> lock(impl_->stats_mu);
  impl_->stats = Stats{};
}

void Emulator::reset() {
  impl_->state.reset();
  {
    std::lock_guard<std::mutex> lock(impl_->usernames_mu);
    impl_->usernames.clear();
  }
  impl_->faults.clear();
  impl_->faults.set_policy(impl_->opts.faults);
  reset_stats();
}

std::vector<json> Emulator::processed_messages() const { return impl_->state.processed(); }

bool Emulator::wait_for_webhooks(int count, std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(impl_->stats_mu);
  return impl_->webhook_cv.wait_for(lock, timeout, [&] { return impl_->stats.webhooks_delivered >= count; });
}

bool Emulator::inject_inbound(const json& body, std::string* error) {
  std::string e;
  bool ok = impl_->inbound(body, &e);
  if (error) *error = e;
  return ok;
}

bool Emulator::inject_group_event(const json& body, std::string* error) {
  std::string e;
  bool ok = impl_->group_event(body, &e, nullptr);
  if (error) *error = e;
  return ok;
}

void Emulator::set_faults(std::vector<Fault> scripted) { impl_->faults.set(std::move(scripted), false); }
void Emulator::add_faults(std::vector<Fault> scripted) { impl_->faults.set(std::move(scripted), true); }
void Emulator::set_fault_policy(FaultPolicy policy) { impl_->faults.set_policy(std::move(policy)); }
void Emulator::clear_faults() { impl_->faults.clear(); }

}  // namespace whatsapp_emulator
