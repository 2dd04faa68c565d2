// Answers nested deeper than detail::kMaxJsonDepth: a clear parse error on every path that reads
// an answer, never a stack overflow. nlohmann parses any depth, but dump, copy and the models'
// decoders recurse once per level; 200 KB of brackets inside a send's answer crashed the client.

#include <gtest/gtest.h>

#include <string>

#include "test_support.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/transport/fake.hpp"

namespace deep_answer_test {

using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::Delivery;
using whatsapp::ErrorKind;
using whatsapp::Message;
using whatsapp::detail::kMaxJsonDepth;
using whatsapp::detail::parse_json;
using whatsapp::transport::FakeTransport;

// `levels` nested arrays holding 0.
std::string nested(std::size_t levels) { return std::string(levels, '[') + "0" + std::string(levels, ']'); }

// A successful send's answer with `extra` beside its message id, in the data envelope.
std::string send_answer_beside(const std::string& extra) {
  return R"({"data":{"messaging_product":"whatsapp","contacts":[{"input":"15550001111","wa_id":"15550001111"}],)"
         R"("messages":[{"id":"wamid.ZGVlcDAx"}],"extra":)" +
         extra + "}}";
}

ClientOptions lowcodeapi() {
  ClientOptions o;
  o.base_url = "http://127.0.0.1:9/whatsapp";
  o.api_token = "at_deep";
  o.retry = whatsapp::RetryPolicy::none();
  return o;
}

std::string too_deep() { return "response nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"; }

TEST(DeepAnswer, ParseJsonAcceptsTheLimitAndRefusesOneLevelMore) {
  EXPECT_FALSE(parse_json(nested(kMaxJsonDepth)).is_discarded());
  EXPECT_TRUE(parse_json(nested(kMaxJsonDepth + 1)).is_discarded());
  EXPECT_TRUE(parse_json(nested(1'000'000)).is_discarded());
  // Brackets inside strings are text, not nesting.
  EXPECT_FALSE(parse_json("[\"" + std::string(100'000, '[') + "\"]").is_discarded());
}

TEST(DeepAnswer, ASendAnswerWithDeepJunkIsAParseErrorThatMayHaveBeenSent) {
  FakeTransport t;
  Client<FakeTransport> client(lowcodeapi(), t);
  // The envelope and data take two levels: this answer is nested exactly kMaxJsonDepth deep.
  t.push(200, send_answer_beside(nested(kMaxJsonDepth - 2)));
  auto ok = client.messages().send("1065000000001", Message::text("15550001111", "hi"));
  ASSERT_TRUE(ok.ok()) << ok.error().to_string();
  EXPECT_EQ(ok->message_id(), "wamid.ZGVlcDAx");

  for (std::size_t levels : {std::size_t{kMaxJsonDepth}, std::size_t{200'000}}) {
    t.push(200, send_answer_beside(nested(levels)));
    auto r = client.messages().send("1065000000001", Message::text("15550001111", "hi"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind(), ErrorKind::kParse);
    EXPECT_EQ(r.error().delivery(), Delivery::kMaybeSent);
    EXPECT_NE(r.error().message().find(too_deep()), std::string::npos) << r.error().message();
  }
}

TEST(DeepAnswer, EveryOtherReaderRefusesItToo) {
  FakeTransport t;
  Client<FakeTransport> client(lowcodeapi(), t);
  const std::string deep = R"({"data":{"id":"1065000000001","x":)" + nested(500'000) + "}}";

  t.push(200, deep);
  auto phone = client.phone_numbers().get("1065000000001");
  ASSERT_FALSE(phone.ok());
  EXPECT_EQ(phone.error().kind(), ErrorKind::kParse);
  EXPECT_NE(phone.error().message().find(too_deep()), std::string::npos) << phone.error().message();

  t.push(200, R"({"data":{"success":true,"x":)" + nested(500'000) + "}}");
  auto read = client.messages().mark_read("1065000000001", "wamid.ZGVlcDAx");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind(), ErrorKind::kParse);

  // An error answer that deep is an HTTP error naming its status, not a crash.
  t.push(500, R"({"error":{"message":"boom","x":)" + nested(500'000) + "}}");
  auto failed = client.phone_numbers().get("1065000000001");
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().http_status(), 500);
}

TEST(DeepAnswer, TheGraphBackendRefusesItToo) {
  FakeTransport t;
  auto o = ClientOptions::graph("EAAGdeep0wnT0ken42");
  o.base_url = "http://127.0.0.1:9/";
  o.retry = whatsapp::RetryPolicy::none();
  Client<FakeTransport> client(o, t);
  t.push(200, R"({"messaging_product":"whatsapp","messages":[{"id":"wamid.ZGVlcDAy"}],"x":)" +
                  nested(300'000) + "}");
  auto r = client.messages().send("1065000000001", Message::text("15550001111", "hi"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kParse);
  EXPECT_NE(r.error().message().find(too_deep()), std::string::npos) << r.error().message();
}

}  // namespace deep_answer_test
