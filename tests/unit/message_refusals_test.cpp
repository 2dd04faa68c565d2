// Refusals before sending (issue 12, item 5): recipients that are not a phone number in
// international form, blank text and text with control characters, links that are not http(s)
// URLs, reactions that are not one emoji, template names Meta would refuse. Each refused with
// kInvalidArgument naming the field, by send(), send_batch() and send_stream() alike, with no
// request made.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "whatsapp/client/client.hpp"
#include "whatsapp/model/detail/emoji.hpp"
#include "whatsapp/model/detail/validate.hpp"
#include "whatsapp/transport/fake.hpp"

namespace message_refusals_test {

using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::ErrorKind;
using whatsapp::Interactive;
using whatsapp::InteractiveHeader;
using whatsapp::Media;
using whatsapp::Message;
using whatsapp::Result;
using whatsapp::SendResult;
using whatsapp::TemplateMessage;
using whatsapp::TemplateParameter;
using whatsapp::transport::FakeTransport;

const std::string kTo = "15551234567";

ClientOptions options() {
  ClientOptions o;
  o.base_url = "http://emulator.test/whatsapp";
  o.api_token = "at_refusals_s3cret";
  return o;
}

// The field `m` is refused for by send(), or "" when it is accepted; no request is ever made
// for a refused message.
std::string refused_field(const Message& m) {
  FakeTransport t;
  t.push(200, R"({"data":{"messaging_product":"whatsapp","messages":[{"id":"wamid.X"}]}})");
  Client<FakeTransport> c(options(), t);
  auto r = c.messages().send("106540352242922", m);
  if (r.ok()) return "";
  EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument) << r.error().to_string();
  EXPECT_EQ(r.error().delivery(), whatsapp::Delivery::kNotSent);
  EXPECT_EQ(t.request_count(), 0u);
  return r.error().field();
}

// ---- the recipient ---------------------------------------------------------------------------

TEST(Recipient, OnlyAnOptionalPlusAndOneToFifteenDigits) {
  const std::vector<std::string> refused = {
      "abc",
      "+1 (555) 123-4567",
      std::string(40, '7'),
      "1555123456789012",  // 16 digits
      "1555\n1234567",
      std::string("1555\0"
                  "1234567",
                  12),
      "",
      "+",
      "++15551234567",
      "1555+1234567",
      "wa:15551234567",
      "15551234567 ",
      "\xEF\xBC\x91\xEF\xBC\x95",  // full-width digits
  };
  for (const auto& to : refused) {
    EXPECT_EQ(refused_field(Message::text(to, "hi")), "to") << to;
  }
  for (const std::string to : {"15551234567", "+15551234567", "1", "+1", "123456789012345"}) {
    EXPECT_EQ(refused_field(Message::text(to, "hi")), "") << to;
  }
}

TEST(Recipient, AFormattedNumberIsRefusedWithTheDigitsOnlyFormToUse) {
  auto r = validate(Message::text("+1 (555) 123-4567", "hi"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("send \"+15551234567\""), std::string::npos) << r.error().message();
  r = validate(Message::text("555.123.4567", "hi"));
  EXPECT_NE(r.error().message().find("send \"5551234567\""), std::string::npos) << r.error().message();
  r = validate(Message::text(std::string(40, '7'), "hi"));
  EXPECT_NE(r.error().message().find("has 40 digits"), std::string::npos) << r.error().message();
  r = validate(Message::text("abc\n", "hi"));
  EXPECT_EQ(r.error().message().find('\n'), std::string::npos);  // the input is never echoed
}

TEST(Recipient, AGroupIsHeldToTheGroupIdFormNotThePhoneForm) {
  // The group rules themselves: message_group_test.cpp.
  Message m = Message::text("Y2FwaV9ncm91cDoxNTU1MDEwMDo3", "hi");
  m.recipient_type = "group";
  EXPECT_EQ(refused_field(m), "");
  m.to = "group\n1";
  EXPECT_EQ(refused_field(m), "to");
  m.to = "120363012345678901";  // digits only: a phone number, not a group id
  EXPECT_EQ(refused_field(m), "to");
  m.recipient_type = "";  // Meta's default: individual
  m.to = "abc";
  EXPECT_EQ(refused_field(m), "to");
}

// ---- free text -------------------------------------------------------------------------------

TEST(Text, BlankBodiesAreRefused) {
  for (const std::string body :
       {" ", "   \n\t\r\n", "\xC2\xA0", "\xE3\x80\x80", "\xE2\x80\x8B", " \xEF\xBB\xBF "}) {
    EXPECT_EQ(refused_field(Message::text(kTo, body)), "text.body") << body;
  }
  EXPECT_EQ(refused_field(Message::image(kTo, Media::id("1"), std::string("  "))), "image.caption");
  EXPECT_EQ(refused_field(Message::interactive_buttons(kTo, "\n\n", {{"a", "A"}})), "interactive.body.text");
}

TEST(Text, ControlCharactersButTabAndLineBreaksAreRefused) {
  const std::vector<std::string> refused = {std::string("a\0b", 3),  "a\x01",   "\x1B[31mred", "del\x7F",
                                            "c1 \xC2\x85 next line", "bell\x07"};
  for (const auto& body : refused) EXPECT_EQ(refused_field(Message::text(kTo, body)), "text.body") << body;
  EXPECT_EQ(refused_field(Message::text(kTo, "line 1\nline 2\tcol\r\nend")), "");
  EXPECT_EQ(refused_field(Message::text(kTo, "  padded  ")), "");
  EXPECT_EQ(refused_field(Message::text(kTo,
                                        "\xC2\xA0"
                                        "caf\xC3\xA9")),
            "");  // NBSP then text
  EXPECT_EQ(refused_field(Message::text(kTo, "hi").reply_to(std::string("wamid.\0", 7))),
            "context.message_id");
}

// find_control() reads eight printable bytes at a time: every special byte, at every position
// around the words' edges, is found exactly where a byte-by-byte reading finds it.
std::size_t control_byte_by_byte(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 ? (c != '\t' && c != '\n' && c != '\r') : c == 0x7F) return i;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) return i;
  }
  return std::string_view::npos;
}

TEST(Text, ControlCharactersAreFoundAtEveryPositionOfAWord) {
  const std::vector<std::string> specials = {std::string(1, '\0'),
                                             "\x01",
                                             "\x1F",
                                             "\t",
                                             "\n",
                                             "\r",
                                             "\x7F",
                                             "~",
                                             " ",
                                             "\xC2\x85",
                                             "\xC2\x9F",
                                             "\xC2\xA0",
                                             "\xC3\xA9",
                                             "\xE2\x80\x8B",
                                             "\xF0\x9F\x98\x80"};
  int checked = 0;
  for (std::size_t length = 0; length <= 26; ++length) {
    for (std::size_t at = 0; at <= length; ++at) {
      for (const std::string& special : specials) {
        for (const std::string& second : {std::string(), std::string("\x02"), std::string("\xC2\x80")}) {
          std::string text(length, 'a');
          text.insert(at, special);
          if (!second.empty()) text.insert(std::min(text.size(), at + 9), second);
          ASSERT_EQ(whatsapp::detail::find_control(text), control_byte_by_byte(text))
              << "length " << length << ", at " << at << ", special " << static_cast<int>(special[0]);
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 10000);
}

// ---- links -----------------------------------------------------------------------------------

const std::vector<std::string>& bad_links() {
  static const std::vector<std::string> kBad = {
      "javascript:alert(1)",
      "file:///etc/passwd",
      "ftp://example.com/cat.jpg",
      "not a url",
      "example.com/cat.jpg",
      "//example.com/cat.jpg",
      "https://exa mple.com/cat.jpg",
      "https://example.com/a cat.jpg",
      "https://example.com/cat.jpg\n",
      "https://example.com/\r\nX-Injected: 1",
      "https://example.com/\x01",
      std::string("https://example.com/\0", 21),
      "https://",
      "https:///cat.jpg",
      "https://user:pass@example.com/cat.jpg",
      "https://example.com@evil.example/cat.jpg",
      "https://example.com:0/",
      "https://example.com:99999/",
      "https://example.com:80a/",
      "https://ex<ample.com/",
      "https://example.com/\"onmouseover",
      "https://example.com\\@evil.example/",
      "data:image/png;base64,AAAA",
  };
  return kBad;
}

const std::vector<std::string>& good_links() {
  static const std::vector<std::string> kGood = {
      "https://example.com",
      "http://example.com:8080/a/b.jpg?x=1&y=%20#top",
      "HTTPS://Example.COM/Cat.JPG",
      "https://[2001:db8::1]:8443/cat.jpg",
      "https://192.0.2.7/cat.jpg",
      "https://b\xC3\xBC"
      "cher.example/\xC3\xA4.jpg",
  };
  return kGood;
}

TEST(Links, CtaUrlsMustBeAbsoluteHttpUrls) {
  const std::string field = "interactive.action.parameters.url";
  for (const auto& url : bad_links()) {
    EXPECT_EQ(refused_field(Message::interactive_cta_url(kTo, "Open", "Open", url)), field) << url;
  }
  for (const auto& url : good_links()) {
    EXPECT_EQ(refused_field(Message::interactive_cta_url(kTo, "Open", "Open", url)), "") << url;
  }
}

TEST(Links, MediaLinksMustBeAbsoluteHttpUrlsWhereverTheyAre) {
  for (const auto& url : bad_links()) {
    EXPECT_EQ(refused_field(Message::image(kTo, Media::link(url))), "image.link") << url;
    EXPECT_EQ(refused_field(Message::document(kTo, Media::link(url))), "document.link") << url;
    EXPECT_EQ(
        refused_field(Message::interactive(
            kTo,
            Interactive::buttons("b", {{"a", "A"}}).with_header(InteractiveHeader::image(Media::link(url))))),
        "interactive.header.image.link")
        << url;
    EXPECT_EQ(
        refused_field(Message::template_message(
            kTo, TemplateMessage("promo", "en").with_header({TemplateParameter::image(Media::link(url))}))),
        "template.components[0].parameters[0].link")
        << url;
  }
  for (const auto& url : good_links()) {
    EXPECT_EQ(refused_field(Message::video(kTo, Media::link(url))), "") << url;
  }
}

TEST(Links, TheErrorMessageDoesNotEchoTheLink) {
  auto r = validate(Message::image(kTo, Media::link("https://example.com/\r\nX: y")));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message().find("X: y"), std::string::npos) << r.error().message();
}

// ---- reactions -------------------------------------------------------------------------------

TEST(Reaction, ExactlyOneEmojiOfAnyKindOrNoneToRemoveIt) {
  const std::vector<std::string> one = {
      "\xF0\x9F\x91\x8D",                              // thumbs up
      "\xE2\x9D\xA4\xEF\xB8\x8F",                      // red heart + VS16
      "\xE2\x9D\xA4",                                  // red heart, text default
      "\xC2\xA9",                                      // copyright sign
      "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",              // thumbs up, medium skin tone
      "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB",  // woman technologist (ZWJ)
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D\xF0\x9F\x91"
      "\xA6",                                                      // family
      "\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88",  // rainbow flag
      "\xF0\x9F\xA7\x91\xF0\x9F\x8F\xBD\xE2\x80\x8D\xF0\x9F\xA4\x9D\xE2\x80\x8D\xF0\x9F\xA7\x91\xF0\x9F"
      "\x8F\xBF",                                                      // people holding hands, tones
      "\xE2\x9B\xB9\xEF\xB8\x8F\xE2\x80\x8D\xE2\x99\x82\xEF\xB8\x8F",  // man bouncing ball
      "\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA",                              // flag: Germany
      "#\xEF\xB8\x8F\xE2\x83\xA3",                                     // keycap #
      "7\xE2\x83\xA3",                                                 // keycap 7 without VS16
      "\xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2\xF3\xA0\x81\xB3\xF3\xA0\x81\xA3\xF3\xA0\x81\xB4"
      "\xF3"
      "\xA0\x81\xBF",      // flag: Scotland (tag sequence)
      "\xF0\x9F\xAB\xA0",  // melting face (Unicode 14)
  };
  for (const auto& e : one) {
    EXPECT_TRUE(whatsapp::detail::is_one_emoji(e)) << e;
    EXPECT_EQ(refused_field(Message::reaction(kTo, "wamid.A", e)), "") << e;
  }
  EXPECT_EQ(refused_field(Message::remove_reaction(kTo, "wamid.A")), "");  // empty: removes it

  const std::vector<std::string> not_one = {
      "a",
      "ok",
      "1",
      "#",
      " ",
      "\xF0\x9F\x91\x8D\xF0\x9F\x91\x8D",                  // two thumbs up
      "\xF0\x9F\x91\x8D ok",                               // emoji and text
      "ok\xF0\x9F\x91\x8D",                                // text and emoji
      "\xF0\x9F\x91\x8D ",                                 // trailing space
      "\xF0\x9F\x87\xA9",                                  // one regional indicator
      "\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA\xF0\x9F\x87\xAB",  // three
      "\xF0\x9F\x91\x8D\xE2\x80\x8D",                      // trailing ZWJ
      "\xE2\x80\x8D\xF0\x9F\x91\x8D",                      // leading ZWJ
      "\xF0\x9F\x8F\xBD",                                  // a skin tone alone
      "\xEF\xB8\x8F",                                      // VS16 alone
      "\xF0\x9F\x98\x80\xEF\xB8\x8F\xEF\xB8\x8F",          // two VS16
      "\xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2",  // tags without the cancel tag
      "#\xEF\xB8\x8F",                                     // keycap base without U+20E3
      "\xE2\x83\xA3",                                      // U+20E3 alone
      "\xCE\xA9",                                          // Greek capital omega
  };
  for (const auto& e : not_one) {
    EXPECT_FALSE(whatsapp::detail::is_one_emoji(e)) << e;
    EXPECT_EQ(refused_field(Message::reaction(kTo, "wamid.A", e)), "reaction.emoji") << e;
  }
  EXPECT_FALSE(whatsapp::detail::is_one_emoji(""));
  EXPECT_FALSE(whatsapp::detail::is_one_emoji("\xF0\x9F\x91"));  // cut UTF-8
}

// ---- template names --------------------------------------------------------------------------

TEST(TemplateName, MetasRuleWhenSendingAndWhenCreating) {
  for (const std::string name :
       {"Bad Name!", "Hello", "hello-world", "hello world", "h\xC3\xA9llo", "hello\n"}) {
    EXPECT_EQ(refused_field(Message::template_message(kTo, name, "en_US")), "template.name") << name;
  }
  EXPECT_EQ(refused_field(Message::template_message(kTo, std::string(513, 'a'), "en_US")), "template.name");
  EXPECT_EQ(refused_field(Message::template_message(kTo, std::string(512, 'a'), "en_US")), "");
  EXPECT_EQ(refused_field(Message::template_message(kTo, "order_update_2", "en_US")), "");

  whatsapp::NewTemplate t;
  t.name = "Bad Name!";
  t.language = "en_US";
  t.category = "UTILITY";
  t.components = {whatsapp::TemplateComponentDef::body("Hi")};
  auto r = validate(t);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field(), "name");
}

// ---- every way of sending refuses the same ------------------------------------------------------

std::vector<Message> hostile() {
  return {Message::text("+1 (555) 123-4567", "hi"),
          Message::text(kTo, " \n"),
          Message::interactive_cta_url(kTo, "b", "Open", "javascript:alert(1)"),
          Message::image(kTo, Media::link("file:///etc/passwd")),
          Message::reaction(kTo, "wamid.A", "\xF0\x9F\x91\x8D\xF0\x9F\x91\x8D"),
          Message::template_message(kTo, "Bad Name!", "en_US")};
}
const std::vector<std::string> kHostileFields = {
    "to", "text.body", "interactive.action.parameters.url", "image.link", "reaction.emoji", "template.name"};

TEST(EveryPath, SendBatchAndSendStreamRefuseWhatSendRefuses) {
  const auto messages = hostile();
  for (std::size_t i = 0; i < messages.size(); ++i) EXPECT_EQ(refused_field(messages[i]), kHostileFields[i]);

  FakeTransport t;
  Client<FakeTransport> c(options(), t);
  auto batch = c.messages().send_batch("106540352242922", messages);
  ASSERT_EQ(batch.size(), messages.size());
  for (std::size_t i = 0; i < batch.size(); ++i) {
    ASSERT_FALSE(batch[i].ok()) << i;
    EXPECT_EQ(batch[i].error().kind(), ErrorKind::kInvalidArgument);
    EXPECT_EQ(batch[i].error().field(), kHostileFields[i]);
  }
  std::size_t next = 0;
  std::vector<std::string> fields(messages.size());
  c.messages().send_stream(
      "106540352242922",
      [&]() -> std::optional<Message> {
        if (next == messages.size()) return std::nullopt;
        return messages[next++];
      },
      [&](std::size_t i, Result<SendResult>&& r) { fields[i] = r.ok() ? "sent" : r.error().field(); });
  EXPECT_EQ(fields, kHostileFields);
  EXPECT_EQ(t.request_count(), 0u);
}

}  // namespace message_refusals_test
