// The Graph backend's access token is a secret: it goes only to base_url's host and to Meta's
// media hosts (over https), never into an error, an exception or a log line; nor does the
// appsecret_proof made from it.

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "text_collector.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/detail/redact.hpp"
#include "whatsapp/protocol/graph.hpp"
#include "whatsapp/transport/fake.hpp"

namespace graph_token_test {

using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::Error;
using whatsapp::HttpRequest;
using whatsapp::HttpResponse;
using whatsapp::Message;
using whatsapp::Result;
using whatsapp::detail::bearer_allowed;
using whatsapp::transport::FakeTransport;

const std::string kToken = "EAAGsecretGraph+T0ken/with&chars";
const std::string kSecret = "app-s3cret-of-ours";
const std::string kBase = "http://127.0.0.1:8443";

TEST(GraphToken, BearerGoesOnlyToTheConfiguredHostAndMetasMediaHosts) {
  const std::string base = "https://graph.facebook.com";
  for (const char* url :
       {"https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1", "https://LOOKASIDE.FBSBX.COM/x",
        "https://fbsbx.com/x", "https://mmg.whatsapp.net/d/f/x.enc", "https://scontent.xx.fbcdn.net/v/x.jpg",
        "https://lookaside.fbsbx.com:443/x", "https://graph.facebook.com/v22.0/781204456390231",
        "https://graph.facebook.com"}) {
    EXPECT_TRUE(bearer_allowed(url, base)) << url;
  }
  for (const char* url : {"http://lookaside.fbsbx.com/x",               // no TLS
                          "https://lookaside.fbsbx.com:8443/x",         // another port
                          "https://lookaside.fbsbx.com.evil.test/x",    // Meta's name as a prefix
                          "https://evilfbsbx.com/x",                    // as a suffix without the dot
                          "https://lookaside.fbsbx.com@evil.test/x",    // userinfo: the host is evil.test
                          "https://evil.test\\@lookaside.fbsbx.com/x",  // backslash tricks
                          "https://evil.test/lookaside.fbsbx.com",
                          "https://evil.test?h=lookaside.fbsbx.com",
                          "https://lookaside%2efbsbx.com/x",
                          "https://graph.facebook.com.evil.test/",
                          "http://graph.facebook.com/",
                          "https://graph.facebook.com:444/",
                          "https://[::1]/x",
                          "ftp://lookaside.fbsbx.com/x",
                          "lookaside.fbsbx.com/x",
                          "https://",
                          "https://:443/x",
                          "https://lookaside.fbsbx.com:0/x",
                          "https://lookaside.fbsbx.com:99999/x",
                          "https://lookaside.fbsbx.com:44a/x",
                          ""}) {
    EXPECT_FALSE(bearer_allowed(url, base)) << url;
  }
  // The emulator: its own host and port, http.
  EXPECT_TRUE(bearer_allowed("http://127.0.0.1:8443/media/7001?sig=1", "http://127.0.0.1:8443"));
  EXPECT_FALSE(bearer_allowed("http://127.0.0.1:8444/media/7001", "http://127.0.0.1:8443"));
  EXPECT_FALSE(bearer_allowed("https://127.0.0.1:8443/media/7001", "http://127.0.0.1:8443"));
  EXPECT_TRUE(bearer_allowed("http://[::1]:8443/m", "http://[::1]:8443/"));
}

Client<FakeTransport> graph_client(FakeTransport& t, std::vector<std::string>* log = nullptr) {
  auto o = ClientOptions::graph(kToken);
  o.base_url = kBase;
  o.app_secret = kSecret;
  if (log != nullptr) {
    o.log_level = whatsapp::LogLevel::kDebug;
    o.log_sink = [log](whatsapp::LogLevel, std::string_view line) { log->emplace_back(line); };
  }
  return Client<FakeTransport>(o, t);
}

TEST(GraphToken, DownloadCarriesTheTokenOnlyToTrustedHostsAndNeverTheProof) {
  struct Case {
    std::string url;
    bool bearer;
  };
  const std::vector<Case> cases = {
      {"https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=7001&ext=1765000000&hash=ATmine",
       true},
      {kBase + "/media/7001?token=ours", true},
      {"https://media.example.test/whatsapp_business/attachments/?mid=7001", false},
      {"https://lookaside.fbsbx.com@media.example.test/x", false},
      {"http://lookaside.fbsbx.com/x", false},
  };
  for (const Case& c : cases) {
    FakeTransport t;
    t.push(200, "bytes-of-the-media");
    std::vector<std::string> log;
    auto client = graph_client(t, &log);
    whatsapp::MediaInfo info;
    info.url = c.url;
    std::string got;
    auto r = client.media().download(info, [&](std::string_view chunk) {
      got.append(chunk);
      return true;
    });
    ASSERT_TRUE(r.ok()) << c.url << ": " << r.error().to_string();
    EXPECT_EQ(got, "bytes-of-the-media");
    const HttpRequest req = t.last_request();
    EXPECT_EQ(req.url, c.url) << "the media URL is requested as it is, without appsecret_proof";
    EXPECT_EQ(req.method, whatsapp::HttpMethod::kGet);
    if (c.bearer) {
      ASSERT_EQ(req.headers.size(), 1u) << c.url;
      EXPECT_EQ(req.headers[0].second, "Bearer " + kToken);
    } else {
      EXPECT_TRUE(req.headers.empty()) << c.url;
      bool warned = false;
      for (const auto& line : log)
        warned = warned || line.find("without the access token") != std::string::npos;
      EXPECT_TRUE(warned) << c.url;
    }
  }
}

// Answers that echo the request (URL, Authorization header, token) back in every place.
std::vector<std::string> hostile_bodies(const HttpRequest& req) {
  const std::string auth = req.headers.empty() ? std::string("Bearer ") + kToken : req.headers[0].second;
  const std::string dump = "GET " + req.url + " HTTP/1.1\r\nAuthorization: " + auth + "\r\n";
  const std::string q = nlohmann::json(dump).dump();
  const std::string tok = nlohmann::json(kToken).dump();
  return {
      "<html><body>Bad gateway: " + dump + "</body></html>",
      R"({"error":{"message":"Invalid OAuth access token - Cannot parse access token )" + kToken +
          R"(","type":"OAuthException","code":190,"error_data":{"details":)" + q + R"(},"error_user_msg":)" +
          tok + R"(,"fbtrace_id":)" + tok + "}}",
      R"({"error":{"message":)" + q + R"(,"code":100}})",
      R"({"messaging_product":"whatsapp","messages":[{"id":")" + kToken,  // truncated JSON
      R"({"unexpected":)" + q + "}",
      R"({"headers":{"authorization":)" + nlohmann::json(auth).dump() + "}}",
      dump,
  };
}

TEST(GraphToken, NeverInErrorsExceptionsOrLogLines) {
  whatsapp_test::TextCollector out;
  std::vector<std::string> log;
  auto o = ClientOptions::graph(kToken);
  o.base_url = kBase;
  o.app_secret = kSecret;
  o.log_level = whatsapp::LogLevel::kDebug;
  o.log_sink = [&](whatsapp::LogLevel, std::string_view line) { out.add(std::string(line)); };
  o.time.sleep = [](std::chrono::milliseconds) {};
  const std::size_t variants = hostile_bodies(HttpRequest{}).size();
  for (int status : {200, 400, 401, 403, 404, 500, 502}) {
    for (std::size_t v = 0; v < variants; ++v) {
      FakeTransport t;
      t.on_request([status, v](const HttpRequest& req) -> Result<HttpResponse> {
        HttpResponse r;
        r.status = status;
        r.body = hostile_bodies(req)[v];
        return r;
      });
      Client<FakeTransport> client(o, t);
      auto sent = client.messages().send("1065000000001", Message::text("15550001111", "hi"));
      if (!sent.ok()) out.add(sent.error());
      auto phone = client.phone_numbers().get("1065000000001");
      if (!phone.ok()) out.add(phone.error());
      whatsapp::MediaInfo info;
      info.url = "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=7001";
      auto d = client.media().download(info, [](std::string_view) { return true; });
      if (!d.ok()) out.add(d.error());
    }
  }
  FakeTransport failing;
  failing.on_request([](const HttpRequest& req) -> Result<HttpResponse> {
    return Error(
        whatsapp::ErrorKind::kTransport,
        "could not reach " + req.url + " with " + req.headers.at(0).first + ": " + req.headers.at(0).second);
  });
  Client<FakeTransport> client(o, failing);
  auto r = client.messages().send("1065000000001", Message::text("15550001111", "hi"));
  ASSERT_FALSE(r.ok());
  out.add(r.error());

  ASSERT_GT(out.all.size(), 200u);
  const whatsapp::detail::Redactor pieces(kToken);
  const std::string proof = whatsapp::appsecret_proof(kToken, kSecret);
  for (const auto& text : out.all) {
    EXPECT_FALSE(pieces.holds_piece(text)) << text;
    EXPECT_EQ(text.find("5ecretGra"), std::string::npos) << text;
    EXPECT_EQ(text.find(proof.substr(0, 16)), std::string::npos) << text;
    EXPECT_EQ(text.find(kSecret), std::string::npos) << text;
  }
}

TEST(GraphToken, RequestDumpsLoseTheAuthorizationHeaderAndTheProof) {
  const std::string proof = whatsapp::appsecret_proof(kToken, kSecret);
  std::string dump = "POST " + kBase + "/v22.0/1065/messages?appsecret_proof=" + proof +
                     " HTTP/1.1\r\nAuthorization: Bearer " + kToken + "\r\nauthorization:bearer " + kToken +
                     "\r\n";
  whatsapp::detail::redact_credentials(dump);
  EXPECT_EQ(dump.find(proof), std::string::npos) << dump;
  EXPECT_EQ(dump.find("EAAG"), std::string::npos) << dump;
  EXPECT_NE(dump.find("Authorization: Bearer ***"), std::string::npos) << dump;
  EXPECT_NE(dump.find("appsecret_proof=***"), std::string::npos) << dump;
}

}  // namespace graph_token_test
