// Compile-time subject (docs/performance.md): <whatsapp/whatsapp.hpp> and one send. With
// -DWHATSAPP_SEPARATE_COMPILATION the SDK's functions and the client are compiled in another TU
// (instances.cpp) and this one sees declarations only.
#include <iostream>

#include <whatsapp/whatsapp.hpp>

int main() {
  whatsapp::ClientOptions options;
  options.base_url = "http://127.0.0.1:18080/whatsapp";
  options.api_token = "t";
  whatsapp::Client<> client(options);
  auto sent = client.messages().send("1", whatsapp::Message::text("15551234567", "hello"));
  if (!sent) {
    std::cerr << sent.error().to_string() << "\n";
    return 1;
  }
  std::cout << sent->message_id() << "\n";
  return 0;
}
