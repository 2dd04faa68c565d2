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

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

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

/// The state behind RateLimitOptions. Thread-safe. reserve() books the next free slot and says
/// how long the caller must wait for it; the caller waits outside the lock.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RateLimiter(RateLimitOptions o) : o_(o) {
    const double b = o_.burst > 0 ? static_cast<double>(o_.burst) : o_.messages_per_second;
    capacity_ = std::max(1.0, std::ceil(b));
  }

  const RateLimitOptions& options() const noexcept { return o_; }

  /// Books a slot for one message from `phone_number_id` to `recipient` (empty: unknown) at `now`
  /// and returns the wait before it may be sent (zero when it may go at once).
  std::chrono::nanoseconds reserve(std::string_view phone_number_id, std::string_view recipient,
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

 private:
  struct Bucket {
    double tokens;  // may go negative: messages booked ahead
    Clock::time_point at;
  };

  // Token bucket with booking: the wait is how long until the token this caller takes exists.
  Clock::time_point take_token(const std::string& phone, Clock::time_point now) {
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

  // Forgets recipients whose interval has passed, keeping the map about as large as the set of
  // recipients messaged within one interval.
  void prune(Clock::time_point now) {
    for (auto it = next_to_recipient_.begin(); it != next_to_recipient_.end();) {
      it = it->second <= now ? next_to_recipient_.erase(it) : std::next(it);
    }
    prune_at_ = std::max<std::size_t>(1024, next_to_recipient_.size() * 2);
  }

  RateLimitOptions o_;
  double capacity_ = 1.0;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  std::unordered_map<std::string, Clock::time_point> next_to_recipient_;
  std::size_t prune_at_ = 1024;
};

}  // namespace detail

/// The in-process buckets as a RateLimitStore: what a client uses when RateLimitOptions::store
/// is null (it then calls them directly, without this indirection). Useful as the local limit
/// of another store (whatsapp::redis falls back to one) or to wrap. The limits are those of the
/// first reservation: give one instance to clients with the same limits only. Never fails.
class InProcessRateLimitStore final : public RateLimitStore {
 public:
  Result<std::chrono::nanoseconds> reserve(const RateLimitOptions& limits, std::string_view phone_number_id,
                                           std::string_view recipient, Clock::time_point now,
                                           Clock::time_point /*deadline*/) override {
    std::call_once(made_, [&] { limiter_ = std::make_unique<detail::RateLimiter>(limits); });
    return limiter_->reserve(phone_number_id, recipient, now);
  }

 private:
  std::once_flag made_;
  std::unique_ptr<detail::RateLimiter> limiter_;
};

}  // namespace whatsapp
