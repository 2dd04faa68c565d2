#pragma once

/// @file model/phone_number.hpp
/// A business phone number as Get Phone Number Information returns it.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_read.hpp"

namespace whatsapp {

/// Fields Meta returns for a phone number. Only `id` is always present; the rest depend on the
/// `fields` asked for. Unknown fields stay in `raw`.
struct PhoneNumber {
  std::string id;
  std::string display_phone_number;
  std::string verified_name;
  std::string quality_rating;            ///< GREEN, YELLOW, RED, UNKNOWN.
  std::string code_verification_status;  ///< VERIFIED, NOT_VERIFIED, EXPIRED.
  std::string name_status;
  std::string status;
  std::string platform_type;
  std::string messaging_limit_tier;
  std::string account_mode;
  std::string country_code;
  std::string country_dial_code;
  std::optional<std::string> throughput_level;  ///< throughput.level
  std::optional<bool> is_official_business_account;
  std::optional<bool> is_pin_enabled;
  std::string host_platform;            ///< "CLOUD_API", "ON_PREMISE", ...
  std::string unified_cert_status;      ///< Display-name certificate: "APPROVED", "NAME_PENDING_REVIEW", ...
  std::optional<std::string> username;  ///< The business username, when one is set (null otherwise).
  nlohmann::json raw;
};

/// The answer to verify_code(): `{"success": true}`, with the phone number's id when Meta
/// includes it.
struct CodeVerified {
  std::optional<std::string> id;
  nlohmann::json raw;
};

WHATSAPP_DECL void from_json(const nlohmann::json& j, PhoneNumber& p);

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/phone_number.ipp"
#endif
