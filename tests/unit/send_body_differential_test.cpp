// The send-body writer against nlohmann's (nlohmann::json(message).dump()): for every message
// content type and interactive action, with strings full of quotes, control characters,
// non-ASCII and invalid UTF-8, JSON trees of the caller's, keys the caller chooses, and with or
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
  std::set<std::size_t> actions_seen;
  for (int i = 0; i < 10000; ++i) {
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(rng() % 320));
    for (auto& b : bytes) b = static_cast<std::uint8_t>(rng());
    for (const bool valid_utf8 : {false, true}) {
      const whatsapp::Message m = whatsapp_test::message_from_bytes(bytes.data(), bytes.size(), valid_utf8);
      kinds_seen.insert(m.content.index());
      if (const auto* interactive = std::get_if<whatsapp::Interactive>(&m.content)) {
        actions_seen.insert(interactive->action.index());
      }
      const std::string diff = whatsapp_test::compare_body_writers(m);
      ASSERT_EQ(diff, "") << "input " << i << (valid_utf8 ? " (valid UTF-8)" : "");
    }
  }
  // The sweep reached every content type and every interactive action.
  EXPECT_EQ(kinds_seen.size(), std::variant_size_v<whatsapp::MessageContent>);
  EXPECT_EQ(actions_seen.size(), std::variant_size_v<decltype(whatsapp::Interactive::action)>);
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

TEST(SendBodyWriters, AgreeOnPaymentSettingsWhateverTheirType) {
  // The setting's type is also a key of the caller's: before or after "type" in sorted order,
  // escaped, and "type" itself (one key, which the details replace).
  for (const char* type :
       {"payment_gateway", "pix_dynamic_code", "boleto", "type", "zebra", "", "a\"b", "\xff"}) {
    whatsapp::OrderDetailsAction bill;
    bill.reference_id = "order-1042";
    bill.payment_settings.push_back({type, nlohmann::json{{"code", "00020126"}, {"merchant_name", "Loja"}}});
    bill.total_amount = whatsapp::Amount::of(12500);
    auto m = whatsapp::Message::interactive(
        "5511987654321", whatsapp::Interactive::order_details("Your order", std::move(bill)));
    EXPECT_EQ(whatsapp_test::compare_body_writers(m), "") << "payment setting type \"" << type << "\"";
  }
}

}  // namespace send_body_differential_test
