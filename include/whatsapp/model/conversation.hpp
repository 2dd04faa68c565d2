#pragma once

/// @file model/conversation.hpp
/// Conversations (24-hour windows between the business and a user) and webhook subscriptions.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/decode.hpp"
#include "whatsapp/detail/json_util.hpp"

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

inline void from_json(const nlohmann::json& j, Conversation& c) {
  detail::require_object(j, "conversation");
  c.id = detail::string_at(j, "id");
  if (c.id.empty()) throw detail::DecodeError("conversation without an id");
  c.user_id = detail::string_at(j, "user_id");
  c.phone_number_id = detail::string_at(j, "phone_number_id");
  if (const auto o = j.find("origin"); o != j.end()) c.origin_type = detail::string_at(*o, "type");
  c.expiration_timestamp = detail::int_at(j, "expiration_timestamp");
  c.unread_count = detail::int_at(j, "unread_count");
  c.raw = j;
}

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

inline void from_json(const nlohmann::json& j, Subscription& s) {
  detail::require_object(j, "subscription");
  s.object = detail::string_at(j, "object");
  s.callback_url = detail::string_at(j, "callback_url");
  s.active = detail::bool_at(j, "active").value_or(false);
  if (const auto f = j.find("fields"); f != j.end() && f->is_array()) {
    for (const auto& e : *f) {
      if (e.is_string()) {
        s.fields.push_back({e.get<std::string>(), {}});
      } else {
        s.fields.push_back({detail::string_at(e, "name"), detail::string_at(e, "version")});
      }
    }
  }
  s.raw = j;
}

inline void to_json(nlohmann::json& j, const NewSubscription& s) {
  j = nlohmann::json{{"object", s.object},
                     {"callback_url", s.callback_url},
                     {"fields", s.fields},
                     {"verify_token", s.verify_token}};
}

}  // namespace whatsapp
