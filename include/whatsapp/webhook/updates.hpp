#pragma once

/// @file webhook/updates.hpp
/// Changes that are not messages: template status, quality, category and components updates,
/// account updates and user preferences (see notification.hpp for the conventions of the
/// webhook structs).

#include <optional>
#include <string>
#include <vector>

#include "whatsapp/webhook/common.hpp"
#include "whatsapp/webhook/json_ref.hpp"

namespace whatsapp::webhook {

/// The template a template update is about. Ids are kept as text (Meta sends numbers).
struct TemplateRef {
  std::string id;        ///< message_template_id
  std::string name;      ///< message_template_name
  std::string language;  ///< message_template_language
};

/// `field: message_template_status_update`: a template was approved, rejected, paused, ...
struct TemplateStatusUpdate {
  TemplateRef template_ref;
  std::string event;                                    ///< "APPROVED", "REJECTED", "PAUSED", "DISABLED", ...
  std::optional<std::string> reason;                    ///< "NONE", "INVALID_FORMAT", ...
  std::optional<std::string> category;                  ///< message_template_category
  std::optional<std::string> rejection_reason;          ///< rejection_info.reason
  std::optional<std::string> rejection_recommendation;  ///< rejection_info.recommendation
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// `field: message_template_quality_update`.
struct TemplateQualityUpdate {
  TemplateRef template_ref;
  std::optional<std::string> previous_quality_score;  ///< "GREEN", "YELLOW", "RED", "UNKNOWN"
  std::string new_quality_score;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// `field: template_category_update`.
struct TemplateCategoryUpdate {
  TemplateRef template_ref;
  std::optional<std::string> previous_category;
  std::string new_category;
  std::optional<std::string> correct_category;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// A button of a template, as `message_template_components_update` lists it.
struct TemplateButtonInfo {
  std::string type;  ///< message_template_button_type: "URL", "PHONE_NUMBER", "QUICK_REPLY", ...
  std::string text;
  std::optional<std::string> url;
  std::optional<std::string> phone_number;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// `field: message_template_components_update`: a template's text changed.
struct TemplateComponentsUpdate {
  TemplateRef template_ref;
  std::optional<std::string> title;    ///< message_template_title (header)
  std::optional<std::string> element;  ///< message_template_element (body)
  std::optional<std::string> footer;   ///< message_template_footer
  std::vector<TemplateButtonInfo> buttons;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// `field: account_update`: the account was verified, restricted, banned, ...
struct AccountUpdate {
  std::string event;  ///< "VERIFIED_ACCOUNT", "ACCOUNT_VIOLATION", "DISABLED_UPDATE", ...
  std::optional<std::string> phone_number;
  JsonRef raw;  ///< ban_info, violation_info, restriction_info, ... stay here
};

/// `field: user_preferences`: a user stopped or resumed marketing messages.
struct UserPreference {
  std::string wa_id;                   ///< The user's phone number; empty when not given.
  std::optional<std::string> user_id;  ///< The user's BSUID, when given.
  std::optional<std::string> detail;
  std::string category;  ///< "marketing_messages"
  std::string value;     ///< "stop", "resume"
  Timestamp timestamp;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// `field: user_id_update` (`value.user_id_update[]`): a user's BSUID changed (a new phone
/// number gives a new BSUID). Re-key what is stored under `previous_user_id` to
/// `current_user_id`. Meta also reports the change as a system message (type
/// "user_changed_user_id" or "user_changed_number", SystemContent's previous_user_id/user_id).
struct UserIdUpdate {
  std::optional<std::string> wa_id;                    ///< The user's phone number, when it may be shared.
  std::optional<std::string> detail;                   ///< Meta's sentence about the change.
  std::string previous_user_id;                        ///< user_id.previous: the BSUID until now
  std::string current_user_id;                         ///< user_id.current: the BSUID from now on
  std::optional<std::string> previous_parent_user_id;  ///< parent_user_id.previous, when sent
  std::optional<std::string> current_parent_user_id;   ///< parent_user_id.current, when sent
  Timestamp timestamp;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

}  // namespace whatsapp::webhook
