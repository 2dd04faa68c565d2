// Definitions of the functions model/detail/emoji.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>

#include "whatsapp/model/detail/emoji.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL bool is_pictographic(char32_t c) noexcept {
  struct Range {
    std::uint32_t first, last;
  };
  // Extended_Pictographic of Unicode's emoji-data.txt (unchanged since Unicode 13), as ranges.
  static constexpr Range kRanges[] = {
      {0xA9, 0xA9},       {0xAE, 0xAE},       {0x203C, 0x203C},   {0x2049, 0x2049},   {0x2122, 0x2122},
      {0x2139, 0x2139},   {0x2194, 0x2199},   {0x21A9, 0x21AA},   {0x231A, 0x231B},   {0x2328, 0x2328},
      {0x2388, 0x2388},   {0x23CF, 0x23CF},   {0x23E9, 0x23F3},   {0x23F8, 0x23FA},   {0x24C2, 0x24C2},
      {0x25AA, 0x25AB},   {0x25B6, 0x25B6},   {0x25C0, 0x25C0},   {0x25FB, 0x25FE},   {0x2600, 0x2605},
      {0x2607, 0x2612},   {0x2614, 0x2685},   {0x2690, 0x2705},   {0x2708, 0x2712},   {0x2714, 0x2714},
      {0x2716, 0x2716},   {0x271D, 0x271D},   {0x2721, 0x2721},   {0x2728, 0x2728},   {0x2733, 0x2734},
      {0x2744, 0x2744},   {0x2747, 0x2747},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
      {0x2757, 0x2757},   {0x2763, 0x2767},   {0x2795, 0x2797},   {0x27A1, 0x27A1},   {0x27B0, 0x27B0},
      {0x27BF, 0x27BF},   {0x2934, 0x2935},   {0x2B05, 0x2B07},   {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},
      {0x2B55, 0x2B55},   {0x3030, 0x3030},   {0x303D, 0x303D},   {0x3297, 0x3297},   {0x3299, 0x3299},
      {0x1F000, 0x1F0FF}, {0x1F10D, 0x1F10F}, {0x1F12F, 0x1F12F}, {0x1F16C, 0x1F171}, {0x1F17E, 0x1F17F},
      {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F1AD, 0x1F1E5}, {0x1F201, 0x1F20F}, {0x1F21A, 0x1F21A},
      {0x1F22F, 0x1F22F}, {0x1F232, 0x1F23A}, {0x1F23C, 0x1F23F}, {0x1F249, 0x1F3FA}, {0x1F400, 0x1F53D},
      {0x1F546, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F774, 0x1F77F}, {0x1F7D5, 0x1F7FF}, {0x1F80C, 0x1F80F},
      {0x1F848, 0x1F84F}, {0x1F85A, 0x1F85F}, {0x1F888, 0x1F88F}, {0x1F8AE, 0x1F8FF}, {0x1F90C, 0x1F93A},
      {0x1F93C, 0x1F945}, {0x1F947, 0x1FAFF}, {0x1FC00, 0x1FFFD},
  };
  const auto v = static_cast<std::uint32_t>(c);
  const auto* it = std::upper_bound(std::begin(kRanges), std::end(kRanges), v,
                                    [](std::uint32_t x, const Range& r) { return x < r.first; });
  return it != std::begin(kRanges) && v <= std::prev(it)->last;
}

WHATSAPP_DECL bool is_one_emoji(std::string_view s) noexcept {
  // A reaction is one grapheme; no emoji sequence in use is longer than 16 code points.
  constexpr std::size_t kMaxCodePoints = 32;
  char32_t cp[kMaxCodePoints];
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {  // decode, refusing invalid UTF-8
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t len = b < 0x80             ? 1
                            : (b & 0xE0) == 0xC0 ? 2
                            : (b & 0xF0) == 0xE0 ? 3
                            : (b & 0xF8) == 0xF0 ? 4
                                                 : 0;
    if (len == 0 || i + len > s.size() || n == kMaxCodePoints) return false;
    char32_t c = len == 1 ? b : b & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      c = (c << 6) | (cc & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < kMin[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
    cp[n++] = c;
    i += len;
  }
  if (n == 0) return false;
  constexpr char32_t kVs16 = 0xFE0F, kZwj = 0x200D, kKeycap = 0x20E3, kCancelTag = 0xE007F;
  const auto regional = [](char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; };
  const auto modifier = [](char32_t c) { return c >= 0x1F3FB && c <= 0x1F3FF; };
  const auto tag = [](char32_t c) { return c >= 0xE0020 && c <= 0xE007E; };
  if (regional(cp[0])) return n == 2 && regional(cp[1]);  // a flag
  if (cp[0] == '#' || cp[0] == '*' || (cp[0] >= '0' && cp[0] <= '9')) {
    return (n == 2 && cp[1] == kKeycap) || (n == 3 && cp[1] == kVs16 && cp[2] == kKeycap);
  }
  for (std::size_t i = 0;;) {  // element (ZWJ element)*
    if (!is_pictographic(cp[i++])) return false;
    if (i < n && (cp[i] == kVs16 || modifier(cp[i]))) ++i;
    if (i < n && tag(cp[i])) {  // a tag sequence ends the emoji
      while (i < n && tag(cp[i])) ++i;
      return i + 1 == n && cp[i] == kCancelTag;
    }
    if (i == n) return true;
    if (cp[i++] != kZwj || i == n) return false;
  }
}

}  // namespace whatsapp::detail
