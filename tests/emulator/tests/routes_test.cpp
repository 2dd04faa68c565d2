#include <cstdio>

#include "harness.hpp"

namespace wet {
namespace {

TEST(Routes, SendBothFormatsTokenAndNotFound) {
  Running r;
  auto a = r.post_json(r.v("123/messages"), text_send());
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, 200);
  json d = body_of(a)["data"];
  EXPECT_EQ(d["contacts"][0]["wa_id"], "16505551234");
  EXPECT_EQ(d["messages"][0]["id"].get<std::string>().rfind("wamid.", 0), 0u);

  auto b = r.post_json(r.v("from_phone_number_id/messages", "FROM_PHONE_NUMBER_ID=123"), text_send());
  ASSERT_TRUE(b);
  EXPECT_EQ(b->status, 200);

  auto c = r.cli->Post("/whatsapp/v22.0/123/messages", text_send().dump(), "application/json");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, 401);
  EXPECT_EQ(body_of(c)["error"]["code"], 401);

  auto n = r.cli->Get(r.v("123/nothing/here").c_str());
  ASSERT_TRUE(n);
  EXPECT_EQ(n->status, 404);
  EXPECT_EQ(body_of(n), json({{"message", "Not Found"}}));

  auto bad = r.post_json(r.v("123/messages"), {{"messaging_product", "whatsapp"}, {"to", "1"}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(body_of(bad)["data"]["error"]["code"], 100);

  auto s = r.emu->stats();
  EXPECT_EQ(s.sends_processed, 2);
  EXPECT_EQ(s.old_format, 1);
  EXPECT_EQ(s.not_found, 1);
  auto msgs = r.emu->processed_messages();
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[1]["format"], "old");
  EXPECT_EQ(msgs[1]["phone_number_id"], "123");
  EXPECT_NE(r.log.str().find("api_token=***"), std::string::npos);
  EXPECT_EQ(r.log.str().find("=tok"), std::string::npos);
}

TEST(Routes, FormatsAndResultEnvelope) {
  we::Options o;
  o.formats = we::Formats::kOld;
  o.envelope = we::Envelope::kResult;
  o.api_token = "tok";
  Running r(o);
  auto a = r.post_json(r.v("123/messages"), text_send());
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, 404);
  auto b = r.post_json(r.v("from_phone_number_id/messages", "FROM_PHONE_NUMBER_ID=123"), text_send());
  ASSERT_TRUE(b);
  EXPECT_EQ(b->status, 200);
  json j = body_of(b);
  EXPECT_EQ(j["message"], "Request completed");
  EXPECT_EQ(j["provider"], "whatsapp");
  EXPECT_TRUE(j["result"]["messages"].is_array());
  auto e = r.cli->Get(r.v("media_id", "MEDIA_ID=999").c_str());
  ASSERT_TRUE(e);
  EXPECT_EQ(e->status, 400);
  EXPECT_EQ(body_of(e)["error"]["error"]["code"], 100);
}

TEST(Routes, EncodedPathSegmentsAreDecoded) {
  Running r;
  auto a = r.post_json(r.v("a%2Fb%20c%3F%23%26%25%2B..%2F/messages"), text_send());
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, 200);
  EXPECT_EQ(r.emu->processed_messages().at(0)["phone_number_id"], "a/b c?#&%+../");
}

TEST(Routes, MediaRoundTrip) {
  Running r;
  std::string bytes("\x89PNG\r\n\x1a\n\0\x01\x02", 11);
  httplib::MultipartFormDataItems items = {{"file", bytes, "x.png", "image/png"},
                                           {"type", "image/png", "", ""},
                                           {"messaging_product", "whatsapp", "", ""}};
  auto up = r.cli->Post(r.v("123/media").c_str(), items);
  ASSERT_TRUE(up);
  ASSERT_EQ(up->status, 200) << up->body;
  std::string id = body_of(up)["data"]["id"];
  auto info = r.cli->Get(r.v(id).c_str());
  ASSERT_TRUE(info);
  json m = body_of(info)["data"];
  EXPECT_EQ(m["file_size"], 11);
  EXPECT_EQ(m["mime_type"], "image/png");
  std::string url = m["url"];
  // Percent-encode the whole URL as one segment.
  std::string enc;
  for (unsigned char ch : url) {
    char buf[4];
    if (std::isalnum(ch))
      enc.push_back(static_cast<char>(ch));
    else {
      std::snprintf(buf, sizeof buf, "%%%02X", ch);
      enc += buf;
    }
  }
  auto got = r.cli->Get(r.v(enc).c_str());
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(got->body, bytes);
  EXPECT_EQ(got->get_header_value("Content-Type").rfind("image/png", 0), 0u);
  EXPECT_EQ(got->get_header_value("X-Content-Type-Options"), "nosniff");
  // The proxy's token-free media URL: the bytes as uploaded, which a browser must not render.
  const std::string media_path = url.substr(url.find('/', url.find("//") + 2));
  auto direct = r.cli->Get(media_path.c_str());
  ASSERT_TRUE(direct);
  EXPECT_EQ(direct->status, 200);
  EXPECT_EQ(direct->body, bytes);
  EXPECT_EQ(direct->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(direct->get_header_value("Content-Security-Policy"), "sandbox");
  auto del = r.cli->Delete(r.v(id).c_str());
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 200);
  auto gone = r.cli->Get(r.v(id).c_str());
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 400);
}

TEST(Routes, TemplatePagingFollowsAfterCursor) {
  Running r;
  std::vector<std::string> names;
  std::string after;
  for (int guard = 0; guard < 10; ++guard) {
    auto res = r.cli->Get(
        r.v("555/message_templates", "limit=1" + (after.empty() ? "" : "&after=" + after)).c_str());
    ASSERT_TRUE(res);
    json d = body_of(res)["data"];
    for (auto& t : d["data"]) names.push_back(t["name"]);
    if (!d["paging"].contains("next")) break;
    EXPECT_EQ(d["paging"]["next"].get<std::string>().rfind("https://graph.facebook.com/", 0), 0u);
    after = d["paging"]["cursors"]["after"];
  }
  EXPECT_EQ(names, (std::vector<std::string>{"hello_world", "2023_april_promo", "order_update"}));
}

TEST(Routes, StopIsPromptWithIdleKeepAliveConnection) {
  Running r;
  r.cli->set_keep_alive(true);
  auto a = r.cli->Get(r.v("123").c_str());
  ASSERT_TRUE(a);
  auto t0 = std::chrono::steady_clock::now();
  r.emu->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(1));
}

}  // namespace
}  // namespace wet
