// The core path end to end: curl transport, emulator, both URL formats, both envelopes.

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "emulator_fixture.hpp"

namespace emulator_core_test {

using whatsapp::ErrorKind;
using whatsapp::FormatPolicy;
using whatsapp::Message;
using whatsapp::RouteId;
using whatsapp::UrlFormat;
using whatsapp_emulator::Formats;
using whatsapp_test::EmulatorTest;
using whatsapp_test::kPhoneId;
using whatsapp_test::kRecipient;

class EmulatorCore : public EmulatorTest {};

TEST_F(EmulatorCore, OldFormatOnlyEmulator1000SendsMake1001Requests) {
  whatsapp_emulator::Options o;
  o.formats = Formats::kOld;
  start(o);
  auto client = this->client();
  std::set<std::string> ids;
  for (int i = 0; i < 1000; ++i) {
    auto r = client.messages().send(kPhoneId, Message::text(kRecipient, "n=" + std::to_string(i)));
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    ids.insert(r->message_id());
  }
  const auto s = emulator().stats();
  EXPECT_EQ(s.requests, 1001);
  EXPECT_EQ(s.not_found, 1);
  EXPECT_EQ(s.old_format, 1000);
  EXPECT_EQ(s.sends_processed, 1000);
  EXPECT_EQ(ids.size(), 1000u);
  EXPECT_EQ(client.confirmed_format(RouteId::kSendMessage), UrlFormat::kOld);
}

TEST_F(EmulatorCore, BothFormatsEmulator1000SendsMake1000Requests) {
  start();
  auto client = this->client();
  for (int i = 0; i < 1000; ++i) {
    ASSERT_TRUE(client.messages().send(kPhoneId, Message::text(kRecipient, "hello")).ok());
  }
  const auto s = emulator().stats();
  EXPECT_EQ(s.requests, 1000);
  EXPECT_EQ(s.new_format, 1000);
  EXPECT_EQ(s.old_format, 0);
  EXPECT_EQ(s.sends_processed, 1000);
}

TEST_F(EmulatorCore, NewOnlyPolicyNeverMakesAnOldFormatRequest) {
  whatsapp_emulator::Options o;
  o.formats = Formats::kOld;
  start(o);
  auto opts = client_options();
  opts.format_policy = FormatPolicy::kNewOnly;
  whatsapp::Client<> client(opts);
  for (int i = 0; i < 20; ++i) {
    auto r = client.messages().send(kPhoneId, Message::text(kRecipient, "hello"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind(), ErrorKind::kHttp);
    EXPECT_EQ(r.error().http_status(), 404);
  }
  const auto s = emulator().stats();
  EXPECT_EQ(s.requests, 20);
  EXPECT_EQ(s.old_format, 0);
  EXPECT_EQ(s.sends_processed, 0);
}

TEST_F(EmulatorCore, SelfHostedShapeOldFormatAndResultEnvelope) {
  whatsapp_emulator::Options o;
  o.formats = Formats::kOld;
  o.envelope = whatsapp_emulator::Envelope::kResult;
  start(o);
  auto client = this->client();
  auto sent = client.messages().send(kPhoneId, Message::text(kRecipient, "hi").reply_to("wamid.earlier"));
  ASSERT_TRUE(sent.ok()) << sent.error().to_string();
  EXPECT_EQ(sent->contacts.at(0).input, kRecipient);
  auto phone = client.phone_numbers().get(kPhoneId);
  ASSERT_TRUE(phone.ok()) << phone.error().to_string();
  EXPECT_EQ(phone->id, kPhoneId);
  // Graph errors arrive in the self-hosted error shape and are still typed.
  auto bad = client.call(RouteId::kSendMessage, {kPhoneId}, {},
                         {{"messaging_product", "whatsapp"}, {"type", "text"}, {"text", {{"body", "x"}}}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind(), ErrorKind::kApi);
  EXPECT_EQ(bad.error().code(), 100);
  EXPECT_EQ(bad.error().http_status(), 400);
}

TEST_F(EmulatorCore, SendBodyReachesTheEmulatorExactly) {
  start();
  auto client = this->client();
  auto m = Message::text(kRecipient, "caf\xC3\xA9 https://example.com", true).reply_to("wamid.prev");
  m.biz_opaque_callback_data = "order-17";
  auto r = client.messages().send(kPhoneId, m);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const auto processed = emulator().processed_messages();
  ASSERT_EQ(processed.size(), 1u);
  const auto& body = processed[0]["body"];
  EXPECT_EQ(processed[0]["id"], r->message_id());
  EXPECT_EQ(processed[0]["phone_number_id"], kPhoneId);
  EXPECT_EQ(body["text"]["body"], "caf\xC3\xA9 https://example.com");
  EXPECT_EQ(body["text"]["preview_url"], true);
  EXPECT_EQ(body["context"]["message_id"], "wamid.prev");
  EXPECT_EQ(body["biz_opaque_callback_data"], "order-17");
}

struct BadSend {
  const char* name;
  nlohmann::json body;
};

TEST_F(EmulatorCore, EmulatorRefusesBadSendBodiesLikeMeta) {
  start();
  auto client = this->client();
  const BadSend cases[] = {
      {"missing to", {{"messaging_product", "whatsapp"}, {"type", "text"}, {"text", {{"body", "x"}}}}},
      {"unknown type",
       {{"messaging_product", "whatsapp"}, {"to", kRecipient}, {"type", "hologram"}, {"hologram", {}}}},
      {"text without body",
       {{"messaging_product", "whatsapp"},
        {"to", kRecipient},
        {"type", "text"},
        {"text", {{"preview_url", true}}}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = client.call(RouteId::kSendMessage, {kPhoneId}, {}, c.body);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind(), ErrorKind::kApi);
    EXPECT_EQ(r.error().http_status(), 400);
    EXPECT_EQ(r.error().code(), 100);
    EXPECT_FALSE(r.error().graph()->fbtrace_id.empty());
  }
  EXPECT_EQ(emulator().stats().sends_processed, 0);
}

TEST_F(EmulatorCore, WrongTokenIsATypedErrorThatDoesNotEchoTheToken) {
  start();
  auto opts = client_options();
  opts.api_token = "at_wrong_token_value";
  whatsapp::Client<> client(opts);
  auto r = client.messages().send(kPhoneId, Message::text(kRecipient, "hi"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().http_status(), 401);
  EXPECT_EQ(r.error().to_string().find("at_wrong_token_value"), std::string::npos);
}

TEST_F(EmulatorCore, ConcurrentSendsFromOneClient) {
  start();
  auto client = this->client();
  std::mutex m;
  std::set<std::string> ids;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 100; ++i) {
        auto r = client.messages().send(kPhoneId, Message::text(kRecipient, std::to_string(t * 1000 + i)));
        if (r.ok()) {
          std::lock_guard<std::mutex> lock(m);
          ids.insert(r->message_id());
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ids.size(), 400u);
  EXPECT_EQ(emulator().stats().sends_processed, 400);
}

}  // namespace emulator_core_test
