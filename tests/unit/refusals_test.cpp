// Errors say who refused and what to do (issue 12, item 4): LowCodeAPI's own refusals, an
// upstream it cannot reach, Retry-After inside the body, messages that say each thing once, the
// Graph codes' categories, and Graph error bodies that are not valid UTF-8.
//
// Payloads: tests/data/refusals (ours, in the shapes of shared/spec/lowcodeapi-selfhosted.md).

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "fake_time.hpp"
#include "test_support.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/detail/utf8.hpp"
#include "whatsapp/transport/fake.hpp"

namespace refusals_test {

using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::Delivery;
using whatsapp::ErrorCategory;
using whatsapp::ErrorKind;
using whatsapp::ErrorSource;
using whatsapp::HttpResponse;
using whatsapp::Message;
using whatsapp::transport::FakeTransport;
using whatsapp_test::FakeTime;
using whatsapp_test::read_data;
using ms = std::chrono::milliseconds;

const std::string kToken = "at_TEST_refusals_not_a_real_token";
const std::string kSendOk =
    R"({"message":"Request completed","provider":"whatsapp","result":{"messaging_product":"whatsapp","contacts":[{"input":"15550001111","wa_id":"15550001111"}],"messages":[{"id":"wamid.REFUSALS1"}]}})";
const std::string kPhoneOk =
    R"({"message":"Request completed","provider":"whatsapp","result":{"id":"106540352242922","display_phone_number":"+1 555-000-1111","verified_name":"Refusal Test"}})";

std::string refusal(const std::string& name) {
  std::string body = read_data("refusals/" + name);
  const auto at = body.find("TOKEN");
  if (at != std::string::npos) body.replace(at, 5, kToken);
  return body;
}

// A call that is not retried (the other CallOptions members left unset).
whatsapp::CallOptions no_retry() {
  whatsapp::CallOptions o;
  o.retry = whatsapp::RetryPolicy::none();
  return o;
}

struct Refusals : ::testing::Test {
  FakeTransport t;
  FakeTime time;
  ClientOptions options() {
    ClientOptions o;
    o.base_url = "http://127.0.0.1:3456/whatsapp";
    o.api_token = kToken;
    o.format_policy = whatsapp::FormatPolicy::kOldOnly;  // as a self-hosted server serves
    o.retry.jitter = false;
    o.time = time.source(0.5);
    return o;
  }
  Client<FakeTransport> client() { return Client<FakeTransport>(options(), t); }
};

// ---- 1. LowCodeAPI's own refusals and an upstream it cannot reach ---------------------------

TEST_F(Refusals, EachLowCodeApiTokenRefusalIsAuthorizationAndNotRetried) {
  struct Case {
    const char* name;
    int status;
  };
  for (const Case c :
       {Case{"auth_not_configured_401.json", 401}, Case{"auth_token_without_prefix_401.json", 401},
        Case{"auth_unknown_token_403.json", 403}}) {
    const char* name = c.name;
    t = FakeTransport();
    t.push(c.status, refusal(name));
    auto r = client().phone_numbers().get("106540352242922");
    ASSERT_FALSE(r.ok()) << name;
    const auto& e = r.error();
    EXPECT_EQ(e.category(), ErrorCategory::kAuthorization) << name << ": " << e.to_string();
    EXPECT_EQ(e.source(), ErrorSource::kLowCodeApi) << name;
    EXPECT_FALSE(e.graph().has_value()) << name;  // not a Graph error: Meta never saw it
    EXPECT_EQ(e.code(), 0) << name;
    EXPECT_NE(e.message().find("LowCodeAPI, not Meta"), std::string::npos) << e.message();
    EXPECT_NE(e.to_string().find("api_token"), std::string::npos) << e.to_string();  // what to do
    EXPECT_EQ(e.to_string().find(kToken), std::string::npos) << e.to_string();
    EXPECT_EQ(e.body_excerpt().find(kToken), std::string::npos);
    EXPECT_EQ(t.request_count(), 1u) << name;  // a refused token is not retried
    EXPECT_EQ(e.attempts(), 1);
  }
}

TEST_F(Refusals, UpstreamConnectFailureIsATransientServerErrorAndASendIsRetried) {
  t.push(500, refusal("upstream_refused_500.json"));
  t.push(200, kSendOk);
  auto r = client().messages().send("106540352242922", Message::text("15550001111", "hi"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();  // Meta was never reached: safe to send again
  EXPECT_EQ(t.request_count(), 2u);

  t.push(500, refusal("upstream_refused_500.json"));
  auto once = client()
                  .with_options(no_retry())
                  .messages()
                  .send("106540352242922", Message::text("15550001111", "hi"));
  ASSERT_FALSE(once.ok());
  const auto& e = once.error();
  EXPECT_EQ(e.category(), ErrorCategory::kServer);
  EXPECT_EQ(e.source(), ErrorSource::kUpstream);
  EXPECT_EQ(e.kind(), ErrorKind::kHttp);
  EXPECT_TRUE(e.is_transient());
  EXPECT_EQ(e.delivery(), Delivery::kNotSent);
  EXPECT_FALSE(e.graph().has_value());
  EXPECT_NE(e.message().find("could not reach Meta"), std::string::npos) << e.message();
}

TEST_F(Refusals, UpstreamResetMayHaveReachedMetaSoASendIsNotRepeated) {
  t.push(500, refusal("upstream_reset_500.json"));
  auto r = client().messages().send("106540352242922", Message::text("15550001111", "hi"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().category(), ErrorCategory::kServer);
  EXPECT_EQ(r.error().source(), ErrorSource::kUpstream);
  EXPECT_EQ(r.error().delivery(), Delivery::kMaybeSent);
  EXPECT_EQ(t.request_count(), 1u);
}

TEST_F(Refusals, GraphErrorsRelayedByTheProxyNameTheGraphApi) {
  nlohmann::json relayed{{"message", "Error received from the whatsapp API"},
                         {"provider", "whatsapp"},
                         {"error", whatsapp_test::read_json("fixtures/error_100_invalid_parameter.json")},
                         {"headers", {{"content-type", "application/json; charset=UTF-8"}}}};
  t.push(400, relayed.dump());
  auto r = client().phone_numbers().get("106540352242922");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().source(), ErrorSource::kGraph);
  EXPECT_EQ(r.error().code(), 100);
  EXPECT_NE(r.error().to_string().find("(Graph API, HTTP 400, code 100)"), std::string::npos);
}

// ---- 2. Retry-After inside the body -----------------------------------------------------------

TEST_F(Refusals, RetryAfterInTheBodysHeadersIsHonoured) {
  t.push(429, refusal("throttled_429_retry_after_in_body.json"));
  t.push(200, kSendOk);
  auto r = client().messages().send("106540352242922", Message::text("15550001111", "hi"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(time.sleeps(), (std::vector<ms>{ms(3000)}));  // not the 500 ms backoff

  // An HTTP header, when a proxy sends one, wins over the body's copy.
  HttpResponse both;
  both.status = 429;
  both.headers.emplace_back("Retry-After", "1");
  both.body = refusal("throttled_429_retry_after_in_body.json");
  t.push(std::move(both));
  t.push(200, kSendOk);
  ASSERT_TRUE(client().messages().send("106540352242922", Message::text("15550001111", "hi")).ok());
  EXPECT_EQ(time.sleeps(), (std::vector<ms>{ms(3000), ms(1000)}));
}

TEST_F(Refusals, RetryAfterAsAnHttpDateInResponseHeadersIsHonoured) {
  // FakeTime's epoch is 2023-11-14T22:13:20Z; the date is 7 s later.
  t.push(
      503,
      R"({"message":"Error received from the whatsapp API","provider":"whatsapp",)"
      R"("error":{"error":{"message":"(#2) Service temporarily unavailable","type":"OAuthException","code":2}},)"
      R"("response_headers":{"retry-after":"Tue, 14 Nov 2023 22:13:27 GMT"}})");
  t.push(200, kPhoneOk);
  auto r = client().phone_numbers().get("106540352242922");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(time.sleeps(), (std::vector<ms>{ms(7000)}));
}

TEST_F(Refusals, ABatchHonoursTheBodysRetryAfterToo) {
  int n = 0;
  t.on_request([&](const whatsapp::HttpRequest&) -> whatsapp::Result<HttpResponse> {
    HttpResponse r;
    r.status = n++ == 0 ? 429 : 200;
    r.body = r.status == 429 ? refusal("throttled_429_retry_after_in_body.json") : kSendOk;
    return r;
  });
  auto results = client().messages().send_batch("106540352242922", {Message::text("15550001111", "a")});
  ASSERT_TRUE(results.at(0).ok()) << results[0].error().to_string();
  EXPECT_EQ(time.sleeps(), (std::vector<ms>{ms(3000)}));
}

// ---- 4. Each thing said once, and what to do ------------------------------------------------

TEST_F(Refusals, ANotFoundSaysTheStatusOnceAndWhatToDo) {
  t.push(404, refusal("route_not_found_404.json"));
  auto r = client().phone_numbers().get("106540352242922");
  ASSERT_FALSE(r.ok());
  const std::string s = r.error().to_string();
  EXPECT_EQ(s.find("HTTP 404"), s.rfind("HTTP 404")) << s;
  EXPECT_EQ(s.find("Not Found"), s.rfind("Not Found")) << s;
  EXPECT_NE(s.find("what to do: "), std::string::npos) << s;
  EXPECT_EQ(r.error().source(), ErrorSource::kLowCodeApi);
}

TEST_F(Refusals, AnHtmlGatewayPageSaysTheStatusOnce) {
  t.push(502, "<html><body>502 Bad Gateway</body></html>");
  auto r = client().with_options(no_retry()).phone_numbers().get("106540352242922");
  ASSERT_FALSE(r.ok());
  const std::string s = r.error().to_string();
  EXPECT_EQ(s.find("HTTP 502"), s.rfind("HTTP 502")) << s;
  EXPECT_EQ(r.error().source(), ErrorSource::kUnknown);
  EXPECT_FALSE(r.error().hint().empty());
}

// ---- 5. Graph codes and their categories ----------------------------------------------------

TEST(RefusalCodes, CodesOnceWithoutACategoryHaveOne) {
  using whatsapp::error_category;
  EXPECT_EQ(error_category(17), ErrorCategory::kThrottling);             // user request limit reached
  EXPECT_EQ(error_category(32), ErrorCategory::kThrottling);             // page request limit reached
  EXPECT_EQ(error_category(341), ErrorCategory::kThrottling);            // application limit reached
  EXPECT_EQ(error_category(613), ErrorCategory::kThrottling);            // calls within one hour exceeded
  EXPECT_EQ(error_category(102), ErrorCategory::kAuthorization);         // API session
  EXPECT_EQ(error_category(104), ErrorCategory::kAuthorization);         // incorrect signature / token
  EXPECT_EQ(error_category(803), ErrorCategory::kParameter);             // some aliases do not exist
  EXPECT_EQ(error_category(131062), ErrorCategory::kUserIdUnsupported);  // BSUID recipient not supported
  EXPECT_TRUE(whatsapp::is_transient_code(17));
  EXPECT_TRUE(whatsapp::is_throttling_code(17));
}

// ---- 8. A Graph error body that is not valid UTF-8 ------------------------------------------

TEST_F(Refusals, AGraphErrorWithInvalidUtf8KeepsItsCodeAndCleanText) {
  const std::string bad = "\xC3\x28 caf\xE9 \xFF";  // a broken pair, a Latin-1 byte, a stray byte
  t.push(
      400,
      R"({"message":"Error received from the whatsapp API","provider":"whatsapp","error":{"error":{"message":"(#100) Invalid parameter )" +
          bad +
          R"(","type":"OAuthException","code":100,"error_subcode":2494010,"error_data":{"messaging_product":"whatsapp","details":"bad )" +
          bad + R"("},"fbtrace_id":"AqUtf8Trace"}}})");
  auto r = client().phone_numbers().get("106540352242922");
  ASSERT_FALSE(r.ok());
  const auto& e = r.error();
  EXPECT_EQ(e.kind(), ErrorKind::kApi) << e.to_string();
  EXPECT_EQ(e.code(), 100);
  EXPECT_EQ(e.category(), ErrorCategory::kParameter);
  ASSERT_TRUE(e.graph());
  EXPECT_EQ(e.graph()->error_subcode, 2494010);
  EXPECT_EQ(e.graph()->type, "OAuthException");
  EXPECT_EQ(e.graph()->fbtrace_id, "AqUtf8Trace");
  EXPECT_NE(e.graph()->message.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
  for (const std::string& text : {e.message(), e.to_string(), e.body_excerpt(), e.graph()->details}) {
    EXPECT_TRUE(whatsapp::detail::utf8_length(text).has_value()) << text;
  }

  // A success payload is not guessed at: invalid UTF-8 there stays a parse error.
  HttpResponse success;
  success.status = 200;
  success.body = "{\"data\":{\"id\":\"\xFF\"}}";
  auto read = whatsapp::unwrap_envelope(success);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().kind(), ErrorKind::kParse);
}

TEST(RefusalUtf8, ValidTextIsKeptAndEachBadByteBecomesOneReplacement) {
  using whatsapp::detail::to_valid_utf8;
  EXPECT_EQ(to_valid_utf8("plain \xC3\xA9 \xF0\x9F\x98\x80"), "plain \xC3\xA9 \xF0\x9F\x98\x80");
  EXPECT_EQ(to_valid_utf8("a\xFF"
                          "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(to_valid_utf8("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // truncated
  EXPECT_EQ(to_valid_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong
  EXPECT_EQ(to_valid_utf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
}

}  // namespace refusals_test
