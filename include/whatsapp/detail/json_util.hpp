#pragma once

// Tolerant readers for JSON values whose type a server may vary (numbers sent as strings).

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace whatsapp::detail {

/// `j[key]` as a string when it is one, else empty.
inline std::string string_at(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return {};
  const auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

/// `j[key]` as an integer when it is a number or a string of digits.
inline std::optional<std::int64_t> int_at(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return std::nullopt;
  const auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  if (it->is_number_integer()) return it->get<std::int64_t>();
  if (it->is_number_float()) return static_cast<std::int64_t>(it->get<double>());
  if (it->is_string()) {
    const auto& s = it->get_ref<const std::string&>();
    if (s.empty() || s.size() > 18) return std::nullopt;
    std::int64_t v = 0;
    std::size_t i = (s[0] == '-') ? 1 : 0;
    if (i == s.size()) return std::nullopt;
    for (; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      v = v * 10 + (s[i] - '0');
    }
    return s[0] == '-' ? -v : v;
  }
  return std::nullopt;
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
