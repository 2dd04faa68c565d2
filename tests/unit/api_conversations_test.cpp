// conversations(): list (paged), get by id, mark as read; both URL formats.
//
// Fixtures: paging_with_next_example (the paging block of a list with "next").

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api_test_support.hpp"

namespace api_conversations_test {

using whatsapp::HttpMethod;
using whatsapp::transport::FakeTransport;
using whatsapp_test::api_options;
using whatsapp_test::FakeClient;
using whatsapp_test::in_both_formats;
using whatsapp_test::in_data_envelope;
using whatsapp_test::kBase;
using whatsapp_test::read_json;
using json = nlohmann::json;

const json kConversation{{"id", "7270432eae37498234f4444b35ffc5"}, {"user_id", "16035550177"},
                         {"phone_number_id", "208811457730912"},   {"origin", {{"type", "service"}}},
                         {"expiration_timestamp", "1700000000"},   {"unread_count", 2}};

TEST(ConversationsApi, ListOnePage) {
  json page{{"data", json::array({kConversation})},
            {"paging", read_json("fixtures/paging_with_next_example.json")["paging"]}};
  auto reqs = in_both_formats(page, [](const FakeClient& c) {
    whatsapp::ConversationFilter f;
    f.fields = {"id", "origin"};
    f.limit = 5;
    f.user_id = "16035550177";
    auto r = c.conversations().list("102290129340398", f, "QUZ");
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    ASSERT_EQ(r->items.size(), 1u);
    EXPECT_EQ(r->items[0].id, "7270432eae37498234f4444b35ffc5");
    EXPECT_EQ(r->items[0].origin_type, "service");
    EXPECT_EQ(r->items[0].expiration_timestamp, 1700000000);
    EXPECT_EQ(r->items[0].unread_count, 2);
    EXPECT_TRUE(r->has_next);
    EXPECT_EQ(r->after, "QUZURVJfMDAwMTI=");
  });
  EXPECT_EQ(reqs.new_format.method, HttpMethod::kGet);
  EXPECT_EQ(reqs.new_format.url,
            kBase +
                "/102290129340398/"
                "conversations?api_token=tok&fields=id%2Corigin&limit=5&user_id=16035550177&after=QUZ");
  EXPECT_EQ(reqs.old_format.url, kBase +
                                     "/whatsapp_business_account_id/"
                                     "conversations?WHATSAPP_BUSINESS_ACCOUNT_ID=102290129340398&api_token="
                                     "tok&fields=id%2Corigin&limit=5&user_id=16035550177&after=QUZ");
}

TEST(ConversationsApi, ListAll) {
  FakeTransport t;
  t.push(200, in_data_envelope(
                  {{"data", json::array({kConversation})},
                   {"paging", {{"cursors", {{"after", "A1"}}}, {"next", "https://graph.facebook.com/n"}}}}));
  json second = kConversation;
  second["id"] = "c2";
  t.push(200, in_data_envelope({{"data", json::array({second})}}));
  FakeClient client(api_options(), t);
  auto all = client.conversations().list_all("w").collect();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].id, "c2");
  EXPECT_EQ(t.last_request().url, kBase + "/w/conversations?api_token=tok&after=A1");
}

TEST(ConversationsApi, GetById) {
  auto reqs = in_both_formats(kConversation, [](const FakeClient& c) {
    auto r = c.conversations().get("7270432eae37498234f4444b35ffc5", {"id", "origin"});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->user_id, "16035550177");
  });
  EXPECT_EQ(reqs.new_format.url, kBase + "/7270432eae37498234f4444b35ffc5?api_token=tok&fields=id%2Corigin");
  EXPECT_EQ(
      reqs.old_format.url,
      kBase +
          "/conversation_id?CONVERSATION_ID=7270432eae37498234f4444b35ffc5&api_token=tok&fields=id%2Corigin");
}

TEST(ConversationsApi, MarkRead) {
  auto reqs = in_both_formats({{"success", true}}, [](const FakeClient& c) {
    ASSERT_TRUE(c.conversations().mark_read("102290129340398", "7270432eae37498234f4444b35ffc5").ok());
  });
  EXPECT_EQ(reqs.new_format.method, HttpMethod::kPost);
  EXPECT_EQ(reqs.new_format.url, kBase + "/102290129340398/conversations?api_token=tok");
  EXPECT_EQ(reqs.old_format.url,
            kBase +
                "/whatsapp_business_account_id/"
                "conversations?WHATSAPP_BUSINESS_ACCOUNT_ID=102290129340398&api_token=tok");
  EXPECT_EQ(json::parse(reqs.new_format.body), (json{{"conversation_id", "7270432eae37498234f4444b35ffc5"}}));
}

}  // namespace api_conversations_test
