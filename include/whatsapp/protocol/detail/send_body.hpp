#pragma once

// The JSON body of a send, written straight into a string for every content type: byte for byte
// what nlohmann::json(message).dump(-1, ' ', false, error_handler_t::replace) gives (keys in
// nlohmann's sorted order, the same escapes and number formats, invalid UTF-8 replaced the same
// way), without building a JSON tree first. A send reaches none of the models' nlohmann writers,
// which keeps a file that includes the SDK header-only faster to compile (docs/performance.md).
// tests/unit/send_body_differential_test.cpp and fuzz_send_body hold the two writers to the same
// bytes.

#include <string>
#include <string_view>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/model/message.hpp"

namespace whatsapp::detail {

/// Appends `s` as a JSON string as nlohmann's dump(ensure_ascii = false) writes it, bytes that
/// are not valid UTF-8 replaced by U+FFFD as nlohmann's error_handler_t::replace does.
WHATSAPP_DECL void append_json_string(std::string& out, std::string_view s);

/// The send body of `message` (Meta's JSON), as nlohmann::json(message).dump() writes it.
WHATSAPP_DECL std::string message_body(const Message& message);

/// message_body() written into `out`, which keeps its memory (a batch reuses one per slot).
WHATSAPP_DECL void write_message_body(std::string& out, const Message& message);

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/protocol/detail/impl/send_body.ipp"
#endif
