// The send answer's scanner (protocol/detail/send_answer.hpp) reads what the general path reads, and
// gives up on everything it does not fully understand.

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "whatsapp/protocol/detail/send_answer.hpp"
#include "whatsapp/protocol/envelope.hpp"

namespace send_answer_test {

using whatsapp::HttpResponse;
using whatsapp::SendResult;
using whatsapp_test::in_data_envelope;
using whatsapp_test::read_data;

HttpResponse answer(std::string body, int status = 200) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

std::optional<SendResult> fast(const std::string& body, int status = 200) {
  return whatsapp::detail::read_send_answer(answer(body, status));
}

// What the general path makes of `body`: unwrap_envelope, then decode_send_result.
whatsapp::Result<SendResult> general(const std::string& body, int status = 200) {
  auto payload = whatsapp::unwrap_envelope(answer(body, status));
  if (!payload) return std::move(payload).error();
  return whatsapp::detail::decode_send_result(*payload);
}

void expect_same(const SendResult& a, const SendResult& b) {
  EXPECT_EQ(a.messaging_product, b.messaging_product);
  ASSERT_EQ(a.contacts.size(), b.contacts.size());
  for (std::size_t i = 0; i < a.contacts.size(); ++i) {
    EXPECT_EQ(a.contacts[i].input, b.contacts[i].input);
    EXPECT_EQ(a.contacts[i].wa_id, b.contacts[i].wa_id);
    EXPECT_EQ(a.contacts[i].user_id, b.contacts[i].user_id);
  }
  ASSERT_EQ(a.messages.size(), b.messages.size());
  for (std::size_t i = 0; i < a.messages.size(); ++i) {
    EXPECT_EQ(a.messages[i].id, b.messages[i].id);
    EXPECT_EQ(a.messages[i].message_status, b.messages[i].message_status);
  }
  EXPECT_EQ(a.raw(), b.raw());
}

TEST(SendAnswer, EveryFixtureReadsAsTheGeneralPathReadsIt) {
  for (const char* name : {"send_response.json", "send_response_wa_id_trailing_space.json",
                           "send_response_with_message_status.json", "send_response_held_for_quality.json",
                           "send_response_bsuid.json", "send_response_parent_bsuid.json"}) {
    SCOPED_TRACE(name);
    const std::string payload = read_data(std::string("fixtures/") + name);  // pretty-printed
    const std::string bodies[] = {"{\"data\":" + payload + "}", "{ \"result\" :\n" + payload + "\n}\n",
                                  in_data_envelope(nlohmann::json::parse(payload))};
    for (const std::string& body : bodies) {
      const auto f = fast(body);
      ASSERT_TRUE(f.has_value()) << body;
      const auto g = general(body);
      ASSERT_TRUE(g.ok()) << g.error().to_string();
      expect_same(*f, *g);
      EXPECT_EQ(f->raw(), nlohmann::json::parse(payload));
    }
  }
}

TEST(SendAnswer, ReadsEveryFieldInAnyOrder) {
  const auto r = fast(
      R"({"data":{"messages":[{"message_status":"held_for_quality_assessment","id":"wamid.A"},{"id":"wamid.B"}],)"
      R"("contacts":[{"wa_id":"1555","input":"+1 555"},{}],"messaging_product":"whatsapp"}})");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->messaging_product, "whatsapp");
  ASSERT_EQ(r->contacts.size(), 2U);
  EXPECT_EQ(r->contacts[0].input, "+1 555");
  EXPECT_EQ(r->contacts[0].wa_id, "1555");
  EXPECT_EQ(r->contacts[1].input, "");
  ASSERT_EQ(r->messages.size(), 2U);
  EXPECT_EQ(r->message_id(), "wamid.A");
  EXPECT_EQ(r->messages[0].message_status, "held_for_quality_assessment");
  EXPECT_EQ(r->messages[1].id, "wamid.B");
  EXPECT_FALSE(r->messages[1].message_status.has_value());
}

// Meta's compact form is matched piece by piece; it and every near miss (which the general
// scanner then reads, or gives up on) read as the general path reads them.
TEST(SendAnswer, TheCompactFormAndItsNearMissesReadAsTheGeneralPathReadsThem) {
  const std::string contacts = R"("contacts":[{"input":"15551234567","wa_id":"15551234567"}])";
  const std::string compact =
      R"({"messaging_product":"whatsapp",)" + contacts + R"(,"messages":[{"id":"wamid.A"}]})";
  const std::string bodies[] = {
      R"({"data":)" + compact + "}",
      R"({"result":)" + compact + "}",
      R"({"data":)" + compact + "}\r\n",
      R"({"data":{"messaging_product":"whatsapp",)" + contacts +
          R"(,"messages":[{"id":"wamid.A","message_status":"accepted"}]}})",
      R"({"data":{"messaging_product":"whatsapp",)" + contacts +
          R"(,"messages":[{"id":"wamid.A","message_status":""}]}})",
      R"({"data":{"messaging_product":"","contacts":[{"input":"","wa_id":""}],"messages":[{"id":"x"}]}})",
      // near misses the general scanner reads
      R"({"data":{"messaging_product":"whatsapp",)" + contacts + R"(,"messages":[{"id":"A"},{"id":"B"}]}})",
      R"({"data":{"messaging_product":"whatsapp","contacts":[{"wa_id":"1","input":"2"}],"messages":[{"id":"A"}]}})",
      R"({"data": )" + compact + "}",
      R"({"data":{"messaging_product":"whatsapp",)" + contacts +
          R"(,"messages":[{"message_status":"accepted","id":"A"}]}})",
  };
  for (const auto& body : bodies) {
    SCOPED_TRACE(body);
    const auto f = fast(body);
    ASSERT_TRUE(f.has_value());
    const auto g = general(body);
    ASSERT_TRUE(g.ok()) << g.error().to_string();
    expect_same(*f, *g);
  }
  EXPECT_EQ(fast(bodies[3])->messages[0].message_status, "accepted");
  EXPECT_FALSE(fast(bodies[4])->messages[0].message_status.has_value());
  // near misses nobody reads fast
  for (const std::string& body : {
           R"({"data":)" + compact,         // truncated
           R"({"data":)" + compact + "}}",  // trailing byte
           R"({"data":{"messaging_product":"whatsapp",)" + contacts + R"(,"messages":[{"id":""}]}})",
           R"({"data":{"messaging_product":"whatsapp",)" + contacts + R"(,"messages":[{"id":"a"b"}]}})",
           R"({"data":{"messaging_product":"whatsapp",)" + contacts +
               R"(,"messages":[{"id":"A","message_status":7}]}})",
           std::string(R"({"data":{"messaging_product":"whatsapp",)") + contacts + R"(,"messages":[{"id":"A)",
       }) {
    SCOPED_TRACE(body);
    EXPECT_FALSE(fast(body).has_value());
  }
}

// Each of these is left to the general path: an error, a shape or a kind of JSON the scanner
// does not read. The general path then gives a result or a typed error.
TEST(SendAnswer, GivesUpOnAnythingElse) {
  const std::string ok_payload = R"({"messaging_product":"whatsapp","messages":[{"id":"wamid.A"}]})";
  ASSERT_TRUE(fast("{\"data\":" + ok_payload + "}").has_value());
  const std::string cases[] = {
      R"({"data":{"error":{"message":"bad","code":100}}})",                       // error in a 200
      R"({"error":{"message":"bad","code":100}})",                                // Graph error
      R"({"data":{"messaging_product":"whatsapp","messages":[]}})",               // no message
      R"({"data":{"messaging_product":"whatsapp","messages":[{"id":""}]}})",      // empty id
      R"({"data":{"messaging_product":"whatsapp","messages":[{"id":"a\"b"}]}})",  // escape
      R"({"data":{"messaging_product":"whatsapp","messages":[{"id":"a\u00e9"}]}})",
      "{\"data\":{\"messaging_product\":\"wh\xc3\xa9\",\"messages\":[{\"id\":\"A\"}]}}",  // non-ASCII
      R"({"data":{"messaging_product":"whatsapp","messages":[{"id":"A"}],"x":1}})",       // unknown key
      R"({"data":{"messages":[{"id":"A"}],"messages":[{"id":"B"}]}})",                    // repeated key
      R"({"data":{"messaging_product":7,"messages":[{"id":"A"}]}})",                      // wrong type
      R"({"data":{"messages":[{"id":"A","message_status":null}]}})",                      // literal
      R"({"data":)" + ok_payload + R"(,"result":{}})",                                    // two envelopes
      R"({"payload":)" + ok_payload + "}",                                                // no envelope
      R"({"data":)" + ok_payload + "} x",                                                 // trailing bytes
      R"({"data":)" + ok_payload,                                                         // truncated
      R"({"data":{"messaging_product":"whatsapp","messages":[{"id":"A"}]],})",            // broken
      ok_payload,                                                                         // bare payload
      "",
      "<html>502</html>",
  };
  for (const auto& body : cases) {
    SCOPED_TRACE(body);
    EXPECT_FALSE(fast(body).has_value());
    const auto g = general(body);
    if (!g.ok()) {
      EXPECT_FALSE(g.error().message().empty());
    }
  }
  EXPECT_FALSE(fast("{\"data\":" + ok_payload + "}", 400).has_value());  // not a success status
}

TEST(SendAnswer, ReadingIntoTheReadersOwnOptionalLeavesItEmptyWhenTheAnswerIsNotTaken) {
  const std::string payload =
      R"({"messaging_product":"whatsapp","contacts":[{"input":"15550001111","wa_id":"15550001111"}],)"
      R"("messages":[{"id":"wamid.OURS1"}]})";
  std::optional<SendResult> out;
  HttpResponse first = answer("{\"data\":" + payload + "}");
  ASSERT_TRUE(whatsapp::detail::take_send_answer(first, true, out));
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->message_id(), "wamid.OURS1");
  EXPECT_EQ(out->raw_json, payload);
  // The compact reader gets as far as the payload's end before the trailing bytes fail it; the
  // general one refuses them too. Neither leaves a half-read result behind, nor the last one.
  for (const std::string& body : {"{\"data\":" + payload + "}x", "{\"data\":" + payload}) {
    SCOPED_TRACE(body);
    HttpResponse resp = answer(body);
    EXPECT_FALSE(whatsapp::detail::take_send_answer(resp, true, out));
    EXPECT_FALSE(out.has_value());
    EXPECT_EQ(resp.body, body);
  }
  out.emplace();
  HttpResponse failed = answer("{\"data\":" + payload + "}", 503);
  EXPECT_FALSE(whatsapp::detail::take_send_answer(failed, true, out));
  EXPECT_FALSE(out.has_value());
}

}  // namespace send_answer_test

namespace send_answer_test {

TEST(SendAnswer, TakingTheBodyGivesTheSameResultWithThePayloadTextExactly) {
  const std::string payload =
      R"({"messaging_product":"whatsapp","contacts":[{"input":"15551234567","wa_id":"15551234567"}],)"
      R"("messages":[{"id":"wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA"}]})";
  for (const std::string& body : {"{\"data\":" + payload + "}", "\n{ \"result\" : " + payload + " }\r\n"}) {
    SCOPED_TRACE(body);
    HttpResponse resp = answer(body);
    const auto copied = whatsapp::detail::read_send_answer(resp);
    const auto taken = whatsapp::detail::take_send_answer(resp);
    ASSERT_TRUE(copied && taken);
    expect_same(*copied, *taken);
    EXPECT_EQ(taken->raw_json, payload);
    EXPECT_EQ(copied->raw_json, payload);
  }
}

TEST(SendAnswer, AnAnswerTheScannerLeavesKeepsItsBodyForTheGeneralPath) {
  for (const auto& [body, status] : std::vector<std::pair<std::string, int>>{
           {R"({"data":{"messages":[{"id":"wamid.X"}],"extra":1}})", 200},
           {R"({"data":{"messages":[{"id":"wamid.X"}]}})", 500},
           {"<html>bad gateway</html>", 200}}) {
    HttpResponse resp = answer(body, status);
    EXPECT_FALSE(whatsapp::detail::take_send_answer(resp).has_value());
    EXPECT_EQ(resp.body, body);
  }
}

}  // namespace send_answer_test
