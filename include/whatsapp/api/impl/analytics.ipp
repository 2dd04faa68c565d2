// Definitions of what api/analytics.hpp declares: included by it (header-only), or compiled once
// with WHATSAPP_SEPARATE_COMPILATION.

#pragma once

#include "whatsapp/api/analytics.hpp"
#include "whatsapp/protocol/graph.hpp"

namespace whatsapp::api {

WHATSAPP_DECL Result<Analytics> AnalyticsApi::get(std::string_view waba_id,
                                                  const AnalyticsQuery& query) const {
  if (query.end <= query.start) return Error::invalid_argument("end", "must be after start");
  if (core_->graph()) {
    // Graph: analytics is a field of the account, its parameters a field expansion.
    std::string fields = "analytics.start(" + std::to_string(query.start) + ").end(" +
                         std::to_string(query.end) + ").granularity(" +
                         std::string(to_string(query.granularity)) + ")";
    if (!query.phone_numbers.empty())
      fields += ".phone_numbers(" + nlohmann::json(query.phone_numbers).dump() + ")";
    if (!query.metric_types.empty())
      fields += ".metric_types(" + nlohmann::json(query.metric_types).dump() + ")";
    detail::RequestSpec graph{&kGraphAnalytics, {waba_id}, {{"fields", std::move(fields)}}, {}, {}};
    return core_->call_read<Analytics>(
        graph, [](nlohmann::json&& payload) { return detail::decode<Analytics>(payload, "analytics"); });
  }
  detail::RequestSpec spec{&route(RouteId::kGetAnalytics), {waba_id}, {}, {}, {}};
  spec.query.emplace_back("start", std::to_string(query.start));
  spec.query.emplace_back("end", std::to_string(query.end));
  spec.query.emplace_back("granularity", std::string(to_string(query.granularity)));
  if (!query.phone_numbers.empty())
    spec.query.emplace_back("phone_numbers", nlohmann::json(query.phone_numbers).dump());
  if (!query.metric_types.empty())
    spec.query.emplace_back("metric_types", nlohmann::json(query.metric_types).dump());
  return core_->call_read<Analytics>(
      spec, [](nlohmann::json&& payload) { return detail::decode<Analytics>(payload, "analytics"); });
}

}  // namespace whatsapp::api
