// Definitions of the functions detail/json_util.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <charconv>
#include <cmath>
#include <system_error>

#include "whatsapp/detail/json_util.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL std::string string_at(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return {};
  const auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

WHATSAPP_DECL std::optional<std::int64_t> parse_int64(std::string_view s) noexcept {
  std::int64_t v = 0;
  const char* last = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), last, v);
  if (s.empty() || ec != std::errc() || ptr != last) return std::nullopt;
  return v;
}

WHATSAPP_DECL std::optional<std::int64_t> to_int64(const nlohmann::json& v) noexcept {
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

WHATSAPP_DECL std::optional<std::int64_t> int_at(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return std::nullopt;
  const auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  return to_int64(*it);
}

WHATSAPP_DECL std::optional<bool> bool_at(const nlohmann::json& j, std::string_view key) {
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

}  // namespace whatsapp::detail
