// Unwrapping LowCodeAPI answers and reading every error shape into a typed Error.

#include <gtest/gtest.h>

#include <string>

#include "test_support.hpp"
#include "whatsapp/detail/utf8.hpp"
#include "whatsapp/protocol/envelope.hpp"

namespace envelope_test {

using whatsapp::ErrorCategory;
using whatsapp::ErrorKind;
using whatsapp::HttpResponse;
using whatsapp::unwrap_envelope;
using whatsapp_test::read_data;
using whatsapp_test::read_json;

HttpResponse answer(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

TEST(Envelope, DataEnvelopeUnwraps) {
  auto payload = read_json("fixtures/send_response.json");
  auto r = unwrap_envelope(answer(200, nlohmann::json{{"data", payload}}.dump()));
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(*r, payload);
}

TEST(Envelope, SelfHostedResultEnvelopeUnwraps) {
  auto payload = read_json("fixtures/send_response.json");
  nlohmann::json body{{"message", "Request completed"},
                      {"provider", "whatsapp"},
                      {"result", payload},
                      {"response_headers", {{"content-type", "application/json"}}}};
  auto r = unwrap_envelope(answer(200, body.dump()));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, payload);
}

TEST(Envelope, HostedErrorInsideData) {
  nlohmann::json body{
      {"data", {{"error", read_json("fixtures/error_131030_recipient_not_allowed.json")["error"]}}}};
  auto r = unwrap_envelope(answer(400, body.dump()));
  ASSERT_FALSE(r.ok());
  const auto& e = r.error();
  EXPECT_EQ(e.kind(), ErrorKind::kApi);
  EXPECT_EQ(e.http_status(), 400);
  EXPECT_EQ(e.code(), 131030);
  EXPECT_EQ(e.category(), ErrorCategory::kRecipient);
  ASSERT_TRUE(e.graph());
  EXPECT_EQ(e.graph()->type, "OAuthException");
  EXPECT_EQ(e.graph()->fbtrace_id, "Bq4Zt0Lw8Yn2Hc6Vd1Ks7Ue");
  EXPECT_EQ(e.graph()->details, "Add 16035550199 to the test recipients of this number, then send again.");
  EXPECT_NE(e.message().find("(#131030)"), std::string::npos);
}

TEST(Envelope, TopLevelGraphErrorKeepsEveryField) {
  nlohmann::json err = {{"error",
                         {{"message", "Too many calls"},
                          {"type", "OAuthException"},
                          {"code", 4},
                          {"error_subcode", 2446079},
                          {"is_transient", true},
                          {"error_user_title", "Slow down"},
                          {"error_user_msg", "Wait a bit"},
                          {"error_data", {{"messaging_product", "whatsapp"}, {"details", "limit"}}},
                          {"fbtrace_id", "Abc"}}}};
  auto r = unwrap_envelope(answer(429, err.dump()));
  ASSERT_FALSE(r.ok());
  const auto& g = *r.error().graph();
  EXPECT_EQ(*g.code, 4);
  EXPECT_EQ(*g.error_subcode, 2446079);
  EXPECT_EQ(g.type, "OAuthException");
  EXPECT_EQ(g.fbtrace_id, "Abc");
  EXPECT_EQ(g.details, "limit");
  EXPECT_EQ(g.is_transient, true);
  EXPECT_EQ(g.error_user_title, "Slow down");
  EXPECT_EQ(g.error_user_msg, "Wait a bit");
  EXPECT_EQ(r.error().http_status(), 429);
  EXPECT_EQ(r.error().category(), ErrorCategory::kThrottling);
}

TEST(Envelope, GraphErrorsByCodeParse) {
  struct Case {
    const char* file;
    int status;
    int code;
    ErrorCategory category;
  };
  const Case cases[] = {
      {"fixtures/error_100_invalid_parameter.json", 400, 100, ErrorCategory::kParameter},
      {"fixtures/error_190_expired_token.json", 401, 190, ErrorCategory::kAuthorization},
      {"fixtures/error_200_permission.json", 403, 200, ErrorCategory::kAuthorization},
      {"fixtures/error_2_service_unavailable_transient.json", 500, 2, ErrorCategory::kServer},
      {"fixtures/error_4_app_rate_limit.json", 429, 4, ErrorCategory::kThrottling},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    auto r = unwrap_envelope(answer(c.status, read_data(c.file)));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind(), ErrorKind::kApi);
    EXPECT_EQ(r.error().code(), c.code);
    EXPECT_EQ(r.error().category(), c.category);
    EXPECT_FALSE(r.error().graph()->fbtrace_id.empty());
  }
}

TEST(Envelope, CodesSentAsStringsAreRead) {
  auto r =
      unwrap_envelope(answer(400, R"({"error":{"message":"m","code":"131056","error_subcode":"2494071"}})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), 131056);
  EXPECT_EQ(*r.error().graph()->error_subcode, 2494071);
}

TEST(Envelope, CodesThatAreNotNumbersReadAsZero) {
  auto r = unwrap_envelope(answer(400, read_data("fixtures/error_fields_as_strings.json")));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kApi);
  EXPECT_EQ(r.error().code(), 0);
  EXPECT_EQ(r.error().graph()->details, "code is not a number");
}

// Found by fuzz_envelope: a code too large for 64 bits was cast from double (undefined).
TEST(Envelope, CodesOutOfRangeAreAbsentNotWrapped) {
  for (const char* code : {"1344444444441044441050", "1.5e300", "-1e19", "18446744073709551615", "131000.5",
                           "\"99999999999999999999\""}) {
    auto r = unwrap_envelope(answer(400, std::string(R"({"data":{"error":{"message":"m","code":)") + code +
                                             R"(,"error_subcode":131000.0}}})"));
    ASSERT_FALSE(r.ok()) << code;
    EXPECT_EQ(r.error().kind(), ErrorKind::kApi) << code;
    EXPECT_EQ(r.error().code(), 0) << code;
    EXPECT_EQ(r.error().graph()->error_subcode, 131000) << code;  // integral floats still count
  }
}

TEST(Envelope, SelfHostedUpstreamErrorIsUnnested) {
  nlohmann::json body{{"message", "Error received from the whatsapp API"},
                      {"provider", "whatsapp"},
                      {"error", read_json("fixtures/error_131030_recipient_not_allowed.json")},
                      {"headers", {{"content-type", "application/json"}}}};
  auto r = unwrap_envelope(answer(400, body.dump()));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), 131030);
  EXPECT_EQ(r.error().graph()->type, "OAuthException");
}

TEST(Envelope, SelfHostedUnreachableUpstream) {
  auto r = unwrap_envelope(answer(
      500,
      R"({"message":"connect ECONNREFUSED 127.0.0.1:19090","provider":"whatsapp","error":{"message":"connect ECONNREFUSED 127.0.0.1:19090"}})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kHttp);  // not a Graph error: Meta never answered
  EXPECT_EQ(r.error().http_status(), 500);
  EXPECT_EQ(r.error().message(), "LowCodeAPI could not reach Meta: connect ECONNREFUSED 127.0.0.1:19090");
}

TEST(Envelope, SelfHostedProxyAuthErrorTakesTheOuterMessage) {
  auto r = unwrap_envelope(answer(
      401,
      R"({"message":"A valid API token is required to access this API.","provider":"whatsapp","error":{"code":401}})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kApi);
  EXPECT_EQ(r.error().http_status(), 401);
  EXPECT_EQ(
      r.error().message(),
      "LowCodeAPI, not Meta, refused the credentials: A valid API token is required to access this API.");
}

TEST(Envelope, NotFoundWithMessageOnly) {
  auto r = unwrap_envelope(answer(404, R"({"message":"Not Found"})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kHttp);
  EXPECT_EQ(r.error().http_status(), 404);
  EXPECT_NE(r.error().message().find("Not Found"), std::string::npos);
}

TEST(Envelope, OkStatusCarryingAnErrorIsAnApiError) {
  auto r = unwrap_envelope(
      answer(200, R"({"data":{"error":{"message":"(#131000) Something went wrong","code":131000}}})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kApi);
  EXPECT_EQ(r.error().http_status(), 200);
  EXPECT_EQ(r.error().code(), 131000);
}

struct BadBody {
  const char* name;
  int status;
  std::string body;
  ErrorKind kind;
  const char* says;
};

class EnvelopeBadBody : public ::testing::TestWithParam<BadBody> {};

TEST_P(EnvelopeBadBody, GivesATypedErrorNamingStatusAndBody) {
  const BadBody& c = GetParam();
  auto r = unwrap_envelope(answer(c.status, c.body));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), c.kind);
  EXPECT_EQ(r.error().http_status(), c.status);
  EXPECT_NE(r.error().message().find(c.says), std::string::npos) << r.error().message();
  // The status is said once, by to_string(), not again in the message.
  EXPECT_EQ(r.error().message().find("HTTP " + std::to_string(c.status)), std::string::npos);
  EXPECT_NE(r.error().to_string().find("HTTP " + std::to_string(c.status)), std::string::npos);
  EXPECT_EQ(r.error().body_excerpt(), c.body.substr(0, 160) + (c.body.size() > 160 ? "..." : ""));
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, EnvelopeBadBody,
    ::testing::Values(
        BadBody{"html502", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>", ErrorKind::kHttp,
                "not JSON"},
        BadBody{"html200", 200, "<!DOCTYPE html><html>maintenance</html>", ErrorKind::kParse, "not JSON"},
        BadBody{"empty200", 200, "", ErrorKind::kParse, "empty response body"},
        BadBody{"empty503", 503, "", ErrorKind::kHttp, "empty response body"},
        BadBody{"truncated", 200, R"({"data":{"messages":[{"id":"wam)", ErrorKind::kParse, "truncated"},
        BadBody{"noEnvelope", 200, R"({"messages":[{"id":"wamid.1"}]})", ErrorKind::kParse, "no \"data\""},
        BadBody{"array", 200, R"([1,2,3])", ErrorKind::kParse, "not a JSON object"},
        BadBody{"errorNoObject", 500, R"({"status":"down"})", ErrorKind::kHttp, "without an error object"},
        BadBody{"long", 200, std::string(1000, 'x'), ErrorKind::kParse, "not JSON"}),
    [](const auto& test) { return std::string(test.param.name); });

// A hostile server's 10 MB error message made a 10 MB Error out of each field; every field is
// cut at 2,048 bytes, on a character boundary.
TEST(Envelope, ErrorFieldsAreCutAtTwoKilobytes) {
  const std::string huge =
      std::string(2047, 'x') + "\xc3\xa9" + std::string(100000, 'y');  // é across the cut
  auto r = unwrap_envelope(answer(
      400,
      nlohmann::json{
          {"error",
           {{"message", huge}, {"error_user_msg", huge}, {"code", 100}, {"error_data", {{"details", huge}}}}}}
          .dump()));
  ASSERT_FALSE(r.ok());
  ASSERT_TRUE(r.error().graph());
  const auto& g = *r.error().graph();
  for (const std::string* field : {&g.message, &g.error_user_msg, &g.details}) {
    EXPECT_EQ(*field, std::string(2047, 'x') + "...");
    EXPECT_TRUE(whatsapp::detail::utf8_length(*field).has_value());
  }
  EXPECT_LT(r.error().message().size(), 5000U);
  auto lowcodeapi = unwrap_envelope(answer(502, nlohmann::json{{"message", huge}}.dump()));
  ASSERT_FALSE(lowcodeapi.ok());
  EXPECT_LT(lowcodeapi.error().message().size(), 5000U);
}

TEST(Envelope, ARedirectSaysWhereToAndThatItIsNotFollowed) {
  HttpResponse r = answer(302, "<html>moved</html>");
  r.headers.emplace_back("location", "https://cdn.example/m/1?api_token=at_RED1RECT0token55");
  auto e = unwrap_envelope(r);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().kind(), ErrorKind::kHttp);
  EXPECT_EQ(e.error().http_status(), 302);
  EXPECT_EQ(e.error().message(),
            "a redirect (HTTP 302) to \"https://cdn.example/m/1?api_token=***\", which is not followed (body "
            "starts: \"<html>moved</html>\")");
}

TEST(Envelope, ControlBytesAreNotCopiedIntoTheExcerpt) {
  auto r = unwrap_envelope(answer(500, std::string("oops\x01\x02\nline", 11)));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().body_excerpt(), "oops?? line");
}

TEST(ErrorCategories, CodesMapToTheirFamilies) {
  using whatsapp::error_category;
  EXPECT_EQ(error_category(190), ErrorCategory::kAuthorization);
  EXPECT_EQ(error_category(250), ErrorCategory::kAuthorization);
  EXPECT_EQ(error_category(130429), ErrorCategory::kThrottling);
  EXPECT_EQ(error_category(131056), ErrorCategory::kThrottling);
  EXPECT_EQ(error_category(80007), ErrorCategory::kThrottling);
  EXPECT_EQ(error_category(368), ErrorCategory::kIntegrity);
  EXPECT_EQ(error_category(132001), ErrorCategory::kTemplate);
  EXPECT_EQ(error_category(2388019), ErrorCategory::kTemplate);
  EXPECT_EQ(error_category(131053), ErrorCategory::kMedia);
  EXPECT_EQ(error_category(131047), ErrorCategory::kReengagement);
  EXPECT_EQ(error_category(131009), ErrorCategory::kParameter);
  EXPECT_EQ(error_category(133010), ErrorCategory::kRegistration);
  EXPECT_EQ(error_category(131016), ErrorCategory::kServer);
  EXPECT_EQ(error_category(999999), ErrorCategory::kUnknown);
}

}  // namespace envelope_test
