#pragma once

/// @file rate_limit_store.hpp
/// The rate limits of RateLimitOptions kept in Redis, so that every process that sends for a
/// business number keeps to one budget together: one Lua script per send books the slot
/// atomically with the server's clock (GCRA: a token bucket that books ahead), and the
/// per-recipient interval in the same script (docs/deployment.md).
///
/// ```cpp
/// auto redis = std::make_shared<whatsapp::redis::RedisConnection>(redis_options);
/// o.rate_limit.messages_per_second = 50;
/// o.rate_limit.store = std::make_shared<whatsapp::redis::RedisRateLimitStore>(redis);
/// ```

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "whatsapp/client/detail/rate_limiter.hpp"
#include "whatsapp/client/rate_limit.hpp"
#include "whatsapp/redis/connection.hpp"

namespace whatsapp::redis {

/// What a RedisRateLimitStore does when Redis does not answer in time.
enum class LimiterFailure {
  /// The send fails (kTransport, Delivery::kNotSent, is_transient(): the call retries it within
  /// its deadline, then reports it). Nothing is sent unpaced. The default.
  kRefuse,
  /// The send is paced by a limit in this process instead (RedisRateLimitStore's local_share of
  /// each limit) until Redis answers again.
  kLocalLimit,
};

/// Settings of a RedisRateLimitStore.
struct RedisLimiterOptions {
  LimiterFailure on_failure = LimiterFailure::kRefuse;
  /// With kLocalLimit: the share of messages_per_second (and burst) each process takes while
  /// Redis is away; 1/N for N senders keeps the total within the limit, 1 lets each process
  /// send the whole rate. In (0, 1].
  double local_share = 1.0;
};

/// RateLimitStore in Redis. Keys (with RedisOptions::key_prefix "whatsapp"):
///   whatsapp:{<phone_number_id>}:rate              the number's next free time (GCRA), in us
///   whatsapp:{<phone_number_id>}:to:<recipient>    the next time this recipient may be sent to
/// Both carry the number in a hash tag, so a Redis Cluster keeps them in one slot; both expire
/// once they no longer hold anything back. Thread-safe; share one instance per connection.
class RedisRateLimitStore final : public RateLimitStore {
 public:
  explicit RedisRateLimitStore(std::shared_ptr<RedisConnection> connection, RedisLimiterOptions options = {})
      : conn_(std::move(connection)), o_(options) {
    if (!(o_.local_share > 0.0 && o_.local_share <= 1.0)) o_.local_share = 1.0;
  }

  /// Books the slot in Redis (one EVALSHA). @return the wait, or on a Redis failure the error
  /// (kRefuse) or the local limit's wait (kLocalLimit).
  Result<std::chrono::nanoseconds> reserve(const RateLimitOptions& limits, std::string_view phone_number_id,
                                           std::string_view recipient, Clock::time_point now,
                                           Clock::time_point deadline) override {
    const double rate = limits.messages_per_second;
    const double capacity =
        std::max(1.0, std::ceil(limits.burst > 0 ? static_cast<double>(limits.burst) : rate));
    const double emission_us = rate > 0.0 ? 1e6 / rate : 0.0;
    const auto interval_us =
        std::chrono::duration_cast<std::chrono::microseconds>(limits.per_recipient_interval);
    const bool pair = interval_us.count() > 0 && !recipient.empty();

    std::string base = conn_->options().key_prefix + ":{";
    base.append(phone_number_id);
    base += "}:";
    std::string rate_key = base + "rate";
    std::string to_key;
    if (pair) {
      to_key = base + "to:";
      to_key.append(recipient);
    }
    const std::string a1 = number(emission_us);
    const std::string a2 = number((capacity - 1.0) * emission_us);
    const std::string a3 = std::to_string(pair ? interval_us.count() : 0);
    std::vector<std::string_view> keys{rate_key};
    if (pair) keys.emplace_back(to_key);
    auto r = conn_->eval(script(), keys, {a1, a2, a3}, deadline);
    // The script reads a time more than a day ahead as no time, so its waits stay within a day
    // and the intervals: one beyond 30 days is not its answer, and is not multiplied into an
    // overflow (a stray 9.2e18 did).
    constexpr long long kMaxWaitUs = 30LL * 86'400'000'000LL;
    if (r && (*r)->type == REDIS_REPLY_INTEGER && (*r)->integer <= kMaxWaitUs) {
      return std::chrono::nanoseconds(std::max<long long>(0, (*r)->integer) * 1000);
    }
    Error e = !r ? std::move(r).error()
              : (*r)->type == REDIS_REPLY_INTEGER
                  ? conn_->unavailable("the rate limit script answered a wait of " +
                                       std::to_string((*r)->integer) + " us")
                  : conn_->reply_error(**r, "the rate limit script");
    if (o_.on_failure == LimiterFailure::kRefuse) {
      e.with_hint(
          "the shared rate limit (Redis) did not answer, so the message was not sent: check Redis, or choose "
          "LimiterFailure::kLocalLimit to pace by a local limit meanwhile");
      return e;
    }
    return local(limits).reserve(phone_number_id, recipient, now);
  }

  /// The Lua script (public for docs/deployment.md and the tests). ARGV: the emission interval
  /// (us per message, 0: no bucket), the burst tolerance ((burst - 1) x interval, us), the
  /// per-recipient interval (us, 0: none). Returns the wait in microseconds.
  ///
  /// Both keys are read before either is written, so a booking that fails books nothing. A key
  /// this script did not write (another type, not a number, NaN, a time more than a day ahead)
  /// reads as "no time booked" and is overwritten: a stray value can neither switch the limit
  /// off nor hold every send back for years.
  static const std::string& script() {
    static const std::string s = R"lua(
if redis.replicate_commands then pcall(redis.replicate_commands) end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local emission = tonumber(ARGV[1])
local tau = tonumber(ARGV[2])
local interval = tonumber(ARGV[3])
local function booked(key)
  local v = redis.pcall('GET', key)
  if type(v) ~= 'string' then return nil end
  v = tonumber(v)
  if v == nil or v ~= v or v > now + 86400000000 then return nil end
  return v
end
local tat = nil
if emission > 0 then tat = booked(KEYS[1]) or now end
local nxt = nil
if interval > 0 and #KEYS > 1 then nxt = booked(KEYS[2]) end
local slot = now
if emission > 0 then
  if tat < now then tat = now end
  if tat - tau > now then slot = tat - tau end
  tat = tat + emission
  redis.call('SET', KEYS[1], string.format('%.3f', tat), 'PX', math.floor((tat - now) / 1000) + 1000)
end
if interval > 0 and #KEYS > 1 then
  if nxt and nxt > slot then slot = nxt end
  local after = slot + interval
  redis.call('SET', KEYS[2], string.format('%.3f', after), 'PX', math.floor((after - now) / 1000) + 1000)
end
return math.floor(slot - now)
)lua";
    return s;
  }

 private:
  static std::string number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%.3f", v);
    return buf;
  }

  ::whatsapp::detail::RateLimiter& local(const RateLimitOptions& limits) {
    std::call_once(local_made_, [&] {
      RateLimitOptions l = limits;
      l.store = nullptr;
      l.messages_per_second *= o_.local_share;
      if (l.burst > 0)
        l.burst =
            std::max<std::size_t>(1, static_cast<std::size_t>(static_cast<double>(l.burst) * o_.local_share));
      local_ = std::make_unique<::whatsapp::detail::RateLimiter>(l);
    });
    return *local_;
  }

  std::shared_ptr<RedisConnection> conn_;
  RedisLimiterOptions o_;
  std::once_flag local_made_;
  std::unique_ptr<::whatsapp::detail::RateLimiter> local_;
};

}  // namespace whatsapp::redis
