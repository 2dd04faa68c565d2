// Every one of the 29 routes over the Graph backend: method, URL (path, query, appsecret_proof),
// body and headers of the request the client sends, one row per route.

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/client/client.hpp"
#include "whatsapp/protocol/graph.hpp"
#include "whatsapp/transport/fake.hpp"

namespace graph_routes_test {

using whatsapp::HttpMethod;
using whatsapp::RouteId;
using whatsapp::transport::FakeTransport;

const std::string kToken = "EAAGtest0ur0wnGraphT0ken";
const std::string kSecret = "our-app-s3cret";
// printf '%s' EAAGtest0ur0wnGraphT0ken | openssl dgst -sha256 -hmac our-app-s3cret
const std::string kProof = "ef9ae20b3249638d75f741b532f47ff67f86284e1b6dfd99ba69a1bccd070347";
const std::string kBase = "https://graph.example.test";
const std::string kMediaUrl =
    "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=7001&ext=1765000000&hash=ATmine01";

struct Row {
  RouteId id;
  std::array<const char*, 2> path;
  whatsapp::QueryParams query;
  const char* body;  // JSON sent, or nullptr
  HttpMethod method;
  std::string url;            // without the appsecret_proof (which goes first)
  const char* expected_body;  // JSON expected on the wire, or nullptr for none
};

const char* const kText =
    R"({"messaging_product":"whatsapp","to":"15550001111","type":"text","text":{"body":"hi"}})";

// clang-format off
std::vector<Row> rows() {
  const std::string v = kBase + "/v22.0";
  return {
    {RouteId::kSendMessage, {"1065000000001", ""}, {}, kText, HttpMethod::kPost, v + "/1065000000001/messages", kText},
    {RouteId::kMarkMessageRead, {"1065000000001", "wamid.TEST123"}, {}, nullptr, HttpMethod::kPost, v + "/1065000000001/messages",
     R"({"messaging_product":"whatsapp","status":"read","message_id":"wamid.TEST123"})"},
    {RouteId::kUploadMedia, {"1065000000001", ""}, {}, nullptr, HttpMethod::kPost, v + "/1065000000001/media", nullptr},
    {RouteId::kRetrieveMediaUrl, {"3030000000003", ""}, {{"phone_number_id", "1065000000001"}}, nullptr, HttpMethod::kGet,
     v + "/3030000000003?phone_number_id=1065000000001", nullptr},
    {RouteId::kDeleteMedia, {"3030000000003", ""}, {{"phone_number_id", "1065000000001"}}, nullptr, HttpMethod::kDelete,
     v + "/3030000000003?phone_number_id=1065000000001", nullptr},
    {RouteId::kDownloadMedia, {kMediaUrl.c_str(), ""}, {}, nullptr, HttpMethod::kGet, kMediaUrl, nullptr},
    {RouteId::kRequestCode, {"1065000000001", ""}, {}, R"({"code_method":"SMS","language":"en_US"})", HttpMethod::kPost,
     v + "/1065000000001/request_code", R"({"code_method":"SMS","language":"en_US"})"},
    {RouteId::kVerifyCode, {"1065000000001", ""}, {}, R"({"code":"123456"})", HttpMethod::kPost, v + "/1065000000001/verify_code",
     R"({"code":"123456"})"},
    {RouteId::kGetPhoneNumber, {"1065000000001", ""}, {{"fields", "quality_rating"}}, nullptr, HttpMethod::kGet,
     v + "/1065000000001?fields=quality_rating", nullptr},
    {RouteId::kRegister, {"1065000000001", ""}, {}, R"({"messaging_product":"whatsapp","pin":"123456"})", HttpMethod::kPost,
     v + "/1065000000001/register", R"({"messaging_product":"whatsapp","pin":"123456"})"},
    {RouteId::kSetTwoStepPin, {"1065000000001", ""}, {}, R"({"pin":"654321"})", HttpMethod::kPost, v + "/1065000000001",
     R"({"pin":"654321"})"},
    {RouteId::kGetBusinessProfile, {"1065000000001", ""}, {{"fields", "about"}}, nullptr, HttpMethod::kGet,
     v + "/1065000000001/whatsapp_business_profile?fields=about", nullptr},
    {RouteId::kUpdateBusinessProfile, {"1065000000001", ""}, {}, R"({"messaging_product":"whatsapp","about":"Our shop"})",
     HttpMethod::kPost, v + "/1065000000001/whatsapp_business_profile", R"({"messaging_product":"whatsapp","about":"Our shop"})"},
    {RouteId::kDeregister, {"1065000000001", ""}, {}, nullptr, HttpMethod::kPost, v + "/1065000000001/deregister", nullptr},
    {RouteId::kCreateTemplate, {"2020000000002", ""}, {}, R"({"name":"order_ready","language":"en_US","category":"UTILITY"})",
     HttpMethod::kPost, v + "/2020000000002/message_templates", R"({"name":"order_ready","language":"en_US","category":"UTILITY"})"},
    {RouteId::kListTemplates, {"2020000000002", ""}, {{"limit", "2"}, {"after", "CURSOR1"}}, nullptr, HttpMethod::kGet,
     v + "/2020000000002/message_templates?limit=2&after=CURSOR1", nullptr},
    {RouteId::kDeleteTemplate, {"4040000000004", ""}, {}, nullptr, HttpMethod::kDelete, v + "/4040000000004", nullptr},
    {RouteId::kGetTemplate, {"4040000000004", ""}, {{"fields", "status"}}, nullptr, HttpMethod::kGet,
     v + "/4040000000004?fields=status", nullptr},
    {RouteId::kListConversations, {"2020000000002", ""}, {{"limit", "10"}}, nullptr, HttpMethod::kGet,
     v + "/2020000000002/conversations?limit=10", nullptr},
    {RouteId::kMarkConversationRead, {"2020000000002", ""}, {}, R"({"conversation_id":"6060000000006"})", HttpMethod::kPost,
     v + "/2020000000002/conversations", R"({"conversation_id":"6060000000006"})"},
    {RouteId::kCreateSubscription, {"5050000000005", ""}, {}, R"({"object":"whatsapp_business_account","fields":"messages"})",
     HttpMethod::kPost, v + "/5050000000005/subscriptions", R"({"object":"whatsapp_business_account","fields":"messages"})"},
    {RouteId::kListSubscriptions, {"5050000000005", ""}, {}, nullptr, HttpMethod::kGet, v + "/5050000000005/subscriptions", nullptr},
    {RouteId::kDeleteSubscription, {"5050000000005", ""}, {{"object", "whatsapp_business_account"}}, nullptr, HttpMethod::kDelete,
     v + "/5050000000005/subscriptions?object=whatsapp_business_account", nullptr},
    {RouteId::kGetAnalytics, {"2020000000002", ""}, {{"start", "1765000000"}, {"end", "1765086400"}, {"granularity", "DAY"}},
     nullptr, HttpMethod::kGet, v + "/2020000000002/analytics?start=1765000000&end=1765086400&granularity=DAY", nullptr},
    {RouteId::kGetComplianceInfo, {"1065000000001", ""}, {}, nullptr, HttpMethod::kGet,
     v + "/1065000000001/business_compliance_info", nullptr},
    {RouteId::kUpdateComplianceInfo, {"1065000000001", ""}, {}, R"({"messaging_product":"whatsapp","entity_name":"Our Shop"})",
     HttpMethod::kPost, v + "/1065000000001/business_compliance_info", R"({"messaging_product":"whatsapp","entity_name":"Our Shop"})"},
    {RouteId::kGetBusinessAccount, {"2020000000002", ""}, {{"fields", "name"}}, nullptr, HttpMethod::kGet,
     v + "/2020000000002?fields=name", nullptr},
    {RouteId::kListPhoneNumbers, {"2020000000002", ""}, {{"limit", "5"}}, nullptr, HttpMethod::kGet,
     v + "/2020000000002/phone_numbers?limit=5", nullptr},
    {RouteId::kGetConversation, {"6060000000006", ""}, {{"fields", "id"}}, nullptr, HttpMethod::kGet,
     v + "/6060000000006?fields=id", nullptr},
  };
}
// clang-format on

// The URL with appsecret_proof as its first query parameter (a media URL is sent as it is).
std::string with_proof(const Row& row) {
  if (row.id == RouteId::kDownloadMedia) return row.url;
  const auto q = row.url.find('?');
  if (q == std::string::npos) return row.url + "?appsecret_proof=" + kProof;
  return row.url.substr(0, q) + "?appsecret_proof=" + kProof + "&" + row.url.substr(q + 1);
}

whatsapp::ClientOptions graph_options(const std::string& secret) {
  auto o = whatsapp::ClientOptions::graph(kToken);
  o.base_url = kBase;
  o.app_secret = secret;
  o.api_token = "at_lowcodeapi_token_never_sent";
  return o;
}

void check_rows(const std::string& secret) {
  const auto table = rows();
  std::set<RouteId> seen;
  for (const Row& row : table) seen.insert(row.id);
  ASSERT_EQ(seen.size(), whatsapp::kRouteCount) << "every route has its row, once";
  ASSERT_EQ(table.size(), whatsapp::kRouteCount);

  for (const Row& row : table) {
    SCOPED_TRACE(std::string(whatsapp::route(row.id).name));
    FakeTransport t;
    t.push(200, R"({"success":true})");
    whatsapp::Client<FakeTransport> client(graph_options(secret), t);
    const auto body = row.body == nullptr ? nlohmann::json(nullptr) : nlohmann::json::parse(row.body);
    auto r = client.call(row.id, {row.path[0], row.path[1]}, row.query, body);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    ASSERT_EQ(t.request_count(), 1u) << "one request: no URL-format probing";
    const whatsapp::HttpRequest req = t.last_request();
    EXPECT_EQ(req.method, row.method);
    EXPECT_EQ(req.url, secret.empty() ? row.url : with_proof(row));
    EXPECT_EQ(req.url.find("api_token"), std::string::npos);
    ASSERT_EQ(req.headers.size(), 1u);
    EXPECT_EQ(req.headers[0].first, "Authorization");
    EXPECT_EQ(req.headers[0].second, "Bearer " + kToken);
    if (row.expected_body == nullptr) {
      EXPECT_TRUE(req.body.empty()) << req.body;
    } else {
      EXPECT_EQ(nlohmann::json::parse(req.body), nlohmann::json::parse(row.expected_body)) << req.body;
    }
  }
}

TEST(GraphRoutes, EveryRouteWithAppsecretProof) { check_rows(kSecret); }

TEST(GraphRoutes, EveryRouteWithoutAppSecretHasNoProof) { check_rows(""); }

TEST(GraphRoutes, AppsecretProofKnownAnswer) {
  EXPECT_EQ(whatsapp::appsecret_proof(kToken, kSecret), kProof);
  // RFC 4231 test case 2 (key "Jefe"), as a check of the HMAC itself.
  EXPECT_EQ(whatsapp::appsecret_proof("what do ya want for nothing?", "Jefe"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(GraphRoutes, GraphPathOfTheTwoRoutesMetaDoesNotHave) {
  EXPECT_EQ(whatsapp::graph_path(whatsapp::route(RouteId::kMarkMessageRead)),
            "/<FROM_PHONE_NUMBER_ID>/messages");
  EXPECT_EQ(whatsapp::graph_path(whatsapp::route(RouteId::kDownloadMedia)), "<MEDIA_URL>");
  for (const auto& r : whatsapp::kRoutes) {
    if (r.id == RouteId::kMarkMessageRead || r.id == RouteId::kDownloadMedia) continue;
    EXPECT_EQ(whatsapp::graph_path(r), r.path) << r.name;
  }
}

}  // namespace graph_routes_test
