// skip_json_plain: the eight-bytes-at-a-time skip over JSON string contents stops exactly at the
// first byte a JSON string must escape ('"', '\\', controls) or that is not ASCII, wherever it sits.

#include <gtest/gtest.h>

#include <string>

#include "whatsapp/detail/json_plain.hpp"

namespace json_plain_test {

using whatsapp::detail::json_plain_byte;
using whatsapp::detail::skip_json_plain;

TEST(JsonPlain, StopsAtEveryNonPlainByteAtEveryOffset) {
  for (int b = 0; b < 256; ++b) {
    const auto byte = static_cast<unsigned char>(b);
    const bool plain = byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\';
    EXPECT_EQ(json_plain_byte(byte), plain) << b;
    for (std::size_t at = 0; at < 20; ++at) {
      std::string s(20, 'a');
      s[at] = static_cast<char>(byte);
      EXPECT_EQ(skip_json_plain(s, 0), plain ? s.size() : at) << b << " at " << at;
      // A second bad byte later does not move the answer; one before `from` is not looked at.
      s += '"';
      EXPECT_EQ(skip_json_plain(s, 0), plain ? s.size() - 1 : at) << b << " at " << at;
      EXPECT_EQ(skip_json_plain(s, at + 1), s.size() - 1) << b << " at " << at;
    }
  }
}

TEST(JsonPlain, NeighbouringBytesDoNotHideOrFakeAStop) {
  // Bytes next to the thresholds, in every lane, around the byte that must stop the skip.
  for (const char stop : {'"', '\\', '\x1f', '\x00', '\x80', '\xff'}) {
    for (const char near : {'\x20', '\x21', '\x7f', '#', '[', ']', '!'}) {
      for (std::size_t at = 0; at < 16; ++at) {
        std::string s(16, near);
        s[at] = stop;
        EXPECT_EQ(skip_json_plain(s, 0), at) << int(stop) << " among " << int(near) << " at " << at;
      }
      EXPECT_EQ(skip_json_plain(std::string(16, near), 0), 16u) << int(near);
    }
  }
  EXPECT_EQ(skip_json_plain("", 0), 0u);
  EXPECT_EQ(skip_json_plain("abc", 3), 3u);
}

}  // namespace json_plain_test
