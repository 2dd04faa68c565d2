// Sending to a business-scoped user id (BSUID): Recipient, the body's `recipient` field (fast
// writer and general writer alike), validation of both forms, the answer's contacts[].user_id
// (scanner and general path alike), error 131062 and batch sends. Payloads:
// tests/data/fixtures/send_text_bsuid_request.json, send_response_bsuid.json,
// send_response_parent_bsuid.json, error_131062_bsuid_not_supported.json.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../support/message_from_bytes.hpp"
#include "fake_time.hpp"
#include "test_support.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/protocol/detail/send_answer.hpp"
#include "whatsapp/protocol/detail/send_body.hpp"
#include "whatsapp/protocol/envelope.hpp"
#include "whatsapp/transport/fake.hpp"

namespace bsuid_send_test {

using whatsapp::BatchItem;
using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::ErrorCategory;
using whatsapp::ErrorKind;
using whatsapp::HttpResponse;
using whatsapp::Message;
using whatsapp::Recipient;
using whatsapp::transport::FakeTransport;
using whatsapp_test::FakeTime;
using whatsapp_test::in_data_envelope;
using whatsapp_test::read_data;
using whatsapp_test::read_json;

const std::string kBsuid = "US.58204471936618205537";
const std::string kParent = "US.ENT.90317265508124469021";

TEST(BsuidShape, KnowsBothDocumentedForms) {
  EXPECT_TRUE(whatsapp::is_user_id(kBsuid));
  EXPECT_TRUE(whatsapp::is_user_id(kParent));
  EXPECT_FALSE(whatsapp::is_parent_user_id(kBsuid));
  EXPECT_TRUE(whatsapp::is_parent_user_id(kParent));
  EXPECT_TRUE(whatsapp::is_user_id("BR.a1B2c3"));                        // letters and digits
  EXPECT_TRUE(whatsapp::is_user_id("US." + std::string(128, '7')));      // up to 128
  EXPECT_FALSE(whatsapp::is_user_id("US." + std::string(129, '7')));     // not more
  EXPECT_TRUE(whatsapp::is_user_id("US.ENT." + std::string(128, '7')));  // after "ENT." too
  for (const char* bad : {"", "US.", "US", "us.123", "U.123", "USA.123", "US-123", "US.12 3", "US.ENT.",
                          "US.1.2", "US.ENT.1.2", "15551234567", "+15551234567", "US.12\xc3\xa9"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(whatsapp::is_user_id(bad));
  }
}

TEST(BsuidRecipient, StringsStayPhoneNumbersAndBsuidsAreNamed) {
  const Message phone = Message::text("15551234567", "Hi");
  EXPECT_EQ(phone.to, "15551234567");
  EXPECT_TRUE(phone.recipient.empty());
  const std::string number = "16035550164";
  EXPECT_EQ(Message::text(number, "Hi").to, number);  // std::string, as before BSUIDs
  const Message user = Message::text(Recipient::user_id(kBsuid), "Hi");
  EXPECT_TRUE(user.to.empty());
  EXPECT_EQ(user.recipient, kBsuid);
  EXPECT_EQ(user.addressee(), Recipient::user_id(kBsuid));
  EXPECT_EQ(phone.addressee(), Recipient::phone_number("15551234567"));
  Message m = Message::image(Recipient::user_id(kParent), whatsapp::Media::id("1037543291543636"));
  EXPECT_EQ(m.recipient, kParent);
  m.address("16035550164");  // re-addressed: exactly one of the two stays set
  EXPECT_EQ(m.to, "16035550164");
  EXPECT_TRUE(m.recipient.empty());
  m.address(Recipient::user_id(kBsuid));
  EXPECT_TRUE(m.to.empty());
  EXPECT_EQ(m.recipient, kBsuid);
}

TEST(BsuidBody, MatchesTheDocumentedShapeWithoutTo) {
  const Message m = Message::text(Recipient::user_id(kBsuid), "Your sourdough is ready for pickup.");
  ASSERT_TRUE(whatsapp::validate(m).ok());
  const std::string body = whatsapp::detail::message_body(m);
  EXPECT_EQ(nlohmann::json::parse(body), read_json("fixtures/send_text_bsuid_request.json"));
  EXPECT_EQ(body.find("\"to\""), std::string::npos);
}

// The fast writer (text) and nlohmann's (every content) give the same bytes with a BSUID.
TEST(BsuidBody, FastWriterMatchesTheGeneralOneByteForByte) {
  for (const std::string& id : {kBsuid, kParent, std::string("US.\"q\"\\"), std::string("bad \xff")}) {
    for (bool preview : {false, true}) {
      Message m = Message::text(Recipient::user_id(id), "h\xc3\xa9llo \"x\"\n", preview);
      SCOPED_TRACE(id);
      EXPECT_EQ(whatsapp::detail::message_body(m), whatsapp_test::general_body(m));
      m.reply_to("wamid.ctx").with_callback_data("cb");
      EXPECT_EQ(whatsapp::detail::message_body(m), whatsapp_test::general_body(m));
      m.recipient_type.clear();
      EXPECT_EQ(whatsapp::detail::message_body(m), whatsapp_test::general_body(m));
      m.to = "15551234567";  // both set (validate() refuses it): both writers still agree
      EXPECT_EQ(whatsapp::detail::message_body(m), whatsapp_test::general_body(m));
      m.to.clear();
      m.recipient.clear();  // neither: "to" is written, empty, by both
      EXPECT_EQ(whatsapp::detail::message_body(m), whatsapp_test::general_body(m));
      EXPECT_NE(whatsapp::detail::message_body(m).find(R"("to":"")"), std::string::npos);
    }
  }
  const Message other = Message::reaction(Recipient::user_id(kBsuid), "wamid.A", "\xF0\x9F\x91\x8D");
  const auto j = nlohmann::json::parse(whatsapp::detail::message_body(other));
  EXPECT_EQ(j.at("recipient"), kBsuid);
  EXPECT_FALSE(j.contains("to"));
}

TEST(BsuidValidation, ExactlyOneAddresseeInItsOwnForm) {
  const auto refused = [](const Message& m, const std::string& field, const std::string& words) {
    const auto r = whatsapp::validate(m);
    ASSERT_FALSE(r.ok()) << field;
    EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
    EXPECT_EQ(r.error().field(), field);
    EXPECT_NE(r.error().message().find(words), std::string::npos) << r.error().message();
  };
  EXPECT_TRUE(whatsapp::validate(Message::text(Recipient::user_id(kBsuid), "Hi")).ok());
  EXPECT_TRUE(whatsapp::validate(Message::text(Recipient::user_id(kParent), "Hi")).ok());
  Message both = Message::text(Recipient::user_id(kBsuid), "Hi");
  both.to = "15551234567";
  refused(both, "recipient", "not both");
  Message neither = Message::text("", "Hi");
  refused(neither, "to", "needs an addressee");
  refused(Message::text(kBsuid, "Hi"), "to", "Recipient::user_id()");  // a BSUID given as a phone
  refused(Message::text(Recipient::user_id("15551234567"), "Hi"), "recipient", "is a phone number");
  refused(Message::text(Recipient::user_id("us.123"), "Hi"), "recipient", "two-letter country code");
  refused(Message::text(Recipient::user_id("US." + std::string(129, '1')), "Hi"), "recipient", "1 to 128");
  Message group = Message::text(Recipient::user_id(kBsuid), "Hi");
  group.recipient_type = "group";
  refused(group, "recipient", "\"individual\"");
}

TEST(BsuidAnswer, UserIdIsReadByTheScannerAsByTheGeneralPath) {
  const std::string bodies[] = {
      R"({"data":{"messaging_product":"whatsapp","contacts":[{"input":")" + kBsuid + R"(","user_id":")" +
          kBsuid + R"("}],"messages":[{"id":"wamid.A"}]}})",
      R"({"data":{"messaging_product":"whatsapp","contacts":[{"input":")" + kParent +
          R"(","wa_id":"16035550164","user_id":")" + kParent + R"("}],"messages":[{"id":"wamid.B"}]}})",
      R"({"result":{"messaging_product":"whatsapp","contacts":[{"user_id":")" + kBsuid + R"(","input":")" +
          kBsuid + R"("}],"messages":[{"id":"wamid.C"}]}})",
      R"({"data":{"messaging_product":"whatsapp","contacts":[{"input":"x","user_id":""}],"messages":[{"id":"D"}]}})",
      "{\"data\":" + read_data("fixtures/send_response_bsuid.json") + "}",
      "{\"data\":" + read_data("fixtures/send_response_parent_bsuid.json") + "}",
  };
  for (const auto& body : bodies) {
    SCOPED_TRACE(body);
    HttpResponse resp;
    resp.status = 200;
    resp.body = body;
    const auto fast = whatsapp::detail::read_send_answer(resp);
    ASSERT_TRUE(fast.has_value());
    auto payload = whatsapp::unwrap_envelope(resp);
    ASSERT_TRUE(payload.ok());
    const auto general = whatsapp::detail::decode_send_result(*payload);
    ASSERT_TRUE(general.ok());
    ASSERT_EQ(fast->contacts.size(), 1U);
    ASSERT_EQ(general->contacts.size(), 1U);
    EXPECT_EQ(fast->contacts[0].user_id, general->contacts[0].user_id);
    EXPECT_EQ(fast->contacts[0].wa_id, general->contacts[0].wa_id);
    EXPECT_EQ(fast->contacts[0].input, general->contacts[0].input);
    ASSERT_TRUE(fast->contacts[0].user_id.has_value());
  }
  HttpResponse number;
  number.status = 200;
  number.body = "{\"data\":" + read_data("fixtures/send_response.json") + "}";
  EXPECT_FALSE(whatsapp::detail::read_send_answer(number)->contacts[0].user_id.has_value());
  number.body = R"({"data":{"contacts":[{"input":"x","user_id":7}],"messages":[{"id":"A"}]}})";
  EXPECT_FALSE(whatsapp::detail::read_send_answer(number).has_value());  // a number: the general path's
}

ClientOptions options(const FakeTime& time) {
  ClientOptions o;
  o.base_url = "https://api.lowcodeapi.com/whatsapp";
  o.api_token = "at_abc";
  o.time = time.source();
  return o;
}

TEST(BsuidClient, SendsToABsuidAndReadsTheUserIdAnswered) {
  FakeTime time;
  FakeTransport t;
  Client<FakeTransport> client{options(time), t};
  t.push(200, in_data_envelope(read_json("fixtures/send_response_bsuid.json")));
  auto r = client.messages().send("2088114577301", Message::text(Recipient::user_id(kBsuid), "Hi"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->contacts.at(0).user_id, kBsuid);
  EXPECT_TRUE(r->contacts.at(0).wa_id.empty());
  const auto sent = nlohmann::json::parse(t.last_request().body);
  EXPECT_EQ(sent.at("recipient"), kBsuid);
  EXPECT_FALSE(sent.contains("to"));
}

TEST(BsuidClient, Error131062HasItsOwnCategoryAndIsNeverRetried) {
  for (int status : {400, 500}) {  // even relayed as a 500, it is the same refusal
    FakeTime time;
    FakeTransport t;
    Client<FakeTransport> client{options(time), t};
    t.push(status, in_data_envelope(read_json("fixtures/error_131062_bsuid_not_supported.json")));
    t.push(200, in_data_envelope(read_json("fixtures/send_response_bsuid.json")));
    auto r = client.messages().send(
        "2088114577301", Message::template_message(Recipient::user_id(kBsuid), "pickup_code", "en_US"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code(), 131062);
    EXPECT_EQ(r.error().category(), ErrorCategory::kUserIdUnsupported);
    EXPECT_EQ(whatsapp::to_string(r.error().category()), "user_id_unsupported");
    EXPECT_FALSE(r.error().is_transient());
    EXPECT_NE(r.error().to_string().find("phone number"), std::string::npos);
    EXPECT_EQ(t.requests().size(), 1U) << status;
    EXPECT_TRUE(time.sleeps().empty());
  }
}

TEST(BsuidClient, ABatchSendsToPhoneNumbersAndBsuidsAlike) {
  FakeTime time;
  FakeTransport t;
  Client<FakeTransport> client{options(time), t};
  for (int i = 0; i < 3; ++i) t.push(200, in_data_envelope(read_json("fixtures/send_response_bsuid.json")));
  std::vector<BatchItem> items = {{"2088114577301", Message::text(Recipient::user_id(kBsuid), "one")},
                                  {"2088114577301", Message::text("16035550164", "two")},
                                  {"2088114577301", Message::text(Recipient::user_id(kParent), "three")},
                                  {"2088114577301", Message::text(Recipient::user_id("US.bad id"), "four")}};
  const auto results = client.messages().send_batch(items);
  ASSERT_EQ(results.size(), 4U);
  EXPECT_TRUE(results[0].ok() && results[1].ok() && results[2].ok());
  ASSERT_FALSE(results[3].ok());
  EXPECT_EQ(results[3].error().field(), "recipient");
  std::vector<std::string> addressed;
  for (const auto& req : t.requests()) {
    const auto j = nlohmann::json::parse(req.body);
    addressed.push_back(j.contains("recipient") ? "recipient=" + j["recipient"].get<std::string>()
                                                : "to=" + j["to"].get<std::string>());
  }
  std::sort(addressed.begin(), addressed.end());
  EXPECT_EQ(addressed,
            (std::vector<std::string>{"recipient=" + kBsuid, "recipient=" + kParent, "to=16035550164"}));
}

}  // namespace bsuid_send_test
