// The api_token must never appear in an error, an exception or a log line. This test provokes
// every kind of failure with servers that echo the token back, collects all text the library
// produces, and searches it.

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "text_collector.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/transport/fake.hpp"

namespace token_leak_test {

using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::Error;
using whatsapp::HttpRequest;
using whatsapp::HttpResponse;
using whatsapp::Message;
using whatsapp::Result;
using whatsapp::transport::FakeTransport;

const std::string kToken = "at_5ecret+T0ken/with&chars";

using Collected = whatsapp_test::TextCollector;

/// Answers that echo the request URL (and so the token) back in every place a server could.
std::vector<std::string> hostile_bodies(const std::string& url) {
  const std::string quoted = nlohmann::json(url).dump();
  const std::string tok = nlohmann::json(kToken).dump();
  return {
      "<html><body>Bad gateway for " + url + "</body></html>",
      R"({"data":{"error":{"message":"bad token )" + kToken + R"(","code":190,"error_data":{"details":)" +
          quoted + R"(},"error_user_msg":)" + tok + "}}}",
      R"({"message":"A valid API token is required","provider":"whatsapp","error":{"code":401,"logging":{"query":{"api_token":)" +
          tok + "}}}}",
      R"({"message":"connect ECONNREFUSED","provider":"whatsapp","error":{"message":)" + quoted + "}}",
      R"({"data":{"messages":[{"id":")" + kToken,  // truncated JSON
      R"({"message":)" + quoted + "}",
      R"({"unexpected":)" + quoted + "}",
      url,
  };
}

TEST(TokenNeverLeaks, ErrorsExceptionsAndLogLinesAreClean) {
  Collected out;
  ClientOptions o;
  o.base_url = "http://server.test/whatsapp";
  o.api_token = kToken;
  o.log_level = whatsapp::LogLevel::kDebug;
  o.log_sink = [&](whatsapp::LogLevel, std::string_view line) { out.add(std::string(line)); };
  o.time.sleep = [](std::chrono::milliseconds) {};  // retries happen (and log) without waiting

  for (int status : {200, 400, 401, 404, 500, 502}) {
    for (std::size_t variant = 0; variant < hostile_bodies("x").size(); ++variant) {
      FakeTransport t;
      t.on_request([&, status, variant](const HttpRequest& req) -> Result<HttpResponse> {
        HttpResponse r;
        r.status = status;
        r.body = hostile_bodies(req.url)[variant];
        return r;
      });
      Client<FakeTransport> client(o, t);
      auto sent = client.messages().send("1065", Message::text("1555", "hi"));
      if (!sent.ok()) out.add(sent.error());
      auto phone = client.phone_numbers().get("1065");
      if (!phone.ok()) out.add(phone.error());
    }
  }
  // A transport failure whose text holds the URL.
  FakeTransport failing;
  failing.on_request([](const HttpRequest& req) -> Result<HttpResponse> {
    return Error(whatsapp::ErrorKind::kTransport, "could not reach " + req.url);
  });
  Client<FakeTransport> client(o, failing);
  auto r = client.messages().send("1065", Message::text("1555", "hi"));
  ASSERT_FALSE(r.ok());
  out.add(r.error());

  ASSERT_GT(out.all.size(), 100u);
  const std::string encoded = "at_5ecret%2BT0ken%2Fwith%26chars";
  for (const auto& text : out.all) {
    EXPECT_EQ(text.find(kToken), std::string::npos) << text;
    EXPECT_EQ(text.find(encoded), std::string::npos) << text;
    EXPECT_EQ(text.find("5ecret"), std::string::npos) << text;
  }
}

}  // namespace token_leak_test
