#pragma once

/// @file model/send_result.hpp
/// The answer to a send.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/decode.hpp"
#include "whatsapp/detail/json_util.hpp"

namespace whatsapp {

/// A recipient as WhatsApp resolved it.
struct SendContact {
  std::string input;  ///< The `to` the request gave.
  std::string wa_id;  ///< The recipient's WhatsApp id (kept exactly, spaces included).
};

/// One accepted message.
struct SentMessage {
  std::string id;  ///< The message's wamid; statuses in webhooks refer to it.
  /// "accepted", "held_for_quality_assessment" or "paused", when Meta says.
  std::optional<std::string> message_status;
};

struct SendResult {
  std::string messaging_product;
  std::vector<SendContact> contacts;
  std::vector<SentMessage> messages;  ///< At least one.
  nlohmann::json raw;                 ///< The payload as received.

  /// The id of the (first) message sent.
  const std::string& message_id() const noexcept { return messages.front().id; }
};

/// Reads a send answer; requires at least one message id.
inline void from_json(const nlohmann::json& j, SendResult& r) {
  detail::require_object(j, "send response");
  r.messaging_product = detail::string_at(j, "messaging_product");
  if (const auto c = j.find("contacts"); c != j.end() && c->is_array()) {
    for (const auto& e : *c) {
      r.contacts.push_back({detail::string_at(e, "input"), detail::string_at(e, "wa_id")});
    }
  }
  if (const auto m = j.find("messages"); m != j.end() && m->is_array()) {
    for (const auto& e : *m) {
      SentMessage sm{detail::string_at(e, "id"), std::nullopt};
      if (sm.id.empty()) throw detail::DecodeError("messages[] entry without an id");
      if (auto st = detail::string_at(e, "message_status"); !st.empty()) sm.message_status = std::move(st);
      r.messages.push_back(std::move(sm));
    }
  }
  if (r.messages.empty()) throw detail::DecodeError("no message id in the answer");
  r.raw = j;
}

}  // namespace whatsapp
