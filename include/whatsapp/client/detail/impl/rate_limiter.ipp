// Definitions of what client/detail/rate_limiter.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

#include "whatsapp/client/detail/rate_limiter.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL RateLimiter::RateLimiter(RateLimitOptions o) : o_(std::move(o)) {
  const double b = o_.burst > 0 ? static_cast<double>(o_.burst) : o_.messages_per_second;
  capacity_ = std::max(1.0, std::ceil(b));
}

WHATSAPP_DECL std::chrono::nanoseconds RateLimiter::reserve(std::string_view phone_number_id,
                                                            std::string_view recipient,
                                                            Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mutex_);
  Clock::time_point slot = now;
  if (o_.messages_per_second > 0.0) slot = take_token(std::string(phone_number_id), now);
  if (o_.per_recipient_interval.count() > 0 && !recipient.empty()) {
    std::string key(phone_number_id);
    key += '\n';
    key += recipient;
    auto [it, fresh] = next_to_recipient_.try_emplace(std::move(key), slot);
    if (!fresh) slot = std::max(slot, it->second);
    it->second = slot + o_.per_recipient_interval;
    if (next_to_recipient_.size() > prune_at_) prune(now);
  }
  return slot - now;
}

WHATSAPP_DECL RateLimiter::Clock::time_point RateLimiter::take_token(const std::string& phone,
                                                                     Clock::time_point now) {
  auto [it, fresh] = buckets_.try_emplace(phone, Bucket{capacity_, now});
  Bucket& b = it->second;
  if (!fresh && now > b.at) {
    const double elapsed = std::chrono::duration<double>(now - b.at).count();
    b.tokens = std::min(capacity_, b.tokens + elapsed * o_.messages_per_second);
    b.at = now;
  }
  b.tokens -= 1.0;
  if (b.tokens >= 0.0) return now;
  const double wait_s = -b.tokens / o_.messages_per_second;
  return b.at + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(wait_s));
}

WHATSAPP_DECL void RateLimiter::prune(Clock::time_point now) {
  for (auto it = next_to_recipient_.begin(); it != next_to_recipient_.end();) {
    it = it->second <= now ? next_to_recipient_.erase(it) : std::next(it);
  }
  prune_at_ = std::max<std::size_t>(1024, next_to_recipient_.size() * 2);
}

}  // namespace whatsapp::detail
