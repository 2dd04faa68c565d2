// Conversations, webhook subscriptions and analytics against the emulator.

#include <gtest/gtest.h>

#include <chrono>

#include "api_fixture.hpp"

namespace api_conversations_test {

using whatsapp_test::ApiEmulatorTest;
using whatsapp_test::kApp;
using whatsapp_test::kPhone;
using whatsapp_test::kWaba;

using ConversationsEmulator = ApiEmulatorTest;

TEST_F(ConversationsEmulator, ListGetAndMarkRead) {
  auto c = client->conversations();
  ASSERT_TRUE(client->messages().send(kPhone, whatsapp::Message::text("15550001111", "hi")).ok());
  whatsapp::ConversationFilter f;
  f.limit = 1;
  auto all = c.list_all(kWaba, f).collect();
  ASSERT_TRUE(all.ok()) << all.error().to_string();
  ASSERT_EQ(all->size(), 3u);  // 2 seeded + the one the send opened
  f.user_id = "15550001111";
  auto mine = c.list(kWaba, f);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->items.size(), 1u);
  auto one = c.get(mine->items[0].id);
  ASSERT_TRUE(one.ok()) << one.error().to_string();
  EXPECT_EQ(one->user_id, "15550001111");
  EXPECT_EQ(one->origin_type, "service");
  auto seeded = c.get("7270432eae37498234f4444b35ffc5");
  ASSERT_TRUE(seeded.ok());
  EXPECT_EQ(seeded->unread_count, 2);
  ASSERT_TRUE(c.mark_read(kWaba, "7270432eae37498234f4444b35ffc5").ok());
  EXPECT_EQ(c.get("7270432eae37498234f4444b35ffc5")->unread_count, 0);
}

TEST_F(ConversationsEmulator, Subscriptions) {
  auto s = client->subscriptions();
  whatsapp::NewSubscription sub;
  sub.callback_url = "https://bot.example/webhook";
  sub.fields = {"messages"};
  sub.verify_token = "vt";
  ASSERT_TRUE(s.create(kApp, sub).ok());
  auto list = s.list(kApp);
  ASSERT_TRUE(list.ok()) << list.error().to_string();
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].callback_url, "https://bot.example/webhook");
  EXPECT_EQ((*list)[0].fields[0].name, "messages");
  ASSERT_TRUE(s.remove(kApp).ok());
  EXPECT_TRUE(s.list(kApp)->empty());
}

TEST_F(ConversationsEmulator, Analytics) {
  ASSERT_TRUE(client->messages().send(kPhone, whatsapp::Message::text("15550001111", "hi")).ok());
  const auto now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  whatsapp::AnalyticsQuery q;
  q.start = now - 86400;
  q.end = now + 86400;
  q.granularity = whatsapp::Granularity::kDay;
  q.phone_numbers = {"15555555555"};
  auto r = client->analytics().get(kWaba, q);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->granularity, "DAY");
  EXPECT_EQ(r->phone_numbers, (std::vector<std::string>{"15555555555"}));
  ASSERT_EQ(r->data_points.size(), 2u);
  EXPECT_EQ(r->data_points[0].start, q.start);
  EXPECT_EQ(r->data_points[0].sent + r->data_points[1].sent, 1);
}

}  // namespace api_conversations_test
