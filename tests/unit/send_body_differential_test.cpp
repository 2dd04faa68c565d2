// The fast send-body writer against the general one (issue 14): for every message content type,
// with strings full of quotes, control characters, non-ASCII and invalid UTF-8, and with or
// without recipient_type, context and biz_opaque_callback_data, both must write the same bytes.
// The fuzzer tests/fuzz/fuzz_send_body.cpp runs the same check on libFuzzer's inputs; this test
// runs a fixed pseudo-random sweep in every build.

#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "../support/message_from_bytes.hpp"

namespace send_body_differential_test {

TEST(SendBodyWriters, AgreeOnEveryContentTypeForAFixedSweepOfInputs) {
  std::mt19937 rng(20261205);
  std::set<std::size_t> kinds_seen;
  std::set<std::size_t> kinds_written_directly;
  int written_directly = 0;
  for (int i = 0; i < 10000; ++i) {
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(rng() % 320));
    for (auto& b : bytes) b = static_cast<std::uint8_t>(rng());
    for (const bool valid_utf8 : {false, true}) {
      const whatsapp::Message m = whatsapp_test::message_from_bytes(bytes.data(), bytes.size(), valid_utf8);
      kinds_seen.insert(m.content.index());
      const std::string diff = whatsapp_test::compare_body_writers(m);
      ASSERT_EQ(diff, "") << "input " << i << (valid_utf8 ? " (valid UTF-8)" : "");
      std::string out;
      if (whatsapp::detail::write_send_body_directly(out, m)) {
        kinds_written_directly.insert(m.content.index());
        ++written_directly;
      }
    }
  }
  // The sweep reached every content type, and the direct writer really wrote bodies of each
  // type it knows: text, the five media types, interactive messages, templates and reactions.
  EXPECT_EQ(kinds_seen.size(), std::variant_size_v<whatsapp::MessageContent>);
  EXPECT_EQ(kinds_written_directly, (std::set<std::size_t>{0, 1, 2, 3, 4, 5, 8, 9, 10}));
  EXPECT_GT(written_directly, 5000);
}

TEST(SendBodyWriters, AgreeOnAnEmptyRecipientTypeAndOnEscapes) {
  auto m = whatsapp::Message::text("16035550142", "a \"quoted\"\n\x01 caf\xc3\xa9");
  m.recipient_type.clear();
  m.context = whatsapp::Context{"wamid.\\x"};
  m.biz_opaque_callback_data = "\x7f";
  EXPECT_EQ(whatsapp_test::compare_body_writers(m), "");
  EXPECT_EQ(whatsapp::detail::message_body(m).find("recipient_type"), std::string::npos);
}

TEST(SendBodyWriters, AgreeOnInteractiveHeadersWhateverTheirType) {
  // The media goes under the header's type, a key the caller chooses: before or after "type" in
  // sorted order, escaped, and "type" itself (one key in a JSON tree).
  for (const char* type : {"", "image", "video", "document", "type", "zebra", "a\"b", "text", "\xff"}) {
    auto h = whatsapp::InteractiveHeader::document(whatsapp::Media::id("1037543291543636"), "terms.pdf");
    h.type = type;
    auto m = whatsapp::Message::interactive(
        "16035550142", whatsapp::Interactive::cta_url("Read", "Open", "https://example.com/t")
                           .with_header(h)
                           .with_footer("Thanks"));
    EXPECT_EQ(whatsapp_test::compare_body_writers(m), "") << "header type \"" << type << "\"";
  }
}

}  // namespace send_body_differential_test
