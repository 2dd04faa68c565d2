#pragma once

// Redis settings of the examples, from the environment (docs/deployment.md):
//   WHATSAPP_REDIS_URL   redis://[[user]:password@]host[:port][/db]: share the rate limits
//                        (bulk_send) and the webhook duplicate filter (webhook_receiver) with
//                        every process that uses the same Redis. Unset: all in this process.
//   WHATSAPP_RATE_LIMIT  bulk_send: messages a second per business number (a positive number).
// The examples are built with Redis when hiredis is installed (whatsapp::redis exists); a
// WHATSAPP_REDIS_URL given to examples built without it is refused with a message.

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>

#include <whatsapp/client/rate_limit.hpp>
#include <whatsapp/webhook/duplicate_store.hpp>

#if defined(WHATSAPP_EXAMPLES_HAVE_REDIS)
#include <whatsapp/redis/redis.hpp>
#endif

namespace example {

inline std::string getenv_or_empty(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? std::string(v) : std::string();
}

#if defined(WHATSAPP_EXAMPLES_HAVE_REDIS)
/// The connection WHATSAPP_REDIS_URL names, or null when it is unset; exits 2 when it is
/// malformed. Connects lazily (on the first command); log lines go to stderr.
inline std::shared_ptr<whatsapp::redis::RedisConnection> redis_from_env(const char* program) {
  const std::string url = getenv_or_empty("WHATSAPP_REDIS_URL");
  if (url.empty()) return nullptr;
  auto server = whatsapp::redis::parse_redis_url(url);
  if (!server) {
    std::cerr << program << ": WHATSAPP_REDIS_URL: " << server.error().message() << "\n";
    std::exit(2);
  }
  whatsapp::redis::RedisOptions o;
  o.server = *server;
  o.log = [program](std::string_view line) { std::cerr << program << ": " << line << "\n"; };
  std::cerr << program << ": sharing state through Redis at " << server->describe() << "\n";
  return std::make_shared<whatsapp::redis::RedisConnection>(o);
}
#else
inline void redis_from_env(const char* program) {
  if (getenv_or_empty("WHATSAPP_REDIS_URL").empty()) return;
  std::cerr << program << ": WHATSAPP_REDIS_URL is set, but this program was built without Redis "
            << "support (install libhiredis-dev and configure again)\n";
  std::exit(2);
}
#endif

/// WHATSAPP_RATE_LIMIT (messages a second per business number) into `o`, shared through Redis
/// when WHATSAPP_REDIS_URL is set. Exits 2 on a value that is not a positive number.
inline void rate_limit_from_env(whatsapp::RateLimitOptions& o, const char* program) {
  const std::string text = getenv_or_empty("WHATSAPP_RATE_LIMIT");
  if (!text.empty()) {
    char* end = nullptr;
    const double rate = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || !(rate > 0.0) || rate > 1e6) {
      std::cerr << program << ": WHATSAPP_RATE_LIMIT must be a number of messages a second above 0, not \""
                << text << "\"\n";
      std::exit(2);
    }
    o.messages_per_second = rate;
  }
#if defined(WHATSAPP_EXAMPLES_HAVE_REDIS)
  if (auto redis = redis_from_env(program)) {
    if (!o.enabled()) std::cerr << program << ": no WHATSAPP_RATE_LIMIT: Redis has nothing to share\n";
    o.store = std::make_shared<whatsapp::redis::RedisRateLimitStore>(redis);
  }
#else
  redis_from_env(program);
#endif
}

/// The webhook duplicate filter: shared through Redis when WHATSAPP_REDIS_URL is set (an event
/// Redis cannot check is answered 503, so that Meta delivers it again), else `local`.
inline std::shared_ptr<whatsapp::webhook::DuplicateStore> duplicate_store_from_env(
    std::shared_ptr<whatsapp::webhook::DuplicateStore> local, const char* program) {
#if defined(WHATSAPP_EXAMPLES_HAVE_REDIS)
  if (auto redis = redis_from_env(program))
    return std::make_shared<whatsapp::redis::RedisDuplicateStore>(redis);
#else
  redis_from_env(program);
#endif
  return local;
}

}  // namespace example
