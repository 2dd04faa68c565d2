// Definitions of the functions model/analytics.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/model/analytics.hpp"

namespace whatsapp {

WHATSAPP_DECL void from_json(const nlohmann::json& j, Analytics& a) {
  detail::require_object(j, "analytics");
  const auto* inner = detail::object_at(j, "analytics");
  const nlohmann::json& o = inner != nullptr ? *inner : j;
  a.granularity = detail::string_at(o, "granularity");
  if (const auto* p = detail::array_at(o, "phone_numbers")) {
    for (const auto& e : *p) {  // Meta types them "list<numeric string>"; its example has numbers
      if (e.is_string()) a.phone_numbers.push_back(e.get<std::string>());
      if (e.is_number_integer()) a.phone_numbers.push_back(e.dump());
    }
  }
  // No data_points (a range with no traffic, or an answer of only the account's id): none.
  const auto* d = detail::array_at(o, "data_points");
  if (d == nullptr) {
    a.raw = j;
    return;
  }
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
