// Definitions of what client/rate_limit.hpp declares: included by it (header-only), or compiled
// once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/client/detail/rate_limiter.hpp"
#include "whatsapp/client/rate_limit.hpp"

namespace whatsapp {

WHATSAPP_DECL InProcessRateLimitStore::InProcessRateLimitStore() = default;
WHATSAPP_DECL InProcessRateLimitStore::~InProcessRateLimitStore() = default;

WHATSAPP_DECL Result<std::chrono::nanoseconds> InProcessRateLimitStore::reserve(
    const RateLimitOptions& limits, std::string_view phone_number_id, std::string_view recipient,
    Clock::time_point now, Clock::time_point /*deadline*/) {
  std::call_once(made_, [&] { limiter_ = std::make_unique<detail::RateLimiter>(limits); });
  return limiter_->reserve(phone_number_id, recipient, now);
}

}  // namespace whatsapp
