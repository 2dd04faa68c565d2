// The direct writer of text send bodies gives exactly nlohmann's bytes.

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

TEST(SendBody, InvalidUtf8FallsBackToNlohmannReplacement) {
  Message m = Message::text("15551234567", "bad \xff\xfe byte");
  EXPECT_EQ(whatsapp::detail::message_body(m), whatsapp_test::general_body(m));
  m = Message::text("15551234567", "ok");
  m.recipient_type = "\xc3";
  EXPECT_EQ(whatsapp::detail::message_body(m), whatsapp_test::general_body(m));
}

}  // namespace send_body_test
