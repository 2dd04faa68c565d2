// webhook::events() / for_each_event(): the flat list of events and their dedup keys.

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "whatsapp/webhook/events.hpp"
#include "whatsapp/webhook/parse.hpp"

namespace webhook_events_test {

using namespace whatsapp::webhook;  // NOLINT(google-build-using-namespace)

Notification load(const std::string& name) {
  std::ifstream in(std::string(WHATSAPP_TEST_DATA_DIR) + "/webhook/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  auto r = parse(s.str());
  EXPECT_TRUE(r.ok()) << name;
  return r.ok() ? std::move(r).value() : Notification{};
}

TEST(WebhookEvents, OneEventPerFixture) {
  struct Case {
    const char* file;
    EventKind kind;
    const char* phone_number_id;
    const char* key;
  };
  const Case cases[] = {
      {"webhook_text.json", EventKind::kMessage, "2088114577301", "message:wamid.SGFyYm9yV0guMDA2"},
      {"webhook_status_delivered.json", EventKind::kStatus, "2088114577301",
       "status:wamid.SGFyYm9yV0guMDA2:delivered"},
      {"webhook_status_read.json", EventKind::kStatus, "2088114577301", "status:wamid.SGFyYm9yV0guMDA2:read"},
      {"webhook_template_status_update_approved.json", EventKind::kTemplateStatus, "",
       "template_status:902215573300418:APPROVED:1832247548"},
      {"webhook_template_quality_update_yellow.json", EventKind::kTemplateQuality, "",
       "template_quality:902215573300422:YELLOW:1755864290"},
      {"webhook_template_category_update_marketing.json", EventKind::kTemplateCategory, "",
       "template_category:90221557:MARKETING:1831344882"},
      {"webhook_template_components_update_element.json", EventKind::kTemplateComponents, "",
       "template_components:90221557:1832483772"},
      {"webhook_user_marketing_preferences_resume.json", EventKind::kUserPreference, "2088114577302", ""},
      {"webhook_chat_opened_chat_opened.json", EventKind::kMessage, "2088114577301",
       "message:wamid.SGFyYm9yV0guMDA2"},
  };
  for (const auto& c : cases) {
    Notification n = load(c.file);
    auto ev = events(n);
    ASSERT_EQ(ev.size(), 1u) << c.file;
    EXPECT_EQ(ev[0].kind, c.kind) << c.file;
    EXPECT_EQ(ev[0].phone_number_id, c.phone_number_id) << c.file;
    EXPECT_EQ(ev[0].dedup_key(), c.key) << c.file;
    EXPECT_EQ(ev[0].entry, &n.entries[0]);
    EXPECT_EQ(ev[0].change, &n.entries[0].changes[0]);
  }
}

TEST(WebhookEvents, ContactsAreLinkedToMessagesAndStatuses) {
  Notification n = load("webhook_text.json");
  auto ev = events(n);
  ASSERT_EQ(ev.size(), 1u);
  ASSERT_NE(ev[0].message, nullptr);
  EXPECT_EQ(ev[0].message->text->body, "Is the rye ready?");
  ASSERT_NE(ev[0].contact, nullptr);
  EXPECT_EQ(ev[0].contact->profile_name, "Maria Costa");

  Notification s = load("webhook_status_sent_pmp_with_bsuid.json");
  auto sev = events(s);
  ASSERT_EQ(sev.size(), 1u);
  ASSERT_NE(sev[0].contact, nullptr);
  EXPECT_EQ(sev[0].contact->user_id, "US.40217733815590246613");

  Notification p = load("webhook_user_marketing_preferences_resume.json");
  auto pev = events(p);
  ASSERT_NE(pev.at(0).user_preference, nullptr);
  EXPECT_EQ(pev[0].user_preference->value, "resume");
  ASSERT_NE(pev[0].contact, nullptr);
  EXPECT_EQ(pev[0].contact->wa_id, "16035550177");
}

TEST(WebhookEvents, MessageThenChangeErrorInOrder) {
  Notification n = load("webhook_interactive_missing_body.json");
  auto ev = events(n);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].kind, EventKind::kMessage);
  EXPECT_EQ(ev[1].kind, EventKind::kError);
  ASSERT_NE(ev[1].error, nullptr);
  EXPECT_EQ(ev[1].error->code, 131000);
  EXPECT_EQ(ev[1].dedup_key(), "");
}

TEST(WebhookEvents, ManyEntriesChangesAndUnknownFields) {
  auto r = parse(R"({"object":"whatsapp_business_account","entry":[
    {"id":"A","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"P1"},
      "messages":[{"id":"m1","type":"text","text":{"body":"a"}},{"id":"m2","type":"hologram"}],
      "statuses":[{"id":"m0","status":"read"}]}}]},
    {"id":"B","changes":[{"field":"calls","value":{"x":1}},
                         {"field":"messages","value":{"metadata":{"phone_number_id":"P2"}}},
                         {"field":"account_update","value":{"event":"VERIFIED_ACCOUNT"}}]}]})");
  ASSERT_TRUE(r.ok());
  std::vector<std::string> seen;
  for_each_event(*r, [&](const Event& e) {
    seen.push_back(std::string(to_string(e.kind)) + "@" + e.entry->id + "/" + std::string(e.phone_number_id) +
                   " " + e.dedup_key());
  });
  const std::vector<std::string> expected = {
      "message@A/P1 message:m1", "message@A/P1 message:m2", "status@A/P1 status:m0:read", "unknown@B/ ",
      "unknown@B/P2 ",           "account_update@B/ "};
  EXPECT_EQ(seen, expected);
}

}  // namespace webhook_events_test
