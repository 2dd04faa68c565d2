#pragma once

/// @file protocol/retry_after.hpp
/// Reading the Retry-After header: delta-seconds or an HTTP date.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "whatsapp/detail/config.hpp"

namespace whatsapp {

namespace detail {

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

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/protocol/impl/retry_after.ipp"
#endif
