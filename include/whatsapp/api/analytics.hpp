#pragma once

/// @file api/analytics.hpp
/// Messaging analytics of a WhatsApp Business Account.

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "whatsapp/client/detail/core.hpp"
#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/model/analytics.hpp"

namespace whatsapp::api {

/// `client.analytics()`. Cheap to copy; shares the client's connection and state.
class AnalyticsApi {
 public:
  explicit AnalyticsApi(std::shared_ptr<const detail::Core> core) : core_(std::move(core)) {}

  /// Get Analytics: sent and delivered counts per `query.granularity` period between
  /// `query.start` and `query.end` (epoch seconds). `phone_numbers` and `metric_types` are sent
  /// as JSON arrays when given. Errors: kInvalidArgument when end is not after start; kApi;
  /// kParse. Read-only: safe to repeat.
  WHATSAPP_DECL Result<Analytics> get(std::string_view waba_id, const AnalyticsQuery& query) const;

 private:
  std::shared_ptr<const detail::Core> core_;
};

}  // namespace whatsapp::api

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/api/impl/analytics.ipp"
#endif
