#pragma once

// The hot loops over JSON string contents (writing a send body, reading a send answer) skip
// "plain" bytes eight at a time: printable ASCII other than '"' and '\\', which a JSON string
// holds as they are.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "whatsapp/detail/ascii_words.hpp"

namespace whatsapp::detail {

/// True when every byte of `word` is in 0x20..0x7F and is neither '"' nor '\\'.
constexpr bool json_plain_word(std::uint64_t word) noexcept {
  return (ascii_words::control_or_high(word) | ascii_words::has_byte(word, '"') |
          ascii_words::has_byte(word, '\\')) == 0;
}

constexpr bool json_plain_byte(unsigned char c) noexcept {
  return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/// The position of the first byte at or after `from` that is not plain, or s.size().
inline std::size_t skip_json_plain(std::string_view s, std::size_t from) noexcept {
  std::size_t i = from;
  constexpr std::size_t kWord = sizeof(std::uint64_t);
  while (i + kWord <= s.size()) {
    std::uint64_t word = 0;
    std::memcpy(&word, s.data() + i, kWord);
    if (!json_plain_word(word)) break;
    i += kWord;
  }
  while (i < s.size() && json_plain_byte(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

}  // namespace whatsapp::detail
