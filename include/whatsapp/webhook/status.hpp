#pragma once

/// @file webhook/status.hpp
/// A delivery status of a message the business sent (`value.statuses[]`), with its
/// conversation and pricing (see notification.hpp for the conventions of the webhook structs).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "whatsapp/webhook/common.hpp"
#include "whatsapp/webhook/json_ref.hpp"

namespace whatsapp::webhook {

/// Delivery states known to this library; Status::status keeps the original string.
enum class StatusKind { kSent, kDelivered, kRead, kPlayed, kFailed, kDeleted, kWarning, kUnknown };

/// The StatusKind for a `status` string.
inline StatusKind status_kind_from_string(std::string_view s) noexcept {
  if (s == "sent") return StatusKind::kSent;
  if (s == "delivered") return StatusKind::kDelivered;
  if (s == "read") return StatusKind::kRead;
  if (s == "played") return StatusKind::kPlayed;
  if (s == "failed") return StatusKind::kFailed;
  if (s == "deleted") return StatusKind::kDeleted;
  if (s == "warning") return StatusKind::kWarning;
  return StatusKind::kUnknown;
}

/// The conversation a status was billed in (`statuses[].conversation`).
struct Conversation {
  std::string id;
  std::optional<Timestamp> expiration_timestamp;
  std::optional<std::string> origin_type;  ///< origin.type: "service", "marketing", ...
  JsonRef raw;                             ///< This object as received (shared, not copied: see JsonRef).
};

/// Pricing models.
enum class PricingModel {
  kConversationBased,  ///< "CBP": billed per 24-hour conversation
  kPerMessage,         ///< "PMP": billed per message
  kUnknown,
};

/// `statuses[].pricing`, in both models: CBP has pricing_model/category/billable, PMP also has
/// `type` ("regular", "free_customer_service", "free_entry_point").
struct Pricing {
  std::optional<bool> billable;
  std::string pricing_model;            ///< "CBP", "PMP", ...
  std::optional<std::string> category;  ///< "service", "marketing", "utility", ...
  std::optional<std::string> type;      ///< PMP only
  JsonRef raw;                          ///< This object as received (shared, not copied: see JsonRef).

  PricingModel model() const noexcept {
    if (pricing_model == "CBP") return PricingModel::kConversationBased;
    if (pricing_model == "PMP") return PricingModel::kPerMessage;
    return PricingModel::kUnknown;
  }
};

/// A delivery status of a message the business sent (`value.statuses[]`).
struct Status {
  std::string id;      ///< wamid of the message sent
  std::string status;  ///< As received: "sent", "delivered", "read", "played", "failed", ...
  Timestamp timestamp;
  std::string recipient_id;  ///< wa_id of the recipient; empty when sent to a BSUID and not shared
  std::optional<std::string> recipient_user_id;         ///< BSUID of the recipient, when sent
  std::optional<std::string> parent_recipient_user_id;  ///< parent BSUID, when sent (read from either
                                                        ///< parent_recipient_user_id or
                                                        ///< recipient_parent_user_id)
  /// "group" for a message sent to a group (recipient_id is then the group id); absent or
  /// "individual" otherwise.
  std::optional<std::string> recipient_type;
  /// Group statuses: the member the status is about (e.g. who read it), when Meta names one.
  std::optional<std::string> recipient_participant_id;
  std::optional<std::string> biz_opaque_callback_data;  ///< Echo of the tracker set on send.
  Optional<Conversation> conversation;
  Optional<Pricing> pricing;
  std::vector<ErrorObject> errors;  ///< Why it failed (status "failed").
  JsonRef raw;                      ///< This object as received (shared, not copied: see JsonRef).

  StatusKind kind() const noexcept { return status_kind_from_string(status); }

  /// True for the status of a message sent to a group (recipient_type "group").
  bool to_group() const noexcept { return recipient_type && *recipient_type == "group"; }
};

}  // namespace whatsapp::webhook
