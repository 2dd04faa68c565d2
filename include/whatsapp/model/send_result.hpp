#pragma once

/// @file model/send_result.hpp
/// The answer to a send.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_read.hpp"

namespace whatsapp {

/// A recipient as WhatsApp resolved it.
struct SendContact {
  std::string input;  ///< The `to` (phone number) or `recipient` (BSUID) the request gave.
  /// The recipient's WhatsApp id (kept exactly, spaces included); empty when the send was
  /// addressed to a BSUID and Meta did not give the phone number.
  std::string wa_id;
  /// The recipient's BSUID (or parent BSUID), given when the send was addressed to one.
  std::optional<std::string> user_id;
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
  nlohmann::json raw() const;

  /// The id of the (first) message sent.
  const std::string& message_id() const noexcept { return messages.front().id; }
};

/// Reads a send answer; requires at least one message id.
WHATSAPP_DECL void from_json(const nlohmann::json& j, SendResult& r);

namespace detail {
/// decode<SendResult>() of an unwrapped payload (the general path; protocol/detail/send_answer.hpp reads
/// the usual answer without a tree).
WHATSAPP_DECL Result<SendResult> decode_send_result(const nlohmann::json& payload);
}  // namespace detail

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/send_result.ipp"
#endif
