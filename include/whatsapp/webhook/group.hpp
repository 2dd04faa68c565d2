#pragma once

/// @file webhook/group.hpp
/// What Meta's Groups API webhooks say about a group (see notification.hpp for the conventions
/// of the webhook structs). The four fields `group_lifecycle_update`,
/// `group_participants_update`, `group_settings_update` and `group_status_update` all carry a
/// `value.groups[]` list; each item is one GroupUpdate, whose `type` says what happened
/// ("group_create", "group_participants_remove", "group_settings_update", "group_suspend", ...).
/// A failed or partly failed request keeps its `errors` (on the update, a participant or a
/// setting); nothing is dropped: an unknown `type` or field stays a GroupUpdate with its `raw`.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "whatsapp/webhook/common.hpp"
#include "whatsapp/webhook/json_ref.hpp"

namespace whatsapp::webhook {

/// The kinds of group update known to this library; GroupUpdate::type keeps the original string.
enum class GroupUpdateType {
  kCreate,              ///< "group_create": a group was created (or creating it failed).
  kDelete,              ///< "group_delete": a group was deleted (or deleting it failed).
  kParticipantsAdd,     ///< "group_participants_add": users joined (invite link, approved request).
  kParticipantsRemove,  ///< "group_participants_remove": removed by the business, or left.
  kJoinRequestCreated,  ///< "group_join_request_created": a user asked to join.
  kJoinRequestRevoked,  ///< "group_join_request_revoked": a user withdrew the request.
  kSettingsUpdate,      ///< "group_settings_update": subject, description or picture changed.
  kSuspend,             ///< "group_suspend": WhatsApp suspended the group.
  kSuspendCleared,      ///< "group_suspend_cleared": the suspension ended.
  kUnknown,             ///< a type this library does not know: read GroupUpdate::raw.
};

/// The GroupUpdateType for a `type` string.
inline GroupUpdateType group_update_type_from_string(std::string_view t) noexcept {
  if (t == "group_create") return GroupUpdateType::kCreate;
  if (t == "group_delete") return GroupUpdateType::kDelete;
  if (t == "group_participants_add") return GroupUpdateType::kParticipantsAdd;
  if (t == "group_participants_remove") return GroupUpdateType::kParticipantsRemove;
  if (t == "group_join_request_created") return GroupUpdateType::kJoinRequestCreated;
  if (t == "group_join_request_revoked") return GroupUpdateType::kJoinRequestRevoked;
  if (t == "group_settings_update") return GroupUpdateType::kSettingsUpdate;
  if (t == "group_suspend") return GroupUpdateType::kSuspend;
  if (t == "group_suspend_cleared") return GroupUpdateType::kSuspendCleared;
  return GroupUpdateType::kUnknown;
}

/// A user named in `added_participants[]`, `removed_participants[]` or `failed_participants[]`.
/// Which ids are present depends on the user (a username user may have no phone number).
struct GroupParticipant {
  std::optional<std::string> wa_id;           ///< Phone number as WhatsApp knows it.
  std::optional<std::string> user_id;         ///< Business-scoped user id (BSUID).
  std::optional<std::string> parent_user_id;  ///< The parent BSUID.
  std::optional<std::string> username;        ///< username, or profile.username
  std::optional<std::string> input;           ///< What the business sent, on a removal it asked for.
  std::vector<ErrorObject> errors;            ///< Why this participant could not be removed/added.
  JsonRef raw;                                ///< This object as received (shared, not copied: see JsonRef).

  /// The id to address this user by: wa_id when sent, else user_id, else input; "" when none.
  std::string_view id() const noexcept {
    if (wa_id && !wa_id->empty()) return *wa_id;
    if (user_id && !user_id->empty()) return *user_id;
    if (input) return *input;
    return {};
  }
};

/// One changed setting of a `group_settings_update`: `group_subject`, `group_description` (with
/// `text`) or `profile_picture` (with `mime_type` and `sha256`).
struct GroupSetting {
  std::optional<std::string> text;       ///< group_subject, group_description
  std::optional<std::string> mime_type;  ///< profile_picture
  std::optional<std::string> sha256;     ///< profile_picture
  std::optional<bool> update_successful;
  std::vector<ErrorObject> errors;  ///< Why this setting was not changed.
  JsonRef raw;                      ///< This object as received (shared, not copied: see JsonRef).

  /// True when Meta said the change failed (update_successful false, or errors listed).
  bool failed() const noexcept { return (update_successful && !*update_successful) || !errors.empty(); }
};

/// One item of `value.groups[]` in a group webhook.
struct GroupUpdate {
  std::string group_id;  ///< The group's id, as the Groups API and group sends use it.
  std::string type;      ///< As received: "group_create", "group_participants_add", ...
  Timestamp timestamp;
  std::optional<std::string> request_id;  ///< The id of the API request this answers, if any.
  std::optional<std::string> subject;     ///< group_create: the group's subject
  std::optional<std::string> description;
  std::optional<std::string> invite_link;         ///< group_create: https://chat.whatsapp.com/...
  std::optional<std::string> join_approval_mode;  ///< "auto_approve", "approval_required"
  std::optional<std::string> initiated_by;        ///< Participants: "business" or "participant".
  std::optional<std::string> reason;              ///< e.g. "invite_link" on a join
  std::optional<std::string> join_request_id;     ///< Join requests: the request to approve.
  std::optional<std::string> wa_id;               ///< Join requests: the user asking.
  std::optional<std::string> user_id;             ///< Join requests: the user's BSUID.
  std::vector<GroupParticipant> added_participants;
  std::vector<GroupParticipant> removed_participants;
  std::vector<GroupParticipant> failed_participants;
  Optional<GroupSetting> group_subject;      ///< group_settings_update
  Optional<GroupSetting> group_description;  ///< group_settings_update
  Optional<GroupSetting> profile_picture;    ///< group_settings_update
  std::vector<ErrorObject> errors;           ///< Why the request failed as a whole.
  JsonRef raw;                               ///< This object as received (shared, not copied: see JsonRef).

  GroupUpdateType kind() const noexcept { return group_update_type_from_string(type); }

  /// True when the update reports a failure: errors on the update, failed participants, or a
  /// setting that was not changed. A partial failure is a failure too.
  bool failed() const noexcept {
    return !errors.empty() || !failed_participants.empty() || (group_subject && group_subject->failed()) ||
           (group_description && group_description->failed()) ||
           (profile_picture && profile_picture->failed());
  }
};

}  // namespace whatsapp::webhook
