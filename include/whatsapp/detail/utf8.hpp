#pragma once

// UTF-8 checks: Meta counts limits in characters, not bytes.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace whatsapp::detail {

/// The number of code points in `s`, or nullopt when `s` is not valid UTF-8.
inline std::optional<std::size_t> utf8_length(std::string_view s) noexcept {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size();) {
    // Eight ASCII bytes at a time: most text is ASCII.
    constexpr std::size_t kWord = sizeof(std::uint64_t);
    while (i + kWord <= s.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, s.data() + i, kWord);
      if ((word & 0x8080808080808080ULL) != 0) break;
      i += kWord;
      count += kWord;
    }
    if (i == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    unsigned min = 0;
    unsigned cp = 0;
    if (c < 0x80) {
      len = 1;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
      min = 0x10000;
    } else {
      return std::nullopt;
    }
    if (i + len > s.size()) return std::nullopt;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (len > 1 && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) {
      return std::nullopt;
    }
    i += len;
    ++count;
  }
  return count;
}

/// The length of the valid UTF-8 sequence starting at s[i], or 0 when none starts there.
inline std::size_t utf8_sequence_at(std::string_view s, std::size_t i) noexcept {
  const auto c = static_cast<unsigned char>(s[i]);
  const std::size_t len = c < 0x80             ? 1
                          : (c & 0xE0) == 0xC0 ? 2
                          : (c & 0xF0) == 0xE0 ? 3
                          : (c & 0xF8) == 0xF0 ? 4
                                               : 0;
  if (len == 0 || i + len > s.size()) return 0;
  return utf8_length(s.substr(i, len)) ? len : 0;
}

/// `s` with every byte that does not start a valid UTF-8 sequence (a stray continuation byte,
/// a truncated or overlong sequence, a surrogate, a code point past U+10FFFF) replaced by
/// U+FFFD, one replacement per byte. Valid text comes back unchanged.
inline std::string to_valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = utf8_sequence_at(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.data() + i, len);
      i += len;
    }
  }
  return out;
}

}  // namespace whatsapp::detail
