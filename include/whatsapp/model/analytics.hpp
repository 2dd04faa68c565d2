#pragma once

/// @file model/analytics.hpp
/// Messaging analytics of a WhatsApp Business Account: sent and delivered counts per period.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_read.hpp"

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
WHATSAPP_DECL void from_json(const nlohmann::json& j, Analytics& a);

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/analytics.ipp"
#endif
