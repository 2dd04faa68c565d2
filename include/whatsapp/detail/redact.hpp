#pragma once

// Removing secrets from every text the library produces.

#include <string>
#include <string_view>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/percent.hpp"

namespace whatsapp::detail {

inline constexpr std::string_view kRedacted = "***";

/// Replaces every occurrence of `secret` (when not empty) in `text`.
WHATSAPP_DECL void redact_secret(std::string& text, std::string_view secret);

/// Replaces the value of every `api_token=` query parameter in `text` (up to '&', '#', space,
/// quote or the end), whatever the token is. Also catches the token percent-encoded.
WHATSAPP_DECL void redact_token_params(std::string& text);

/// Both of the above, and the token percent-encoded.
WHATSAPP_DECL std::string redacted(std::string text, std::string_view secret);

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/detail/impl/redact.ipp"
#endif
