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
  int text_bodies_written_fast = 0;
  for (int i = 0; i < 10000; ++i) {
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(rng() % 160));
    for (auto& b : bytes) b = static_cast<std::uint8_t>(rng());
    const whatsapp::Message m = whatsapp_test::message_from_bytes(bytes.data(), bytes.size());
    kinds_seen.insert(m.content.index());
    const std::string diff = whatsapp_test::compare_body_writers(m);
    ASSERT_EQ(diff, "") << "input " << i;
    std::string out;
    if (whatsapp::detail::write_text_send_body(out, m)) ++text_bodies_written_fast;
  }
  // The sweep reached every content type, and the fast writer really wrote many of the bodies.
  EXPECT_EQ(kinds_seen.size(), std::variant_size_v<whatsapp::MessageContent>);
  EXPECT_GT(text_bodies_written_fast, 100);
}

TEST(SendBodyWriters, AgreeOnAnEmptyRecipientTypeAndOnEscapes) {
  auto m = whatsapp::Message::text("16035550142", "a \"quoted\"\n\x01 caf\xc3\xa9");
  m.recipient_type.clear();
  m.context = whatsapp::Context{"wamid.\\x"};
  m.biz_opaque_callback_data = "\x7f";
  EXPECT_EQ(whatsapp_test::compare_body_writers(m), "");
  EXPECT_EQ(whatsapp::detail::message_body(m).find("recipient_type"), std::string::npos);
}

}  // namespace send_body_differential_test
