#pragma once

/// @file model/analytics.hpp
/// Messaging analytics of a WhatsApp Business Account: sent and delivered counts per period.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/decode.hpp"
#include "whatsapp/detail/json_util.hpp"

namespace whatsapp {

enum class Granularity { kHalfHour, kDay, kMonth };

constexpr std::string_view to_string(Granularity g) noexcept {
  switch (g) {
    case Granularity::kHalfHour: return "HALF_HOUR";
    case Granularity::kDay: return "DAY";
    case Granularity::kMonth: return "MONTH";
  }
  return "DAY";
}

/// What Get Analytics asks for.
struct AnalyticsQuery {
  std::int64_t start = 0;  ///< Epoch seconds, inclusive.
  std::int64_t end = 0;    ///< Epoch seconds, exclusive.
  Granularity granularity = Granularity::kDay;
  std::vector<std::string> phone_numbers{};  ///< Display numbers; empty: all.
  std::vector<std::string> metric_types{};   ///< e.g. "SENT", "DELIVERED"; empty: all.
};

struct AnalyticsDataPoint {
  std::int64_t start = 0;
  std::int64_t end = 0;
  std::int64_t sent = 0;
  std::int64_t delivered = 0;
  nlohmann::json raw;  ///< Other counters Meta may add.
};

struct Analytics {
  std::vector<std::string> phone_numbers{};
  std::string granularity;
  std::vector<AnalyticsDataPoint> data_points{};
  nlohmann::json raw;
};

/// Reads `{"analytics":{...},"id":...}` or the analytics object itself.
inline void from_json(const nlohmann::json& j, Analytics& a) {
  detail::require_object(j, "analytics");
  const auto inner = j.find("analytics");
  const nlohmann::json& o = (inner != j.end() && inner->is_object()) ? *inner : j;
  a.granularity = detail::string_at(o, "granularity");
  if (const auto p = o.find("phone_numbers"); p != o.end() && p->is_array()) {
    for (const auto& e : *p) {
      if (e.is_string()) a.phone_numbers.push_back(e.get<std::string>());
    }
  }
  const auto d = o.find("data_points");
  if (d == o.end() || !d->is_array()) throw detail::DecodeError("no data_points array");
  for (const auto& e : *d) {
    detail::require_object(e, "data point");
    AnalyticsDataPoint p;
    p.start = detail::int_at(e, "start").value_or(0);
    p.end = detail::int_at(e, "end").value_or(0);
    p.sent = detail::int_at(e, "sent").value_or(0);
    p.delivered = detail::int_at(e, "delivered").value_or(0);
    p.raw = e;
    a.data_points.push_back(std::move(p));
  }
  a.raw = j;
}

}  // namespace whatsapp
