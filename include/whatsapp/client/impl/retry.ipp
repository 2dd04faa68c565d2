// Definitions of the functions retry.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/client/retry.hpp"

namespace whatsapp {

WHATSAPP_DECL bool may_retry(const Error& e, Idempotency idem) noexcept {
  if (!e.is_transient()) return false;
  if (idem == Idempotency::kIdempotent) return true;
  return e.delivery() == Delivery::kNotSent || e.is_throttling();
}

WHATSAPP_DECL std::chrono::milliseconds backoff_delay(const RetryPolicy& p, int retry,
                                                      double random01) noexcept {
  const double initial = static_cast<double>(std::max<std::int64_t>(0, p.initial_backoff.count()));
  const double cap = static_cast<double>(std::max<std::int64_t>(0, p.max_backoff.count()));
  const double mult = p.multiplier >= 1.0 ? p.multiplier : 1.0;
  double ceiling = initial * std::pow(mult, static_cast<double>(std::max(0, retry - 1)));
  if (!(ceiling <= cap)) ceiling = cap;  // also catches inf and NaN
  if (p.jitter) {
    const double r = random01 >= 0.0 ? std::min(random01, 1.0) : 0.0;  // NaN -> 0
    ceiling *= r;
  }
  // A cap of milliseconds::max() is 2^63 as a double, which does not convert back.
  if (ceiling >= 9223372036854775808.0) return std::chrono::milliseconds::max();
  return std::chrono::milliseconds(static_cast<std::int64_t>(ceiling));
}

WHATSAPP_DECL std::chrono::milliseconds retry_delay(const RetryPolicy& p, int retry, const Error& e,
                                                    double random01) noexcept {
  if (const auto ra = e.retry_after()) {
    return std::clamp(*ra, std::chrono::milliseconds(0),
                      std::max(std::chrono::milliseconds(0), p.max_retry_after));
  }
  return backoff_delay(p, retry, random01);
}

}  // namespace whatsapp

namespace whatsapp::detail {

WHATSAPP_DECL std::optional<std::chrono::milliseconds> wait_within_deadline(
    const RetryPolicy& p, int retry, Error& e, double random01, std::chrono::steady_clock::time_point now,
    const std::optional<std::chrono::steady_clock::time_point>& deadline) {
  const std::chrono::milliseconds delay = retry_delay(p, retry, e, random01);
  if (!deadline) return delay;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - now);
  const std::chrono::milliseconds asked = e.retry_after() ? std::max(*e.retry_after(), delay) : delay;
  if (asked < left) return delay;
  const auto duration_text = [](std::chrono::milliseconds d) {
    if (d.count() % 1000 == 0) return std::to_string(d.count() / 1000) + " s";
    return std::to_string(d.count()) + " ms";
  };
  std::string why = e.message();
  why += e.retry_after() ? "; not retried: the server asks to wait " + duration_text(*e.retry_after()) +
                               " (Retry-After), past the call's deadline"
                         : "; not retried: the wait before the next try (" + duration_text(delay) +
                               ") would end past the call's deadline";
  why += " (" + duration_text(std::max(std::chrono::milliseconds(0), left)) + " left)";
  e.with_message(std::move(why));
  return std::nullopt;
}

}  // namespace whatsapp::detail
