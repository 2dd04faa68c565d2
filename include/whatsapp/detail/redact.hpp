#pragma once

// Removing secrets from every text the library produces.

#include <string>
#include <string_view>

#include "whatsapp/detail/percent.hpp"

namespace whatsapp::detail {

inline constexpr std::string_view kRedacted = "***";

/// Replaces every occurrence of `secret` (when not empty) in `text`.
inline void redact_secret(std::string& text, std::string_view secret) {
  if (secret.empty()) return;
  for (auto pos = text.find(secret); pos != std::string::npos;
       pos = text.find(secret, pos + kRedacted.size())) {
    text.replace(pos, secret.size(), kRedacted);
  }
}

/// Replaces the value of every `api_token=` query parameter in `text` (up to '&', '#', space,
/// quote or the end), whatever the token is. Also catches the token percent-encoded.
inline void redact_token_params(std::string& text) {
  static constexpr std::string_view kKey = "api_token=";
  for (auto pos = text.find(kKey); pos != std::string::npos; pos = text.find(kKey, pos + 1)) {
    const auto start = pos + kKey.size();
    auto end = text.find_first_of("&# \t\r\n\"'<>", start);
    if (end == std::string::npos) end = text.size();
    text.replace(start, end - start, kRedacted);
  }
}

/// Both of the above, and the token percent-encoded.
inline std::string redacted(std::string text, std::string_view secret) {
  redact_token_params(text);
  redact_secret(text, secret);
  if (!secret.empty()) {
    const std::string enc = encoded(secret);
    if (enc != secret) redact_secret(text, enc);
  }
  return text;
}

}  // namespace whatsapp::detail
