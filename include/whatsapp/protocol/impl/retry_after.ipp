// Definitions of what protocol/retry_after.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION.

#pragma once

#include <algorithm>
#include <string>

#include "whatsapp/protocol/retry_after.hpp"

namespace whatsapp::detail {

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
