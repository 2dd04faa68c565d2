// Redaction beyond the api_token's pieces (issue 12, item 3): URL userinfo in log lines and
// errors, Authorization and access_token values, the quote cut after redaction.
// token_fragments_test.cpp has the property test over random tokens, redactor_test.cpp the
// rules of detail/redact.hpp on their own.

#include <gtest/gtest.h>

#include <string>

#include "fake_time.hpp"
#include "text_collector.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/transport/fake.hpp"

namespace redaction_test {

using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::Error;
using whatsapp::ErrorKind;
using whatsapp::HttpRequest;
using whatsapp::HttpResponse;
using whatsapp::Message;
using whatsapp::Result;
using whatsapp::transport::FakeTransport;
using whatsapp_test::TextCollector;

const std::string kToken = "at_R3dact10nT3stT0ken_4f2a";

ClientOptions options(TextCollector& out, std::string base_url = "http://server.test/whatsapp") {
  ClientOptions o;
  o.base_url = std::move(base_url);
  o.api_token = kToken;
  o.log_level = whatsapp::LogLevel::kDebug;
  o.log_sink = [&out](whatsapp::LogLevel, std::string_view line) { out.add(std::string(line)); };
  o.time = whatsapp_test::FakeTime().source();
  return o;
}

/// Sends and reads through a client whose server answers `answer`; collects every text.
void provoke(TextCollector& out, const ClientOptions& o, const Result<HttpResponse>& answer) {
  FakeTransport t;
  t.on_request([answer](const HttpRequest&) { return answer; });
  Client<FakeTransport> client(o, t);
  auto sent = client.messages().send("1065", Message::text("1555", "hi"));
  if (!sent.ok()) out.add(sent.error());
  auto phone = client.phone_numbers().get("1065");
  if (!phone.ok()) out.add(phone.error());
}

Result<HttpResponse> answer(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

void expect_absent(const TextCollector& out, const std::string& secret) {
  for (const auto& text : out.all) EXPECT_EQ(text.find(secret), std::string::npos) << text;
}

TEST(Redaction, UserinfoOfTheBaseUrlIsNotInLogLinesOrErrors) {
  TextCollector out;
  const auto o = options(out, "http://proxyuser:Pr0xyPa55w0rd@server.test/whatsapp");
  provoke(out, o, answer(502, "<html>bad gateway</html>"));
  provoke(out, o,
          Error(ErrorKind::kTransport, "could not reach http://proxyuser:Pr0xyPa55w0rd@server.test/"));
  ASSERT_GT(out.all.size(), 10u);
  expect_absent(out, "Pr0xyPa55w0rd");
  expect_absent(out, "proxyuser");
  bool shown = false;
  for (const auto& text : out.all)
    shown = shown || text.find("http://***@server.test/whatsapp/") != std::string::npos;
  EXPECT_TRUE(shown) << "the debug lines still show the URL, without its userinfo";
}

TEST(Redaction, AuthorizationAndAccessTokenValuesAreNotShown) {
  TextCollector out;
  const auto o = options(out);
  provoke(out, o,
          Error(ErrorKind::kTransport, "proxy refused: Authorization: Bearer EAAGothercred1234\r\nHost: x"));
  provoke(out, o, answer(500, R"({"message":"upstream","headers":{"authorization":"Basic dXNlcjpwYXNz"}})"));
  provoke(out, o,
          answer(502, "<p>GET https://graph.facebook.com/v21.0/1065?access_token=EAAGm0PX4ZCps&x=1</p>"));
  provoke(
      out, o,
      answer(400, R"({"error":{"message":"bad","code":100,"fbtrace_id":"api%5Ftoken=someothertoken99"}})"));
  ASSERT_GT(out.all.size(), 10u);
  expect_absent(out, "EAAGothercred1234");
  expect_absent(out, "dXNlcjpwYXNz");
  expect_absent(out, "EAAGm0PX4ZCps");
  expect_absent(out, "someothertoken99");
}

TEST(Redaction, TheQuoteOfTheBodyIsCutAfterRedaction) {
  TextCollector out;
  const auto o = options(out);
  // The token starts 10 characters before the 80-character quote ends: the quote shows "***".
  const std::string body = std::string(70, '|') + kToken + std::string(100, '|');
  provoke(out, o, answer(502, body));
  bool quoted = false;
  for (const auto& text : out.all) {
    EXPECT_EQ(text.find(kToken.substr(0, 8)), std::string::npos) << text;
    quoted = quoted || text.find("body starts: \"" + std::string(70, '|') + "***" + std::string(7, '|') +
                                 "...\"") != std::string::npos;
  }
  EXPECT_TRUE(quoted);
}

}  // namespace redaction_test
