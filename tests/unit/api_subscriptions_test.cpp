// subscriptions(): create, list, delete webhook subscriptions; both URL formats.
// (No shared fixture belongs to these endpoints; bodies follow Meta's app subscriptions reference.)

#include <gtest/gtest.h>

#include "api_test_support.hpp"

namespace api_subscriptions_test {

using whatsapp::HttpMethod;
using whatsapp::transport::FakeTransport;
using whatsapp_test::api_options;
using whatsapp_test::FakeClient;
using whatsapp_test::in_both_formats;
using whatsapp_test::kBase;
using json = nlohmann::json;

TEST(SubscriptionsApi, Create) {
  whatsapp::NewSubscription s;
  s.callback_url = "https://bot.example/webhook";
  s.fields = {"messages", "message_template_status_update"};
  s.verify_token = "vt";
  auto reqs = in_both_formats({{"success", true}}, [&](const FakeClient& c) {
    ASSERT_TRUE(c.subscriptions().create("1234567890", s).ok());
  });
  EXPECT_EQ(reqs.new_format.method, HttpMethod::kPost);
  EXPECT_EQ(reqs.new_format.url, kBase + "/1234567890/subscriptions?api_token=tok");
  EXPECT_EQ(reqs.old_format.url, kBase + "/app_id/subscriptions?APP_ID=1234567890&api_token=tok");
  EXPECT_EQ(json::parse(reqs.new_format.body),
            (json{{"object", "whatsapp_business_account"},
                  {"callback_url", "https://bot.example/webhook"},
                  {"fields", {"messages", "message_template_status_update"}},
                  {"verify_token", "vt"}}));
  FakeTransport t;
  FakeClient client(api_options(), t);
  s.verify_token.clear();
  EXPECT_EQ(client.subscriptions().create("1", s).error().field(), "verify_token");
  EXPECT_EQ(t.request_count(), 0u);
}

TEST(SubscriptionsApi, List) {
  const json answer{{"data",
                     {{{"object", "whatsapp_business_account"},
                       {"callback_url", "https://bot.example/webhook"},
                       {"active", true},
                       {"fields", {{{"name", "messages"}, {"version", "v22.0"}}}}}}}};
  auto reqs = in_both_formats(answer, [](const FakeClient& c) {
    auto r = c.subscriptions().list("1234567890");
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->size(), 1u);
    EXPECT_EQ((*r)[0].callback_url, "https://bot.example/webhook");
    EXPECT_TRUE((*r)[0].active);
    EXPECT_EQ((*r)[0].fields[0].name, "messages");
    EXPECT_EQ((*r)[0].fields[0].version, "v22.0");
  });
  EXPECT_EQ(reqs.new_format.method, HttpMethod::kGet);
  EXPECT_EQ(reqs.new_format.url, kBase + "/1234567890/subscriptions?api_token=tok");
  EXPECT_EQ(reqs.old_format.url, kBase + "/app_id/subscriptions?APP_ID=1234567890&api_token=tok");
}

TEST(SubscriptionsApi, Delete) {
  auto reqs = in_both_formats({{"success", true}}, [](const FakeClient& c) {
    ASSERT_TRUE(c.subscriptions().remove("1234567890").ok());
  });
  EXPECT_EQ(reqs.new_format.method, HttpMethod::kDelete);
  EXPECT_EQ(reqs.new_format.url,
            kBase + "/1234567890/subscriptions?api_token=tok&object=whatsapp_business_account");
  EXPECT_EQ(reqs.old_format.url,
            kBase + "/app_id/subscriptions?APP_ID=1234567890&api_token=tok&object=whatsapp_business_account");
  auto all = in_both_formats(
      {{"success", true}}, [](const FakeClient& c) { ASSERT_TRUE(c.subscriptions().remove("1", "").ok()); });
  EXPECT_EQ(all.new_format.url, kBase + "/1/subscriptions?api_token=tok");
}

}  // namespace api_subscriptions_test
