// webhook::parse() on status, template, preference and raw-value fixtures, and on bad input.

#include <string>

#include <gtest/gtest.h>

#include "webhook_support.hpp"
#include "whatsapp/webhook/parse.hpp"

namespace webhook_parse_updates_test {

using namespace whatsapp::webhook;  // NOLINT(google-build-using-namespace)

using whatsapp_test::load_notification;
using whatsapp_test::webhook_fixture;

Status only_status(const std::string& name) {
  Notification n = load_notification(name);
  if (n.entries.size() != 1 || n.entries[0].changes.size() != 1 ||
      n.entries[0].changes[0].statuses.size() != 1) {
    ADD_FAILURE() << name << ": expected one status";
    return Status{};
  }
  EXPECT_TRUE(n.entries[0].changes[0].messages.empty());
  return n.entries[0].changes[0].statuses[0];
}

Change only_change(const std::string& name) {
  Notification n = load_notification(name);
  if (n.entries.size() != 1 || n.entries[0].changes.size() != 1) {
    ADD_FAILURE() << name << ": expected one change";
    return Change{};
  }
  return n.entries[0].changes[0];
}

TEST(WebhookParseStatuses, SentWithConversationAndCbpPricing) {
  Notification n = load_notification("webhook_status_sent.json");
  EXPECT_EQ(n.entries.at(0).id, "781204456390240");
  EXPECT_EQ(n.entries[0].changes.at(0).phone_number_id(), "2088114577301");
  Status s = only_status("webhook_status_sent.json");
  EXPECT_EQ(s.id, "wamid.SGFyYm9yV0guMDA2");
  EXPECT_EQ(s.status, "sent");
  EXPECT_EQ(s.kind(), StatusKind::kSent);
  EXPECT_EQ(s.timestamp.seconds(), 1779266945);
  EXPECT_EQ(s.recipient_id, "16035550142");
  EXPECT_FALSE(s.biz_opaque_callback_data);
  ASSERT_TRUE(s.conversation);
  EXPECT_EQ(s.conversation->id, "c0ffee12ab34cd56ef7890a1b2c3d4");
  ASSERT_TRUE(s.conversation->expiration_timestamp);
  EXPECT_EQ(s.conversation->expiration_timestamp->seconds(), 1779339900);
  EXPECT_EQ(s.conversation->origin_type, "service");
  ASSERT_TRUE(s.pricing);
  EXPECT_EQ(s.pricing->billable, true);
  EXPECT_EQ(s.pricing->pricing_model, "CBP");
  EXPECT_EQ(s.pricing->model(), PricingModel::kConversationBased);
  EXPECT_EQ(s.pricing->category, "service");
  EXPECT_FALSE(s.pricing->type);
  EXPECT_TRUE(s.errors.empty());
}

TEST(WebhookParseStatuses, DeliveredReadPlayed) {
  Status d = only_status("webhook_status_delivered.json");
  EXPECT_EQ(d.kind(), StatusKind::kDelivered);
  ASSERT_TRUE(d.conversation);
  EXPECT_FALSE(d.conversation->expiration_timestamp);
  Status r = only_status("webhook_status_read.json");
  EXPECT_EQ(r.kind(), StatusKind::kRead);
  EXPECT_EQ(r.timestamp.seconds(), 1770380458);
  Status p = only_status("webhook_status_played.json");
  EXPECT_EQ(p.status, "played");
  EXPECT_EQ(p.kind(), StatusKind::kPlayed);
  EXPECT_EQ(p.pricing->category, "service");
}

TEST(WebhookParseStatuses, FailedWithErrors) {
  Status f = only_status("webhook_status_failed.json");
  EXPECT_EQ(f.kind(), StatusKind::kFailed);
  EXPECT_FALSE(f.conversation);
  EXPECT_FALSE(f.pricing);
  ASSERT_EQ(f.errors.size(), 1u);
  const ErrorObject& e = f.errors[0];
  EXPECT_EQ(e.code, 130472);
  EXPECT_EQ(e.title, "User's number is part of an experiment");
  EXPECT_EQ(e.message, "User's number is part of an experiment");
  EXPECT_EQ(e.details, "Failed to send message because this user's phone number is part of an experiment");
  EXPECT_EQ(e.href, "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/");
  EXPECT_EQ(e.category(), whatsapp::ErrorCategory::kRecipient);
}

TEST(WebhookParseStatuses, BareValueFromARelay) {
  // Some relays (n8n) forward only change.value with "field" merged in; parse_change reads it.
  const std::string bare = R"({"messaging_product":"whatsapp",
    "metadata":{"display_phone_number":"15550001234","phone_number_id":"900000000000001"},
    "statuses":[{"id":"wamid.BARE1","status":"failed","timestamp":"1844399138",
      "recipient_id":"15550009999","errors":[{"code":131031,"title":"Business Account locked",
      "message":"Business Account locked","error_data":{"details":"Business account has been locked."},
      "href":"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}]}],
    "field":"messages"})";
  auto v = nlohmann::json::parse(bare);
  auto c = parse_change(v, v["field"].get<std::string>());
  ASSERT_TRUE(c.ok()) << c.error().message();
  EXPECT_EQ(c->kind(), ChangeField::kMessages);
  EXPECT_EQ(c->phone_number_id(), "900000000000001");
  ASSERT_EQ(c->statuses.size(), 1u);
  const Status& s = c->statuses[0];
  EXPECT_EQ(s.id, "wamid.BARE1");
  EXPECT_EQ(s.recipient_id, "15550009999");
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].code, 131031);
  EXPECT_EQ(s.errors[0].title, "Business Account locked");
  EXPECT_EQ(s.errors[0].details, "Business account has been locked.");
  EXPECT_EQ(s.errors[0].category(), whatsapp::ErrorCategory::kIntegrity);

  // Through parse() the same bytes are a JSON object without entries: no events, no failure.
  auto n = parse(bare);
  ASSERT_TRUE(n.ok());
  EXPECT_TRUE(n->entries.empty());
  EXPECT_EQ(n->raw["statuses"][0]["status"], "failed");

  EXPECT_FALSE(parse_change(nlohmann::json::array(), "messages").ok());
}

TEST(WebhookParseStatuses, TheParentRecipientIdIsReadInBothSpellings) {
  // Sources spell the parent BSUID of a status's recipient both ways; either one is read.
  for (const char* key : {"parent_recipient_user_id", "recipient_parent_user_id"}) {
    SCOPED_TRACE(key);
    nlohmann::json v = nlohmann::json::parse(R"({"messaging_product":"whatsapp",
      "metadata":{"display_phone_number":"15550001111","phone_number_id":"900000000000001"},
      "statuses":[{"id":"wamid.PARENT1","status":"sent","timestamp":"1844399138",
        "recipient_user_id":"US.88120345566771230041"}]})");
    v["statuses"][0][key] = "US.ENT.55501239876543210";
    auto c = parse_change(v, "messages");
    ASSERT_TRUE(c.ok()) << c.error().message();
    ASSERT_EQ(c->statuses.size(), 1u);
    EXPECT_EQ(c->statuses[0].recipient_user_id, "US.88120345566771230041");
    EXPECT_EQ(c->statuses[0].parent_recipient_user_id, "US.ENT.55501239876543210");
  }
}

TEST(WebhookParseStatuses, BizOpaqueCallbackData) {
  Status s = only_status("webhook_status_sent_biz_opaque_callback_data.json");
  EXPECT_EQ(s.biz_opaque_callback_data, "order-1187");
}

TEST(WebhookParseStatuses, PerMessagePricingAndBsuid) {
  Change c = only_change("webhook_status_sent_pmp_with_bsuid.json");
  EXPECT_EQ(c.phone_number_id(), "603555010");
  ASSERT_EQ(c.statuses.size(), 1u);
  const Status& s = c.statuses[0];
  EXPECT_EQ(s.id, "HLBmsg0042x");
  EXPECT_EQ(s.recipient_id, "16035550155");
  EXPECT_EQ(s.parent_recipient_user_id, "US.ENT.730194425881036");
  EXPECT_FALSE(s.recipient_user_id);
  ASSERT_TRUE(s.pricing);
  EXPECT_EQ(s.pricing->model(), PricingModel::kPerMessage);
  EXPECT_EQ(s.pricing->type, "regular");
  EXPECT_EQ(s.pricing->category, "marketing");
  EXPECT_EQ(s.pricing->billable, true);
  EXPECT_EQ(s.conversation->origin_type, "marketing");
  EXPECT_EQ(s.conversation->expiration_timestamp->seconds(), 1585903988);
  ASSERT_EQ(c.contacts.size(), 1u);
  EXPECT_EQ(c.contacts[0].user_id, "US.40217733815590246613");
  EXPECT_EQ(c.find_contact(s.recipient_id), &c.contacts[0]);

  Change b = only_change("webhook_status_sent_with_user_id_bsuid.json");
  ASSERT_EQ(b.contacts.size(), 1u);
  EXPECT_EQ(b.contacts[0].parent_user_id, "US.ENT.55012938471102938475");
  EXPECT_EQ(b.statuses.at(0).kind(), StatusKind::kSent);
}

TEST(WebhookParseTemplates, StatusUpdates) {
  Notification n = load_notification("webhook_template_status_update_approved.json");
  ASSERT_TRUE(n.entries.at(0).time);
  EXPECT_EQ(n.entries[0].time->seconds(), 1832247548);
  Change a = only_change("webhook_template_status_update_approved.json");
  EXPECT_EQ(a.kind(), ChangeField::kTemplateStatusUpdate);
  EXPECT_FALSE(a.metadata);
  ASSERT_TRUE(a.template_status);
  EXPECT_EQ(a.template_status->event, "APPROVED");
  EXPECT_EQ(a.template_status->template_ref.id, "902215573300418");
  EXPECT_EQ(a.template_status->template_ref.name, "order_ready");
  EXPECT_EQ(a.template_status->template_ref.language, "en-US");
  EXPECT_EQ(a.template_status->reason, "NONE");
  EXPECT_EQ(a.template_status->category, "UTILITY");
  EXPECT_FALSE(a.template_status->rejection_reason);

  Change r = only_change("webhook_template_status_update_rejected.json");
  ASSERT_TRUE(r.template_status);
  EXPECT_EQ(r.template_status->event, "REJECTED");
  EXPECT_EQ(r.template_status->reason, "INVALID_FORMAT");
  EXPECT_EQ(r.template_status->rejection_reason,
            "Two parameters sit side by side ({{1}}{{2}}) with nothing between them.");
  EXPECT_EQ(r.template_status->rejection_recommendation,
            "Put words between the parameters so that each one reads in context.");
}

TEST(WebhookParseTemplates, QualityCategoryComponents) {
  Change q = only_change("webhook_template_quality_update_yellow.json");
  EXPECT_EQ(q.kind(), ChangeField::kTemplateQualityUpdate);
  ASSERT_TRUE(q.template_quality);
  EXPECT_EQ(q.template_quality->previous_quality_score, "GREEN");
  EXPECT_EQ(q.template_quality->new_quality_score, "YELLOW");
  EXPECT_EQ(q.template_quality->template_ref.id, "902215573300422");
  EXPECT_EQ(q.template_quality->template_ref.name, "welcome_back");

  Change c = only_change("webhook_template_category_update_marketing.json");
  EXPECT_EQ(c.kind(), ChangeField::kTemplateCategoryUpdate);
  ASSERT_TRUE(c.template_category);
  EXPECT_EQ(c.template_category->new_category, "MARKETING");
  EXPECT_EQ(c.template_category->template_ref.id, "90221557");
  EXPECT_EQ(c.template_category->template_ref.language, "pt_BR");
  EXPECT_FALSE(c.template_category->previous_category);

  // This fixture also has an unrelated top-level "all" member (another copy of an envelope);
  // it is ignored for typing and kept in raw.
  Notification n = load_notification("webhook_template_components_update_element.json");
  EXPECT_TRUE(n.raw.contains("all"));
  Change u = only_change("webhook_template_components_update_element.json");
  EXPECT_EQ(u.kind(), ChangeField::kTemplateComponentsUpdate);
  ASSERT_TRUE(u.template_components);
  EXPECT_EQ(u.template_components->template_ref.name, "weekend_bake_sale");
  EXPECT_EQ(u.template_components->element, "Hello {{1}}, welcome back to Harbor Lane!");
  EXPECT_TRUE(u.template_components->buttons.empty());

  // The richer copy under "all", read through parse_change.
  const auto& inner = n.raw["all"]["entry"][0]["changes"][0];
  auto full = parse_change(inner["value"], inner["field"].get<std::string>());
  ASSERT_TRUE(full.ok());
  ASSERT_TRUE(full->template_components);
  const auto& t = *full->template_components;
  EXPECT_EQ(t.template_ref.id, "9022155733004211");
  EXPECT_EQ(t.title, "Your order is in the oven!");
  EXPECT_EQ(t.footer, "Harbor Lane Bakery: bread since 2009");
  ASSERT_EQ(t.buttons.size(), 2u);
  EXPECT_EQ(t.buttons[0].type, "PHONE_NUMBER");
  EXPECT_EQ(t.buttons[0].text, "Call us");
  EXPECT_EQ(t.buttons[0].phone_number, "+16035550199");
  EXPECT_EQ(t.buttons[1].type, "URL");
  EXPECT_EQ(t.buttons[1].url, "https://harborlane.example.com/support");
}

TEST(WebhookParseUpdates, UserMarketingPreferences) {
  Change c = only_change("webhook_user_marketing_preferences_resume.json");
  EXPECT_EQ(c.kind(), ChangeField::kUserPreferences);
  EXPECT_EQ(c.phone_number_id(), "2088114577302");
  ASSERT_EQ(c.user_preferences.size(), 1u);
  const UserPreference& p = c.user_preferences[0];
  EXPECT_EQ(p.wa_id, "16035550177");
  EXPECT_EQ(p.detail, "The user asked for offers again");
  EXPECT_EQ(p.category, "marketing_messages");
  EXPECT_EQ(p.value, "resume");
  EXPECT_EQ(p.timestamp.text, "1812705721");  // a JSON number here, kept as text
  EXPECT_EQ(p.timestamp.seconds(), 1812705721);
  ASSERT_EQ(c.contacts.size(), 1u);
  EXPECT_FALSE(c.contacts[0].profile_name);
}

TEST(WebhookParseUpdates, AccountUpdateAndUnknownFieldsStayRaw) {
  auto r = parse(R"({"object":"whatsapp_business_account","entry":[{"id":"9","time":1781000000,
    "changes":[{"field":"account_update","value":{"phone_number":"15550001111",
      "event":"ACCOUNT_VIOLATION","violation_info":{"violation_type":"SCAM"}}},
     {"field":"security","value":{"event":"PIN_CHANGED","display_phone_number":"1555"}},
     {"field":"calls","value":[1,2]}]}]})");
  ASSERT_TRUE(r.ok()) << r.error().message();
  const auto& ch = r->entries.at(0).changes;
  ASSERT_EQ(ch.size(), 3u);
  ASSERT_TRUE(ch[0].account_update);
  EXPECT_EQ(ch[0].account_update->event, "ACCOUNT_VIOLATION");
  EXPECT_EQ(ch[0].account_update->phone_number, "15550001111");
  EXPECT_EQ(ch[0].account_update->raw["violation_info"]["violation_type"], "SCAM");
  EXPECT_EQ(ch[1].kind(), ChangeField::kUnknown);
  EXPECT_EQ(ch[1].field, "security");
  EXPECT_EQ(ch[1].value["event"], "PIN_CHANGED");
  EXPECT_EQ(ch[2].value, nlohmann::json::array({1, 2}));
}

TEST(WebhookParseRobustness, UnknownKindsAndValuesAreKept) {
  auto r = parse(R"({"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{
    "field":"messages","value":{"metadata":{"phone_number_id":"P"},
    "messages":[{"id":"m1","from":"1","timestamp":"5","type":"hologram","hologram":{"x":1},
                 "interactive":{"type":"call_permission_reply"}}],
    "statuses":[{"id":"s1","status":"teleported","timestamp":"6","recipient_id":"2",
                 "pricing":{"pricing_model":"XYZ"}}]}}]}]})");
  ASSERT_TRUE(r.ok());
  const auto& c = r->entries[0].changes[0];
  EXPECT_EQ(c.messages.at(0).type, "hologram");
  EXPECT_EQ(c.messages[0].kind(), MessageType::kUnknown);
  EXPECT_EQ(c.messages[0].raw["hologram"]["x"], 1);
  EXPECT_EQ(c.messages[0].interactive->kind(), InteractiveType::kUnknown);
  EXPECT_EQ(c.statuses.at(0).status, "teleported");
  EXPECT_EQ(c.statuses[0].kind(), StatusKind::kUnknown);
  EXPECT_EQ(c.statuses[0].pricing->model(), PricingModel::kUnknown);
}

TEST(WebhookParseRobustness, WrongTypesDoNotThrow) {
  auto r = parse(R"({"object":7,"entry":[{"id":12,"time":"x","changes":[{"field":"messages",
    "value":{"metadata":[],"contacts":{"a":1},"messages":[{"id":5,"timestamp":1778043223,
     "type":"text","text":"not an object","context":{"forwarded":"true"},
     "location":{"latitude":"1.5","longitude":null},"errors":[{"code":"131051"}]},
     42, null],"statuses":"nope"}}, 3, {"value":null}]}, "x"]})");
  ASSERT_TRUE(r.ok()) << r.error().message();
  EXPECT_EQ(r->object, "7");
  ASSERT_EQ(r->entries.size(), 2u);
  EXPECT_EQ(r->entries[0].id, "12");
  EXPECT_FALSE(r->entries[0].time->seconds());
  const auto& c = r->entries[0].changes.at(0);
  EXPECT_FALSE(c.metadata);
  EXPECT_TRUE(c.contacts.empty());
  EXPECT_TRUE(c.statuses.empty());
  ASSERT_EQ(c.messages.size(), 3u);
  const Message& m = c.messages[0];
  EXPECT_EQ(m.id, "5");
  EXPECT_EQ(m.timestamp.seconds(), 1778043223);
  EXPECT_FALSE(m.text);
  EXPECT_TRUE(m.context->forwarded);
  EXPECT_DOUBLE_EQ(*m.location->latitude, 1.5);
  EXPECT_FALSE(m.location->longitude);
  EXPECT_EQ(m.errors.at(0).code, 131051);
  EXPECT_TRUE(c.messages[1].id.empty());
  EXPECT_EQ(r->entries[0].changes.size(), 3u);
  EXPECT_TRUE(r->entries[0].changes[1].field.empty());
  EXPECT_TRUE(r->entries[1].changes.empty());
}

TEST(WebhookParseRobustness, MalformedJsonIsAParseErrorSayingWhere) {
  auto r = parse(R"({"object": "whatsapp_business_account", "entry": [)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), whatsapp::ErrorKind::kParse);
  EXPECT_NE(r.error().message().find("not valid JSON"), std::string::npos) << r.error().message();
  EXPECT_EQ(r.error().message(),
            "webhook body is not valid JSON: parse error at line 1, column 51: syntax error while "
            "parsing value - unexpected end of input; expected '[', '{', or a literal");

  // nlohmann quotes the bytes it last read ("; last read: '...'"): none of the body is kept, so
  // the server's 400 and its log line hold no body content (bytes that are not even UTF-8 here).
  auto bytes = parse("{\"object\": tr\xff\xfe<script>}");
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.error().message(),
            "webhook body is not valid JSON: parse error at line 1, column 14: syntax error while "
            "parsing value - invalid literal");

  auto empty = parse("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().message(), "webhook body is empty");

  auto arr = parse("[1,2]");
  ASSERT_FALSE(arr.ok());
  EXPECT_EQ(arr.error().message(), "webhook body is a JSON array, expected an object");

  auto bad_utf8 = parse("{\"a\":\"\xff\"}");
  ASSERT_FALSE(bad_utf8.ok());
  EXPECT_EQ(bad_utf8.error().kind(), whatsapp::ErrorKind::kParse);
}

TEST(WebhookParseRobustness, SizeAndDepthLimits) {
  std::string body = webhook_fixture("webhook_text.json");
  auto r = parse(body, ParseOptions{100});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), whatsapp::ErrorKind::kParse);
  EXPECT_EQ(r.error().message(),
            "webhook body too large: " + std::to_string(body.size()) + " bytes, limit 100");
  EXPECT_TRUE(parse(body, ParseOptions{body.size()}).ok());

  std::string deep = "{\"a\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  auto d = parse(deep);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().message(), "webhook body nested deeper than 64 levels");
  // Brackets inside strings do not count.
  EXPECT_TRUE(parse("{\"a\":\"" + std::string(1000, '[') + "\\\"\"}").ok());
}

TEST(WebhookParseRobustness, TimestampAccessors) {
  EXPECT_FALSE(Timestamp{""}.seconds());
  EXPECT_FALSE(Timestamp{"12a"}.seconds());
  EXPECT_FALSE(Timestamp{" 12"}.seconds());
  EXPECT_FALSE(Timestamp{"99999999999999999999"}.seconds());
  EXPECT_EQ(Timestamp{"-5"}.seconds(), -5);
  EXPECT_FALSE(Timestamp{"9223372036854775807"}.time_point());
  EXPECT_TRUE(Timestamp{"9223372036854775807"}.seconds());
  // Up to 11 digits are seconds; from 10^11 on, milliseconds.
  EXPECT_EQ(Timestamp{"99999999999"}.seconds(), 99999999999);
  EXPECT_EQ(Timestamp{"100000000000"}.seconds(), 100000000);
  EXPECT_EQ(Timestamp{"1602532300000"}.seconds(), 1602532300);
  EXPECT_EQ(Timestamp{"-1602532300000"}.seconds(), -1602532300);
}

}  // namespace webhook_parse_updates_test
