#pragma once

/// @file model/conversation.hpp
/// Conversations (24-hour windows between the business and a user) and webhook subscriptions.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_read.hpp"

namespace whatsapp {

struct Conversation {
  std::string id;
  std::string user_id;          ///< The user's WhatsApp id, when returned.
  std::string phone_number_id;  ///< The business number, when returned.
  std::string origin_type;      ///< origin.type: "service", "marketing", "utility", ...
  std::optional<std::int64_t> expiration_timestamp{};  ///< Epoch seconds (string or number).
  std::optional<std::int64_t> unread_count{};
  nlohmann::json raw;
};

/// Filters of Get Conversations.
struct ConversationFilter {
  std::vector<std::string> fields{};
  std::optional<int> limit{};  ///< Items per page.
  std::string user_id;         ///< Only conversations with this user.
};

WHATSAPP_DECL void from_json(const nlohmann::json& j, Conversation& c);

/// One subscribed field of a webhook subscription.
struct SubscriptionField {
  std::string name;     ///< "messages", "message_template_status_update", ...
  std::string version;  ///< "v22.0".
};

/// An app's webhook subscription for one object ("whatsapp_business_account").
struct Subscription {
  std::string object = "whatsapp_business_account";
  std::string callback_url;
  bool active = false;
  std::vector<SubscriptionField> fields{};
  nlohmann::json raw;
};

/// What Create Webhook Subscription takes.
struct NewSubscription {
  std::string object = "whatsapp_business_account";
  std::string callback_url;           ///< https URL Meta posts to.
  std::vector<std::string> fields{};  ///< {"messages"}.
  std::string verify_token;           ///< Echoed in the hub.challenge handshake.
};

WHATSAPP_DECL void from_json(const nlohmann::json& j, Subscription& s);

WHATSAPP_DECL void to_json(nlohmann::json& j, const NewSubscription& s);

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/conversation.ipp"
#endif
