// webhook::reply() (webhook/answer.hpp): the answer to an incoming message goes to the group it
// was written in, else to the phone number, else to the BSUID. Payloads:
// tests/data/webhook/webhook_group_message_text.json, webhook_text_username_no_phone.json,
// webhook_text.json.

#include <gtest/gtest.h>

#include <string>

#include "webhook_support.hpp"
#include "whatsapp/webhook/answer.hpp"
#include "whatsapp/webhook/webhook.hpp"

namespace webhook_answer_test {

namespace wh = whatsapp::webhook;
using whatsapp::Message;
using whatsapp_test::load_notification;

TEST(WebhookAnswer, AMessageWrittenInAGroupIsAnsweredInTheGroupNotToTheMember) {
  const auto n = load_notification("webhook_group_message_text.json");
  const auto events = wh::events(n);
  ASSERT_EQ(events.size(), 1U);
  ASSERT_TRUE(events[0].message->in_group());
  const Message m = wh::reply(events[0], Message::text({}, "Saturday it is").with_callback_data("order-7"));
  EXPECT_EQ(m.to, "Y2FwaV9ncm91cDoxNjAzNTU1MDEwMDo0NDAyOTExODczMzA1NTIx");
  EXPECT_TRUE(m.is_group());
  EXPECT_TRUE(m.recipient.empty());
  EXPECT_EQ(m.biz_opaque_callback_data, "order-7");  // the rest of the message is kept
  EXPECT_TRUE(whatsapp::validate(m).ok()) << whatsapp::validate(m).error().to_string();
  // reply_recipient() alone would have written to the member privately.
  EXPECT_EQ(wh::reply_recipient(events[0]).id(), "16035550142");
}

TEST(WebhookAnswer, AUserIsAnsweredByPhoneNumberElseByBsuid) {
  const auto plain_n = load_notification("webhook_text.json");
  const auto plain = wh::events(plain_n);
  ASSERT_EQ(plain.size(), 1U);
  const Message by_number = wh::reply(plain[0], Message::text({}, "Got it"));
  EXPECT_EQ(by_number.to, "16035550142");
  EXPECT_TRUE(by_number.recipient.empty());
  EXPECT_FALSE(by_number.is_group());

  const auto username_n = load_notification("webhook_text_username_no_phone.json");
  const auto username = wh::events(username_n);
  ASSERT_EQ(username.size(), 1U);
  // A message first made for a group, reused for a person: it goes to the person.
  const Message by_bsuid = wh::reply(username[0], Message::text("Y2FwaV9ncm91cDox", "Got it").to_group());
  EXPECT_TRUE(by_bsuid.to.empty());
  EXPECT_EQ(by_bsuid.recipient, "US.58204471936618205537");
  EXPECT_FALSE(by_bsuid.is_group());
  EXPECT_TRUE(whatsapp::validate(by_bsuid).ok()) << whatsapp::validate(by_bsuid).error().to_string();
}

}  // namespace webhook_answer_test
