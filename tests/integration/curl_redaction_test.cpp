// No piece of the api_token and no URL userinfo in the texts of a client over CurlTransport
// (issue 12, item 3): curl's own error text after a failure whose message holds the host, and
// a real HTTP server echoing the token percent-encoded in lowercase and in Graph error fields.

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "../unit/text_collector.hpp"
#include "local_server.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/transport/curl.hpp"

namespace curl_redaction_test {

using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::Message;
using whatsapp::transport::CurlTransport;
using whatsapp_test::LocalServer;
using whatsapp_test::TextCollector;

// The host label of the failing URL is a piece of the token.
const std::string kLabel = "h0st-l4bel-0f-t0ken";
const std::string kToken = "at_" + kLabel + "_Zq9";

ClientOptions options(TextCollector& out, std::string base_url) {
  ClientOptions o;
  o.base_url = std::move(base_url);
  o.api_token = kToken;
  o.log_level = whatsapp::LogLevel::kDebug;
  o.log_sink = [&out](whatsapp::LogLevel, std::string_view line) { out.add(std::string(line)); };
  o.time.sleep = [](std::chrono::milliseconds) {};
  o.timeout = std::chrono::seconds(5);
  return o;
}

void run_calls(TextCollector& out, const ClientOptions& o) {
  Client<CurlTransport> client(o, CurlTransport());
  auto sent = client.messages().send("1065", Message::text("1555", "hi"));
  if (!sent.ok()) out.add(sent.error());
  auto phone = client.phone_numbers().get("1065");
  if (!phone.ok()) out.add(phone.error());
}

void expect_no_piece(const TextCollector& out, const std::string& secret) {
  for (const auto& text : out.all) {
    for (std::size_t i = 0; i + 8 <= secret.size(); ++i)
      ASSERT_EQ(text.find(secret.substr(i, 8)), std::string::npos) << secret.substr(i, 8) << " in: " << text;
  }
}

TEST(CurlRedaction, CurlErrorTextAndDebugLinesHoldNoPieceOfTheTokenNorTheUserinfo) {
  TextCollector out;
  run_calls(out, options(out, "http://proxyuser:Pr0xyPa55w0rd@" + kLabel + ".invalid/whatsapp"));
  ASSERT_GE(out.all.size(), 4u);
  bool curl_text = false;
  for (const auto& text : out.all) curl_text = curl_text || text.find("resolve") != std::string::npos;
  EXPECT_TRUE(curl_text) << "curl's own error text is in the error";
  expect_no_piece(out, kToken);
  expect_no_piece(out, "Pr0xyPa55w0rd");
  expect_no_piece(out, "proxyuser");
}

TEST(CurlRedaction, AServerEchoingTheTokenGetsItBackNowhere) {
  std::string lower;  // every character percent-encoded, lowercase hex
  for (const unsigned char c : kToken) {
    static const char* kHex = "0123456789abcdef";
    lower += {'%', kHex[c >> 4], kHex[c & 15]};
  }
  LocalServer srv;
  auto echo = [&](const httplib::Request& req, httplib::Response& res) {
    if (req.method == "POST") {  // a Graph error with the token in fields that are not the message
      res.status = 400;
      res.set_content(R"({"error":{"message":"bad","code":100,"type":")" + kToken + R"(","fbtrace_id":")" +
                          kToken + R"(","error_user_title":")" + lower + R"("}})",
                      "application/json");
    } else {  // an HTML page whose token straddles the 80-character quote
      res.status = 502;
      res.set_content("<html>" + std::string(70, '|') + lower + "</html>", "text/html");
    }
  };
  srv.server().Get(".*", echo);
  srv.server().Post(".*", echo);
  srv.start();
  TextCollector out;
  run_calls(out, options(out, srv.url("/whatsapp")));
  ASSERT_GE(out.all.size(), 10u);
  expect_no_piece(out, kToken);
  expect_no_piece(out, lower);
}

}  // namespace curl_redaction_test
