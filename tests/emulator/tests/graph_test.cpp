// The Graph shape: Meta's paths without `/whatsapp`, Bearer token, appsecret_proof, no envelope.
#include "harness.hpp"

namespace wet {
namespace {

const char* const kPhone = "106853218861309";
const char* const kWaba = "102290129340398";

httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

std::string g(const std::string& rest) { return "/v22.0/" + rest; }

we::Options graph_options() {
  we::Options o;
  o.access_token = "graph-token-1";
  return o;
}

httplib::Result graph_post(Running& r, const std::string& path, const json& body,
                           const std::string& token = "graph-token-1") {
  return r.cli->Post(path.c_str(), bearer(token), body.dump(), "application/json");
}

TEST(Graph, SendAndReadReceiptAnswerWithoutEnvelope) {
  Running r(graph_options());
  auto a = graph_post(r, g(std::string(kPhone) + "/messages"), text_send());
  ASSERT_TRUE(a);
  ASSERT_EQ(a->status, 200) << a->body;
  json j = body_of(a);
  EXPECT_FALSE(j.contains("data"));
  EXPECT_EQ(j["messaging_product"], "whatsapp");
  EXPECT_EQ(j["contacts"][0]["wa_id"], "16505551234");
  std::string wamid = j["messages"][0]["id"];
  EXPECT_EQ(wamid.rfind("wamid.", 0), 0u);

  // Meta's read receipt is the body form on the send route; it is not a send.
  auto read = graph_post(r, g(std::string(kPhone) + "/messages"),
                         {{"messaging_product", "whatsapp"}, {"status", "read"}, {"message_id", wamid}});
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status, 200);
  EXPECT_EQ(body_of(read), json({{"success", true}}));
  // LowCodeAPI's mark-read-by-path route does not exist at Meta.
  auto by_path = graph_post(r, g(std::string(kPhone) + "/messages/" + wamid), {{"status", "read"}});
  ASSERT_TRUE(by_path);
  EXPECT_EQ(by_path->status, 400);
  EXPECT_EQ(body_of(by_path)["error"]["code"], 2500);

  auto bad =
      graph_post(r, g(std::string(kPhone) + "/messages"), {{"messaging_product", "whatsapp"}, {"to", "1"}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(body_of(bad)["error"]["code"], 100);

  auto msgs = r.emu->processed_messages();
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_EQ(msgs[0]["format"], "graph");
  EXPECT_EQ(msgs[0]["phone_number_id"], kPhone);
  auto s = r.emu->stats();
  EXPECT_EQ(s.graph, 3);  // send, read receipt, refused send
  EXPECT_EQ(s.new_format, 0);
  EXPECT_EQ(s.not_found, 1);
}

TEST(Graph, ListsKeepGraphDataAndPagingOnTheEmulatorHost) {
  Running r(graph_options());
  std::vector<std::string> names;
  std::string next = g(std::string(kWaba) + "/message_templates?limit=1");
  for (int guard = 0; guard < 10 && !next.empty(); ++guard) {
    auto res = r.cli->Get(next.c_str(), bearer("graph-token-1"));
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    json d = body_of(res);
    ASSERT_TRUE(d["data"].is_array());
    for (auto& t : d["data"]) names.push_back(t["name"]);
    next.clear();
    if (d["paging"].contains("next")) {
      std::string url = d["paging"]["next"];
      std::string host = r.emu->graph_base_url();
      ASSERT_EQ(url.rfind(host + "/v22.0/", 0), 0u) << url;
      EXPECT_EQ(url.find("token"), std::string::npos) << url;
      next = url.substr(host.size());
    }
  }
  EXPECT_EQ(names, (std::vector<std::string>{"hello_world", "2023_april_promo", "order_update"}));

  auto waba = r.cli->Get(g(kWaba).c_str(), bearer("graph-token-1"));
  ASSERT_TRUE(waba);
  EXPECT_EQ(body_of(waba)["id"], kWaba);
  auto profile =
      r.cli->Get(g(std::string(kPhone) + "/whatsapp_business_profile").c_str(), bearer("graph-token-1"));
  ASSERT_TRUE(profile);
  EXPECT_EQ(body_of(profile)["data"][0]["messaging_product"], "whatsapp");
}

TEST(Graph, WrongOrMissingTokenIsMetas401Code190) {
  Running r(graph_options());
  auto check = [](const httplib::Result& res) {
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401);
    json e = body_of(res)["error"];
    EXPECT_EQ(e["code"], 190);
    EXPECT_EQ(e["type"], "OAuthException");
    EXPECT_TRUE(e["message"].is_string());
    EXPECT_TRUE(e["fbtrace_id"].is_string());
    EXPECT_NE(res->get_header_value("WWW-Authenticate").find("invalid_token"), std::string::npos);
  };
  check(graph_post(r, g(std::string(kPhone) + "/messages"), text_send(), "other-token"));
  check(r.cli->Post(g(std::string(kPhone) + "/messages").c_str(), text_send().dump(), "application/json"));
  check(r.cli->Get(g(kPhone).c_str(), {{"Authorization", "Basic graph-token-1"}}));
  // The api_token of LowCodeAPI is no Graph credential.
  check(r.cli->Get((g(kPhone) + "?api_token=graph-token-1").c_str()));
  EXPECT_TRUE(r.emu->processed_messages().empty());
  // Graph's access_token query parameter works, and the log never shows it.
  auto q = r.cli->Get((g(kPhone) + "?access_token=graph-token-1").c_str());
  ASSERT_TRUE(q);
  EXPECT_EQ(q->status, 200);
  EXPECT_EQ(r.log.str().find("graph-token-1"), std::string::npos);
  EXPECT_NE(r.log.str().find("access_token=***"), std::string::npos);
}

TEST(Graph, AppSecretProofIsCheckedWhenTheEmulatorHasTheSecret) {
  we::Options o = graph_options();
  o.app_secret = "app-secret-1";
  // HMAC-SHA256(key "app-secret-1", "graph-token-1"), computed with `openssl dgst -sha256 -hmac`.
  const std::string proof = "1c7f42900bf0ec669bfa97a93e044fae40871f508847d7ff40bc4611ff727127";
  Running r(o);
  auto wrong =
      r.cli->Get((g(kPhone) + "?appsecret_proof=" + std::string(64, 'a')).c_str(), bearer("graph-token-1"));
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 400);
  EXPECT_EQ(body_of(wrong)["error"]["code"], 100);
  EXPECT_EQ(body_of(wrong)["error"]["type"], "GraphMethodException");
  EXPECT_EQ(body_of(wrong)["error"]["message"], "Invalid appsecret_proof provided in the API argument");
  auto right = r.cli->Get((g(kPhone) + "?appsecret_proof=" + proof).c_str(), bearer("graph-token-1"));
  ASSERT_TRUE(right);
  EXPECT_EQ(right->status, 200) << right->body;
  auto none = r.cli->Get(g(kPhone).c_str(), bearer("graph-token-1"));
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 200);
  EXPECT_EQ(r.log.str().find(proof), std::string::npos);

  o.require_appsecret_proof = true;
  Running strict(o);
  auto missing = strict.cli->Get(g(kPhone).c_str(), bearer("graph-token-1"));
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 400);
  EXPECT_EQ(body_of(missing)["error"]["message"],
            "API calls from the server require an appsecret_proof argument");
}

TEST(Graph, MediaUrlIsOnTheEmulatorHostAndNeedsTheToken) {
  Running r(graph_options());
  std::string bytes("\x89PNG\r\n\x1a\n\0\x07", 10);
  httplib::MultipartFormDataItems items = {{"file", bytes, "x.png", "image/png"},
                                           {"type", "image/png", "", ""},
                                           {"messaging_product", "whatsapp", "", ""}};
  auto up = r.cli->Post(g(std::string(kPhone) + "/media").c_str(), bearer("graph-token-1"), items);
  ASSERT_TRUE(up);
  ASSERT_EQ(up->status, 200) << up->body;
  std::string id = body_of(up)["id"];
  auto info = r.cli->Get(g(id).c_str(), bearer("graph-token-1"));
  ASSERT_TRUE(info);
  std::string url = body_of(info)["url"];
  std::string host = r.emu->graph_base_url();
  ASSERT_EQ(url.rfind(host + "/", 0), 0u) << url;
  std::string path = url.substr(host.size());
  auto got = r.cli->Get(path.c_str(), bearer("graph-token-1"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(got->body, bytes);
  EXPECT_EQ(got->get_header_value("Content-Type").rfind("image/png", 0), 0u);
  auto anonymous = r.cli->Get(path.c_str());
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  EXPECT_NE(anonymous->body, bytes);
  auto del = r.cli->Delete(g(id).c_str(), bearer("graph-token-1"));
  ASSERT_TRUE(del);
  EXPECT_EQ(body_of(del), json({{"success", true}}));
  auto gone = r.cli->Get(path.c_str(), bearer("graph-token-1"));
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 404);
}

TEST(Graph, FaultsApplyWithoutEnvelope) {
  Running r(graph_options());
  we::Fault f500, f200, reset;
  f500.kind = "status_500";
  f200.kind = "error_in_200";
  reset.kind = "reset_after_processing";
  r.emu->set_faults({f500, f200, reset});
  auto a = graph_post(r, g(std::string(kPhone) + "/messages"), text_send());
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, 500);
  EXPECT_EQ(body_of(a)["error"]["code"], 2);
  auto b = graph_post(r, g(std::string(kPhone) + "/messages"), text_send());
  ASSERT_TRUE(b);
  EXPECT_EQ(b->status, 200);
  EXPECT_EQ(body_of(b)["error"]["code"], 131000);
  EXPECT_FALSE(graph_post(r, g(std::string(kPhone) + "/messages"), text_send()));
  auto msgs = r.emu->processed_messages();
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_EQ(msgs[0]["fault"], "reset_after_processing");
}

TEST(Graph, LowCodeApiShapeIsUnchangedBesideIt) {
  Running r(graph_options());
  // A Bearer token is no LowCodeAPI credential: LowCodeAPI's own 401.
  auto noapi = graph_post(r, "/whatsapp" + g(std::string(kPhone) + "/messages"), text_send());
  ASSERT_TRUE(noapi);
  EXPECT_EQ(noapi->status, 401);
  EXPECT_EQ(body_of(noapi)["error"]["code"], 401);
  EXPECT_EQ(body_of(noapi)["provider"], "whatsapp");
  auto a = r.post_json(r.v(std::string(kPhone) + "/messages"), text_send());
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, 200);
  EXPECT_TRUE(body_of(a)["data"]["messages"].is_array());
  auto info = r.cli->Get(r.v(kPhone).c_str());
  ASSERT_TRUE(info);
  EXPECT_EQ(body_of(info)["data"]["id"], kPhone);
  auto other = r.cli->Get("/not/a/route");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 404);
  EXPECT_EQ(body_of(other), json({{"message", "Not Found"}}));
  EXPECT_EQ(r.emu->processed_messages().at(0)["format"], "new");
}

}  // namespace
}  // namespace wet
