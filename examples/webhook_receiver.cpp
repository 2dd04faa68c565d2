// webhook_receiver: receives WhatsApp webhooks with the SDK's built-in server
// (whatsapp/webhook/server.hpp: one thread, poll(), hardened limits; docs/webhooks.md).
//
//   WHATSAPP_APP_SECRET=... WHATSAPP_VERIFY_TOKEN=... webhook_receiver [--port N] [--max-events N]
//                                                                   [--max-body-bytes N]
//
// It answers Meta's GET handshake, checks X-Hub-Signature-256 over the raw body of each POST,
// parses it, drops events already handled, and prints each event as one JSON line on stdout:
//   {"kind":"message","type":"text","id":"wamid...","from":"1555...","phone_number_id":"...",...}
//   {"kind":"status","id":"wamid...","status":"delivered","recipient_id":"...",...}
//   {"kind":"group_lifecycle","group_type":"group_create","group_id":"Y2Fw...","subject":"...",...}
// The first line is "webhook_receiver listening on http://127.0.0.1:<port>"; --port 0 (the
// default) picks a free port. Any path is accepted. A missing or malformed signature is answered
// 401, a wrong one 403, and nothing in such a request is handled. --max-events N exits after N
// printed events. Bodies over --max-body-bytes (default 1 MiB) are refused with 413 whatever
// their transfer coding, encoded bodies with 415. SIGINT and SIGTERM stop it cleanly (exit
// status 0); it exits 1 when it cannot listen, 2 on a bad command line or without a secret.
// With WHATSAPP_REDIS_URL=redis://host:port/db the duplicate filter is shared through Redis by
// every receiver using it: each event is printed by one of them (redis_env.hpp,
// docs/deployment.md); an event Redis cannot check is answered 503 so Meta delivers it again.

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "redis_env.hpp"
#include "serve.hpp"
#include "whatsapp/webhook/server.hpp"
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
    if (m.group_id) j["group_id"] = *m.group_id;  // written in a group
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
    if (s.to_group()) j["recipient_type"] = "group";
    if (s.recipient_participant_id) j["recipient_participant_id"] = *s.recipient_participant_id;
    j["timestamp"] = s.timestamp.text;
    if (s.biz_opaque_callback_data) j["biz_opaque_callback_data"] = *s.biz_opaque_callback_data;
    for (const auto& err : s.errors) j["error_codes"].push_back(err.code.value_or(0));
  } else if (e.kind == wh::EventKind::kTemplateStatus && e.change->template_status) {
    j["template_id"] = e.change->template_status->template_ref.id;
    j["event"] = e.change->template_status->event;
  } else if (wh::is_group_event(e.kind) && e.group != nullptr) {
    const wh::GroupUpdate& g = *e.group;
    j["group_type"] = g.type;
    j["group_id"] = g.group_id;
    if (g.subject) j["subject"] = *g.subject;
    if (g.invite_link) j["invite_link"] = *g.invite_link;
    for (const auto& p : g.added_participants) j["added"].push_back(std::string(p.id()));
    for (const auto& p : g.removed_participants) j["removed"].push_back(std::string(p.id()));
    if (g.failed()) j["failed"] = true;
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
  wh::ServerOptions so;
  so.port = static_cast<std::uint16_t>(opt.port);
  so.app_secret = env("WHATSAPP_APP_SECRET");
  so.verify_token = env("WHATSAPP_VERIFY_TOKEN");
  so.max_body_bytes = opt.max_body_bytes;
  so.log = [](std::string_view line) { std::cerr << "webhook_receiver: " << line << "\n"; };
  if (so.app_secret.empty()) {
    std::cerr << "webhook_receiver: WHATSAPP_APP_SECRET is not set; refusing to start\n";
    return 2;
  }
  if (so.verify_token.empty()) {
    std::cerr << "webhook_receiver: WHATSAPP_VERIFY_TOKEN is not set; every handshake is refused\n";
  }

  long long printed = 0;
  wh::Server* server_ptr = nullptr;
  auto print = [&](const wh::Event& e) {
    if (opt.max_events > 0 && printed >= opt.max_events) return;
    std::string line = describe(e).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    // The answer to this request is still sent: run() returns after the current request.
    if (opt.max_events > 0 && ++printed == opt.max_events) server_ptr->stop();
  };
  wh::Dispatcher dispatcher(
      example::duplicate_store_from_env(std::make_shared<wh::DuplicateFilter>(), "webhook_receiver"));
  dispatcher.on_message([&](const wh::Event& e, const wh::Message&) { print(e); })
      .on_status([&](const wh::Event& e, const wh::Status&) { print(e); })
      .on_group([&](const wh::Event& e, const wh::GroupUpdate&) { print(e); })  // every group update
      .on_unknown(print);  // template, account, preference, error and unknown events

  wh::Server server(so, dispatcher);
  server_ptr = &server;
  return example::serve(server, "webhook_receiver");
}
