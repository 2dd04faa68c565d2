#pragma once

/// @file client/detail/rate_limiter.hpp
/// The in-process state behind RateLimitOptions: a token bucket per business number and the next
/// free time per recipient.

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "whatsapp/client/rate_limit.hpp"
#include "whatsapp/detail/config.hpp"

namespace whatsapp::detail {

/// Thread-safe. reserve() books the next free slot and says how long the caller must wait for
/// it; the caller waits outside the lock.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  WHATSAPP_DECL explicit RateLimiter(RateLimitOptions o);

  const RateLimitOptions& options() const noexcept { return o_; }

  /// Books a slot for one message from `phone_number_id` to `recipient` (empty: unknown) at `now`
  /// and returns the wait before it may be sent (zero when it may go at once).
  WHATSAPP_DECL std::chrono::nanoseconds reserve(std::string_view phone_number_id, std::string_view recipient,
                                                 Clock::time_point now);

 private:
  struct Bucket {
    double tokens;  // may go negative: messages booked ahead
    Clock::time_point at;
  };

  // Token bucket with booking: the wait is how long until the token this caller takes exists.
  WHATSAPP_DECL Clock::time_point take_token(const std::string& phone, Clock::time_point now);
  // Forgets recipients whose interval has passed, keeping the map about as large as the set of
  // recipients messaged within one interval.
  WHATSAPP_DECL void prune(Clock::time_point now);

  RateLimitOptions o_;
  double capacity_ = 1.0;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  std::unordered_map<std::string, Clock::time_point> next_to_recipient_;
  std::size_t prune_at_ = 1024;
};

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/client/detail/impl/rate_limiter.ipp"
#include "whatsapp/client/impl/rate_limit.ipp"
#endif
