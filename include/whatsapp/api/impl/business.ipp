// Definitions of what api/business.hpp declares: included by it (header-only), or compiled once
// with WHATSAPP_SEPARATE_COMPILATION.

#pragma once

#include "whatsapp/api/business.hpp"

namespace whatsapp::api {

WHATSAPP_DECL Result<BusinessProfile> Business::get_profile(std::string_view phone_number_id,
                                                            const std::vector<std::string>& fields) const {
  detail::RequestSpec spec{&route(RouteId::kGetBusinessProfile), {phone_number_id}, {}, {}, {}};
  detail::add_fields(spec.query, fields);
  return core_->call_read<BusinessProfile>(spec, [](nlohmann::json&& payload) {
    return detail::decode<BusinessProfile>(first_of_data(payload), "business profile");
  });
}

WHATSAPP_DECL Result<void> Business::update_profile(std::string_view phone_number_id,
                                                    const BusinessProfileUpdate& update) const {
  return post(RouteId::kUpdateBusinessProfile, phone_number_id, nlohmann::json(update),
              "update business profile");
}

WHATSAPP_DECL Result<ComplianceInfo> Business::get_compliance_info(std::string_view phone_number_id) const {
  detail::RequestSpec spec{&route(RouteId::kGetComplianceInfo), {phone_number_id}, {}, {}, {}};
  return core_->call_read<ComplianceInfo>(spec, [](nlohmann::json&& payload) {
    return detail::decode<ComplianceInfo>(first_of_data(payload), "compliance info");
  });
}

WHATSAPP_DECL Result<void> Business::update_compliance_info(std::string_view phone_number_id,
                                                            const ComplianceInfo& info) const {
  return post(RouteId::kUpdateComplianceInfo, phone_number_id, nlohmann::json(info),
              "update compliance info");
}

WHATSAPP_DECL Result<BusinessAccount> Business::get_account(std::string_view waba_id,
                                                            const std::vector<std::string>& fields) const {
  detail::RequestSpec spec{&route(RouteId::kGetBusinessAccount), {waba_id}, {}, {}, {}};
  detail::add_fields(spec.query, fields);
  return core_->call_read<BusinessAccount>(spec, [](nlohmann::json&& payload) {
    return detail::decode<BusinessAccount>(payload, "business account");
  });
}

WHATSAPP_DECL const nlohmann::json& Business::first_of_data(const nlohmann::json& j) {
  static const nlohmann::json kNull;
  if (!j.is_object()) return j;
  const auto d = j.find("data");
  if (d == j.end()) return j;
  if (!d->is_array() || d->empty()) return kNull;
  return d->front();
}

WHATSAPP_DECL Result<void> Business::post(RouteId id, std::string_view path_value, const nlohmann::json& body,
                                          std::string_view what) const {
  detail::RequestSpec spec{&route(id), {path_value}, {}, {}, {}};
  spec.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return core_->call_success(spec, what);
}

}  // namespace whatsapp::api
