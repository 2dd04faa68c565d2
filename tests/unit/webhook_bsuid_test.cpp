// Webhooks of users known by a business-scoped user id (BSUID): usernames, messages and statuses
// without a phone number, a failed status without contacts, the user_id_update field and the
// user_changed_user_id system message; replying with webhook::reply_recipient() and keying users
// with webhook::user_key(). Payloads: tests/data/webhook/webhook_text_username_no_phone.json,
// webhook_status_delivered_bsuid_username.json, webhook_status_failed_bsuid_no_contacts.json,
// webhook_user_id_update.json, webhook_system_user_changed_user_id.json.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "webhook_support.hpp"
#include "whatsapp/model/message.hpp"
#include "whatsapp/webhook/webhook.hpp"

namespace webhook_bsuid_test {

namespace wh = whatsapp::webhook;
using whatsapp::Recipient;
using whatsapp_test::load_notification;

const std::string kBsuid = "US.58204471936618205537";
const std::string kParent = "US.ENT.90317265508124469021";

TEST(WebhookBsuid, AUsernameUserWithoutPhoneNumberIsTypedAndAnsweredByBsuid) {
  const auto n = load_notification("webhook_text_username_no_phone.json");
  const auto events = wh::events(n);
  ASSERT_EQ(events.size(), 1U);
  const wh::Event& e = events[0];
  ASSERT_EQ(e.kind, wh::EventKind::kMessage);
  EXPECT_TRUE(e.message->from.empty());
  EXPECT_EQ(e.message->from_user_id, kBsuid);
  EXPECT_EQ(e.message->from_parent_user_id, kParent);
  EXPECT_EQ(e.message->text->body, "Do you still have rye loaves?");
  ASSERT_NE(e.contact, nullptr);  // found by the BSUID, there being no wa_id
  EXPECT_TRUE(e.contact->wa_id.empty());
  EXPECT_EQ(e.contact->user_id, kBsuid);
  EXPECT_EQ(e.contact->parent_user_id, kParent);
  EXPECT_EQ(e.contact->username, "nadia.bakes");
  EXPECT_EQ(e.contact->profile_name, "Nadia Okafor");

  EXPECT_EQ(wh::reply_recipient(e), Recipient::user_id(kBsuid));
  EXPECT_EQ(wh::user_key(e), kBsuid);
  const whatsapp::Message reply = whatsapp::Message::text(wh::reply_recipient(e), "Yes, two left.");
  EXPECT_TRUE(reply.to.empty());
  EXPECT_EQ(reply.recipient, kBsuid);
  EXPECT_TRUE(whatsapp::validate(reply).ok());
}

TEST(WebhookBsuid, AReplyGoesToThePhoneNumberWhenTheWebhookGaveOne) {
  const auto n = load_notification("webhook_text_with_bsuid_v25.json");
  const auto events = wh::events(n);
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(wh::reply_recipient(events[0]), Recipient::phone_number("16035550155"));
  EXPECT_EQ(wh::user_key(events[0]), "US.40217733815590246613");  // the BSUID, not the number
  const auto plain_n = load_notification("webhook_text.json");
  const auto plain = wh::events(plain_n);
  ASSERT_EQ(plain.size(), 1U);
  EXPECT_EQ(wh::reply_recipient(plain[0]), Recipient::phone_number("16035550142"));
  EXPECT_EQ(wh::user_key(plain[0]), "16035550142");  // no BSUID given: the number

  // Only the contact names the sender: its wa_id first, then its BSUID, then the parent.
  wh::Message m;
  wh::Contact c;
  c.user_id = kBsuid;
  c.parent_user_id = kParent;
  EXPECT_EQ(wh::reply_recipient(m, &c), Recipient::user_id(kBsuid));
  c.user_id.reset();
  EXPECT_EQ(wh::reply_recipient(m, &c), Recipient::user_id(kParent));
  c.wa_id = "16035550164";
  EXPECT_EQ(wh::reply_recipient(m, &c), Recipient::phone_number("16035550164"));
  EXPECT_TRUE(wh::reply_recipient(wh::Message{}).empty());
  EXPECT_FALSE(whatsapp::validate(whatsapp::Message::text(wh::reply_recipient(wh::Message{}), "x")).ok());
}

TEST(WebhookBsuid, AStatusOfASendToABsuidHasNoRecipientIdAndKeepsTheUsername) {
  const auto n = load_notification("webhook_status_delivered_bsuid_username.json");
  const auto events = wh::events(n);
  ASSERT_EQ(events.size(), 1U);
  const wh::Event& e = events[0];
  ASSERT_EQ(e.kind, wh::EventKind::kStatus);
  EXPECT_TRUE(e.status->recipient_id.empty());
  EXPECT_EQ(e.status->recipient_user_id, kBsuid);
  EXPECT_EQ(e.status->parent_recipient_user_id, kParent);  // spelled recipient_parent_user_id here
  ASSERT_NE(e.contact, nullptr);
  EXPECT_EQ(e.contact->username, "nadia.bakes");
  EXPECT_FALSE(e.contact->profile_name.has_value());
  EXPECT_EQ(wh::reply_recipient(e), Recipient::user_id(kBsuid));
  EXPECT_EQ(wh::user_key(e), kBsuid);
}

TEST(WebhookBsuid, AFailedStatusWithoutContactsParsesWithItsError) {
  const auto n = load_notification("webhook_status_failed_bsuid_no_contacts.json");
  ASSERT_EQ(n.entries.size(), 1U);
  EXPECT_TRUE(n.entries[0].changes.at(0).contacts.empty());
  const auto events = wh::events(n);
  ASSERT_EQ(events.size(), 1U);
  const wh::Event& e = events[0];
  ASSERT_EQ(e.kind, wh::EventKind::kStatus);
  EXPECT_EQ(e.status->kind(), wh::StatusKind::kFailed);
  EXPECT_EQ(e.contact, nullptr);
  EXPECT_TRUE(e.status->recipient_id.empty());
  ASSERT_EQ(e.status->errors.size(), 1U);
  EXPECT_EQ(e.status->errors[0].code, 131062);
  EXPECT_EQ(e.status->errors[0].category(), whatsapp::ErrorCategory::kUserIdUnsupported);
  EXPECT_EQ(wh::user_key(e), kBsuid);
}

TEST(WebhookBsuid, UserIdUpdateIsTypedAndDispatched) {
  const auto n = load_notification("webhook_user_id_update.json");
  const wh::Change& change = n.entries.at(0).changes.at(0);
  EXPECT_EQ(change.kind(), wh::ChangeField::kUserIdUpdate);
  ASSERT_EQ(change.user_id_updates.size(), 1U);
  const wh::UserIdUpdate& u = change.user_id_updates[0];
  EXPECT_EQ(u.wa_id, "16035550171");
  EXPECT_EQ(u.detail, "User id for Tomas Lindqvist has been updated.");
  EXPECT_EQ(u.previous_user_id, "US.11820394857721039456");
  EXPECT_EQ(u.current_user_id, "US.66031928475510293847");
  EXPECT_EQ(u.previous_parent_user_id, "US.ENT.40592837164028391746");
  EXPECT_EQ(u.current_parent_user_id, "US.ENT.40592837164028391746");
  EXPECT_EQ(u.timestamp.text, "1778050400");

  std::vector<std::string> seen;
  wh::Dispatcher d(std::make_shared<wh::DuplicateFilter>());
  d.on_user_id_update([&](const wh::Event& e, const wh::UserIdUpdate& up) {
    ASSERT_NE(e.contact, nullptr);
    seen.push_back(up.previous_user_id + ">" + up.current_user_id + " " + e.contact->wa_id + " " +
                   wh::user_key(e));
  });
  d.on_unknown([&](const wh::Event& e) { seen.push_back("unknown " + std::string(wh::to_string(e.kind))); });
  const auto report = d.dispatch(n);
  EXPECT_EQ(report.handled, 1U);
  EXPECT_EQ(seen,
            (std::vector<std::string>{
                "US.11820394857721039456>US.66031928475510293847 16035550171 US.66031928475510293847"}));
  EXPECT_EQ(d.dispatch(n).duplicates, 1U);  // the same change delivered again
  EXPECT_EQ(wh::to_string(wh::EventKind::kUserIdUpdate), "user_id_update");
}

TEST(WebhookBsuid, TheUserChangedUserIdSystemMessageCarriesBothIds) {
  const auto n = load_notification("webhook_system_user_changed_user_id.json");
  const auto events = wh::events(n);
  ASSERT_EQ(events.size(), 1U);
  const wh::Message& m = *events[0].message;
  EXPECT_TRUE(m.from.empty());
  ASSERT_TRUE(m.system.has_value());
  EXPECT_EQ(m.system->type, "user_changed_user_id");
  EXPECT_EQ(m.system->user_id, "US.66031928475510293847");
  EXPECT_EQ(m.system->previous_user_id, "US.11820394857721039456");
  EXPECT_EQ(m.system->parent_user_id, "US.ENT.40592837164028391746");
  EXPECT_EQ(m.system->previous_parent_user_id, "US.ENT.40592837164028391746");
  EXPECT_EQ(wh::reply_recipient(events[0]), Recipient::user_id("US.66031928475510293847"));
}

}  // namespace webhook_bsuid_test
