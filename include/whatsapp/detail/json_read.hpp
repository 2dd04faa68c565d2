#pragma once

/// @file detail/json_read.hpp
/// Private: the one JSON-reading layer of the SDK. The models (model/impl/*.ipp), the envelope
/// (protocol/) and the webhook parser (webhook/detail/read.hpp) read parsed JSON only through
/// these functions, so a rule such as "an id may arrive as a number" is written once.
///
/// Two ways of reading, one vocabulary:
///  - Tolerant readers (`member`, `*_at`, `to_int64`, ...) never throw on a missing key or a
///    value of the wrong type: they answer "absent" (nullptr, nullopt or ""), so one odd field
///    never fails a whole answer or notification. They may throw std::bad_alloc.
///  - Strict decoding (`decode<T>`): a model's `from_json` throws DecodeError (through
///    `require_object` or directly) when a field it cannot do without is missing; `decode<T>`
///    turns that, and any nlohmann exception, into an ErrorKind::kParse Error. Nothing escapes.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/excerpt.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"

namespace whatsapp::detail {

// ---- Tolerant readers ----------------------------------------------------------------------

/// The deepest nesting of arrays and objects parse_json accepts. nlohmann parses any depth, but
/// its dump, copy and comparison recurse once per level, as do the models' decoders: a 200 KB
/// answer of nested brackets overflowed the stack. Real answers nest under 10 levels.
inline constexpr std::size_t kMaxJsonDepth = 128;

/// `text` parsed, or a discarded value (`is_discarded()`) when it is not JSON or is nested
/// deeper than kMaxJsonDepth; never throws except std::bad_alloc. Every parse in the SDK goes
/// through here, so nlohmann's parser is instantiated for one kind of input only
/// (docs/performance.md).
WHATSAPP_DECL nlohmann::json parse_json(std::string_view text);

/// The member `key` of `j`, or nullptr when `j` is not an object or has no such member.
WHATSAPP_DECL const nlohmann::json* member(const nlohmann::json& j, std::string_view key) noexcept;

/// The member `key` when it is an object, else nullptr.
WHATSAPP_DECL const nlohmann::json* object_at(const nlohmann::json& j, std::string_view key) noexcept;

/// The member `key` when it is an array, else nullptr.
WHATSAPP_DECL const nlohmann::json* array_at(const nlohmann::json& j, std::string_view key) noexcept;

/// `j[key]` as a string when it is one, else empty.
WHATSAPP_DECL std::string string_at(const nlohmann::json& j, std::string_view key);

/// `j[key]` as a string when it is one, else nullopt.
WHATSAPP_DECL std::optional<std::string> opt_string_at(const nlohmann::json& j, std::string_view key);

/// `j[key]` as text: a string as it is, an integer in decimal, a float or boolean as JSON
/// renders it (ids arrive as strings and as numbers); nullopt when absent, null, an object or an
/// array.
WHATSAPP_DECL std::optional<std::string> text_at(const nlohmann::json& j, std::string_view key);

/// text_at(), or "" when absent.
WHATSAPP_DECL std::string text_or_empty(const nlohmann::json& j, std::string_view key);

/// A decimal integer from the whole of `s` (an optional leading '-'), or nullopt when it is not
/// one or does not fit in 64 bits.
WHATSAPP_DECL std::optional<std::int64_t> parse_int64(std::string_view s) noexcept;

/// `v` as a 64-bit integer: an integer that fits, a float with no fractional part that fits, or
/// a string of decimal digits that fits. Anything else (1.5, 1e300, NaN, 2^64-1, "12a") is
/// nullopt, never a wrapped or undefined conversion.
WHATSAPP_DECL std::optional<std::int64_t> to_int64(const nlohmann::json& v) noexcept;

/// `j[key]` as an integer (see to_int64), or nullopt when absent.
WHATSAPP_DECL std::optional<std::int64_t> int_at(const nlohmann::json& j, std::string_view key);

/// `j[key]` as a boolean: true/false, or the strings "true"/"false"; else nullopt.
WHATSAPP_DECL std::optional<bool> bool_at(const nlohmann::json& j, std::string_view key);

/// `j[key]` as a finite double: a number, or a string holding one (read independently of the
/// locale); else nullopt.
WHATSAPP_DECL std::optional<double> double_at(const nlohmann::json& j, std::string_view key);

/// The deepest nesting of arrays and objects in a JSON text, scanning bytes (strings skipped):
/// checked before parsing, so a hostile body cannot exhaust the parser's stack. Stops counting
/// once `limit` is exceeded and returns limit + 1.
WHATSAPP_DECL std::size_t nesting_depth(std::string_view text, std::size_t limit) noexcept;

// ---- Strict decoding -----------------------------------------------------------------------

/// Thrown by a model's from_json when a required field is missing or of the wrong type; caught
/// by decode<T>.
struct DecodeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Throws DecodeError unless `j` is an object.
WHATSAPP_DECL void require_object(const nlohmann::json& j, std::string_view what);

/// The kParse error decode<T> returns when reading `what` failed with `reason`. The payload came
/// with a success status, so the request was processed as far as anyone can tell: the error says
/// it may have been (Delivery::kMaybeSent).
WHATSAPP_DECL Error decode_error(std::string_view what, std::string_view reason);

/// `j` converted with the model's from_json; a parse error naming `what` on failure (see
/// decode_error()). Never throws except std::bad_alloc.
template <class T>
Result<T> decode(const nlohmann::json& j, std::string_view what) {
  try {
    T value;
    from_json(j, value);
    return value;
  } catch (const DecodeError& e) {
    return decode_error(what, e.what());
  } catch (const nlohmann::json::exception& e) {
    return decode_error(what, e.what());
  }
}

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/detail/impl/json_read.ipp"
#endif
