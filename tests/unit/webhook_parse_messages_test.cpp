// webhook::parse() on every incoming-message fixture in tests/data/webhook: the exact values.

#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "webhook_support.hpp"
#include "whatsapp/webhook/parse.hpp"

namespace webhook_parse_messages_test {

using namespace whatsapp::webhook;  // NOLINT(google-build-using-namespace)

using whatsapp_test::load_notification;
using whatsapp_test::webhook_fixture;

// The single message of a one-message fixture, after checking the frame around it.
Message only_message(const std::string& name) {
  Notification n = load_notification(name);
  EXPECT_EQ(n.object, "whatsapp_business_account");
  if (n.entries.size() != 1 || n.entries[0].changes.size() != 1 ||
      n.entries[0].changes[0].messages.size() != 1) {
    ADD_FAILURE() << name << ": expected one entry, one change, one message";
    return Message{};
  }
  const Change& c = n.entries[0].changes[0];
  EXPECT_EQ(c.field, "messages");
  EXPECT_EQ(c.kind(), ChangeField::kMessages);
  EXPECT_TRUE(c.statuses.empty());
  return c.messages[0];
}

TEST(WebhookParseMessages, TextWithFrame) {
  Notification n = load_notification("webhook_text.json");
  ASSERT_EQ(n.entries.size(), 1u);
  const Entry& e = n.entries[0];
  EXPECT_EQ(e.id, "4410293385716620193");
  EXPECT_FALSE(e.time.has_value());
  ASSERT_EQ(e.changes.size(), 1u);
  const Change& c = e.changes[0];
  EXPECT_EQ(c.messaging_product, "whatsapp");
  ASSERT_TRUE(c.metadata);
  EXPECT_EQ(c.metadata->display_phone_number, "16035550100");
  EXPECT_EQ(c.metadata->phone_number_id, "2088114577301");
  EXPECT_EQ(c.phone_number_id(), "2088114577301");
  ASSERT_EQ(c.contacts.size(), 1u);
  EXPECT_EQ(c.contacts[0].wa_id, "16035550142");
  EXPECT_EQ(c.contacts[0].profile_name, "Maria Costa");
  EXPECT_FALSE(c.contacts[0].user_id);
  ASSERT_EQ(c.messages.size(), 1u);
  const Message& m = c.messages[0];
  EXPECT_EQ(m.id, "wamid.SGFyYm9yV0guMDA2");
  EXPECT_EQ(m.from, "16035550142");
  EXPECT_EQ(m.timestamp.text, "1778043223");
  EXPECT_EQ(m.timestamp.seconds(), 1778043223);
  ASSERT_TRUE(m.timestamp.time_point());
  EXPECT_EQ(
      std::chrono::duration_cast<std::chrono::seconds>(m.timestamp.time_point()->time_since_epoch()).count(),
      1778043223);
  EXPECT_EQ(m.type, "text");
  EXPECT_EQ(m.kind(), MessageType::kText);
  ASSERT_TRUE(m.text);
  EXPECT_EQ(m.text->body, "Is the rye ready?");
  EXPECT_FALSE(m.context);
  EXPECT_FALSE(m.forwarded());
  EXPECT_EQ(m.media(), nullptr);
  EXPECT_EQ(c.find_contact(m.from), &c.contacts[0]);
  // raw keeps the message as received.
  EXPECT_EQ(m.raw["text"]["body"], "Is the rye ready?");
  EXPECT_EQ(n.raw["entry"][0]["id"], "4410293385716620193");
}

TEST(WebhookParseMessages, ImageAndImageWithUrl) {
  Message m = only_message("webhook_image.json");
  EXPECT_EQ(m.kind(), MessageType::kImage);
  ASSERT_TRUE(m.image);
  EXPECT_EQ(m.image->id, "78120411");
  EXPECT_EQ(m.image->mime_type, "image/jpeg");
  EXPECT_EQ(m.image->sha256, "SGxiMDc=");
  EXPECT_FALSE(m.image->url);
  EXPECT_FALSE(m.image->caption);
  EXPECT_EQ(m.media(), &*m.image);

  Message u = only_message("webhook_image_with_url.json");
  ASSERT_TRUE(u.image);
  EXPECT_EQ(u.image->url,
            "https://lookaside.example.com/whatsapp_business/attachments/"
            "?mid=78120411&source=webhook&ext=487r9re&hash=heiwchueowbcew-dnedcw");
}

TEST(WebhookParseMessages, VideoDocumentForwarded) {
  Message v = only_message("webhook_video.json");
  EXPECT_EQ(v.kind(), MessageType::kVideo);
  ASSERT_TRUE(v.video);
  EXPECT_EQ(v.video->id, "781204412");
  EXPECT_EQ(v.video->caption, "Our sourdough");
  EXPECT_EQ(v.video->mime_type, "video/mp4");
  EXPECT_TRUE(v.forwarded());
  ASSERT_TRUE(v.context);
  EXPECT_TRUE(v.context->forwarded);
  EXPECT_FALSE(v.context->frequently_forwarded);
  EXPECT_FALSE(v.context->id);

  Message d = only_message("webhook_document.json");
  EXPECT_EQ(d.kind(), MessageType::kDocument);
  ASSERT_TRUE(d.document);
  EXPECT_EQ(d.document->filename, "menu-spring.pdf");
  EXPECT_EQ(d.document->caption, "Our sourdough");
  EXPECT_EQ(d.document->mime_type, "application/pdf");
  EXPECT_EQ(d.document->id, "4410293385716620193");
  EXPECT_EQ(d.timestamp.seconds(), 1778043666);
}

TEST(WebhookParseMessages, AudioAndVoice) {
  Message a = only_message("webhook_audio.json");
  EXPECT_EQ(a.kind(), MessageType::kAudio);
  ASSERT_TRUE(a.audio);
  EXPECT_EQ(a.audio->voice, false);
  EXPECT_EQ(a.audio->mime_type, "audio/ogg; codecs=opus");
  EXPECT_TRUE(a.forwarded());

  Message v = only_message("webhook_voice.json");
  EXPECT_EQ(v.kind(), MessageType::kAudio);
  ASSERT_TRUE(v.audio);
  EXPECT_EQ(v.audio->voice, true);
  EXPECT_EQ(v.audio->sha256, "SGFyYm9yTGFuZSBzdGlja2VyIDA1");
}

TEST(WebhookParseMessages, StickerAndAnimatedSticker) {
  Message s = only_message("webhook_sticker.json");
  EXPECT_EQ(s.kind(), MessageType::kSticker);
  ASSERT_TRUE(s.sticker);
  EXPECT_EQ(s.sticker->animated, false);
  EXPECT_EQ(s.sticker->mime_type, "image/webp");
  Message a = only_message("webhook_sticker_animated.json");
  ASSERT_TRUE(a.sticker);
  EXPECT_EQ(a.sticker->animated, true);
  EXPECT_EQ(a.timestamp.seconds(), 1778043785);
}

TEST(WebhookParseMessages, LocationPinAndCurrent) {
  Message l = only_message("webhook_location.json");
  EXPECT_EQ(l.kind(), MessageType::kLocation);
  ASSERT_TRUE(l.location);
  EXPECT_DOUBLE_EQ(*l.location->latitude, 43.0773421);
  EXPECT_DOUBLE_EQ(*l.location->longitude, -70.7576212);
  EXPECT_EQ(l.location->name, "Harbor Lane Bakery");
  EXPECT_EQ(l.location->address, "12 Harbor Lane, Portsmouth, NH 03801");
  EXPECT_EQ(l.location->url, "https://maps.example.com/?cid=4400000000000000017");

  Message c = only_message("webhook_location_current.json");
  ASSERT_TRUE(c.location);
  EXPECT_DOUBLE_EQ(*c.location->latitude, 43.07102);
  EXPECT_DOUBLE_EQ(*c.location->longitude, -70.76344);
  EXPECT_FALSE(c.location->name);
  EXPECT_FALSE(c.location->address);
}

TEST(WebhookParseMessages, Contacts) {
  Message m = only_message("webhook_contacts.json");
  EXPECT_EQ(m.kind(), MessageType::kContacts);
  ASSERT_EQ(m.contacts.size(), 3u);
  EXPECT_EQ(m.contacts[0].formatted_name, "Ana Silva");
  EXPECT_EQ(m.contacts[0].first_name, "Ana");
  EXPECT_EQ(m.contacts[0].last_name, "Silva");
  ASSERT_EQ(m.contacts[0].phones.size(), 1u);
  EXPECT_EQ(m.contacts[0].phones[0].phone, "+1 603-555-0161");
  EXPECT_EQ(m.contacts[0].phones[0].wa_id, "16035550142");
  EXPECT_EQ(m.contacts[0].phones[0].type, "CELL");
  EXPECT_EQ(m.contacts[1].formatted_name, "Chloe");
  EXPECT_FALSE(m.contacts[1].last_name);
  EXPECT_EQ(m.contacts[1].phones[0].type, "HOME");
  EXPECT_EQ(m.contacts[2].phones[0].phone, "+1 603-555-0163");
}

TEST(WebhookParseMessages, ContactCardsKeepEveryDocumentedPart) {
  Message m = only_message("webhook_contacts.json");
  ASSERT_FALSE(m.contacts.empty());
  const auto& card = m.contacts[0];
  EXPECT_EQ(card.middle_name, "Maria");
  EXPECT_EQ(card.prefix, "Dr.");
  EXPECT_EQ(card.suffix, "Jr.");
  ASSERT_EQ(card.addresses.size(), 1u);
  EXPECT_EQ(card.addresses[0].street, "12 Harbour Road");
  EXPECT_EQ(card.addresses[0].city, "Portsmouth");
  EXPECT_EQ(card.addresses[0].state, "NH");
  EXPECT_EQ(card.addresses[0].zip, "03801");
  EXPECT_EQ(card.addresses[0].country, "United States");
  EXPECT_EQ(card.addresses[0].country_code, "US");
  EXPECT_EQ(card.addresses[0].type, "WORK");
  ASSERT_EQ(card.emails.size(), 1u);
  EXPECT_EQ(card.emails[0].email, "ana@bakery.example");
  EXPECT_EQ(card.emails[0].type, "WORK");
  ASSERT_EQ(card.urls.size(), 1u);
  EXPECT_EQ(card.urls[0].url, "https://bakery.example");
  ASSERT_TRUE(card.org);
  EXPECT_EQ(card.org->company, "Harbour Bakery");
  EXPECT_EQ(card.org->department, "Orders");
  EXPECT_EQ(card.org->title, "Manager");
  EXPECT_EQ(card.org->raw.get().at("company"), "Harbour Bakery");
  EXPECT_EQ(card.birthday, "1988-04-12");
  // A card without those parts has them empty, not made up.
  EXPECT_TRUE(m.contacts[1].addresses.empty());
  EXPECT_FALSE(m.contacts[1].org);
  EXPECT_FALSE(m.contacts[1].birthday);
}

TEST(WebhookParseMessages, InteractiveButtonAndListReplies) {
  Message b = only_message("webhook_interactive_button_reply.json");
  EXPECT_EQ(b.kind(), MessageType::kInteractive);
  ASSERT_TRUE(b.interactive);
  EXPECT_EQ(b.interactive->kind(), InteractiveType::kButtonReply);
  ASSERT_TRUE(b.interactive->button_reply);
  EXPECT_EQ(b.interactive->button_reply->id, "slice-yes");
  EXPECT_EQ(b.interactive->button_reply->title, "Rye loaf");
  ASSERT_TRUE(b.context);
  EXPECT_EQ(b.context->from, "2088114577301");
  EXPECT_EQ(b.context->id, "wamid.SGFyYm9yV0guMDA2");

  Message l = only_message("webhook_interactive_list_reply.json");
  ASSERT_TRUE(l.interactive);
  EXPECT_EQ(l.interactive->kind(), InteractiveType::kListReply);
  ASSERT_TRUE(l.interactive->list_reply);
  EXPECT_EQ(l.interactive->list_reply->id, "slice-yes");
  EXPECT_FALSE(l.interactive->list_reply->description);
  EXPECT_EQ(l.id, "wamid.SGFyYm9yV0guMDA4");

  Message d = only_message("webhook_interactive_list_reply_with_description.json");
  ASSERT_TRUE(d.interactive && d.interactive->list_reply);
  EXPECT_EQ(d.interactive->list_reply->description, "Dark rye, 800 g");
}

TEST(WebhookParseMessages, FlowReplies) {
  Message f = only_message("webhook_interactive_nfm_reply.json");
  ASSERT_TRUE(f.interactive);
  EXPECT_EQ(f.interactive->type, "nfm_reply");
  EXPECT_EQ(f.interactive->kind(), InteractiveType::kFlowReply);
  ASSERT_TRUE(f.interactive->nfm_reply);
  const FlowReply& r = *f.interactive->nfm_reply;
  EXPECT_EQ(r.name, "flow");
  EXPECT_EQ(r.body, "Delivered to the shop");
  EXPECT_EQ(r.response_json.substr(0, 31), "{\"comment_text\":\"Lovely rye, a ");
  ASSERT_TRUE(r.response.is_object());
  EXPECT_EQ(r.response["delivery_rating"], "4");
  EXPECT_EQ(r.flow_token(), "flowtok-5e1a-0042");

  Message n = only_message("webhook_interactive_nfm_reply_no_flow_token.json");
  ASSERT_TRUE(n.interactive && n.interactive->nfm_reply);
  EXPECT_FALSE(n.interactive->nfm_reply->flow_token());
  EXPECT_EQ(n.interactive->nfm_reply->response["cs_rating"], "0");
}

TEST(WebhookParseMessages, InteractiveWithoutBodyCarriesChangeErrors) {
  Notification n = load_notification("webhook_interactive_missing_body.json");
  const Change& c = n.entries.at(0).changes.at(0);
  ASSERT_EQ(c.messages.size(), 1u);
  EXPECT_EQ(c.messages[0].kind(), MessageType::kInteractive);
  EXPECT_FALSE(c.messages[0].interactive);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].code, 131000);
  EXPECT_EQ(c.errors[0].title, "Something went wrong");
  EXPECT_EQ(c.errors[0].details, "Unsupported webhook payload");
  EXPECT_EQ(c.errors[0].category(), whatsapp::ErrorCategory::kServer);
}

TEST(WebhookParseMessages, TemplateQuickReplyButton) {
  Message m = only_message("webhook_button_template_quick_reply.json");
  EXPECT_EQ(m.kind(), MessageType::kButton);
  ASSERT_TRUE(m.button);
  EXPECT_EQ(m.button->payload, "slice-yes");
  EXPECT_EQ(m.button->text, "Rye loaf");
  ASSERT_TRUE(m.context);
  EXPECT_EQ(m.context->id, "wamid.SGFyYm9yV0guMDA5");
  EXPECT_EQ(m.context->from, "16035550100");
}

TEST(WebhookParseMessages, ReactionAndItsRemoval) {
  Message r = only_message("webhook_reaction.json");
  EXPECT_EQ(r.kind(), MessageType::kReaction);
  ASSERT_TRUE(r.reaction);
  EXPECT_EQ(r.reaction->message_id, "wamid.SGFyYm9yV0guMDA3");
  EXPECT_EQ(r.reaction->emoji, "\xF0\x9F\x98\xAE");  // U+1F62E
  EXPECT_FALSE(r.reaction->removed());

  Message e = only_message("webhook_reaction_removed_empty.json");
  ASSERT_TRUE(e.reaction);
  EXPECT_EQ(e.reaction->emoji, "");
  EXPECT_TRUE(e.reaction->removed());

  Message n = only_message("webhook_reaction_removed_no_emoji.json");
  ASSERT_TRUE(n.reaction);
  EXPECT_FALSE(n.reaction->emoji);
  EXPECT_TRUE(n.reaction->removed());
}

TEST(WebhookParseMessages, Order) {
  Message m = only_message("webhook_order.json");
  EXPECT_EQ(m.kind(), MessageType::kOrder);
  ASSERT_TRUE(m.order);
  EXPECT_EQ(m.order->catalog_id, "512093377184028");
  EXPECT_EQ(m.order->text, "");
  ASSERT_EQ(m.order->product_items.size(), 3u);
  EXPECT_EQ(m.order->product_items[0].product_retailer_id, "CROISSANT");
  EXPECT_EQ(m.order->product_items[0].quantity, 3);
  EXPECT_DOUBLE_EQ(*m.order->product_items[0].item_price, 30.0);
  EXPECT_EQ(m.order->product_items[0].currency, "USD");
  EXPECT_EQ(m.order->product_items[2].product_retailer_id, "COFFEE");
  EXPECT_DOUBLE_EQ(*m.order->product_items[2].item_price, 10.0);
}

TEST(WebhookParseMessages, ReferralFromAnAdOnAText) {
  Message m = only_message("webhook_referral.json");
  EXPECT_EQ(m.kind(), MessageType::kText);
  ASSERT_TRUE(m.text);
  EXPECT_EQ(m.text->body, "Ask us about the sale");
  ASSERT_TRUE(m.referral);
  EXPECT_EQ(m.referral->source_url, "https://example.com/ads/42");
  EXPECT_EQ(m.referral->source_id, "120210000000042");
  EXPECT_EQ(m.referral->source_type, "ad or post");
  EXPECT_EQ(m.referral->headline, "Weekend bake sale");
  EXPECT_EQ(m.referral->body, "Fresh bread every morning");
  EXPECT_EQ(m.referral->media_type, "image or video");
  EXPECT_EQ(m.referral->image_url, "https://media.example.com/ads/42.jpg");
  EXPECT_EQ(m.referral->video_url, "https://media.example.com/ads/42.mp4");
  EXPECT_EQ(m.referral->thumbnail_url, "https://media.example.com/ads/42-thumb.jpg");
  EXPECT_EQ(m.referral->ctwa_clid, "ctwa-7f3a9c");
  EXPECT_EQ(m.referral->welcome_message_text, "Hi! Ask us about this weekend's bake sale.");
}

TEST(WebhookParseMessages, SystemMessages) {
  Notification n = load_notification("webhook_system_customer_changed_number.json");
  const Change& c = n.entries.at(0).changes.at(0);
  EXPECT_TRUE(c.contacts.empty());
  ASSERT_EQ(c.messages.size(), 1u);
  const Message& m = c.messages[0];
  EXPECT_EQ(m.kind(), MessageType::kSystem);
  ASSERT_TRUE(m.system);
  EXPECT_EQ(m.system->type, "user_changed_number");
  EXPECT_EQ(m.system->body, "Jordan Lee changed from 16035550142 to 16035550143");
  EXPECT_EQ(m.system->wa_id, "16035550143");
  EXPECT_EQ(m.timestamp.seconds(), 1834851315);

  Message i = only_message("webhook_system_customer_identity_changed.json");
  ASSERT_TRUE(i.system);
  EXPECT_EQ(i.system->type, "customer_identity_changed");
  EXPECT_EQ(i.system->body, "User identity changed");
  ASSERT_TRUE(i.identity);
  EXPECT_EQ(i.identity->acknowledged, true);
  EXPECT_EQ(i.identity->created_timestamp.seconds(), 1778044706);
  EXPECT_EQ(i.identity->hash, "h4rb0r");
}

TEST(WebhookParseMessages, ForwardedAndFrequentlyForwarded) {
  Message f = only_message("webhook_text_forwarded.json");
  ASSERT_TRUE(f.context);
  EXPECT_TRUE(f.context->forwarded);
  EXPECT_FALSE(f.context->frequently_forwarded);
  EXPECT_EQ(f.text->body, "Opening hours: 7 to 3");
  Message ff = only_message("webhook_text_frequently_forwarded.json");
  ASSERT_TRUE(ff.context);
  EXPECT_FALSE(ff.context->forwarded);
  EXPECT_TRUE(ff.context->frequently_forwarded);
  EXPECT_TRUE(ff.forwarded());
}

TEST(WebhookParseMessages, ReplyContext) {
  Message m = only_message("webhook_text_reply_context.json");
  ASSERT_TRUE(m.context);
  EXPECT_EQ(m.context->from, "16035550100");
  EXPECT_EQ(m.context->id, "wamid.SGFyYm9yV0guMDA5");
  EXPECT_FALSE(m.forwarded());
  EXPECT_EQ(m.text->body, "Yes, from 9");
}

TEST(WebhookParseMessages, UnsupportedWithErrors) {
  Message u = only_message("webhook_unsupported.json");
  EXPECT_EQ(u.kind(), MessageType::kUnsupported);
  EXPECT_FALSE(u.unsupported_type);
  ASSERT_EQ(u.errors.size(), 1u);
  EXPECT_EQ(u.errors[0].code, 131051);
  EXPECT_EQ(u.errors[0].title, "Message type unknown");
  EXPECT_EQ(u.errors[0].message, "Message type unknown");
  EXPECT_EQ(u.errors[0].details, "Message type is currently not supported.");
  EXPECT_TRUE(u.errors[0].href.empty());

  Message t = only_message("webhook_unsupported_with_type.json");
  EXPECT_EQ(t.unsupported_type, "pool");
  ASSERT_EQ(t.errors.size(), 1u);
  auto g = t.errors[0].to_graph_error();
  EXPECT_EQ(g.code, 131051);
  EXPECT_EQ(g.details, "Message type is currently not supported.");
}

// The older shape of Meta's "unknown message" example: type "unknown", and the error's details
// beside its code and title instead of under error_data.
TEST(WebhookParseMessages, OlderUnknownTypeIsUnsupportedWithItsDetails) {
  Message u = only_message("webhook_unknown_older_errors.json");
  EXPECT_EQ(u.type, "unknown");
  EXPECT_EQ(u.kind(), MessageType::kUnsupported);
  ASSERT_EQ(u.errors.size(), 1u);
  EXPECT_EQ(u.errors[0].title, "Unsupported type");
  EXPECT_TRUE(u.errors[0].message.empty());
  EXPECT_EQ(u.errors[0].details, "This message type is not supported yet.");
  auto g = u.errors[0].to_graph_error();
  EXPECT_EQ(g.message, "Unsupported type");
  EXPECT_EQ(g.details, "This message type is not supported yet.");
}

// Meta's identity-change example gives created_timestamp in milliseconds (a number) beside a
// message timestamp in seconds; both read as the same kind of instant.
TEST(WebhookParseMessages, IdentityCreatedInMillisecondsReadsAsSeconds) {
  Message i = only_message("webhook_system_identity_changed_milliseconds.json");
  ASSERT_TRUE(i.identity);
  EXPECT_EQ(i.identity->created_timestamp.text, "1778045309000");
  EXPECT_EQ(i.identity->created_timestamp.seconds(), 1778045309);
  ASSERT_TRUE(i.identity->created_timestamp.time_point());
  EXPECT_EQ(*i.identity->created_timestamp.time_point(),
            std::chrono::system_clock::time_point(std::chrono::seconds(1778045309)));
  EXPECT_EQ(i.timestamp.seconds(), 1778045310);
}

TEST(WebhookParseMessages, ChatOpenedIsRequestWelcome) {
  Message m = only_message("webhook_chat_opened_chat_opened.json");
  EXPECT_EQ(m.type, "request_welcome");
  EXPECT_EQ(m.kind(), MessageType::kRequestWelcome);
  EXPECT_FALSE(m.text);
}

TEST(WebhookParseMessages, BusinessScopedUserIds) {
  Notification n = load_notification("webhook_text_with_user_id_bsuid.json");
  const Change& c = n.entries.at(0).changes.at(0);
  ASSERT_EQ(c.contacts.size(), 1u);
  EXPECT_EQ(c.contacts[0].user_id, "US.40217733815590246613");
  EXPECT_EQ(c.contacts[0].parent_user_id, "US.ENT.55012938471102938475");
  EXPECT_EQ(c.find_contact("US.40217733815590246613"), &c.contacts[0]);

  Notification v = load_notification("webhook_text_with_bsuid_v25.json");
  ASSERT_EQ(v.entries.size(), 1u);
  EXPECT_EQ(v.entries[0].id, "1");
  const Change& c25 = v.entries[0].changes.at(0);
  EXPECT_EQ(c25.phone_number_id(), "603555010");
  ASSERT_EQ(c25.messages.size(), 1u);
  const Message& m = c25.messages[0];
  EXPECT_EQ(m.id, "HLBmsg0042x");
  EXPECT_EQ(m.from, "16035550155");
  EXPECT_EQ(m.from_user_id, "US.40217733815590246613");
  EXPECT_EQ(m.from_parent_user_id, "US.ENT.730194425881036");
  EXPECT_EQ(m.text->body, "Two croissants, please");
  EXPECT_EQ(c25.contacts.at(0).profile_name, "Sam Rivera");
}

}  // namespace webhook_parse_messages_test
