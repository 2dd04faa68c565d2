// Definitions of the functions detail/redact.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/detail/redact.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL void redact_secret(std::string& text, std::string_view secret) {
  if (secret.empty()) return;
  for (auto pos = text.find(secret); pos != std::string::npos;
       pos = text.find(secret, pos + kRedacted.size())) {
    text.replace(pos, secret.size(), kRedacted);
  }
}

WHATSAPP_DECL void redact_token_params(std::string& text) {
  static constexpr std::string_view kKey = "api_token=";
  for (auto pos = text.find(kKey); pos != std::string::npos; pos = text.find(kKey, pos + 1)) {
    const auto start = pos + kKey.size();
    auto end = text.find_first_of("&# \t\r\n\"'<>", start);
    if (end == std::string::npos) end = text.size();
    text.replace(start, end - start, kRedacted);
  }
}

WHATSAPP_DECL std::string redacted(std::string text, std::string_view secret) {
  redact_token_params(text);
  redact_secret(text, secret);
  if (!secret.empty()) {
    const std::string enc = encoded(secret);
    if (enc != secret) redact_secret(text, enc);
  }
  return text;
}

}  // namespace whatsapp::detail
