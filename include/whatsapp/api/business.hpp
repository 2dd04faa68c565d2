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
#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/model/business.hpp"
#include "whatsapp/model/success.hpp"

namespace whatsapp::api {

/// `client.business()`. Cheap to copy; shares the client's connection and state.
class Business {
 public:
  explicit Business(std::shared_ptr<const detail::Core> core) : core_(std::move(core)) {}

  /// Get Business Profile of `phone_number_id`. `fields` selects what Meta returns (empty: its
  /// default set). Reads both answer shapes Meta documents: `data[0].{about,...}` and
  /// `data[0].business_profile.{...}`. Errors: kApi, kParse (no data[0]), kTransport.
  /// Read-only: safe to repeat.
  WHATSAPP_DECL Result<BusinessProfile> get_profile(std::string_view phone_number_id,
                                                    const std::vector<std::string>& fields = {}) const;

  /// Update Business Profile: changes the fields set in `update` (messaging_product included).
  /// Errors: kApi (e.g. an unknown vertical), kParse when the answer is not a success.
  /// Safe to repeat.
  WHATSAPP_DECL Result<void> update_profile(std::string_view phone_number_id,
                                            const BusinessProfileUpdate& update) const;

  /// Get Business Compliance Info of `phone_number_id` (businesses in India). Errors: kApi,
  /// kParse, kTransport. Read-only: safe to repeat.
  WHATSAPP_DECL Result<ComplianceInfo> get_compliance_info(std::string_view phone_number_id) const;

  /// Update Business Compliance Info with the fields set in `info`. Errors: kApi, kParse.
  /// Safe to repeat.
  WHATSAPP_DECL Result<void> update_compliance_info(std::string_view phone_number_id,
                                                    const ComplianceInfo& info) const;

  /// Get WhatsApp Business Account `waba_id`; `fields` as Meta names them (empty: its default).
  /// Errors: kApi, kParse, kTransport. Read-only: safe to repeat.
  WHATSAPP_DECL Result<BusinessAccount> get_account(std::string_view waba_id,
                                                    const std::vector<std::string>& fields = {}) const;

 private:
  /// `data[0]` of `{"data":[X]}`, or the payload itself when it has no data array.
  WHATSAPP_DECL static const nlohmann::json& first_of_data(const nlohmann::json& j);

  WHATSAPP_DECL Result<void> post(RouteId id, std::string_view path_value, const nlohmann::json& body,
                                  std::string_view what) const;

  std::shared_ptr<const detail::Core> core_;
};

}  // namespace whatsapp::api

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/api/impl/business.ipp"
#endif
