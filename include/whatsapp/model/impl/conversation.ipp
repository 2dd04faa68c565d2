// Definitions of the functions model/conversation.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/model/conversation.hpp"

namespace whatsapp {

WHATSAPP_DECL void from_json(const nlohmann::json& j, Conversation& c) {
  detail::require_object(j, "conversation");
  c.id = detail::text_or_empty(j, "id");
  if (c.id.empty()) throw detail::DecodeError("conversation without an id");
  c.user_id = detail::text_or_empty(j, "user_id");
  c.phone_number_id = detail::text_or_empty(j, "phone_number_id");
  if (const auto o = j.find("origin"); o != j.end()) c.origin_type = detail::string_at(*o, "type");
  c.expiration_timestamp = detail::int_at(j, "expiration_timestamp");
  c.unread_count = detail::int_at(j, "unread_count");
  c.raw = j;
}

WHATSAPP_DECL void from_json(const nlohmann::json& j, Subscription& s) {
  detail::require_object(j, "subscription");
  s.object = detail::string_at(j, "object");
  s.callback_url = detail::string_at(j, "callback_url");
  s.active = detail::bool_at(j, "active").value_or(false);
  if (const auto* f = detail::array_at(j, "fields")) {
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

WHATSAPP_DECL void to_json(nlohmann::json& j, const NewSubscription& s) {
  j = nlohmann::json{{"object", s.object},
                     {"callback_url", s.callback_url},
                     {"fields", s.fields},
                     {"verify_token", s.verify_token}};
}

}  // namespace whatsapp
