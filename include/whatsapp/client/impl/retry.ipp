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

WHATSAPP_DECL int month_number(std::string_view w) noexcept {
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int i = 0; i < 12; ++i) {
    if (w == kMonths[i]) return i + 1;
  }
  return 0;
}

WHATSAPP_DECL bool valid_day(int y, int m, int d) noexcept {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

}  // namespace whatsapp::detail

namespace whatsapp {

WHATSAPP_DECL std::optional<std::int64_t> parse_http_date(std::string_view s) noexcept {
  using detail::DateScanner;
  DateScanner sc(s);
  sc.skip_spaces();
  const std::string_view weekday = sc.word();
  if (weekday.size() < 3) return std::nullopt;
  int year = 0, month = 0, day = 0, h = 0, m = 0, sec = 0;
  if (sc.eat(',')) {
    sc.skip_spaces();
    if (!sc.number(2, day)) return std::nullopt;
    if (sc.eat('-')) {  // RFC 850: 06-Nov-94
      month = detail::month_number(sc.word());
      if (!sc.eat('-') || !sc.number(4, year)) return std::nullopt;
      if (year < 100) year += year < 70 ? 2000 : 1900;
    } else {  // IMF-fixdate: 06 Nov 1994
      sc.skip_spaces();
      month = detail::month_number(sc.word());
      sc.skip_spaces();
      if (!sc.number(4, year)) return std::nullopt;
    }
    sc.skip_spaces();
    if (!sc.time(h, m, sec)) return std::nullopt;
    sc.skip_spaces();
    if (sc.word() != "GMT") return std::nullopt;
  } else {  // asctime: Nov  6 08:49:37 1994
    sc.skip_spaces();
    month = detail::month_number(sc.word());
    sc.skip_spaces();
    if (!sc.number(2, day)) return std::nullopt;
    sc.skip_spaces();
    if (!sc.time(h, m, sec)) return std::nullopt;
    sc.skip_spaces();
    if (!sc.number(4, year)) return std::nullopt;
  }
  if (!sc.at_end() || month == 0 || year < 1970 || !detail::valid_day(year, month, day)) {
    return std::nullopt;
  }
  const std::int64_t t =
      detail::days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
      std::int64_t{h} * 3600 + std::int64_t{m} * 60 + sec;
  // A leap second on 9999-12-31 would name an instant no four-digit date can write.
  constexpr std::int64_t kLastFourDigitSecond = 253'402'300'799;  // 9999-12-31T23:59:59Z
  if (t > kLastFourDigitSecond) return std::nullopt;
  return t;
}

WHATSAPP_DECL std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                                         std::int64_t now_epoch_s) noexcept {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  constexpr std::int64_t kMaxSeconds = 100LL * 365 * 86400;
  if (detail::is_digit(value.front())) {
    std::int64_t secs = 0;
    for (const char c : value) {
      if (!detail::is_digit(c)) return std::nullopt;
      secs = std::min<std::int64_t>(kMaxSeconds, secs * 10 + (c - '0'));
    }
    return std::chrono::milliseconds(secs * 1000);
  }
  const auto when = parse_http_date(value);
  if (!when) return std::nullopt;
  const std::int64_t delta = std::clamp<std::int64_t>(*when - now_epoch_s, 0, kMaxSeconds);
  return std::chrono::milliseconds(delta * 1000);
}

}  // namespace whatsapp
