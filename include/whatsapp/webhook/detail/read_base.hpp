#pragma once

/// @file webhook/detail/read_base.hpp
/// Private: what every webhook reader shares: the parsed body the structs' `raw` refer into,
/// list and optional-object readers, and the small common parts (timestamp, errors, metadata).

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/webhook/notification.hpp"

namespace whatsapp::detail {

namespace wh = whatsapp::webhook;
using webhook_json = nlohmann::json;

/// The parsed body every struct's `raw` refers into.
struct WebhookDoc {
  std::shared_ptr<const webhook_json> doc;

  /// A JsonRef to `j`, a value inside `*doc` (or the static null).
  wh::JsonRef ref(const webhook_json& j) const noexcept { return wh::JsonRef(doc, &j); }
};

/// Applies `read` to each element of the array member `key` (absent or not an array: nothing).
template <class T, class F>
std::vector<T> webhook_read_list(const WebhookDoc& d, const webhook_json& j, std::string_view key, F read) {
  std::vector<T> out;
  if (const webhook_json* a = array_at(j, key)) {
    out.reserve(a->size());
    for (const auto& item : *a) out.push_back(read(d, item));
  }
  return out;
}

/// Applies `read` to the object member `key`, or nullopt when it is absent or not an object.
template <class T, class F>
wh::Optional<T> webhook_read_optional(const WebhookDoc& d, const webhook_json& j, std::string_view key,
                                      F read) {
  if (const webhook_json* o = object_at(j, key)) return read(d, *o);
  return std::nullopt;
}

inline wh::Timestamp webhook_read_timestamp(const webhook_json& j, std::string_view key) {
  return wh::Timestamp{text_or_empty(j, key)};
}

inline wh::ErrorObject webhook_read_error(const WebhookDoc& d, const webhook_json& j) {
  wh::ErrorObject e;
  e.code = int_at(j, "code");
  e.title = text_or_empty(j, "title");
  e.message = text_or_empty(j, "message");
  if (const webhook_json* data = object_at(j, "error_data")) {
    e.details = text_or_empty(*data, "details");
  }
  // Older payloads (Meta's "unknown" message example) put details beside the code and title.
  if (e.details.empty()) e.details = text_or_empty(j, "details");
  e.href = text_or_empty(j, "href");
  e.raw = d.ref(j);
  return e;
}

inline std::vector<wh::ErrorObject> webhook_read_errors(const WebhookDoc& d, const webhook_json& j) {
  return webhook_read_list<wh::ErrorObject>(d, j, "errors", webhook_read_error);
}

inline wh::Metadata webhook_read_metadata(const WebhookDoc& d, const webhook_json& j) {
  return wh::Metadata{text_or_empty(j, "display_phone_number"), text_or_empty(j, "phone_number_id"),
                      d.ref(j)};
}

}  // namespace whatsapp::detail
