// Definitions of the functions model/phone_number.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/model/phone_number.hpp"

namespace whatsapp {

WHATSAPP_DECL void from_json(const nlohmann::json& j, PhoneNumber& p) {
  detail::require_object(j, "phone number");
  p.id = detail::text_or_empty(j, "id");
  if (p.id.empty()) throw detail::DecodeError("phone number without an id");
  p.display_phone_number = detail::string_at(j, "display_phone_number");
  p.verified_name = detail::string_at(j, "verified_name");
  p.quality_rating = detail::string_at(j, "quality_rating");
  p.code_verification_status = detail::string_at(j, "code_verification_status");
  p.name_status = detail::string_at(j, "name_status");
  p.status = detail::string_at(j, "status");
  p.platform_type = detail::string_at(j, "platform_type");
  p.messaging_limit_tier = detail::string_at(j, "messaging_limit_tier");
  p.account_mode = detail::string_at(j, "account_mode");
  p.country_code = detail::string_at(j, "country_code");
  p.country_dial_code = detail::string_at(j, "country_dial_code");
  if (const auto t = j.find("throughput"); t != j.end()) {
    if (auto level = detail::string_at(*t, "level"); !level.empty()) p.throughput_level = level;
  }
  p.is_official_business_account = detail::bool_at(j, "is_official_business_account");
  p.is_pin_enabled = detail::bool_at(j, "is_pin_enabled");
  p.host_platform = detail::string_at(j, "host_platform");
  p.unified_cert_status = detail::string_at(j, "unified_cert_status");
  p.username = detail::opt_string_at(j, "username");
  p.raw = j;
}

}  // namespace whatsapp
