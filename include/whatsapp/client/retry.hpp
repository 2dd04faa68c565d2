#pragma once

/// @file retry.hpp
/// Retries, as three questions kept apart:
///  - is the error transient?                  Error::is_transient()
///  - may this call be repeated?               Idempotency, may_retry()
///  - how long to wait before the next try?    RetryPolicy, backoff_delay(), retry_delay()
/// The Retry-After header is read in protocol/retry_after.hpp; the injectable clock, sleep and
/// randomness that let tests assert exact delays are TimeSource (time_source.hpp).

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
#include "whatsapp/time_source.hpp"

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

}  // namespace detail

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/client/impl/retry.ipp"
#endif
