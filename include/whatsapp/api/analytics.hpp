#pragma once

/// @file api/analytics.hpp
/// Messaging analytics of a WhatsApp Business Account.

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "whatsapp/client/detail/core.hpp"
#include "whatsapp/detail/decode.hpp"
#include "whatsapp/model/analytics.hpp"

namespace whatsapp::api {

/// `client.analytics()`. Cheap to copy; shares the client's connection and state.
template <class Transport>
class AnalyticsApi {
 public:
  explicit AnalyticsApi(std::shared_ptr<const detail::Core<Transport>> core) : core_(std::move(core)) {}

  /// Get Analytics: sent and delivered counts per `query.granularity` period between
  /// `query.start` and `query.end` (epoch seconds). `phone_numbers` and `metric_types` are sent
  /// as JSON arrays when given. Errors: kInvalidArgument when end is not after start; kApi;
  /// kParse. Read-only: safe to repeat.
  Result<Analytics> get(std::string_view waba_id, const AnalyticsQuery& query) const {
    if (query.end <= query.start) return Error::invalid_argument("end", "must be after start");
    detail::RequestSpec spec{&route(RouteId::kGetAnalytics), {waba_id}, {}, {}, {}};
    spec.query.emplace_back("start", std::to_string(query.start));
    spec.query.emplace_back("end", std::to_string(query.end));
    spec.query.emplace_back("granularity", std::string(to_string(query.granularity)));
    if (!query.phone_numbers.empty())
      spec.query.emplace_back("phone_numbers", nlohmann::json(query.phone_numbers).dump());
    if (!query.metric_types.empty())
      spec.query.emplace_back("metric_types", nlohmann::json(query.metric_types).dump());
    return core_->template call_read<Analytics>(
        spec, [](nlohmann::json&& payload) { return detail::decode<Analytics>(payload, "analytics"); });
  }

 private:
  std::shared_ptr<const detail::Core<Transport>> core_;
};

}  // namespace whatsapp::api
