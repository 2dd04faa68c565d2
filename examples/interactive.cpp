// Sends reply buttons, a list and a call-to-action URL, then reacts to the first message.

#include <iostream>
#include <string>

#include "example_env.hpp"

int main() {
  const example::Settings s;
  if (!s.require({{example::kTokenNames, &s.token},
                  {"WHATSAPP_PHONE_NUMBER_ID", &s.phone_number_id},
                  {"WHATSAPP_TO", &s.to}})) {
    return 2;
  }
  whatsapp::Client<> client(s.client_options());
  using whatsapp::Interactive;
  using whatsapp::InteractiveHeader;
  using whatsapp::Message;

  // 1. Reply buttons (at most 3, titles up to 20 characters: checked before sending).
  auto buttons = client.messages().send(
      s.phone_number_id,
      Message::interactive(s.to, Interactive::buttons("Shall we book your table for 8 pm?",
                                                      {{"book_yes", "Yes, book it"}, {"book_later", "Later"}})
                                     .with_header(InteractiveHeader::text("Lucky Shrub"))
                                     .with_footer("Reply within 24 hours")));
  if (!buttons) return example::fail("send buttons", buttons.error());
  std::cout << "sent reply buttons " << buttons->message_id() << "\n";

  // 2. A list with two sections.
  auto list = client.messages().send(
      s.phone_number_id,
      Message::interactive_list(
          s.to, "What would you like?", "See menu",
          {{"Drinks", {{"tea", "Green tea", "Hot, no sugar"}, {"juice", "Orange juice", std::nullopt}}},
           {"Food", {{"soup", "Soup of the day", "Ask us what it is"}}}}));
  if (!list) return example::fail("send list", list.error());
  std::cout << "sent list " << list->message_id() << "\n";

  // 3. A button that opens a URL.
  auto cta = client.messages().send(
      s.phone_number_id,
      Message::interactive_cta_url(s.to, "Track your order online.", "Track", "https://example.com/track"));
  if (!cta) return example::fail("send CTA URL", cta.error());
  std::cout << "sent CTA URL " << cta->message_id() << "\n";

  // 4. What a refused message looks like: four buttons.
  auto refused = client.messages().send(
      s.phone_number_id,
      Message::interactive_buttons(s.to, "Pick one", {{"a", "A"}, {"b", "B"}, {"c", "C"}, {"d", "D"}}));
  if (!refused) std::cout << "refused before sending, as expected: " << refused.error().message() << "\n";

  // 5. React to the first message, as a reply.
  auto reaction = client.messages().send(s.phone_number_id,
                                         Message::reaction(s.to, buttons->message_id(), "\xF0\x9F\x91\x8D"));
  if (!reaction) return example::fail("send reaction", reaction.error());
  std::cout << "reacted to " << buttons->message_id() << "\n";
  return 0;
}
