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
  /// The payload's JSON text, for fields this struct does not model; raw() parses it. Kept as
  /// text because a send's answer is read without building a JSON tree (docs/performance.md).
  std::string raw_json;

  /// The payload as JSON (parsed from raw_json on each call; discarded when it is not JSON).
  nlohmann::json raw() const { return nlohmann::json::parse(raw_json, nullptr, /*allow_exceptions=*/false); }

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
  r.raw_json = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace detail {
/// decode<SendResult>() of an unwrapped payload (the general path; detail/send_answer.hpp reads
/// the usual answer without a tree).
inline Result<SendResult> decode_send_result(const nlohmann::json& payload) {
  return decode<SendResult>(payload, "send response");
}
}  // namespace detail

}  // namespace whatsapp
