#pragma once

// Whether a string is exactly one emoji, as a reaction must be.

#include <string_view>

#include "whatsapp/detail/config.hpp"

namespace whatsapp::detail {

/// True when `s` (UTF-8) is exactly one emoji grapheme: an Extended_Pictographic code point with
/// an optional VS16 (U+FE0F) or skin-tone modifier (U+1F3FB..U+1F3FF), optionally followed by
/// tag characters ending in U+E007F (subdivision flags), or such elements joined by ZWJ
/// (U+200D); a flag (two regional indicators); or a keycap (#, * or 0-9, optional U+FE0F,
/// U+20E3). False for the empty string, text, two emoji and invalid UTF-8. Never throws.
WHATSAPP_DECL bool is_one_emoji(std::string_view s) noexcept;

/// True for an Extended_Pictographic code point (Unicode's emoji-data.txt).
WHATSAPP_DECL bool is_pictographic(char32_t c) noexcept;

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/detail/impl/emoji.ipp"
#endif
