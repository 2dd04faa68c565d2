// webhook_receiver: a small HTTP server that receives WhatsApp webhooks.
//
//   WHATSAPP_APP_SECRET=... WHATSAPP_VERIFY_TOKEN=... webhook_receiver [--port N] [--max-events N]
//
// It answers Meta's GET handshake, checks X-Hub-Signature-256 over the raw body of each POST,
// parses it, drops events already handled, and prints each event as one JSON line on stdout:
//   {"kind":"message","type":"text","id":"wamid...","from":"1555...","phone_number_id":"...",...}
//   {"kind":"status","id":"wamid...","status":"delivered","recipient_id":"...",...}
// The first line is "webhook_receiver listening on http://127.0.0.1:<port>"; --port 0 (the
// default) picks a free port. Any path is accepted. A missing or malformed signature is answered
// 401, a wrong one 403, and nothing in such a request is handled. --max-events N exits after N
// printed events. SIGINT and SIGTERM stop it cleanly (exit status 0).

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "whatsapp/webhook/webhook.hpp"

namespace {

namespace wh = whatsapp::webhook;

struct Options {
  int port = 0;
  long long max_events = 0;  // 0: no limit
  std::size_t max_body_bytes = wh::ParseOptions{}.max_body_bytes;
};

bool parse_args(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&](long long& out) {
      if (i + 1 >= argc) return false;
      char* end = nullptr;
      out = std::strtoll(argv[++i], &end, 10);
      return end != nullptr && *end == '\0' && out >= 0;
    };
    long long v = 0;
    if (a == "--port" && next(v) && v <= 65535) {
      o.port = static_cast<int>(v);
    } else if (a == "--max-events" && next(v)) {
      o.max_events = v;
    } else if (a == "--max-body-bytes" && next(v) && v > 0) {
      o.max_body_bytes = static_cast<std::size_t>(v);
    } else {
      std::cerr << "usage: webhook_receiver [--port N] [--max-events N] [--max-body-bytes N]\n"
                   "environment: WHATSAPP_APP_SECRET (required), WHATSAPP_VERIFY_TOKEN\n";
      return false;
    }
  }
  return true;
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? std::string(v) : std::string();
}

// One JSON line per event. Strings that are not valid UTF-8 are replaced, never thrown on.
// ordered_json keeps "kind" first, as written.
nlohmann::ordered_json describe(const wh::Event& e) {
  nlohmann::ordered_json j;
  j["kind"] = std::string(wh::to_string(e.kind));
  if (e.kind == wh::EventKind::kMessage && e.message != nullptr) {
    const wh::Message& m = *e.message;
    j["type"] = m.type;
    j["id"] = m.id;
    j["from"] = m.from;
    if (m.from_user_id) j["from_user_id"] = *m.from_user_id;
    j["timestamp"] = m.timestamp.text;
    if (m.text) j["text"] = m.text->body;
    if (m.interactive) {
      if (m.interactive->button_reply) j["reply_id"] = m.interactive->button_reply->id;
      if (m.interactive->list_reply) j["reply_id"] = m.interactive->list_reply->id;
    }
    if (m.button) j["payload"] = m.button->payload;
    if (m.reaction) {
      j["reacted_to"] = m.reaction->message_id;
      j["emoji"] = m.reaction->emoji.value_or("");
    }
    if (const wh::MediaContent* media = m.media()) j["media_id"] = media->id;
    if (m.context && m.context->id) j["context_id"] = *m.context->id;
  } else if (e.kind == wh::EventKind::kStatus && e.status != nullptr) {
    const wh::Status& s = *e.status;
    j["id"] = s.id;
    j["status"] = s.status;
    j["recipient_id"] = s.recipient_id;
    j["timestamp"] = s.timestamp.text;
    if (s.biz_opaque_callback_data) j["biz_opaque_callback_data"] = *s.biz_opaque_callback_data;
    for (const auto& err : s.errors) j["error_codes"].push_back(err.code.value_or(0));
  } else if (e.kind == wh::EventKind::kTemplateStatus && e.change->template_status) {
    j["template_id"] = e.change->template_status->template_ref.id;
    j["event"] = e.change->template_status->event;
  } else if (e.kind == wh::EventKind::kError && e.error != nullptr) {
    j["code"] = e.error->code.value_or(0);
    j["title"] = e.error->title;
  } else {
    j["field"] = e.change->field;
  }
  if (!e.phone_number_id.empty()) j["phone_number_id"] = std::string(e.phone_number_id);
  j["waba_id"] = e.entry->id;
  return j;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  if (!parse_args(argc, argv, opt)) return 2;
  const std::string app_secret = env("WHATSAPP_APP_SECRET");
  const std::string verify_token = env("WHATSAPP_VERIFY_TOKEN");
  if (app_secret.empty()) {
    std::cerr << "webhook_receiver: WHATSAPP_APP_SECRET is not set; refusing to start\n";
    return 2;
  }
  if (verify_token.empty()) {
    std::cerr << "webhook_receiver: WHATSAPP_VERIFY_TOKEN is not set; every handshake is refused\n";
  }

  // Signals are taken by one thread with sigwait(); block them before any thread starts.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  httplib::Server server;
  server.set_payload_max_length(opt.max_body_bytes);

  std::mutex out_mu;
  std::atomic<long long> printed{0};
  std::atomic<bool> stop_requested{false};
  pthread_t signal_thread_id{};
  auto request_stop = [&] {
    if (!stop_requested.exchange(true)) pthread_kill(signal_thread_id, SIGTERM);
  };

  auto filter = std::make_shared<wh::DuplicateFilter>();
  auto print = [&](const wh::Event& e) {
    if (opt.max_events > 0 && printed.load() >= opt.max_events) return;
    std::string line = describe(e).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    {
      std::lock_guard<std::mutex> lock(out_mu);
      std::fwrite(line.data(), 1, line.size(), stdout);
      std::fputc('\n', stdout);
      std::fflush(stdout);
    }
    if (opt.max_events > 0 && printed.fetch_add(1) + 1 == opt.max_events) request_stop();
  };
  wh::Dispatcher dispatcher(filter);
  dispatcher.on_message([&](const wh::Event& e, const wh::Message&) { print(e); })
      .on_status([&](const wh::Event& e, const wh::Status&) { print(e); })
      .on_unknown(print);  // template, account, preference, error and unknown events

  server.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
    auto answer =
        wh::answer_challenge(req.get_param_value("hub.mode"), req.get_param_value("hub.verify_token"),
                             req.get_param_value("hub.challenge"), verify_token);
    res.status = answer.http_status;
    res.set_content(answer.body, "text/plain");
    if (!answer.accepted()) {
      std::cerr << "webhook_receiver: handshake refused: " << wh::to_string(answer.outcome) << "\n";
    }
  });

  server.Post(".*", [&](const httplib::Request& req, httplib::Response& res) {
    // The signature is checked over req.body, the bytes exactly as received.
    auto check = wh::verify_signature(req.body, req.get_header_value("X-Hub-Signature-256"), app_secret);
    if (!check) {
      res.status = check.http_status();
      res.set_content(std::string(check.message()), "text/plain");
      std::cerr << "webhook_receiver: POST refused (" << res.status << "): " << check.message() << "\n";
      return;
    }
    auto notification = wh::parse(req.body, wh::ParseOptions{opt.max_body_bytes});
    if (!notification) {
      res.status = 400;
      res.set_content(notification.error().message(), "text/plain");
      std::cerr << "webhook_receiver: " << notification.error().message() << "\n";
      return;
    }
    auto report = dispatcher.dispatch(*notification);
    if (!report.ok()) {
      res.status = 500;  // Meta delivers again; what was handled is then a duplicate
      for (const auto& f : report.failures) std::cerr << "webhook_receiver: " << f << "\n";
      return;
    }
    res.status = 200;
    res.set_content("OK", "text/plain");
  });

  int port = opt.port;
  if (port == 0) {
    port = server.bind_to_any_port("127.0.0.1");
    if (port < 0) {
      std::cerr << "webhook_receiver: cannot bind 127.0.0.1\n";
      return 1;
    }
  } else if (!server.bind_to_port("127.0.0.1", port)) {
    std::cerr << "webhook_receiver: cannot bind 127.0.0.1:" << port << "\n";
    return 1;
  }

  std::thread signal_thread([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    stop_requested.store(true);
    server.stop();
  });
  signal_thread_id = signal_thread.native_handle();

  std::printf("webhook_receiver listening on http://127.0.0.1:%d\n", port);
  std::fflush(stdout);

  bool ok = server.listen_after_bind();
  // Wake the signal thread if it is still waiting, then wait for it.
  if (!stop_requested.exchange(true)) pthread_kill(signal_thread_id, SIGTERM);
  signal_thread.join();
  return ok || stop_requested ? 0 : 1;
}
