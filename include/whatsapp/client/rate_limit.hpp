#pragma once

/// @file rate_limit.hpp
/// Client-side pacing of message sends, so a bulk send does not trip Meta's limits: a token
/// bucket per business phone number (Meta's default throughput is 80 messages a second) and a
/// minimum interval between two messages to the same recipient from the same number (Meta
/// refuses bursts to one user with code 131056, at about one message per 6 seconds per pair).
/// Both are off by default (see docs/reliability.md for why).
///
/// Where the buckets live is pluggable (RateLimitStore): in this process by default, or shared
/// by many processes through a store such as whatsapp::redis::RedisRateLimitStore
/// (docs/deployment.md), so that N senders of one number keep to one budget together.

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string_view>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/result.hpp"

namespace whatsapp {

class RateLimitStore;

struct RateLimitOptions {
  /// Messages a second per business phone number; 0: no limit (the default). Meta's default
  /// throughput is 80.
  double messages_per_second = 0.0;
  /// How many messages may go at once after a quiet period; 0: messages_per_second, rounded up.
  std::size_t burst = 0;
  /// The least time between two messages to the same recipient from the same number; 0: none
  /// (the default). About 6 s keeps clear of code 131056.
  std::chrono::milliseconds per_recipient_interval{0};
  /// Where the buckets and the per-recipient times are kept; null: in this process (the
  /// default, no I/O). A shared store (whatsapp::redis::RedisRateLimitStore) makes the limits
  /// above hold for all the processes that use it together. It is asked with these limits for
  /// every send, and only when enabled().
  std::shared_ptr<RateLimitStore> store;

  bool enabled() const noexcept { return messages_per_second > 0.0 || per_recipient_interval.count() > 0; }
};

/// Where a client books the rate limits' slot of each send (RateLimitOptions::store). Implement
/// it to share the limits another way than whatsapp::redis does; every member may be called
/// from many threads at once.
class RateLimitStore {
 public:
  using Clock = std::chrono::steady_clock;

  virtual ~RateLimitStore() = default;

  /// Books the slot of one message from `phone_number_id` to `recipient` (empty: unknown, then
  /// no per-recipient interval applies) under `limits`. `now` is the client's clock (a shared
  /// store may use its own: the server's); the answer must come before `deadline` (the call's;
  /// Clock::time_point::max(): none).
  /// @return the wait before the message may go (zero: at once), or the error the send fails
  ///         with: a store that cannot answer returns a kTransport error with Delivery::kNotSent
  ///         and is_transient() true, which the call retries within its deadline like any
  ///         request that was not sent.
  virtual Result<std::chrono::nanoseconds> reserve(const RateLimitOptions& limits,
                                                   std::string_view phone_number_id,
                                                   std::string_view recipient, Clock::time_point now,
                                                   Clock::time_point deadline) = 0;
};

namespace detail {
class RateLimiter;
}  // namespace detail

/// The in-process buckets as a RateLimitStore: what a client uses when RateLimitOptions::store
/// is null (it then calls them directly, without this indirection). Useful as the local limit
/// of another store (whatsapp::redis falls back to one) or to wrap. The limits are those of the
/// first reservation: give one instance to clients with the same limits only. Never fails.
class InProcessRateLimitStore final : public RateLimitStore {
 public:
  Result<std::chrono::nanoseconds> reserve(const RateLimitOptions& limits, std::string_view phone_number_id,
                                           std::string_view recipient, Clock::time_point now,
                                           Clock::time_point deadline) override;
  InProcessRateLimitStore();
  ~InProcessRateLimitStore() override;

 private:
  std::once_flag made_;
  std::unique_ptr<detail::RateLimiter> limiter_;
};

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/client/detail/rate_limiter.hpp"  // which includes the definitions of both
#endif
