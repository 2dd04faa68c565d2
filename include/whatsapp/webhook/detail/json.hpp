#pragma once

/// @file webhook_json.hpp
/// Private: tolerant readers for webhook JSON. None of them throws on a missing key or a value of
/// the wrong type; they answer "absent" instead, so one odd field never fails a whole notification.
/// They may throw std::bad_alloc, which parse() catches.

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/json_util.hpp"

namespace whatsapp::detail {

/// The member `key` of `j`, or nullptr when `j` is not an object or has no such member.
inline const nlohmann::json* webhook_member(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return nullptr;
  const auto& obj = j.get_ref<const nlohmann::json::object_t&>();
  auto it = obj.find(std::string(key));
  return it == obj.end() ? nullptr : &it->second;
}

/// A string member; numbers and booleans are rendered as text (ids arrive as both), others absent.
inline std::optional<std::string> webhook_string(const nlohmann::json& j, std::string_view key) {
  const nlohmann::json* v = webhook_member(j, key);
  if (v == nullptr) return std::nullopt;
  switch (v->type()) {
    case nlohmann::json::value_t::string: return v->get_ref<const std::string&>();
    case nlohmann::json::value_t::number_integer: return std::to_string(v->get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned: return std::to_string(v->get<std::uint64_t>());
    case nlohmann::json::value_t::number_float:
    case nlohmann::json::value_t::boolean: return v->dump();
    default: return std::nullopt;
  }
}

/// A string member, or "" when absent or not a scalar.
inline std::string webhook_string_or_empty(const nlohmann::json& j, std::string_view key) {
  auto s = webhook_string(j, key);
  return s ? std::move(*s) : std::string();
}

/// A boolean member; also accepts the strings "true"/"false". Absent otherwise.
inline std::optional<bool> webhook_bool(const nlohmann::json& j, std::string_view key) {
  const nlohmann::json* v = webhook_member(j, key);
  if (v == nullptr) return std::nullopt;
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_string()) {
    const auto& s = v->get_ref<const std::string&>();
    if (s == "true") return true;
    if (s == "false") return false;
  }
  return std::nullopt;
}

/// An integer member; accepts integers, integral floats and decimal strings that fit in 64 bits.
/// Absent otherwise.
inline std::optional<std::int64_t> webhook_int(const nlohmann::json& j, std::string_view key) {
  const nlohmann::json* v = webhook_member(j, key);
  return v == nullptr ? std::nullopt : to_int64(*v);
}

/// A numeric member as double; accepts numbers and numeric strings. Absent otherwise.
inline std::optional<double> webhook_double(const nlohmann::json& j, std::string_view key) {
  const nlohmann::json* v = webhook_member(j, key);
  if (v == nullptr) return std::nullopt;
  if (v->is_number()) return v->get<double>();
  if (v->is_string()) {
    const auto& s = v->get_ref<const std::string&>();
    double d = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), d);  // locale-independent
    if (s.empty() || ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(d)) {
      return std::nullopt;
    }
    return d;
  }
  return std::nullopt;
}

/// The object member `key`, or nullptr when absent or not an object.
inline const nlohmann::json* webhook_object(const nlohmann::json& j, std::string_view key) {
  const nlohmann::json* v = webhook_member(j, key);
  return (v != nullptr && v->is_object()) ? v : nullptr;
}

/// The array member `key`, or nullptr when absent or not an array.
inline const nlohmann::json* webhook_array(const nlohmann::json& j, std::string_view key) {
  const nlohmann::json* v = webhook_member(j, key);
  return (v != nullptr && v->is_array()) ? v : nullptr;
}

/// The deepest nesting of arrays and objects in a JSON text, scanning bytes (strings skipped).
/// Stops counting once `limit` is exceeded and returns limit + 1.
inline std::size_t webhook_nesting_depth(std::string_view text, std::size_t limit) noexcept {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '[':
      case '{':
        if (++depth > deepest) {
          deepest = depth;
          if (deepest > limit) return limit + 1;
        }
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;
        break;
      default: break;
    }
  }
  return deepest;
}

}  // namespace whatsapp::detail
