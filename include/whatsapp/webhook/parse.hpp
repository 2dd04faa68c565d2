#pragma once

/// @file parse.hpp
/// Turns a webhook POST body into a typed Notification.

#include <cstddef>
#include <exception>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/webhook/detail/read.hpp"
#include "whatsapp/webhook/notification.hpp"

namespace whatsapp::webhook {

/// Limits applied before and while parsing.
struct ParseOptions {
  /// Bodies longer than this are refused without being parsed. Meta's notifications are a few
  /// kilobytes; the default leaves ample room.
  std::size_t max_body_bytes = std::size_t{1024} * 1024;
  /// Deeper nesting of arrays/objects is refused (protects the stack; Meta nests about 10 deep).
  std::size_t max_depth = 64;
};

/// Parses a webhook POST body (the exact bytes received; check the signature on the same bytes
/// first). Unknown fields, unknown `field`s and unknown message, status and event values never
/// fail the parse: they stay as strings and in the `raw`/`value` JSON (which refers into the one parsed
/// body). Fields of the wrong JSON type are treated as absent. A JSON object without `entry` gives a
/// Notification with no entries. Never throws.
/// @return the Notification, or an ErrorKind::kParse error when the body is larger than
///         `options.max_body_bytes`, nested deeper than `options.max_depth`, not valid JSON
///         (the message says where), or not a JSON object.
inline Result<Notification> parse(std::string_view raw_body, const ParseOptions& options = {}) noexcept {
  try {
    if (raw_body.size() > options.max_body_bytes) {
      return Error(ErrorKind::kParse, "webhook body too large: " + std::to_string(raw_body.size()) +
                                          " bytes, limit " + std::to_string(options.max_body_bytes));
    }
    if (raw_body.empty()) return Error(ErrorKind::kParse, "webhook body is empty");
    if (detail::nesting_depth(raw_body, options.max_depth) > options.max_depth) {
      return Error(ErrorKind::kParse,
                   "webhook body nested deeper than " + std::to_string(options.max_depth) + " levels");
    }
    nlohmann::json doc;
    try {
      doc = nlohmann::json::parse(raw_body.begin(), raw_body.end());
    } catch (const nlohmann::json::parse_error& e) {
      // what() reads "[json.exception.parse_error.101] parse error at line 1, column 5: ...;
      // last read: '<body bytes>'": keep the part after the bracketed tag and before the body's
      // bytes (a text that the server's 400 and log line carry holds none of the body).
      std::string what = e.what();
      if (!what.empty() && what[0] == '[') {
        auto close = what.find("] ");
        if (close != std::string::npos) what.erase(0, close + 2);
      }
      if (const auto quoted = what.find("; last read: "); quoted != std::string::npos) what.erase(quoted);
      return Error(ErrorKind::kParse, "webhook body is not valid JSON: " + what);
    }
    if (!doc.is_object()) {
      return Error(ErrorKind::kParse,
                   std::string("webhook body is a JSON ") + doc.type_name() + ", expected an object");
    }
    // Parsed once and shared: every struct's raw refers into this document.
    const detail::WebhookDoc shared{std::make_shared<const nlohmann::json>(std::move(doc))};
    const nlohmann::json& root = *shared.doc;
    Notification n;
    n.object = detail::text_or_empty(root, "object");
    n.entries = detail::webhook_read_list<Entry>(shared, root, "entry", detail::webhook_read_entry);
    n.raw = shared.ref(root);
    return n;
  } catch (const std::exception& e) {
    return Error(ErrorKind::kParse, std::string("webhook body could not be read: ") + e.what());
  } catch (...) {
    return Error(ErrorKind::kParse, "webhook body could not be read");
  }
}

/// Reads one change from its `value` object and `field` name: for payloads that arrive without
/// the `{"object","entry":[{"changes":[...]}]}` frame (some relays, such as n8n, forward only the
/// value with `field` merged in). Never throws.
/// @return the Change, or an ErrorKind::kParse error when `value` is not a JSON object.
inline Result<Change> parse_change(const nlohmann::json& value, std::string_view field) noexcept {
  try {
    if (!value.is_object()) {
      return Error(ErrorKind::kParse,
                   std::string("change value is a JSON ") + value.type_name() + ", expected an object");
    }
    // One copy of `value`, shared by the Change and all its parts.
    const detail::WebhookDoc shared{std::make_shared<const nlohmann::json>(value)};
    return detail::webhook_read_change(shared, *shared.doc, std::string(field));
  } catch (const std::exception& e) {
    return Error(ErrorKind::kParse, std::string("change value could not be read: ") + e.what());
  } catch (...) {
    return Error(ErrorKind::kParse, "change value could not be read");
  }
}

}  // namespace whatsapp::webhook
