// A user who hides their phone number behind a username, end to end against the emulator: their
// message arrives signed with no `from` and no `wa_id` (their BSUID and username instead), the
// bot answers with webhook::reply_recipient(), the send goes as `recipient` and its answer has
// contacts[].user_id, and the statuses of that send name the BSUID (recipient_user_id). An
// authentication template to a BSUID is refused with 131062, once.

#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <string>
#include <vector>

#include "emulator_fixture.hpp"
#include "local_server.hpp"
#include "whatsapp/webhook/webhook.hpp"

namespace bsuid_loop_test {

namespace wh = whatsapp::webhook;
using whatsapp::Message;
using whatsapp::Recipient;
using whatsapp_test::EmulatorTest;
using whatsapp_test::kPhoneId;
using whatsapp_test::LocalServer;

const std::string kSecret = "bsuid_loop_secret";
const std::string kBsuid = "US.73920184657320918465";
const std::string kParent = "US.ENT.55019283746510293847";

/// A bot that answers every text message, and records what it saw.
struct Bot {
  LocalServer http;
  // The server is the first member, so it would be destroyed last: stop it first, so that no
  // request in flight reaches the handlers' state once it is gone.
  ~Bot() { http.stop(); }
  std::mutex m;
  std::vector<std::string> lines;
  std::vector<Recipient> to_answer;

  Bot() {
    http.server().Post("/webhook", [this](const httplib::Request& req, httplib::Response& res) {
      if (!wh::verify_signature(req.body, req.get_header_value("X-Hub-Signature-256"), kSecret)) {
        res.status = 401;
        return;
      }
      auto parsed = wh::parse(req.body);
      if (!parsed) {
        res.status = 400;
        return;
      }
      std::lock_guard<std::mutex> lock(m);
      for (const auto& e : wh::events(*parsed)) {
        if (e.kind == wh::EventKind::kMessage && e.message->text) {
          const wh::Contact* c = e.contact;
          lines.push_back("message from=" + e.message->from +
                          " user_id=" + e.message->from_user_id.value_or("-") +
                          " username=" + (c != nullptr ? c->username.value_or("-") : "-") +
                          " wa_id=" + (c != nullptr ? c->wa_id : "-") + " key=" + wh::user_key(e));
          to_answer.push_back(wh::reply_recipient(e));
        } else if (e.kind == wh::EventKind::kStatus) {
          const wh::Contact* c = e.contact;
          lines.push_back("status " + e.status->status + " recipient_id=" + e.status->recipient_id +
                          " recipient_user_id=" + e.status->recipient_user_id.value_or("-") +
                          " username=" + (c != nullptr ? c->username.value_or("-") : "-"));
        }
      }
    });
    http.start();
  }
};

class BsuidLoop : public EmulatorTest {};

TEST_F(BsuidLoop, AUsernameUserIsAnsweredByBsuid) {
  Bot bot;
  whatsapp_emulator::Options o;
  o.webhook_url = bot.http.url("/webhook");
  o.app_secret = kSecret;
  start(o);
  std::string error;
  ASSERT_TRUE(emulator().inject_inbound({{"phone_number_id", kPhoneId},
                                         {"user_id", kBsuid},
                                         {"parent_user_id", kParent},
                                         {"username", "rye.lover"},
                                         {"name", "Ines Duarte"},
                                         {"text", "Is the rye ready?"}},
                                        &error))
      << error;
  ASSERT_TRUE(emulator().wait_for_webhooks(1, std::chrono::seconds(20)));
  Recipient reply_to;
  {
    std::lock_guard<std::mutex> lock(bot.m);
    ASSERT_EQ(bot.to_answer.size(), 1U);
    reply_to = bot.to_answer[0];
    EXPECT_EQ(bot.lines.at(0),
              "message from= user_id=" + kBsuid + " username=rye.lover wa_id= key=" + kBsuid);
  }
  EXPECT_EQ(reply_to, Recipient::user_id(kBsuid));

  auto client = this->client();
  auto sent = client.messages().send(kPhoneId, Message::text(reply_to, "Yes, fresh from the oven."));
  ASSERT_TRUE(sent.ok()) << sent.error().to_string();
  ASSERT_EQ(sent->contacts.size(), 1U);
  EXPECT_EQ(sent->contacts[0].input, kBsuid);
  EXPECT_EQ(sent->contacts[0].user_id, kBsuid);
  EXPECT_TRUE(sent->contacts[0].wa_id.empty());
  const auto processed = emulator().processed_messages();
  ASSERT_EQ(processed.size(), 1U);
  EXPECT_EQ(processed[0]["body"].value("recipient", ""), kBsuid);
  EXPECT_FALSE(processed[0]["body"].contains("to"));

  ASSERT_TRUE(emulator().wait_for_webhooks(4, std::chrono::seconds(20)));
  std::lock_guard<std::mutex> lock(bot.m);
  std::vector<std::string> statuses(bot.lines.begin() + 1, bot.lines.end());
  std::sort(statuses.begin(), statuses.end());
  EXPECT_EQ(statuses,
            (std::vector<std::string>{
                "status delivered recipient_id= recipient_user_id=" + kBsuid + " username=rye.lover",
                "status read recipient_id= recipient_user_id=" + kBsuid + " username=rye.lover",
                "status sent recipient_id= recipient_user_id=" + kBsuid + " username=-",
            }));
}

TEST_F(BsuidLoop, AnAuthenticationTemplateToABsuidIsRefusedWith131062Once) {
  start();
  auto client = this->client();
  const std::string waba = "102290129340398";
  auto created = client.call(whatsapp::RouteId::kCreateTemplate, {waba}, {},
                             {{"name", "pickup_code"},
                              {"language", "en_US"},
                              {"category", "AUTHENTICATION"},
                              {"components", nlohmann::json::array({{{"type", "BODY"}}})}});
  ASSERT_TRUE(created.ok()) << created.error().to_string();
  const auto before = emulator().stats().requests;
  auto r = client.messages().send(
      kPhoneId, Message::template_message(Recipient::user_id(kBsuid), "pickup_code", "en_US"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), 131062);
  EXPECT_EQ(r.error().category(), whatsapp::ErrorCategory::kUserIdUnsupported);
  EXPECT_FALSE(r.error().is_transient());
  EXPECT_EQ(emulator().stats().requests - before, 1);  // not retried
  // The same template to the phone number goes.
  auto ok =
      client.messages().send(kPhoneId, Message::template_message("15551234567", "pickup_code", "en_US"));
  EXPECT_TRUE(ok.ok()) << ok.error().to_string();
}

}  // namespace bsuid_loop_test
