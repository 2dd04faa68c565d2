// messages().send() and phone_numbers().get(): exact requests, parsed answers, validation.

#include <gtest/gtest.h>

#include <string>

#include "test_support.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/transport/fake.hpp"

namespace messages_test {

using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::ErrorKind;
using whatsapp::HttpMethod;
using whatsapp::Message;
using whatsapp::transport::FakeTransport;
using whatsapp_test::in_data_envelope;
using whatsapp_test::read_json;

ClientOptions options() {
  ClientOptions o;
  o.base_url = "https://api.lowcodeapi.com/whatsapp";
  o.api_token = "at_abc";
  return o;
}

// The tests send to their own number and expect it in the payload's place.
const std::string kTo = "15551234567";
nlohmann::json example(const std::string& path) {
  auto j = read_json(path);
  j["to"] = kTo;
  return j;
}

struct MessagesTest : ::testing::Test {
  FakeTransport t;
  Client<FakeTransport> client{options(), t};
  void answer_send() { t.push(200, in_data_envelope(read_json("fixtures/send_response.json"))); }
};

TEST_F(MessagesTest, TextRequestMatchesMetasExample) {
  answer_send();
  auto r = client.messages().send("106540352242922", Message::text(kTo, "Fresh rye is out of the oven."));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const auto req = t.last_request();
  EXPECT_EQ(req.method, HttpMethod::kPost);
  EXPECT_EQ(req.url, "https://api.lowcodeapi.com/whatsapp/v22.0/106540352242922/messages?api_token=at_abc");
  EXPECT_EQ(nlohmann::json::parse(req.body), example("fixtures/send_text_request.json"));
}

TEST_F(MessagesTest, ReplyContextMatchesMetasExample) {
  answer_send();
  auto m = Message::text(kTo, "Yes, your order is ready.").reply_to("wamid.SGFyYm9yTGFuZS5wcmV2aW91cy4wMDE=");
  ASSERT_TRUE(client.messages().send("1", m).ok());
  EXPECT_EQ(nlohmann::json::parse(t.last_request().body),
            example("fixtures/send_text_reply_context_request.json"));
}

TEST_F(MessagesTest, PreviewUrlIsSent) {
  answer_send();
  ASSERT_TRUE(client.messages()
                  .send("1", Message::text(kTo, "Our new menu: https://harborlane.example.com/menu", true))
                  .ok());
  const auto body = nlohmann::json::parse(t.last_request().body);
  const auto expected = example("fixtures/send_text_preview_url_request.json");
  for (const auto& [k, v] : expected.items()) EXPECT_EQ(body[k], v) << k;
  EXPECT_FALSE(body.contains("context"));
  EXPECT_FALSE(body.contains("biz_opaque_callback_data"));
}

TEST_F(MessagesTest, SendResultIsTyped) {
  answer_send();
  auto r = client.messages().send("1", Message::text("+16035550177", "hi"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->messaging_product, "whatsapp");
  ASSERT_EQ(r->contacts.size(), 1u);
  EXPECT_EQ(r->contacts[0].input, "+16035550177");
  EXPECT_EQ(r->contacts[0].wa_id, "16035550177");
  EXPECT_EQ(r->message_id(), "wamid.SGFyYm9yTGFuZS5zZW50LjAwNQ==");
  EXPECT_FALSE(r->messages[0].message_status.has_value());
  EXPECT_EQ(r->raw(), read_json("fixtures/send_response.json"));
}

TEST_F(MessagesTest, MessageStatusIsKeptWhenPresent) {
  t.push(200, in_data_envelope(read_json("fixtures/send_response_with_message_status.json")));
  auto r = client.messages().send("1", Message::text("16035550164", "hi"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->messages[0].message_status, "accepted");
  EXPECT_EQ(r->message_id(), "wamid.SGFyYm9yTGFuZS5hY2NlcHRlZC4wMDY=");
}

TEST_F(MessagesTest, DataOfTheWrongTypeIsAParseError) {
  t.push(200, R"({"data":"oops"})");
  auto r = client.messages().send("1", Message::text("1555", "hi"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kParse);
  EXPECT_NE(r.error().message().find("send response"), std::string::npos);
  // The answer was read after one request: the error says so, and that it may have been sent.
  EXPECT_EQ(r.error().attempts(), 1);
  EXPECT_TRUE(r.error().may_have_been_sent());
}

TEST_F(MessagesTest, AnswerWithoutMessageIdIsAParseError) {
  t.push(200, R"({"data":{"messages":[]}})");
  auto r = client.messages().send("1", Message::text("1555", "hi"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kParse);
  EXPECT_NE(r.error().message().find("no message id"), std::string::npos);
}

TEST_F(MessagesTest, ApiErrorAnswerIsTyped) {
  const auto graph_error = read_json("fixtures/error_131030_recipient_not_allowed.json")["error"];
  t.push(400, nlohmann::json{{"data", {{"error", graph_error}}}}.dump());
  auto r = client.messages().send("1", Message::text("1555", "hi"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kApi);
  EXPECT_EQ(r.error().code(), 131030);
  EXPECT_EQ(r.error().attempts(), 1);
}

struct Invalid {
  const char* name;
  Message message;
  const char* field;
};

class MessagesValidation : public ::testing::TestWithParam<Invalid> {};

TEST_P(MessagesValidation, RefusedBeforeSendingNamingTheField) {
  FakeTransport t;
  Client<FakeTransport> client(options(), t);
  auto r = client.messages().send("1", GetParam().message);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(r.error().field(), GetParam().field);
  EXPECT_FALSE(r.error().may_have_been_sent());
  EXPECT_EQ(t.request_count(), 0u);
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

INSTANTIATE_TEST_SUITE_P(
    Limits, MessagesValidation,
    ::testing::Values(
        Invalid{"emptyTo", Message::text("", "hi"), "to"},
        Invalid{"emptyBody", Message::text("1555", ""), "text.body"},
        Invalid{"bodyTooLong", Message::text("1555", std::string(4097, 'a')), "text.body"},
        // 4097 characters of 3 bytes each: counted in characters, refused.
        Invalid{"bodyTooLongUnicode", Message::text("1555", repeat("\xE2\x9C\x93", 4097)), "text.body"},
        Invalid{"bodyNotUtf8", Message::text("1555", "bad \xFF byte"), "text.body"},
        Invalid{"emptyContext", Message::text("1555", "hi").reply_to(""), "context.message_id"}),
    [](const auto& test) { return std::string(test.param.name); });

TEST(MessagesLimits, Exactly4096CharactersOfMultiByteTextIsAccepted) {
  FakeTransport t;
  t.push(200, R"({"data":{"messages":[{"id":"wamid.1"}]}})");
  Client<FakeTransport> client(options(), t);
  auto r = client.messages().send("1", Message::text("1555", repeat("\xE2\x9C\x93", 4096)));
  EXPECT_TRUE(r.ok()) << r.error().to_string();
}

TEST(PhoneNumbers, GetParsesMetasExampleAndSendsFields) {
  FakeTransport t;
  t.push(200, in_data_envelope(read_json("fixtures/phone_number.json")));
  Client<FakeTransport> client(options(), t);
  auto r = client.phone_numbers().get("208811457730912", {"verified_name", "quality_rating"});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(t.last_request().method, HttpMethod::kGet);
  EXPECT_EQ(t.last_request().url,
            "https://api.lowcodeapi.com/whatsapp/v22.0/"
            "208811457730912?api_token=at_abc&fields=verified_name%2Cquality_rating");
  EXPECT_TRUE(t.last_request().body.empty());
  EXPECT_EQ(r->id, "208811457730912");
  EXPECT_EQ(r->display_phone_number, "+1 603-555-0100");
  EXPECT_EQ(r->verified_name, "Harbor Lane Bakery");
  EXPECT_EQ(r->quality_rating, "GREEN");
  EXPECT_EQ(r->name_status, "APPROVED");
  EXPECT_EQ(r->code_verification_status, "VERIFIED");
}

TEST(PhoneNumbers, DefaultFieldsAndUnknownFieldsAreKept) {
  FakeTransport t;
  auto payload = read_json("fixtures/phone_number_with_name_status.json");
  payload["brand_new_field"] = {{"x", 1}};
  payload["throughput"] = {{"level", "STANDARD"}};
  t.push(200, in_data_envelope(payload));
  Client<FakeTransport> client(options(), t);
  auto r = client.phone_numbers().get("208811457730912");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(t.last_request().url,
            "https://api.lowcodeapi.com/whatsapp/v22.0/208811457730912?api_token=at_abc");
  EXPECT_EQ(r->name_status, "AVAILABLE_WITHOUT_REVIEW");
  EXPECT_EQ(r->throughput_level, "STANDARD");
  EXPECT_EQ(r->raw["brand_new_field"]["x"], 1);
}

TEST(PhoneNumbers, WrongTypesAreAParseErrorNotACrash) {
  FakeTransport t;
  t.push(200, R"({"data":[1,2]})");
  t.push(200, R"({"data":{"display_phone_number":5}})");
  Client<FakeTransport> client(options(), t);
  auto a = client.phone_numbers().get("1");
  auto b = client.phone_numbers().get("1");
  ASSERT_FALSE(a.ok());
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(a.error().kind(), ErrorKind::kParse);
  EXPECT_EQ(b.error().kind(), ErrorKind::kParse);
}

TEST(ResultAndException, ValueThrowsTheTypedError) {
  FakeTransport t;
  t.push(400, R"({"data":{"error":{"message":"(#100) Invalid parameter","code":100}}})");
  Client<FakeTransport> client(options(), t);
  auto r = client.messages().send("1", Message::text("1555", "hi"));
  try {
    (void)r.value();
    FAIL() << "value() did not throw";
  } catch (const whatsapp::Exception& e) {
    EXPECT_EQ(e.error().code(), 100);
    EXPECT_STREQ(
        e.what(),
        "api error (Graph API, HTTP 400, code 100): (#100) Invalid parameter - what to do: fix the request: "
        "graph() has Meta's details");
  }
}

TEST(ResultAndException, ValueOrAndVoidResult) {
  whatsapp::Result<int> bad(whatsapp::Error(ErrorKind::kCancelled, "stop"));
  EXPECT_EQ(bad.value_or(7), 7);
  whatsapp::Result<void> ok;
  EXPECT_TRUE(ok.ok());
  EXPECT_NO_THROW(ok.value());
  whatsapp::Result<void> failed(whatsapp::Error(ErrorKind::kCancelled, "stop"));
  EXPECT_THROW(failed.value(), whatsapp::Exception);
}

TEST(RawCall, AnyRouteCanBeCalled) {
  FakeTransport t;
  t.push(200, R"({"data":{"success":true}})");
  Client<FakeTransport> client(options(), t);
  auto r = client.call(whatsapp::RouteId::kRequestCode, {"1065"}, {},
                       {{"code_method", "SMS"}, {"language", "en_US"}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["success"], true);
  EXPECT_EQ(t.last_request().url,
            "https://api.lowcodeapi.com/whatsapp/v22.0/1065/request_code?api_token=at_abc");
  EXPECT_EQ(nlohmann::json::parse(t.last_request().body),
            (nlohmann::json{{"code_method", "SMS"}, {"language", "en_US"}}));
}

}  // namespace messages_test
