// Uses the public API as a consumer would, and checks that it works.

#include <iostream>
#include <string>

#include <whatsapp/whatsapp.hpp>

int main() {
  whatsapp::transport::FakeTransport fake;
  fake.push(200, R"({"data":{"messaging_product":"whatsapp","messages":[{"id":"wamid.consumer"}]}})");
  whatsapp::ClientOptions options;
  options.api_token = "at_consumer";
  whatsapp::Client<whatsapp::transport::FakeTransport> client(options, fake);
  auto sent = client.messages().send("1065", whatsapp::Message::text("15551234567", "hi"));
  if (!sent || sent->message_id() != "wamid.consumer") {
    std::cerr << "send through FakeTransport failed\n";
    return 1;
  }
  const std::string expected =
      "https://api.lowcodeapi.com/whatsapp/v22.0/1065/messages?api_token=at_consumer";
  if (fake.last_request().url != expected) {
    std::cerr << "unexpected URL " << fake.last_request().url << "\n";
    return 1;
  }
  // The default transport links libcurl: a refused connection is a typed error, not a crash.
  options.base_url = "http://127.0.0.1:1/whatsapp";
  whatsapp::Client<> curl_client(options);
  auto refused = curl_client.messages().send("1065", whatsapp::Message::text("15551234567", "hi"));
  if (refused || refused.error().kind() != whatsapp::ErrorKind::kTransport) {
    std::cerr << "expected a transport error\n";
    return 1;
  }
  std::cout << "consumer ok, whatsapp-cpp " << whatsapp::kVersion << "\n";
  return 0;
}
