// The structs of a parsed notification share one parsed body: every `raw` (and Change::value)
// refers into it instead of holding its own copy, stays valid when a struct is copied out of
// the Notification, and reads missing keys as null instead of undefined behaviour.

#include <string>
#include <utility>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "webhook_support.hpp"
#include "whatsapp/webhook/parse.hpp"

namespace webhook_shared_raw_test {

using namespace whatsapp::webhook;  // NOLINT(google-build-using-namespace)
using nlohmann::json;
using whatsapp_test::load_notification;

// The address of the JSON value a `raw` member refers to (a JsonRef, or a json it owns).
template <class Raw>
const json* address_of(const Raw& raw) {
  const json& j = raw;
  return &j;
}

TEST(WebhookSharedRaw, EveryRawPointsIntoTheOneParsedBody) {
  Notification n = load_notification("webhook_text.json");
  ASSERT_EQ(n.entries.size(), 1u);
  ASSERT_EQ(n.entries[0].changes.size(), 1u);
  ASSERT_EQ(n.entries[0].changes[0].messages.size(), 1u);
  const json& root = n.raw;
  const json& entry = root.at("entry").at(0);
  const json& value = entry.at("changes").at(0).at("value");
  const json& message = value.at("messages").at(0);
  const Change& c = n.entries[0].changes[0];
  const Message& m = c.messages[0];

  EXPECT_EQ(address_of(n.entries[0].raw), &entry);
  EXPECT_EQ(address_of(c.value), &value);
  ASSERT_TRUE(c.metadata);
  EXPECT_EQ(address_of(c.metadata->raw), &value.at("metadata"));
  ASSERT_EQ(c.contacts.size(), 1u);
  EXPECT_EQ(address_of(c.contacts[0].raw), &value.at("contacts").at(0));
  EXPECT_EQ(address_of(m.raw), &message);
  ASSERT_TRUE(m.text);
  EXPECT_EQ(address_of(m.text->raw), &message.at("text"));
}

TEST(WebhookSharedRaw, ACopiedMessageKeepsItsRawAfterTheNotificationIsGone) {
  Message kept;
  const json* shared = nullptr;
  {
    Notification n = load_notification("webhook_text.json");
    ASSERT_EQ(n.entries.size(), 1u);
    ASSERT_EQ(n.entries[0].changes.size(), 1u);
    ASSERT_EQ(n.entries[0].changes[0].messages.size(), 1u);
    kept = n.entries[0].changes[0].messages[0];
    shared = address_of(n.entries[0].changes[0].messages[0].raw);
  }
  // The copy refers to the same node (no deep copy) and keeps the document alive.
  EXPECT_EQ(address_of(kept.raw), shared);
  const json& raw = kept.raw;
  EXPECT_EQ(raw.at("text").at("body"), "Is the rye ready?");
  ASSERT_TRUE(kept.text);
  EXPECT_EQ(kept.text->body, "Is the rye ready?");
}

TEST(WebhookSharedRaw, ParseChangeSharesItsOneCopyOfTheValue) {
  const json value = json::parse(R"({"messaging_product":"whatsapp",
      "metadata":{"display_phone_number":"15550009999","phone_number_id":"730001"},
      "messages":[{"from":"15550001234","id":"wamid.T1","timestamp":"1800000000","type":"text",
                   "text":{"body":"two loaves"}}]})");
  auto c = parse_change(value, "messages");
  ASSERT_TRUE(c.ok()) << c.error().message();
  ASSERT_EQ(c->messages.size(), 1u);
  const json& v = c->value;
  EXPECT_NE(&v, &value);  // parse_change copies the caller's value once...
  EXPECT_EQ(address_of(c->messages[0].raw), &v.at("messages").at(0));  // ...and shares that copy
  ASSERT_TRUE(c->metadata);
  EXPECT_EQ(address_of(c->metadata->raw), &v.at("metadata"));
}

TEST(WebhookSharedRaw, MissingKeysAndIndexesReadAsNull) {
  Notification n = load_notification("webhook_text.json");
  ASSERT_EQ(n.entries.size(), 1u);
  const Notification& cn = n;
  // nlohmann::json's const operator[] is undefined for a missing key; a raw member is not.
  EXPECT_TRUE(cn.raw["no_such_key"].is_null());
  EXPECT_TRUE(cn.entries[0].raw["changes"][7].is_null());
  EXPECT_EQ(cn.entries[0].raw["id"], "4410293385716620193");
}

TEST(WebhookSharedRaw, AMessageIsSmall) {
  // Sixteen optional parts of which one or two are set: unset parts cost a pointer, not the
  // part (a Message was 3.5 KB when each part was a std::optional held inline).
  EXPECT_LT(sizeof(Message), 1024u);
  EXPECT_LT(sizeof(Change), 1024u);
}

}  // namespace webhook_shared_raw_test
