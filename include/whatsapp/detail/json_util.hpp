#pragma once

// Tolerant readers for JSON values whose type a server may vary (numbers sent as strings).

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#include <nlohmann/json.hpp>

namespace whatsapp::detail {

/// `j[key]` as a string when it is one, else empty.
inline std::string string_at(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return {};
  const auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

/// A decimal integer from the whole of `s` (an optional leading '-'), or nullopt when it is not
/// one or does not fit in 64 bits.
inline std::optional<std::int64_t> parse_int64(std::string_view s) noexcept {
  std::int64_t v = 0;
  const char* last = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), last, v);
  if (s.empty() || ec != std::errc() || ptr != last) return std::nullopt;
  return v;
}

/// `v` as a 64-bit integer: an integer that fits, a float with no fractional part that fits, or
/// a string of decimal digits that fits. Anything else (1.5, 1e300, NaN, 2^64-1, "12a") is
/// nullopt, never a wrapped or undefined conversion.
inline std::optional<std::int64_t> to_int64(const nlohmann::json& v) noexcept {
  switch (v.type()) {
    case nlohmann::json::value_t::number_integer: return v.get<std::int64_t>();
    case nlohmann::json::value_t::number_unsigned: {
      const auto u = v.get<std::uint64_t>();
      if (u > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
      return static_cast<std::int64_t>(u);
    }
    case nlohmann::json::value_t::number_float: {
      const double d = v.get<double>();
      // The bounds are exact powers of two, so the comparisons are exact.
      if (!std::isfinite(d) || d != std::floor(d) || d < -9223372036854775808.0 ||
          d >= 9223372036854775808.0) {
        return std::nullopt;
      }
      return static_cast<std::int64_t>(d);
    }
    case nlohmann::json::value_t::string: return parse_int64(v.get_ref<const std::string&>());
    default: return std::nullopt;
  }
}

/// `j[key]` as an integer (see to_int64), or nullopt when absent.
inline std::optional<std::int64_t> int_at(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return std::nullopt;
  const auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  return to_int64(*it);
}

inline std::optional<bool> bool_at(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return std::nullopt;
  const auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  if (it->is_boolean()) return it->get<bool>();
  if (it->is_string()) {
    const auto& s = it->get_ref<const std::string&>();
    if (s == "true") return true;
    if (s == "false") return false;
  }
  return std::nullopt;
}

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
