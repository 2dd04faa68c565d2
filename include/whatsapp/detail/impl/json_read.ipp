// Definitions of the functions detail/json_read.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <charconv>
#include <cmath>
#include <system_error>

#include "whatsapp/detail/json_read.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL nlohmann::json parse_json(std::string_view text) {
  if (nesting_depth(text, kMaxJsonDepth) > kMaxJsonDepth)
    return nlohmann::json(nlohmann::json::value_t::discarded);
  return nlohmann::json::parse(text.data(), text.data() + text.size(), nullptr, /*allow_exceptions=*/false);
}

WHATSAPP_DECL const nlohmann::json* member(const nlohmann::json& j, std::string_view key) noexcept {
  if (!j.is_object()) return nullptr;
  const auto& obj = j.get_ref<const nlohmann::json::object_t&>();
  const auto it = obj.find(key);  // heterogeneous lookup: no std::string is built
  return it == obj.end() ? nullptr : &it->second;
}

WHATSAPP_DECL const nlohmann::json* object_at(const nlohmann::json& j, std::string_view key) noexcept {
  const nlohmann::json* v = member(j, key);
  return (v != nullptr && v->is_object()) ? v : nullptr;
}

WHATSAPP_DECL const nlohmann::json* array_at(const nlohmann::json& j, std::string_view key) noexcept {
  const nlohmann::json* v = member(j, key);
  return (v != nullptr && v->is_array()) ? v : nullptr;
}

WHATSAPP_DECL std::string string_at(const nlohmann::json& j, std::string_view key) {
  const nlohmann::json* v = member(j, key);
  return (v != nullptr && v->is_string()) ? v->get_ref<const std::string&>() : std::string();
}

WHATSAPP_DECL std::optional<std::string> opt_string_at(const nlohmann::json& j, std::string_view key) {
  const nlohmann::json* v = member(j, key);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return v->get_ref<const std::string&>();
}

WHATSAPP_DECL std::optional<std::string> text_at(const nlohmann::json& j, std::string_view key) {
  const nlohmann::json* v = member(j, key);
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

WHATSAPP_DECL std::string text_or_empty(const nlohmann::json& j, std::string_view key) {
  auto s = text_at(j, key);
  return s ? std::move(*s) : std::string();
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
  const nlohmann::json* v = member(j, key);
  return v == nullptr ? std::nullopt : to_int64(*v);
}

WHATSAPP_DECL std::optional<bool> bool_at(const nlohmann::json& j, std::string_view key) {
  const nlohmann::json* v = member(j, key);
  if (v == nullptr) return std::nullopt;
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_string()) {
    const auto& s = v->get_ref<const std::string&>();
    if (s == "true") return true;
    if (s == "false") return false;
  }
  return std::nullopt;
}

WHATSAPP_DECL std::optional<double> double_at(const nlohmann::json& j, std::string_view key) {
  const nlohmann::json* v = member(j, key);
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

WHATSAPP_DECL std::size_t nesting_depth(std::string_view text, std::size_t limit) noexcept {
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

WHATSAPP_DECL void require_object(const nlohmann::json& j, std::string_view what) {
  if (!j.is_object()) {
    throw DecodeError(std::string(what) + " is not a JSON object but " + j.type_name());
  }
}

WHATSAPP_DECL Error decode_error(std::string_view what, std::string_view reason) {
  Error err(ErrorKind::kParse, "cannot read " + std::string(what) + ": " + std::string(reason));
  err.with_delivery(Delivery::kMaybeSent);
  return err;
}

}  // namespace whatsapp::detail
