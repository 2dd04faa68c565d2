// Messages through the curl transport against the emulator: every family of types, mark read.

#include <gtest/gtest.h>

#include "api_fixture.hpp"

namespace api_messages_test {

using whatsapp::Interactive;
using whatsapp::Media;
using whatsapp::Message;
using whatsapp::TemplateParameter;
using whatsapp_test::ApiEmulatorTest;
using whatsapp_test::kPhone;

using MessagesEmulator = ApiEmulatorTest;

TEST_F(MessagesEmulator, EveryFamilyIsAccepted) {
  const std::vector<Message> messages = {
      Message::text("16505551234", "hello"),
      Message::image("16505551234", Media::link("https://example.com/a.png"), "caption"),
      Message::document("16505551234", Media::id("123"), "doc", "a.pdf"),
      Message::location("16505551234", {37.4, -122.1, "HQ", std::nullopt}),
      Message::contacts("16505551234", {whatsapp::Contact{{"Ana"}, {{"+1 555", "CELL"}}}}),
      Message::interactive_buttons("16505551234", "Coming?", {{"y", "Yes"}, {"n", "No"}}),
      Message::interactive("16505551234", Interactive::cta_url("Dates", "See", "https://example.com")),
      Message::template_message("16505551234", whatsapp::TemplateMessage("2023_april_promo", "en_US")
                                                   .with_body({TemplateParameter::text("Mark"),
                                                               TemplateParameter::text("FALL25")})),
      Message::reaction("16505551234", "wamid.X", "\xF0\x9F\x91\x8D"),
  };
  for (const auto& m : messages) {
    auto r = client->messages().send(kPhone, m);
    ASSERT_TRUE(r.ok()) << m.type() << ": " << r.error().to_string();
    EXPECT_EQ(r->contacts[0].wa_id, "16505551234");
  }
  const auto processed = emu->processed_messages();
  ASSERT_EQ(processed.size(), messages.size());
  for (std::size_t i = 0; i < messages.size(); ++i) {
    EXPECT_EQ(processed[i]["body"], nlohmann::json(messages[i])) << i;
  }
}

TEST_F(MessagesEmulator, MarkReadBothForms) {
  EXPECT_TRUE(client->messages().mark_read(kPhone, "wamid.A", {true}).ok());
  whatsapp::MarkReadOptions path;
  path.form = whatsapp::MarkReadForm::kPath;
  auto r = client->messages().mark_read(kPhone, "wamid.A", path);
  EXPECT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(emu->processed_messages().size(), 0u);  // read receipts are not sends
}

}  // namespace api_messages_test
