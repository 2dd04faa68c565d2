// The Graph backend over libcurl against an in-test server in Graph's shape on 127.0.0.1: the
// Bearer token and appsecret_proof on the wire for every request, a send handle reused with its
// own header list (and never another client's token), downloads that carry the token to the
// configured host only, and Meta's 401/190 for a wrong token.

#include <gtest/gtest.h>

#include <mutex>
#include <string>
#include <vector>

#include "local_server.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/protocol/graph.hpp"
#include "whatsapp/transport/curl.hpp"

namespace graph_curl_test {

using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::Message;
using whatsapp::transport::CurlTransport;
using whatsapp_test::LocalServer;

const std::string kToken = "EAAGcurlGraphT0kenOne";
const std::string kOther = "EAAGcurlGraphT0kenTwo";
const std::string kSecret = "curl-app-s3cret";

struct Seen {
  std::string method, path, auth, proof, content_type;
};

struct GraphCurlTest : ::testing::Test {
  std::mutex m;
  std::vector<Seen> seen;
  std::vector<std::string> other_auth;
  // Last, so that they stop before the state their handlers use is destroyed:
  LocalServer graph;  // Graph's shape: no /whatsapp, no envelope, Bearer checked
  LocalServer other;  // a host the token must not go to

  void SetUp() override {
    auto record = [this](const httplib::Request& req) {
      std::lock_guard<std::mutex> lock(m);
      seen.push_back({req.method, req.path, req.get_header_value("Authorization"),
                      req.get_param_value("appsecret_proof"), req.get_header_value("Content-Type")});
    };
    auto authorized = [](const httplib::Request& req, httplib::Response& res) {
      const std::string auth = req.get_header_value("Authorization");
      if (auth == "Bearer " + kToken || auth == "Bearer " + kOther) return true;
      res.status = 401;
      res.set_content(
          R"({"error":{"message":"Invalid OAuth access token - Cannot parse access token","type":"OAuthException","code":190,"fbtrace_id":"AtestTrace01"}})",
          "application/json");
      return false;
    };
    graph.server().Post(R"(/v22\.0/(\d+)/messages)", [=](const httplib::Request& req,
                                                         httplib::Response& res) {
      record(req);
      if (!authorized(req, res)) return;
      res.set_content(
          R"({"messaging_product":"whatsapp","contacts":[{"input":"15550001111","wa_id":"15550001111"}],"messages":[{"id":"wamid.C)" +
              std::to_string(seen.size()) + R"("}]})",
          "application/json");
    });
    graph.server().Get(R"(/v22\.0/(\d+))", [=](const httplib::Request& req, httplib::Response& res) {
      record(req);
      if (!authorized(req, res)) return;
      res.set_content(
          R"({"id":")" + std::string(req.matches[1]) + R"(","display_phone_number":"+1 555 000 1111"})",
          "application/json");
    });
    graph.server().Get("/media/7001", [=](const httplib::Request& req, httplib::Response& res) {
      record(req);
      if (!authorized(req, res)) return;
      res.set_content("media-bytes", "image/jpeg");
    });
    other.server().Get("/media/7001", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(m);
      other_auth.push_back(req.get_header_value("Authorization"));
      res.set_content("other-bytes", "image/jpeg");
    });
    graph.start();
    other.start();
  }

  ClientOptions options(const std::string& token) {
    auto o = ClientOptions::graph(token);
    o.base_url = graph.url();
    o.app_secret = kSecret;
    o.retry = whatsapp::RetryPolicy::none();
    return o;
  }
};

TEST_F(GraphCurlTest, EveryRequestCarriesItsClientsTokenAndProof) {
  CurlTransport shared;  // copies share one pool of handles
  Client<CurlTransport> one(options(kToken), shared);
  Client<CurlTransport> two(options(kOther), shared);
  std::vector<std::string> tokens;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(one.messages().send("1065000000001", Message::text("15550001111", "a")).ok());
    tokens.push_back(kToken);
    ASSERT_TRUE(one.messages().send("1065000000001", Message::text("15550001111", "b")).ok());
    tokens.push_back(kToken);
    auto phone = two.phone_numbers().get("1065000000001");
    ASSERT_TRUE(phone.ok()) << phone.error().to_string();
    tokens.push_back(kOther);
    auto sent = two.messages().send("1065000000001", Message::text("15550001111", "c"));
    ASSERT_TRUE(sent.ok()) << sent.error().to_string();
    EXPECT_EQ(sent->messages.at(0).id.rfind("wamid.C", 0), 0u);
    tokens.push_back(kOther);
  }
  ASSERT_EQ(seen.size(), tokens.size());
  for (std::size_t i = 0; i < seen.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(seen[i].auth, "Bearer " + tokens[i]);
    EXPECT_EQ(seen[i].proof, whatsapp::appsecret_proof(tokens[i], kSecret));
    EXPECT_EQ(seen[i].content_type, seen[i].method == "POST" ? "application/json" : "");
  }
}

TEST_F(GraphCurlTest, DownloadCarriesTheTokenToTheConfiguredHostOnly) {
  Client<CurlTransport> client(options(kToken));
  whatsapp::MediaInfo info;
  std::string got;
  const auto sink = [&](std::string_view chunk) {
    got.append(chunk);
    return true;
  };
  info.url = graph.url("/media/7001");
  auto own = client.media().download(info, sink);
  ASSERT_TRUE(own.ok()) << own.error().to_string();
  EXPECT_EQ(got, "media-bytes");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].auth, "Bearer " + kToken);
  EXPECT_EQ(seen[0].proof, "");

  got.clear();
  info.url = other.url("/media/7001");
  auto elsewhere = client.media().download(info, sink);
  ASSERT_TRUE(elsewhere.ok()) << elsewhere.error().to_string();
  EXPECT_EQ(got, "other-bytes");
  ASSERT_EQ(other_auth.size(), 1u);
  EXPECT_EQ(other_auth[0], "");
}

TEST_F(GraphCurlTest, WrongTokenIsMetasAuthorizationErrorWithoutTheToken) {
  const std::string wrong = "EAAGwrongT0kenNotKnown";
  Client<CurlTransport> client(options(wrong));
  auto r = client.messages().send("1065000000001", Message::text("15550001111", "hi"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), whatsapp::ErrorKind::kApi);
  EXPECT_EQ(r.error().http_status(), 401);
  EXPECT_EQ(r.error().code(), 190);
  EXPECT_EQ(r.error().category(), whatsapp::ErrorCategory::kAuthorization);
  EXPECT_EQ(r.error().to_string().find(wrong), std::string::npos);
  EXPECT_EQ(r.error().to_string().find("T0ken"), std::string::npos);
}

}  // namespace graph_curl_test
