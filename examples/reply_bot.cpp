// reply_bot: answers every incoming text message, whoever wrote it. A user who hides their phone
// number behind a username arrives with no `from` and no `wa_id`, only their business-scoped
// user id (BSUID): webhook::reply_recipient() answers the phone number when the webhook gave one
// and the BSUID otherwise, and webhook::user_key() is the id to store the user under (the BSUID
// first). Settings from the environment as the other examples (example_env.hpp), plus
// WHATSAPP_APP_SECRET for the webhook signatures.
//
//   WHATSAPP_APP_SECRET=... reply_bot [--port N] [--max-events N]
//
// Prints "reply_bot listening on http://127.0.0.1:<port>", then one JSON line per event:
//   {"kind":"message","from":"","user_id":"US.7392...","username":"rye.lover","key":"US.7392...",
//    "reply_to":{"recipient":"US.7392..."},"sent":"wamid...","answer_user_id":"US.7392..."}
//   {"kind":"status","status":"delivered","recipient_id":"","recipient_user_id":"US.7392...",...}
// --max-events N exits after N printed events; SIGINT and SIGTERM stop it.

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "example_env.hpp"
#include "serve.hpp"
#include "whatsapp/webhook/server.hpp"
#include "whatsapp/webhook/webhook.hpp"

namespace {

namespace wh = whatsapp::webhook;

void print(const nlohmann::ordered_json& j) {
  const std::string line = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  long long port = 0;
  long long max_events = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if ((a == "--port" || a == "--max-events") && i + 1 < argc) {
      (a == "--port" ? port : max_events) = std::atoll(argv[++i]);
    } else {
      std::cerr << "usage: reply_bot [--port N] [--max-events N]\n";
      return 2;
    }
  }
  const example::Settings settings;
  const std::string secret = example::require_env("WHATSAPP_APP_SECRET");
  const std::string phone_number_id = example::require_env("WHATSAPP_PHONE_NUMBER_ID");
  whatsapp::Client<> client(settings.client_options());

  long long printed = 0;
  auto done = [&] {
    if (max_events > 0 && ++printed == max_events) example::g_serving->stop();
  };
  wh::Dispatcher dispatcher(std::make_shared<wh::DuplicateFilter>());
  dispatcher
      .on_text([&](const wh::Event& e, const wh::Message& m) {
        // [reply_bot]
        const whatsapp::Recipient to = wh::reply_recipient(e);  // phone number, else BSUID
        auto sent = client.messages().send(phone_number_id,
                                           whatsapp::Message::text(to, "Thanks, we got: " + m.text->body));
        // [reply_bot]
        nlohmann::ordered_json j;
        j["kind"] = "message";
        j["from"] = m.from;
        j["user_id"] = m.from_user_id.value_or("");
        j["username"] = e.contact != nullptr ? e.contact->username.value_or("") : "";
        j["key"] = wh::user_key(e);
        j["reply_to"][to.is_user_id() ? "recipient" : "to"] = to.id();
        if (sent) {
          j["sent"] = sent->message_id();
          j["answer_user_id"] = sent->contacts.empty() ? "" : sent->contacts[0].user_id.value_or("");
        } else {
          j["error"] = sent.error().to_string();
        }
        print(j);
        done();
      })
      .on_status([&](const wh::Event& e, const wh::Status& s) {
        nlohmann::ordered_json j;
        j["kind"] = "status";
        j["status"] = s.status;
        j["id"] = s.id;
        j["recipient_id"] = s.recipient_id;
        j["recipient_user_id"] = s.recipient_user_id.value_or("");
        j["username"] = e.contact != nullptr ? e.contact->username.value_or("") : "";
        print(j);
        done();
      })
      .on_user_id_update([&](const wh::Event&, const wh::UserIdUpdate& u) {
        print({{"kind", "user_id_update"}, {"previous", u.previous_user_id}, {"current", u.current_user_id}});
        done();
      });

  wh::ServerOptions so;
  so.port = static_cast<std::uint16_t>(port);
  so.app_secret = secret;
  so.log = [](std::string_view line) { std::cerr << "reply_bot: " << line << "\n"; };
  wh::Server server(so, dispatcher);
  return example::serve(server, "reply_bot");
}
