// utf8_length: characters counted and invalid UTF-8 found wherever they sit, inside or after the
// eight-byte ASCII runs it skips at once.

#include <gtest/gtest.h>

#include <string>

#include "whatsapp/detail/utf8.hpp"

namespace utf8_test {

using whatsapp::detail::utf8_length;

TEST(Utf8Length, CountsCharactersAtEveryOffset) {
  for (std::size_t ascii = 0; ascii <= 20; ++ascii) {
    const std::string a(ascii, 'x');
    EXPECT_EQ(utf8_length(a), ascii);
    EXPECT_EQ(utf8_length(a + "\xc3\xa9" + a), 2 * ascii + 1);                      // é
    EXPECT_EQ(utf8_length(a + "\xe2\x82\xac\xf0\x9f\x98\x80" + a), 2 * ascii + 2);  // € 😀
  }
}

TEST(Utf8Length, FindsInvalidBytesAtEveryOffset) {
  for (std::size_t ascii = 0; ascii <= 20; ++ascii) {
    const std::string a(ascii, 'x');
    for (const std::string bad : {"\xff", "\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\x80"}) {
      EXPECT_FALSE(utf8_length(a + bad)) << ascii;
      EXPECT_FALSE(utf8_length(a + bad + a + a)) << ascii;
      EXPECT_FALSE(utf8_length("abcdefgh" + a + bad + "ijklmnop")) << ascii;
    }
  }
}

}  // namespace utf8_test
