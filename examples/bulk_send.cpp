// Sends a numbered series of text messages with up to 8 requests in flight, as a campaign or a
// notification queue would: messages().send_stream takes each message only when a slot is free
// and hands back each result as soon as it is known, so the series can be of any length (read
// from a database cursor, a queue) in memory that does not grow with it.
// Usage: bulk_send [count]   (default 3; settings from the environment, see example_env.hpp)
// With WHATSAPP_RATE_LIMIT=<messages a second> the sends of the number are paced; with
// WHATSAPP_REDIS_URL too, every bulk_send using that Redis keeps to the rate together
// (redis_env.hpp, docs/deployment.md).

#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

#include "example_env.hpp"
#include "redis_env.hpp"

int main(int argc, char** argv) {
  const std::string phone_number_id = example::require_env("WHATSAPP_PHONE_NUMBER_ID");
  const std::string to = example::require_env("WHATSAPP_TO");
  const long count = argc > 1 ? std::atol(argv[1]) : 3;
  if (count < 1) {
    std::cerr << "usage: bulk_send [count]   (count >= 1)\n";
    return 2;
  }

  whatsapp::ClientOptions client_options = example::client_options();
  example::rate_limit_from_env(client_options.rate_limit, "bulk_send");
  whatsapp::Client<> client(client_options);
  whatsapp::BatchOptions options;
  options.max_in_flight = 8;
  long next = 0, sent = 0, failed = 0, not_sent = 0;
  const auto start = std::chrono::steady_clock::now();
  client.messages().send_stream(
      phone_number_id,
      [&]() -> std::optional<whatsapp::Message> {  // the next message, or none: the series ends
        if (next == count) return std::nullopt;
        ++next;
        return whatsapp::Message::text(
            to, "Order update " + std::to_string(next) + " of " + std::to_string(count));
      },
      [&](std::size_t index, whatsapp::Result<whatsapp::SendResult>&& result) {  // as each finishes
        if (!result) {
          ++failed;
          if (result.error().delivery() == whatsapp::Delivery::kNotSent) ++not_sent;
          example::fail(("message " + std::to_string(index + 1)).c_str(), result.error());
          return;
        }
        ++sent;
        if (sent <= 3) std::cout << "message " << index + 1 << " sent as " << result->message_id() << "\n";
      },
      options);

  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << sent << " of " << count << " messages sent, " << failed << " failed (" << not_sent
            << " certainly not sent), in " << seconds << " s\n";
  return failed == 0 && sent == count ? 0 : 1;
}
