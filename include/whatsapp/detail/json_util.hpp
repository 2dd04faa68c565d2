#pragma once

// Tolerant readers for JSON values whose type a server may vary (numbers sent as strings).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"

namespace whatsapp::detail {

/// `j[key]` as a string when it is one, else empty.
WHATSAPP_DECL std::string string_at(const nlohmann::json& j, std::string_view key);

/// A decimal integer from the whole of `s` (an optional leading '-'), or nullopt when it is not
/// one or does not fit in 64 bits.
WHATSAPP_DECL std::optional<std::int64_t> parse_int64(std::string_view s) noexcept;

/// `v` as a 64-bit integer: an integer that fits, a float with no fractional part that fits, or
/// a string of decimal digits that fits. Anything else (1.5, 1e300, NaN, 2^64-1, "12a") is
/// nullopt, never a wrapped or undefined conversion.
WHATSAPP_DECL std::optional<std::int64_t> to_int64(const nlohmann::json& v) noexcept;

/// `j[key]` as an integer (see to_int64), or nullopt when absent.
WHATSAPP_DECL std::optional<std::int64_t> int_at(const nlohmann::json& j, std::string_view key);

WHATSAPP_DECL std::optional<bool> bool_at(const nlohmann::json& j, std::string_view key);

/// The first `max` bytes of `body`, control bytes replaced by '?', "..." when cut.
inline std::string excerpt(std::string_view body, std::size_t max = 160) {
  std::string out;
  const std::size_t n = body.size() < max ? body.size() : max;
  out.reserve(n + 3);
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(body[i]);
    out.push_back((c < 0x20 || c == 0x7F) ? (c == '\n' || c == '\r' || c == '\t' ? ' ' : '?')
                                          : static_cast<char>(c));
  }
  if (body.size() > max) out += "...";
  return out;
}

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/detail/impl/json_util.ipp"
#endif
