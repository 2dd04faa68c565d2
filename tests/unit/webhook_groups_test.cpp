// Groups API webhooks (issue 14, item 2): the four group fields typed from value.groups[], a
// message's group_id, a group status's recipient_type and recipient_participant_id, their events
// and their dispatch. Payloads: tests/data/webhook/webhook_group_*.json (Meta's documented shapes,
// our own values).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "webhook_support.hpp"
#include "whatsapp/webhook/dispatcher.hpp"
#include "whatsapp/webhook/duplicate_filter.hpp"
#include "whatsapp/webhook/events.hpp"
#include "whatsapp/webhook/parse.hpp"

namespace webhook_groups_test {

using namespace whatsapp::webhook;  // NOLINT(google-build-using-namespace)

using whatsapp_test::load_notification;

const std::string kGroup = "Y2FwaV9ncm91cDoxNjAzNTU1MDEwMDo0NDAyOTExODczMzA1NTIx";
const std::string kGroup2 = "Y2FwaV9ncm91cDoxNjAzNTU1MDEwMDo0NDAyOTExODczMzA1NTc3";

// The only change of a one-change notification.
const Change& only_change(const Notification& n) {
  static const Change kNone;
  if (n.entries.size() != 1 || n.entries[0].changes.size() != 1) {
    ADD_FAILURE() << "expected one entry with one change";
    return kNone;
  }
  return n.entries[0].changes[0];
}

TEST(WebhookGroups, GroupCreatedIsTyped) {
  const Notification n = load_notification("webhook_group_lifecycle_create.json");
  const Change& c = only_change(n);
  EXPECT_EQ(c.kind(), ChangeField::kGroupLifecycleUpdate);
  EXPECT_EQ(c.phone_number_id(), "2088114577301");
  ASSERT_EQ(c.groups.size(), 1u);
  const GroupUpdate& g = c.groups[0];
  EXPECT_EQ(g.group_id, kGroup);
  EXPECT_EQ(g.type, "group_create");
  EXPECT_EQ(g.kind(), GroupUpdateType::kCreate);
  EXPECT_EQ(g.timestamp.seconds(), 1779267001);
  EXPECT_EQ(g.request_id, "req.HarborWH.0001");
  EXPECT_EQ(g.subject, "Harbor Street Bakery orders");
  EXPECT_EQ(g.description, "Weekly pre-orders for the Harbor Street shop");
  EXPECT_EQ(g.invite_link, "https://chat.whatsapp.com/HarborWHInvite0001");
  EXPECT_EQ(g.join_approval_mode, "auto_approve");
  ASSERT_EQ(g.added_participants.size(), 1u);
  EXPECT_EQ(g.added_participants[0].wa_id, "16035550142");
  EXPECT_EQ(g.added_participants[0].id(), "16035550142");
  EXPECT_FALSE(g.group_subject);  // a plain subject string is not a settings object
  EXPECT_FALSE(g.failed());
  EXPECT_EQ(g.raw.get().value("invite_link", ""), *g.invite_link);
}

TEST(WebhookGroups, FailedAndDeletedLifecycleUpdates) {
  const Notification failed_n = load_notification("webhook_group_lifecycle_create_failed.json");
  const Change& failed = only_change(failed_n);
  ASSERT_EQ(failed.groups.size(), 1u);
  EXPECT_TRUE(failed.groups[0].failed());
  ASSERT_EQ(failed.groups[0].errors.size(), 1u);
  EXPECT_EQ(failed.groups[0].errors[0].code, 131000);
  EXPECT_EQ(failed.groups[0].errors[0].title, "Group limit reached");
  EXPECT_FALSE(failed.groups[0].errors[0].details.empty());
  EXPECT_EQ(failed.groups[0].group_id, kGroup2);

  const Notification deleted_n = load_notification("webhook_group_lifecycle_delete.json");
  const Change& deleted = only_change(deleted_n);
  ASSERT_EQ(deleted.groups.size(), 1u);
  EXPECT_EQ(deleted.groups[0].kind(), GroupUpdateType::kDelete);
  EXPECT_EQ(deleted.groups[0].request_id, "req.HarborWH.0003");
  EXPECT_FALSE(deleted.groups[0].failed());
}

TEST(WebhookGroups, ParticipantsJoinLeaveAndRemoval) {
  const Notification joined_n = load_notification("webhook_group_participants_join_invite_link.json");
  const Change& joined = only_change(joined_n);
  EXPECT_EQ(joined.kind(), ChangeField::kGroupParticipantsUpdate);
  ASSERT_EQ(joined.groups.size(), 1u);
  const GroupUpdate& j = joined.groups[0];
  EXPECT_EQ(j.kind(), GroupUpdateType::kParticipantsAdd);
  EXPECT_EQ(j.reason, "invite_link");
  EXPECT_EQ(j.initiated_by, "participant");
  ASSERT_EQ(j.added_participants.size(), 1u);
  EXPECT_EQ(j.added_participants[0].wa_id, "16035550143");
  EXPECT_EQ(j.added_participants[0].user_id, "US.4402911873305001");
  EXPECT_EQ(j.added_participants[0].username, "harbor.regular");

  const Notification removed_n = load_notification("webhook_group_participants_remove_partial.json");
  const Change& removed = only_change(removed_n);
  const GroupUpdate& r = removed.groups.at(0);
  EXPECT_EQ(r.kind(), GroupUpdateType::kParticipantsRemove);
  EXPECT_EQ(r.initiated_by, "business");
  ASSERT_EQ(r.removed_participants.size(), 1u);
  EXPECT_EQ(r.removed_participants[0].input, "16035550143");
  ASSERT_EQ(r.failed_participants.size(), 1u);
  EXPECT_EQ(r.failed_participants[0].wa_id, "16035550149");
  ASSERT_EQ(r.failed_participants[0].errors.size(), 1u);
  EXPECT_EQ(r.failed_participants[0].errors[0].code, 131009);
  EXPECT_TRUE(r.failed());  // a partial failure is a failure

  const Notification left_n = load_notification("webhook_group_participants_left.json");
  const Change& left = only_change(left_n);
  EXPECT_EQ(left.groups.at(0).initiated_by, "participant");
  EXPECT_EQ(left.groups.at(0).removed_participants.at(0).wa_id, "16035550142");

  const Notification request_n = load_notification("webhook_group_participants_join_request.json");
  const Change& request = only_change(request_n);
  EXPECT_EQ(request.groups.at(0).kind(), GroupUpdateType::kJoinRequestCreated);
  EXPECT_EQ(request.groups.at(0).join_request_id, "jr.HarborWH.0007");
  EXPECT_EQ(request.groups.at(0).wa_id, "16035550144");
}

TEST(WebhookGroups, SettingsUpdateKeepsSubjectDescriptionAndPicture) {
  const Notification c_n = load_notification("webhook_group_settings_update.json");
  const Change& c = only_change(c_n);
  EXPECT_EQ(c.kind(), ChangeField::kGroupSettingsUpdate);
  const GroupUpdate& g = c.groups.at(0);
  EXPECT_EQ(g.kind(), GroupUpdateType::kSettingsUpdate);
  ASSERT_TRUE(g.group_subject);
  EXPECT_EQ(g.group_subject->text, "Harbor Street Bakery: weekend orders");
  EXPECT_EQ(g.group_subject->update_successful, true);
  ASSERT_TRUE(g.group_description);
  EXPECT_EQ(g.group_description->text, "Order by Thursday noon, pick up Saturday");
  ASSERT_TRUE(g.profile_picture);
  EXPECT_EQ(g.profile_picture->mime_type, "image/jpeg");
  EXPECT_EQ(g.profile_picture->sha256, "9f2c4e7a1b3d5f6081a2c3e4f5061728394a5b6c7d8e9f0a1b2c3d4e5f607182");
  EXPECT_FALSE(g.failed());

  const Notification partial_n = load_notification("webhook_group_settings_update_partial_fail.json");
  const Change& partial = only_change(partial_n);
  const GroupUpdate& p = partial.groups.at(0);
  ASSERT_TRUE(p.profile_picture);
  EXPECT_EQ(p.profile_picture->update_successful, false);
  ASSERT_EQ(p.profile_picture->errors.size(), 1u);
  EXPECT_TRUE(p.profile_picture->failed());
  EXPECT_FALSE(p.group_subject->failed());
  EXPECT_TRUE(p.failed());
}

TEST(WebhookGroups, StatusUpdateAndAFieldThisLibraryDoesNotKnow) {
  const Notification s_n = load_notification("webhook_group_status_suspend.json");
  const Change& s = only_change(s_n);
  EXPECT_EQ(s.kind(), ChangeField::kGroupStatusUpdate);
  EXPECT_EQ(s.groups.at(0).kind(), GroupUpdateType::kSuspend);
  EXPECT_EQ(s.groups.at(0).group_id, kGroup2);

  // A newer group field: the change is kUnknown, but its updates are still read, nothing lost.
  const Notification n = load_notification("webhook_group_unknown_field.json");
  const Change& u = only_change(n);
  EXPECT_EQ(u.kind(), ChangeField::kUnknown);
  ASSERT_EQ(u.groups.size(), 1u);
  EXPECT_EQ(u.groups[0].kind(), GroupUpdateType::kUnknown);
  EXPECT_EQ(u.groups[0].type, "group_message_pinned");
  EXPECT_EQ(u.groups[0].raw.get().value("message_id", ""), "wamid.SGFyYm9yV0guZ3JvdXAuMDAx");
  const auto ev = events(n);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].kind, EventKind::kGroup);
  EXPECT_EQ(ev[0].group, &u.groups[0]);
}

TEST(WebhookGroups, MessageInAGroupAndGroupStatuses) {
  const Notification n = load_notification("webhook_group_message_text.json");
  const Change& c = only_change(n);
  ASSERT_EQ(c.messages.size(), 1u);
  EXPECT_EQ(c.messages[0].group_id, kGroup);
  EXPECT_TRUE(c.messages[0].in_group());
  EXPECT_EQ(c.messages[0].from, "16035550142");
  const auto ev = events(n);
  ASSERT_EQ(ev.size(), 1u);
  ASSERT_NE(ev[0].contact, nullptr);  // the member who wrote it
  EXPECT_EQ(ev[0].contact->profile_name, "Dana Whitfield");

  const Notification read_n = load_notification("webhook_group_status_read.json");
  const Change& read = only_change(read_n);
  ASSERT_EQ(read.statuses.size(), 1u);
  const Status& st = read.statuses[0];
  EXPECT_EQ(st.recipient_type, "group");
  EXPECT_TRUE(st.to_group());
  EXPECT_EQ(st.recipient_id, kGroup);
  EXPECT_EQ(st.recipient_participant_id, "16035550142");

  const Notification failed_n = load_notification("webhook_group_status_failed.json");
  const Change& failed = only_change(failed_n);
  EXPECT_TRUE(failed.statuses.at(0).to_group());
  EXPECT_FALSE(failed.statuses.at(0).recipient_participant_id);
  EXPECT_EQ(failed.statuses.at(0).errors.at(0).code, 131000);

  // One-to-one messages and statuses are not group ones.
  const Notification one_n = load_notification("webhook_status_sent.json");
  const Change& one = only_change(one_n);
  EXPECT_FALSE(one.statuses.at(0).to_group());
  EXPECT_FALSE(only_change(load_notification("webhook_text.json")).messages.at(0).in_group());
}

TEST(WebhookGroups, EachGroupFieldHasItsEventKind) {
  const std::pair<const char*, EventKind> cases[] = {
      {"webhook_group_lifecycle_create.json", EventKind::kGroupLifecycle},
      {"webhook_group_participants_left.json", EventKind::kGroupParticipants},
      {"webhook_group_settings_update.json", EventKind::kGroupSettings},
      {"webhook_group_status_suspend.json", EventKind::kGroupStatus},
  };
  for (const auto& [file, kind] : cases) {
    const Notification n = load_notification(file);
    const auto ev = events(n);
    ASSERT_EQ(ev.size(), 1u) << file;
    EXPECT_EQ(ev[0].kind, kind) << file;
    ASSERT_NE(ev[0].group, nullptr) << file;
    EXPECT_EQ(ev[0].phone_number_id, "2088114577301") << file;
    EXPECT_FALSE(ev[0].dedup_key().empty()) << file;
    EXPECT_TRUE(is_group_event(ev[0].kind));
  }
  EXPECT_EQ(to_string(EventKind::kGroupParticipants), "group_participants");
  EXPECT_EQ(to_string(EventKind::kGroup), "group");
}

TEST(WebhookGroups, AKnownGroupFieldWithoutGroupsIsOneUnknownEvent) {
  auto r = parse(R"({"object":"whatsapp_business_account","entry":[{"id":"781204456390240","changes":[
      {"field":"group_settings_update","value":{"messaging_product":"whatsapp","groups":"not a list"}}]}]})");
  ASSERT_TRUE(r.ok());
  const auto ev = events(*r);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].kind, EventKind::kUnknown);
  EXPECT_EQ(ev[0].change->value.get()["groups"], "not a list");  // kept as received
}

TEST(WebhookGroups, DispatcherRoutesEachGroupFieldToItsHandlerThenOnGroupThenOnUnknown) {
  std::vector<std::string> seen;
  Dispatcher d;
  d.on_group_lifecycle([&](const Event&, const GroupUpdate& g) { seen.push_back("lifecycle " + g.type); })
      .on_group_participants(
          [&](const Event&, const GroupUpdate& g) { seen.push_back("participants " + g.type); })
      .on_group([&](const Event& e, const GroupUpdate& g) {
        seen.push_back(std::string("group ") + std::string(to_string(e.kind)) + " " + g.type);
      })
      .on_unknown([&](const Event& e) { seen.push_back("unknown " + e.change->field); });
  for (const char* file :
       {"webhook_group_lifecycle_create.json", "webhook_group_participants_join_invite_link.json",
        "webhook_group_settings_update.json", "webhook_group_status_suspend.json",
        "webhook_group_unknown_field.json"}) {
    const DispatchReport report = d.dispatch(load_notification(file));
    EXPECT_EQ(report.handled, 1u) << file;
  }
  const std::vector<std::string> expected = {"lifecycle group_create", "participants group_participants_add",
                                             "group group_settings group_settings_update",
                                             "group group_status group_suspend",
                                             "group group group_message_pinned"};
  EXPECT_EQ(seen, expected);

  Dispatcher only_unknown;
  std::vector<std::string> fields;
  only_unknown.on_unknown([&](const Event& e) { fields.push_back(e.change->field); });
  EXPECT_EQ(only_unknown.dispatch(load_notification("webhook_group_settings_update.json")).handled, 1u);
  EXPECT_EQ(fields, std::vector<std::string>{"group_settings_update"});
  EXPECT_EQ(Dispatcher().dispatch(load_notification("webhook_group_status_suspend.json")).unhandled, 1u);
}

TEST(WebhookGroups, RedeliveredGroupUpdatesAreDuplicatesButTwoJoinsAreNot) {
  auto filter = std::make_shared<DuplicateFilter>();
  int handled = 0;
  Dispatcher d(filter);
  d.on_group([&](const Event&, const GroupUpdate&) { ++handled; });
  const Notification n = load_notification("webhook_group_participants_join_invite_link.json");
  EXPECT_EQ(d.dispatch(n).handled, 1u);
  EXPECT_EQ(d.dispatch(n).duplicates, 1u);  // Meta delivered it again
  EXPECT_EQ(handled, 1);

  // Another user joining the same group in the same second is another event.
  std::string body = whatsapp_test::webhook_fixture("webhook_group_participants_join_invite_link.json");
  const auto at = body.find("16035550143");
  ASSERT_NE(at, std::string::npos);
  body.replace(at, 11, "16035550145");
  auto other = parse(body);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(d.dispatch(*other).handled, 1u);
  EXPECT_EQ(handled, 2);
}

TEST(WebhookGroups, WrongTypesInGroupsAreAbsentNotACrash) {
  auto r = parse(R"({"object":"whatsapp_business_account","entry":[{"id":"1","changes":[
      {"field":"group_participants_update","value":{"groups":[7, null, {"group_id":12,"type":["x"],
       "added_participants":{"wa_id":"1"},"removed_participants":[3,{"wa_id":{"a":1}}],
       "profile_picture":"nope","group_subject":{"update_successful":"maybe"}}]}}]}]})");
  ASSERT_TRUE(r.ok());
  const Change& c = r->entries.at(0).changes.at(0);
  ASSERT_EQ(c.groups.size(), 3u);
  EXPECT_EQ(c.groups[0].group_id, "");
  const GroupUpdate& g = c.groups[2];
  EXPECT_EQ(g.group_id, "12");  // ids arrive as numbers too
  EXPECT_EQ(g.type, "");
  EXPECT_EQ(g.kind(), GroupUpdateType::kUnknown);
  EXPECT_TRUE(g.added_participants.empty());
  ASSERT_EQ(g.removed_participants.size(), 2u);
  EXPECT_FALSE(g.removed_participants[1].wa_id);
  EXPECT_EQ(g.removed_participants[1].id(), "");
  EXPECT_FALSE(g.profile_picture);
  ASSERT_TRUE(g.group_subject);
  EXPECT_FALSE(g.group_subject->update_successful);
  EXPECT_EQ(events(*r).size(), 3u);
}

}  // namespace webhook_groups_test
