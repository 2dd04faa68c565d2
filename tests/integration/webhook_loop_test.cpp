// Receiving end to end: the emulator delivers signed webhooks over HTTP to a receiver in this
// test, which verifies the exact bytes, parses them and filters duplicates.

#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "emulator_fixture.hpp"
#include "local_server.hpp"
#include "whatsapp/webhook/webhook.hpp"

namespace webhook_loop_test {

namespace wh = whatsapp::webhook;
using whatsapp::Message;
using whatsapp_test::EmulatorTest;
using whatsapp_test::kPhoneId;
using whatsapp_test::kRecipient;
using whatsapp_test::LocalServer;

const std::string kSecret = "loop_app_secret";

/// A receiver as a bot would write one.
struct Receiver {
  LocalServer http;
  // The server is the first member, so it would be destroyed last: stop it first, so that no
  // request in flight reaches the handlers' state once it is gone.
  ~Receiver() { http.stop(); }
  std::mutex m;
  int rejected = 0;
  std::vector<std::string> lines;  // "status <wamid> <status>" or "message <from> <text>"
  wh::DuplicateFilter seen{1000};

  explicit Receiver(const std::string& secret) {
    http.server().Post("/webhook", [this, secret](const httplib::Request& req, httplib::Response& res) {
      const auto check = wh::verify_signature(req.body, req.get_header_value("X-Hub-Signature-256"), secret);
      std::lock_guard<std::mutex> lock(m);
      if (!check) {
        ++rejected;
        res.status = check.http_status();
        return;
      }
      auto parsed = wh::parse(req.body);
      if (!parsed) {
        res.status = 400;
        return;
      }
      for (const auto& e : wh::events(*parsed)) {
        if (!seen.first_time(e.dedup_key())) continue;
        if (e.kind == wh::EventKind::kStatus) {
          lines.push_back("status " + e.status->id + " " + e.status->status);
        } else if (e.kind == wh::EventKind::kMessage && e.message->text) {
          lines.push_back("message " + e.message->from + " " + e.message->text->body);
        }
      }
    });
    http.start();
  }
};

class WebhookLoop : public EmulatorTest {};

TEST_F(WebhookLoop, SignedStatusesAndAnIncomingMessageArriveTyped) {
  Receiver rx(kSecret);
  whatsapp_emulator::Options o;
  o.webhook_url = rx.http.url("/webhook");
  o.app_secret = kSecret;
  start(o);
  auto client = this->client();
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    auto r = client.messages().send(kPhoneId, Message::text(kRecipient, "loop " + std::to_string(i)));
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    ids.push_back(r->message_id());
  }
  ASSERT_TRUE(emulator().wait_for_webhooks(9, std::chrono::seconds(20)));
  std::string error;
  ASSERT_TRUE(emulator().inject_inbound(
      {{"phone_number_id", kPhoneId}, {"from", "15550001111"}, {"text", "hi bot"}}, &error))
      << error;
  ASSERT_TRUE(emulator().wait_for_webhooks(10, std::chrono::seconds(20)));

  std::lock_guard<std::mutex> lock(rx.m);
  EXPECT_EQ(rx.rejected, 0);
  std::vector<std::string> expected;
  for (const auto& id : ids) {
    for (const char* s : {"sent", "delivered", "read"}) expected.push_back("status " + id + " " + s);
  }
  expected.push_back("message 15550001111 hi bot");
  std::sort(expected.begin(), expected.end());
  auto got = rx.lines;
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, expected);
}

TEST_F(WebhookLoop, WrongSecretIsRejectedAndNothingIsHandled) {
  Receiver rx("another_secret");
  whatsapp_emulator::Options o;
  o.webhook_url = rx.http.url("/webhook");
  o.app_secret = kSecret;
  start(o);
  auto client = this->client();
  ASSERT_TRUE(client.messages().send(kPhoneId, Message::text(kRecipient, "x")).ok());
  // Refused deliveries count as failed in the emulator; wait for all three to be answered.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (emulator().stats().webhooks_failed < 3 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::yield();
  }
  EXPECT_EQ(emulator().stats().webhooks_failed, 3);
  std::lock_guard<std::mutex> lock(rx.m);
  EXPECT_EQ(rx.rejected, 3);
  EXPECT_TRUE(rx.lines.empty());
}

}  // namespace webhook_loop_test
