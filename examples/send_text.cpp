// Sends one text message and prints its id.
// Usage: send_text [text]   (settings from the environment, see example_env.hpp)

#include <iostream>
#include <string>

#include "example_env.hpp"

int main(int argc, char** argv) {
  const std::string phone_number_id = example::require_env("WHATSAPP_PHONE_NUMBER_ID");
  const std::string to = example::require_env("WHATSAPP_TO");
  const std::string text = argc > 1 ? argv[1] : "Hello from whatsapp-cpp!";

  // [send_text]
  whatsapp::Client<> client(example::client_options());
  auto sent = client.messages().send(phone_number_id, whatsapp::Message::text(to, text));
  if (!sent) return example::fail("send", sent.error());
  std::cout << "sent message " << sent->message_id() << " to " << sent->contacts.at(0).wa_id << "\n";
  // [send_text]

  std::cout << "URL format that worked: "
            << example::format_name(client.confirmed_format(whatsapp::RouteId::kSendMessage)) << "\n";
  return 0;
}
