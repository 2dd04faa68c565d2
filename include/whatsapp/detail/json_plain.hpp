#pragma once

// The hot loops over JSON string contents (writing a send body, reading a send answer) skip
// "plain" bytes eight at a time: printable ASCII other than '"' and '\\', which a JSON string
// holds as they are.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace whatsapp::detail {

/// True when every byte of `word` is in 0x20..0x7F and is neither '"' nor '\\'. Exact: the
/// borrow tricks below can only misreport bytes after one that already fails.
constexpr bool json_plain_word(std::uint64_t word) noexcept {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const std::uint64_t control_or_high = ((word - kOnes * 0x20) | word) & kHigh;
  return (control_or_high | has_zero(word ^ (kOnes * '"')) | has_zero(word ^ (kOnes * '\\'))) == 0;
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
