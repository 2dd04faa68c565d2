// A receiver built with whatsapp::webhook only: checks a signature and parses a notification
// with the public API, and fails to compile if the webhook headers bring libcurl in.

#include <iostream>
#include <string>

#include <whatsapp/webhook/server.hpp>
#include <whatsapp/webhook/webhook.hpp>

#ifdef LIBCURL_VERSION_NUM
#error "the webhook headers included <curl/curl.h>"
#endif

namespace wh = whatsapp::webhook;

int main() {
  const std::string secret = "webhook-consumer-app-secret";
  const std::string body =
      R"({"object":"whatsapp_business_account","entry":[{"id":"730041","changes":[{"field":"messages",)"
      R"("value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550107788",)"
      R"("phone_number_id":"730042"},"messages":[{"from":"15550109911","id":"wamid.webhook-consumer-7",)"
      R"("timestamp":"1767225600","type":"text","text":{"body":"from a webhook-only build"}}]}}]}]})";

  const std::string header = wh::sign(body, secret);
  const wh::SignatureCheck good = wh::verify_signature(body, header, secret);
  if (!good) {
    std::cerr << "a body signed with the app secret did not verify\n";
    return 1;
  }
  const wh::SignatureCheck forged = wh::verify_signature(body, header, "another-app-secret");
  if (forged || forged.status != wh::SignatureStatus::kMismatch) {
    std::cerr << "a signature made with another secret was not refused as a mismatch\n";
    return 1;
  }

  const whatsapp::Result<wh::Notification> n = wh::parse(body);
  if (!n) {
    std::cerr << "parse failed: " << n.error().message() << "\n";
    return 1;
  }
  int messages = 0;
  wh::for_each_event(*n, [&](const wh::Event& e) {
    if (e.kind == wh::EventKind::kMessage && e.message != nullptr &&
        e.message->id == "wamid.webhook-consumer-7" && e.message->from == "15550109911") {
      ++messages;
    }
  });
  if (messages != 1) {
    std::cerr << "expected the one text message, got " << messages << "\n";
    return 1;
  }
  std::cout << "webhook-only consumer: signature verified, notification parsed\n";
  return 0;
}
