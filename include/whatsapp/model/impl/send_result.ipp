// Definitions of the functions model/send_result.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/model/send_result.hpp"

namespace whatsapp {

WHATSAPP_DECL nlohmann::json SendResult::raw() const { return detail::parse_json(raw_json); }

WHATSAPP_DECL void from_json(const nlohmann::json& j, SendResult& r) {
  detail::require_object(j, "send response");
  r.messaging_product = detail::string_at(j, "messaging_product");
  if (const auto* c = detail::array_at(j, "contacts")) {
    for (const auto& e : *c) {
      r.contacts.push_back({detail::string_at(e, "input"), detail::string_at(e, "wa_id"),
                            detail::opt_string_at(e, "user_id")});
    }
  }
  if (const auto* m = detail::array_at(j, "messages")) {
    for (const auto& e : *m) {
      SentMessage sm{detail::string_at(e, "id"), std::nullopt};
      if (sm.id.empty()) throw detail::DecodeError("messages[] entry without an id");
      if (auto st = detail::string_at(e, "message_status"); !st.empty()) sm.message_status = std::move(st);
      r.messages.push_back(std::move(sm));
    }
  }
  if (r.messages.empty()) throw detail::DecodeError("no message id in the answer");
  r.raw_json = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace whatsapp

namespace whatsapp::detail {

WHATSAPP_DECL Result<SendResult> decode_send_result(const nlohmann::json& payload) {
  return decode<SendResult>(payload, "send response");
}

}  // namespace whatsapp::detail
