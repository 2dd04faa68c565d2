// libFuzzer target: parse_retry_after() and parse_http_date() on arbitrary text. Nothing may
// crash or throw; a delay is never negative nor above the documented saturation; and a parsed
// date, formatted again as an IMF-fixdate, parses back to the same instant.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "whatsapp/client/retry.hpp"
#include "whatsapp/protocol/retry_after.hpp"

namespace {

// Hinnant's civil_from_days, written independently of the library's days_from_civil.
void civil(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2 ? 1 : 0;
}

std::string imf_fixdate(std::int64_t t) {
  static const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::int64_t days = t / 86400, secs = t % 86400;
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  civil(days, y, m, d);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02u %s %04lld %02lld:%02lld:%02lld GMT", kDays[days % 7], d,
                kMonths[m - 1], static_cast<long long>(y), static_cast<long long>(secs / 3600),
                static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
  return buf;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  constexpr std::int64_t kNow = 1'700'000'000;
  if (const auto d = whatsapp::parse_retry_after(s, kNow)) {
    if (d->count() < 0 || d->count() > 100LL * 365 * 86400 * 1000) std::abort();
  }
  if (const auto t = whatsapp::parse_http_date(s)) {
    if (*t < 0) std::abort();
    // Leap second 60 normalises into the next minute; compare instants.
    const auto again = whatsapp::parse_http_date(imf_fixdate(*t));
    if (!again || *again != *t) std::abort();
  }
  whatsapp::RetryPolicy p;
  whatsapp::Error e(whatsapp::ErrorKind::kHttp, "x");
  if (const auto d = whatsapp::parse_retry_after(s, kNow)) e.with_retry_after(*d);
  const auto wait = whatsapp::retry_delay(p, static_cast<int>(size % 64), e, 0.5);
  if (wait.count() < 0 || wait > p.max_retry_after) std::abort();
  return 0;
}
