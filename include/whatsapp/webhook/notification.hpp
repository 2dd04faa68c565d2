#pragma once

/// @file webhook/notification.hpp
/// The typed form of a webhook POST body: Notification -> Entry -> Change -> messages, statuses,
/// template and account updates. Produced by webhook::parse() (parse.hpp).
///
/// Conventions of these structs:
///  - Fields Meta always sends are `std::string` (empty if a payload lacks them); fields that are
///    sometimes absent are `std::optional`; lists are `std::vector` (empty when absent).
///  - Enumerated values stay strings exactly as received (`type`, `status`, `event`, ...); a
///    helper (`kind()`, `model()`, ...) maps them to an enum whose `kUnknown` covers values this
///    library does not know yet. New message types appear often, so nothing fails on them.
///  - Every object keeps the JSON it came from in `raw`, so fields not modelled here are still
///    reachable. `raw` is a JsonRef into the one parsed body, shared by all of them: the body is
///    held once, however many structs refer to it, and stays alive while any of them does.
///  - Parts that are sometimes present and larger than a string (a message's `text`, `image`,
///    ..., a status's `pricing`, a change's `template_status`, ...) are webhook::Optional:
///    std::optional's interface with the value on the heap, so unset parts cost 8 bytes.
///
/// The structs live in files by concern: common.hpp (Timestamp, ErrorObject), message.hpp
/// (Message and its contents), status.hpp (Status), updates.hpp (template, account and user
/// preference updates), group.hpp (Groups API updates); this file holds the frame around them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "whatsapp/webhook/common.hpp"
#include "whatsapp/webhook/group.hpp"
#include "whatsapp/webhook/json_ref.hpp"
#include "whatsapp/webhook/message.hpp"
#include "whatsapp/webhook/status.hpp"
#include "whatsapp/webhook/updates.hpp"

namespace whatsapp::webhook {

/// The business phone number a change concerns.
struct Metadata {
  std::string display_phone_number;
  std::string phone_number_id;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// A WhatsApp user named in a change (`value.contacts[]`).
struct Contact {
  /// Phone number as WhatsApp knows it; empty when the user hides it behind a username.
  std::string wa_id;
  std::optional<std::string> user_id;         ///< Business-scoped user id (BSUID), when sent.
  std::optional<std::string> parent_user_id;  ///< The parent BSUID, when sent.
  std::optional<std::string> profile_name;    ///< profile.name
  std::optional<std::string> username;        ///< profile.username, when the user has one.
  JsonRef raw;                                ///< This object as received (shared, not copied: see JsonRef).
};

/// The `field` values known to this library; Change::field keeps the original string.
enum class ChangeField {
  kMessages,
  kTemplateStatusUpdate,      ///< message_template_status_update
  kTemplateQualityUpdate,     ///< message_template_quality_update
  kTemplateCategoryUpdate,    ///< template_category_update
  kTemplateComponentsUpdate,  ///< message_template_components_update
  kAccountUpdate,             ///< account_update
  kUserPreferences,           ///< user_preferences
  kGroupLifecycleUpdate,      ///< group_lifecycle_update: a group created or deleted
  kGroupParticipantsUpdate,   ///< group_participants_update: joins, leaves, removals, join requests
  kGroupSettingsUpdate,       ///< group_settings_update: subject, description, profile picture
  kGroupStatusUpdate,         ///< group_status_update: a group suspended or cleared
  kUserIdUpdate,              ///< user_id_update
  kUnknown,                   ///< any other field: read Change::value
};

/// The ChangeField for a `field` string.
inline ChangeField change_field_from_string(std::string_view f) noexcept {
  if (f == "messages") return ChangeField::kMessages;
  if (f == "message_template_status_update") return ChangeField::kTemplateStatusUpdate;
  if (f == "message_template_quality_update") return ChangeField::kTemplateQualityUpdate;
  if (f == "template_category_update") return ChangeField::kTemplateCategoryUpdate;
  if (f == "message_template_components_update") return ChangeField::kTemplateComponentsUpdate;
  if (f == "account_update") return ChangeField::kAccountUpdate;
  if (f == "user_preferences") return ChangeField::kUserPreferences;
  if (f == "group_lifecycle_update") return ChangeField::kGroupLifecycleUpdate;
  if (f == "group_participants_update") return ChangeField::kGroupParticipantsUpdate;
  if (f == "group_settings_update") return ChangeField::kGroupSettingsUpdate;
  if (f == "group_status_update") return ChangeField::kGroupStatusUpdate;
  if (f == "user_id_update") return ChangeField::kUserIdUpdate;
  return ChangeField::kUnknown;
}

/// One change of an entry: a `field` name and its `value`. Which members are filled depends on
/// the field; `value` always holds the raw value.
struct Change {
  std::string field;

  // field "messages" (and "user_preferences", which shares its frame):
  std::optional<std::string> messaging_product;
  Optional<Metadata> metadata;
  std::vector<Contact> contacts;
  std::vector<Message> messages;
  std::vector<Status> statuses;
  std::vector<ErrorObject> errors;  ///< value.errors: problems not tied to one message
  std::vector<UserPreference> user_preferences;
  std::vector<UserIdUpdate> user_id_updates;  ///< field "user_id_update": value.user_id_update[]

  // the group fields (group_lifecycle_update, ...), and any other field whose name starts with
  // "group_" and whose value has a `groups` list (a group webhook newer than this library):
  std::vector<GroupUpdate> groups;  ///< value.groups

  // template and account fields:
  Optional<TemplateStatusUpdate> template_status;
  Optional<TemplateQualityUpdate> template_quality;
  Optional<TemplateCategoryUpdate> template_category;
  Optional<TemplateComponentsUpdate> template_components;
  Optional<AccountUpdate> account_update;

  JsonRef value;  ///< The raw value, whatever the field (shared, not copied: see JsonRef).

  ChangeField kind() const noexcept { return change_field_from_string(field); }

  /// metadata.phone_number_id, or "" when the change has no metadata.
  std::string_view phone_number_id() const noexcept {
    return metadata ? std::string_view(metadata->phone_number_id) : std::string_view();
  }

  /// The contact whose wa_id (or user_id) is `id`, or nullptr.
  const Contact* find_contact(std::string_view id) const noexcept {
    if (id.empty()) return nullptr;
    for (const auto& c : contacts) {
      if (c.wa_id == id || (c.user_id && *c.user_id == id)) return &c;
    }
    return nullptr;
  }
};

/// One entry: the WhatsApp Business Account (WABA) id and its changes.
struct Entry {
  std::string id;                 ///< WABA id
  std::optional<Timestamp> time;  ///< Sent with template and account updates.
  std::vector<Change> changes;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// A whole webhook POST body.
struct Notification {
  std::string object;  ///< "whatsapp_business_account"
  std::vector<Entry> entries;
  JsonRef raw;  ///< The whole body, parsed once; every other `raw` points into it.
};

}  // namespace whatsapp::webhook
