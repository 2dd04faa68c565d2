#pragma once

/// @file webhook/common.hpp
/// Pieces every part of a notification uses: Timestamp and ErrorObject (see notification.hpp
/// for the conventions of the webhook structs).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/webhook/json_ref.hpp"

namespace whatsapp::webhook {

/// A point in time as Meta sends it: a string (or number) of seconds since the Unix epoch.
/// The text is kept as received; the accessors convert it.
struct Timestamp {
  std::string text;  ///< As received, e.g. "1697043223"; numbers are rendered in decimal.

  /// Seconds since the epoch, or nullopt when the text is empty or not a decimal integer. A
  /// value of 10^11 or more (13 digits: after the year 5000 if it were seconds) is milliseconds,
  /// as in Meta's identity-change example (`created_timestamp: 1602532300000`), and is converted.
  std::optional<std::int64_t> seconds() const noexcept {
    auto v = detail::parse_int64(text);
    constexpr std::int64_t kMilliseconds = 100'000'000'000LL;
    if (v && (*v >= kMilliseconds || *v <= -kMilliseconds)) *v /= 1000;
    return v;
  }

  /// The same instant as a system_clock time point, or nullopt like seconds(); also nullopt when
  /// the value does not fit the clock's range.
  std::optional<std::chrono::system_clock::time_point> time_point() const noexcept {
    auto s = seconds();
    // system_clock counts in at most nanoseconds on the supported platforms: +-292 years.
    constexpr std::int64_t kLimit = 9'000'000'000LL;
    if (!s || *s > kLimit || *s < -kLimit) return std::nullopt;
    return std::chrono::system_clock::time_point(std::chrono::seconds(*s));
  }

  bool empty() const noexcept { return text.empty(); }
};

/// An error object inside a webhook (`statuses[].errors[]`, `messages[].errors[]`,
/// `value.errors[]`). Webhook errors have a title and often an href, but no type or fbtrace_id.
struct ErrorObject {
  std::optional<std::int64_t> code;
  std::string title;
  std::string message;
  std::string details;  ///< error_data.details, or a top-level details in older payloads
  std::string href;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).

  /// The error's family derived from its code (see whatsapp::error_category()); kNone without one.
  ErrorCategory category() const noexcept { return code ? error_category(*code) : ErrorCategory::kNone; }

  /// The same error in the shape the client's errors use.
  GraphError to_graph_error() const {
    GraphError g;
    g.code = code;
    g.message = message.empty() ? title : message;
    g.details = details;
    g.error_user_title = title;
    return g;
  }
};

}  // namespace whatsapp::webhook
