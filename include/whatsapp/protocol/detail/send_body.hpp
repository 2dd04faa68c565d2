#pragma once

// The JSON body of a send, written straight into a string for the common cases (text, media,
// reactions, templates, interactive messages), byte for byte what nlohmann::json(message).dump() gives (keys
// in nlohmann's sorted order, the same escapes), without building a JSON tree first. Any other content goes
// through nlohmann.

#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_plain.hpp"
#include "whatsapp/detail/utf8.hpp"
#include "whatsapp/model/message.hpp"

namespace whatsapp::detail {

/// Appends `s` as a JSON string as nlohmann's dump(ensure_ascii = false) writes it. False (and
/// `out` partly written) when `s` is not valid UTF-8; the caller then uses nlohmann's replacement.
WHATSAPP_DECL bool append_json_string(std::string& out, std::string_view s);

/// The send body written directly, without a JSON tree, for text, media (image, audio, video,
/// document, sticker), reaction, template and interactive messages (except templates with
/// location, action or raw parameters, flows and orders); false for other content, or when a
/// string is not valid UTF-8 (the general path then writes it, with replacement characters).
WHATSAPP_DECL bool write_send_body_directly(std::string& out, const Message& m);

/// The send body of `message` (Meta's JSON), as nlohmann::json(message).dump() writes it.
WHATSAPP_DECL std::string message_body(const Message& message);

/// message_body() written into `out`, which keeps its memory (a batch reuses one per slot).
WHATSAPP_DECL void write_message_body(std::string& out, const Message& message);

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/protocol/detail/impl/send_body.ipp"
#endif
