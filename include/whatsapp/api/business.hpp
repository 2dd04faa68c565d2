#pragma once

/// @file api/business.hpp
/// The business profile, compliance information and the WhatsApp Business Account.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/api/detail/query.hpp"
#include "whatsapp/client/detail/core.hpp"
#include "whatsapp/detail/decode.hpp"
#include "whatsapp/model/business.hpp"
#include "whatsapp/model/success.hpp"

namespace whatsapp::api {

/// `client.business()`. Cheap to copy; shares the client's connection and state.
template <class Transport>
class Business {
 public:
  explicit Business(std::shared_ptr<const detail::Core<Transport>> core) : core_(std::move(core)) {}

  /// Get Business Profile of `phone_number_id`. `fields` selects what Meta returns (empty: its
  /// default set). Reads both answer shapes Meta documents: `data[0].{about,...}` and
  /// `data[0].business_profile.{...}`. Errors: kApi, kParse (no data[0]), kTransport.
  /// Read-only: safe to repeat.
  Result<BusinessProfile> get_profile(std::string_view phone_number_id,
                                      const std::vector<std::string>& fields = {}) const {
    detail::RequestSpec spec{&route(RouteId::kGetBusinessProfile), {phone_number_id}, {}, {}, {}};
    detail::add_fields(spec.query, fields);
    return core_->template call_read<BusinessProfile>(spec, [](nlohmann::json&& payload) {
      return detail::decode<BusinessProfile>(first_of_data(payload), "business profile");
    });
  }

  /// Update Business Profile: changes the fields set in `update` (messaging_product included).
  /// Errors: kApi (e.g. an unknown vertical), kParse when the answer is not a success.
  /// Safe to repeat.
  Result<void> update_profile(std::string_view phone_number_id, const BusinessProfileUpdate& update) const {
    return post(RouteId::kUpdateBusinessProfile, phone_number_id, nlohmann::json(update),
                "update business profile");
  }

  /// Get Business Compliance Info of `phone_number_id` (businesses in India). Errors: kApi,
  /// kParse, kTransport. Read-only: safe to repeat.
  Result<ComplianceInfo> get_compliance_info(std::string_view phone_number_id) const {
    detail::RequestSpec spec{&route(RouteId::kGetComplianceInfo), {phone_number_id}, {}, {}, {}};
    return core_->template call_read<ComplianceInfo>(spec, [](nlohmann::json&& payload) {
      return detail::decode<ComplianceInfo>(first_of_data(payload), "compliance info");
    });
  }

  /// Update Business Compliance Info with the fields set in `info`. Errors: kApi, kParse.
  /// Safe to repeat.
  Result<void> update_compliance_info(std::string_view phone_number_id, const ComplianceInfo& info) const {
    return post(RouteId::kUpdateComplianceInfo, phone_number_id, nlohmann::json(info),
                "update compliance info");
  }

  /// Get WhatsApp Business Account `waba_id`; `fields` as Meta names them (empty: its default).
  /// Errors: kApi, kParse, kTransport. Read-only: safe to repeat.
  Result<BusinessAccount> get_account(std::string_view waba_id,
                                      const std::vector<std::string>& fields = {}) const {
    detail::RequestSpec spec{&route(RouteId::kGetBusinessAccount), {waba_id}, {}, {}, {}};
    detail::add_fields(spec.query, fields);
    return core_->template call_read<BusinessAccount>(spec, [](nlohmann::json&& payload) {
      return detail::decode<BusinessAccount>(payload, "business account");
    });
  }

 private:
  /// `data[0]` of `{"data":[X]}`, or the payload itself when it has no data array.
  static const nlohmann::json& first_of_data(const nlohmann::json& j) {
    static const nlohmann::json kNull;
    if (!j.is_object()) return j;
    const auto d = j.find("data");
    if (d == j.end()) return j;
    if (!d->is_array() || d->empty()) return kNull;
    return d->front();
  }

  Result<void> post(RouteId id, std::string_view path_value, const nlohmann::json& body,
                    std::string_view what) const {
    detail::RequestSpec spec{&route(id), {path_value}, {}, {}, {}};
    spec.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return core_->call_success(spec, what);
  }

  std::shared_ptr<const detail::Core<Transport>> core_;
};

}  // namespace whatsapp::api
