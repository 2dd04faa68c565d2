#pragma once

/// @file retry.hpp
/// Retries, as three questions kept apart:
///  - is the error transient?                  Error::is_transient()
///  - may this call be repeated?               Idempotency, may_retry()
///  - how long to wait before the next try?    RetryPolicy, backoff_delay(), retry_delay()
/// plus the parsing of `Retry-After` (seconds or an HTTP date), and the injectable clock, sleep
/// and randomness (TimeSource) that let tests assert exact delays.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <thread>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/protocol/routes.hpp"

namespace whatsapp {

/// The overall deadline every call has unless told otherwise (RetryPolicy::deadline,
/// CallOptions::deadline): 90 s, room for three requests of the default 30 s timeout and the
/// waits between them, so one call never blocks a caller for minutes.
inline constexpr std::chrono::milliseconds kDefaultDeadline{90'000};

/// The deadline that means "none": the call ends only when its tries are used up, however long
/// the waits (each still cut to RetryPolicy::max_retry_after).
inline constexpr std::chrono::milliseconds kNoDeadline{0};

/// How a call is retried. The defaults follow the design: 4 attempts in all, 500 ms doubling to
/// 30 s with full jitter, Retry-After honoured up to `max_retry_after`, and the whole call within
/// kDefaultDeadline.
struct RetryPolicy {
  /// Requests in all, the first one included; 1 turns retries off. (The URL format fallback's
  /// second request is not a retry and is not counted here, though Error::attempts() counts it.)
  int max_attempts = 4;
  /// The ceiling of the first wait; it grows by `multiplier` per retry up to `max_backoff`.
  std::chrono::milliseconds initial_backoff{500};
  std::chrono::milliseconds max_backoff{30'000};
  double multiplier = 2.0;
  /// Full jitter: the wait is uniform in [0, ceiling). Off: exactly the ceiling.
  bool jitter = true;
  /// A longer Retry-After is cut to this.
  std::chrono::milliseconds max_retry_after{60'000};
  /// The whole call, waits included, ends by this time after it starts (kDefaultDeadline, 90 s);
  /// kNoDeadline (0) for none. Each request's timeout is shortened to what is left. A wait that
  /// would end at or past the deadline is not started: the call fails at once with the last
  /// error, which says so. With a Retry-After, the server's own value is what counts (not the
  /// one cut to max_retry_after): retrying before the time the server asked for would only be
  /// refused again. The error keeps its retry_after(), for the caller to schedule a later send.
  std::chrono::milliseconds deadline = kDefaultDeadline;

  /// A policy that never retries.
  static RetryPolicy none() {
    RetryPolicy p;
    p.max_attempts = 1;
    return p;
  }
};

/// Whether a call may be sent again when it may already have been processed.
enum class Idempotency {
  /// Reads, deletes and updates that set a state: repeating them changes nothing. Retried on any
  /// transient error.
  kIdempotent,
  /// Creates something or reaches a person (a message send, a verification code, a media upload,
  /// a template). Retried only when it certainly was not processed: the request never left
  /// (Delivery::kNotSent, e.g. connection refused) or the answer was a throttling refusal.
  kNotIdempotent,
};

/// The idempotency of a route. GET and DELETE are idempotent; so are the POSTs that set a state
/// (mark read, update profile or compliance info, set the two-step PIN, subscribe the app).
constexpr Idempotency idempotency(RouteId id) noexcept {
  switch (id) {
    case RouteId::kSendMessage:
    case RouteId::kUploadMedia:
    case RouteId::kRequestCode:
    case RouteId::kVerifyCode:
    case RouteId::kRegister:
    case RouteId::kDeregister:
    case RouteId::kCreateTemplate: return Idempotency::kNotIdempotent;
    default: return Idempotency::kIdempotent;
  }
}

/// Whether a call of this idempotency may be repeated after `e`.
WHATSAPP_DECL bool may_retry(const Error& e, Idempotency idem) noexcept;

/// The wait before retry number `retry` (1 for the first retry): the ceiling
/// min(max_backoff, initial_backoff * multiplier^(retry-1)), times `random01` (in [0, 1)) when
/// jitter is on.
WHATSAPP_DECL std::chrono::milliseconds backoff_delay(const RetryPolicy& p, int retry,
                                                      double random01) noexcept;

/// The wait before retry number `retry` after `e`: the server's Retry-After when it sent one
/// (cut to max_retry_after), else backoff_delay().
WHATSAPP_DECL std::chrono::milliseconds retry_delay(const RetryPolicy& p, int retry, const Error& e,
                                                    double random01) noexcept;

namespace detail {

/// One retry decision of Core::call() and the batch engine, made alike: the wait before retry
/// `retry` after `e` (retry_delay()), or nullopt when the call must end now because that wait,
/// or the server's uncut Retry-After, would end at or past `deadline` (none: no deadline). Then
/// `e`'s message says why it was not retried; everything else in `e` is kept.
WHATSAPP_DECL std::optional<std::chrono::milliseconds> wait_within_deadline(
    const RetryPolicy& p, int retry, Error& e, double random01, std::chrono::steady_clock::time_point now,
    const std::optional<std::chrono::steady_clock::time_point>& deadline);

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

class DateScanner {
 public:
  explicit DateScanner(std::string_view s) noexcept : s_(s) {}
  void skip_spaces() noexcept {
    while (i_ < s_.size() && s_[i_] == ' ') ++i_;
  }
  bool eat(char c) noexcept {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  /// 1 to `max_digits` digits.
  bool number(int max_digits, int& out) noexcept {
    int n = 0, v = 0;
    while (i_ < s_.size() && is_digit(s_[i_]) && n < max_digits) {
      v = v * 10 + (s_[i_] - '0');
      ++i_;
      ++n;
    }
    out = v;
    return n > 0 && (i_ >= s_.size() || !is_digit(s_[i_]));
  }
  std::string_view word() noexcept {
    const std::size_t start = i_;
    while (i_ < s_.size() && ((s_[i_] >= 'A' && s_[i_] <= 'Z') || (s_[i_] >= 'a' && s_[i_] <= 'z'))) ++i_;
    return s_.substr(start, i_ - start);
  }
  bool time(int& h, int& m, int& s) noexcept {
    return number(2, h) && eat(':') && number(2, m) && eat(':') && number(2, s) && h < 24 && m < 60 &&
           s <= 60;
  }
  bool at_end() noexcept {
    skip_spaces();
    return i_ == s_.size();
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

WHATSAPP_DECL int month_number(std::string_view w) noexcept;

WHATSAPP_DECL bool valid_day(int y, int m, int d) noexcept;

}  // namespace detail

/// Parses an HTTP date (RFC 9110: IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", and the obsolete
/// RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT" and asctime "Sun Nov  6 08:49:37 1994" forms) into
/// seconds since the epoch. Never throws; nullopt for anything else.
WHATSAPP_DECL std::optional<std::int64_t> parse_http_date(std::string_view s) noexcept;

/// Parses a Retry-After value: delta-seconds ("120") or an HTTP date, relative to `now_epoch_s`
/// (seconds since the epoch). A date in the past gives 0. Huge values saturate at about 100
/// years (the policy's max_retry_after cuts them anyway). Never throws; nullopt when unreadable.
WHATSAPP_DECL std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                                         std::int64_t now_epoch_s) noexcept;

/// Time and chance as the client sees them. Every member may be left empty for the real one;
/// tests set them to make delays exact and instant.
struct TimeSource {
  /// The monotonic clock used for deadlines and rate limits.
  std::function<std::chrono::steady_clock::time_point()> now;
  /// Seconds since the epoch, for Retry-After dates.
  std::function<std::int64_t()> epoch_seconds;
  /// Waits (backoff, Retry-After, rate limits).
  std::function<void(std::chrono::milliseconds)> sleep;
  /// A number uniform in [0, 1), for jitter.
  std::function<double()> random01;

  std::chrono::steady_clock::time_point current() const {
    return now ? now() : std::chrono::steady_clock::now();
  }
  std::int64_t epoch() const {
    if (epoch_seconds) return epoch_seconds();
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  void wait(std::chrono::milliseconds d) const {
    if (d.count() <= 0) return;
    if (sleep) {
      sleep(d);
    } else {
      std::this_thread::sleep_for(d);
    }
  }
  double uniform01() const {
    if (random01) return random01();
    thread_local std::mt19937_64 rng(std::random_device{}());
    return std::uniform_real_distribution<double>(0.0, 1.0)(rng);
  }
};

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/client/impl/retry.ipp"
#endif
