// The send-body writer gives exactly nlohmann's bytes: text bodies, escapes, invalid UTF-8.

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "../support/message_from_bytes.hpp"
#include "whatsapp/protocol/detail/send_body.hpp"

namespace send_body_test {

using whatsapp::Message;

TEST(SendBody, TextBodiesMatchNlohmannByteForByte) {
  std::string all_controls;
  for (int c = 1; c < 0x20; ++c) all_controls.push_back(static_cast<char>(c));
  const std::string texts[] = {"Hello",
                               "quote \" backslash \\ slash / tab \t newline \n cr \r",
                               all_controls + "\x7f",
                               "utf-8: h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80 みどり",
                               "</script> & <b>",
                               std::string(5000, 'x')};
  for (const auto& text : texts) {
    for (bool preview : {false, true}) {
      Message m = Message::text("+1 (555) 123-4567", text, preview);
      EXPECT_EQ(whatsapp::detail::message_body(m), whatsapp_test::general_body(m));
      m.reply_to("wamid.\"ctx\"");
      EXPECT_EQ(whatsapp::detail::message_body(m), whatsapp_test::general_body(m));
      m.biz_opaque_callback_data = "cb\n" + text.substr(0, 20);
      EXPECT_EQ(whatsapp::detail::message_body(m), whatsapp_test::general_body(m));
      m.recipient_type = "group";
      EXPECT_EQ(whatsapp::detail::message_body(m), whatsapp_test::general_body(m));
      m.recipient_type.clear();  // empty means omitted, as the general path omits it
      EXPECT_EQ(whatsapp::detail::message_body(m), whatsapp_test::general_body(m));
      EXPECT_EQ(whatsapp::detail::message_body(m).find("recipient_type"), std::string::npos);
    }
  }
}

TEST(SendBody, InvalidUtf8IsReplacedAsNlohmannReplacesIt) {
  // Each byte that cannot start a sequence, and each sequence cut short (the byte that cuts it
  // starts again), becomes one U+FFFD; overlong forms, surrogates and code points above U+10FFFF
  // are not UTF-8.
  const std::string texts[] = {"bad \xff\xfe byte",
                               "\xc3",                   // cut short by the end
                               "\xc3(",                  // cut short by an ASCII byte
                               "\xe0\x80\x80",           // overlong
                               "\xc0\xaf",               // overlong '/'
                               "\xed\xa0\x80",           // a surrogate
                               "\xf4\x90\x80\x80",       // above U+10FFFF
                               "\xf0\x9f\x98",           // a four-byte sequence missing its last byte
                               "\xf0\x9f\x98\x80\x80",   // a stray continuation byte after a valid one
                               "\x80\x80 \"q\" \x01",    // escapes after replacements
                               "\xe2\x82\xac\xe2\x82"};  // valid, then cut short
  for (const auto& text : texts) {
    Message m = Message::text("15551234567", text);
    const std::string body = whatsapp::detail::message_body(m);
    EXPECT_EQ(body, whatsapp_test::general_body(m)) << text;
    EXPECT_NE(body.find("\xEF\xBF\xBD"), std::string::npos) << text;
    EXPECT_TRUE(nlohmann::json::accept(body)) << text;
  }
  Message m = Message::text("15551234567", "ok");
  m.recipient_type = "\xc3";
  EXPECT_EQ(whatsapp::detail::message_body(m), whatsapp_test::general_body(m));
}

}  // namespace send_body_test
