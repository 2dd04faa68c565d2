#pragma once

// Tests over eight bytes at once, for the hot loops over text (a send body's strings, a send
// answer's, the free-text checks): most text is printable ASCII, and a word of it is skipped in
// a few instructions instead of eight rounds of a byte loop.

#include <cstdint>

namespace whatsapp::detail::ascii_words {

inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr std::uint64_t kHigh = 0x8080808080808080ULL;

/// Non-zero when a byte of `word` is below 0x20 or has its high bit set.
constexpr std::uint64_t control_or_high(std::uint64_t word) noexcept {
  return ((word - kOnes * 0x20) | word) & kHigh;
}

/// Non-zero when a byte of `word` is `c`.
constexpr std::uint64_t has_byte(std::uint64_t word, unsigned char c) noexcept {
  const std::uint64_t v = word ^ (kOnes * c);
  return (v - kOnes) & ~v & kHigh;
}

// Both are exact as a yes or no: the borrows can only misreport bytes after one that is truly
// found, so a word is never passed that holds such a byte.

}  // namespace whatsapp::detail::ascii_words
