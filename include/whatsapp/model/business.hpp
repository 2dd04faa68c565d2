#pragma once

/// @file model/business.hpp
/// The business profile of a phone number, its compliance information (India), and the
/// WhatsApp Business Account.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_read.hpp"

namespace whatsapp {

/// The profile customers see. Fields Meta did not return are empty.
struct BusinessProfile {
  std::string about;  ///< Up to 139 characters.
  std::string address;
  std::string description;  ///< Up to 512 characters.
  std::string email;
  std::string profile_picture_url;
  std::vector<std::string> websites;  ///< At most 2.
  std::string vertical;               ///< "RETAIL", "RESTAURANT", ...
  std::string messaging_product;
  nlohmann::json raw;
};

/// What Update Business Profile changes: only the fields set are sent.
struct BusinessProfileUpdate {
  std::optional<std::string> about{};
  std::optional<std::string> address{};
  std::optional<std::string> description{};
  std::optional<std::string> email{};
  std::optional<std::string> profile_picture_handle{};  ///< From a resumable upload.
  std::optional<std::vector<std::string>> websites{};
  std::optional<std::string> vertical{};
};

/// Contact details in compliance info.
struct ComplianceContact {
  std::optional<std::string> name{};
  std::optional<std::string> email{};
  std::optional<std::string> landline_number{};
  std::optional<std::string> mobile_number{};
};

/// Business compliance information (required for businesses in India).
struct ComplianceInfo {
  std::optional<std::string> entity_name{};
  std::optional<std::string> entity_type{};  ///< "LIMITED_LIABILITY_PARTNERSHIP", "PRIVATE_COMPANY", ...
  std::optional<std::string> entity_type_custom{};  ///< What the entity is, when entity_type is "OTHER".
  std::optional<bool> is_registered{};
  std::optional<ComplianceContact> grievance_officer_details{};
  std::optional<ComplianceContact> customer_care_details{};
  /// The WhatsApp Business Account the info belongs to. Read only: Meta returns it, and
  /// update_compliance_info() does not send it.
  std::optional<std::string> whatsapp_business_account_id{};
  nlohmann::json raw;  ///< As received (empty when built to send).
};

/// A WhatsApp Business Account.
struct BusinessAccount {
  std::string id;
  std::string name;
  std::string currency;
  std::string timezone_id;
  std::string message_template_namespace;
  std::string account_review_status;
  std::string business_verification_status;
  std::string country;                    ///< ISO two-letter code of the business's country.
  std::string ownership_type;             ///< "CLIENT_OWNED", "ON_BEHALF_OF", "SELF", ...
  std::string primary_business_location;  ///< ISO two-letter code, when the business set one.
  nlohmann::json raw;
};

namespace detail {
WHATSAPP_DECL void put_if(nlohmann::json& j, const char* k, const std::optional<std::string>& v);
}  // namespace detail

/// Reads a profile from either shape Meta documents: the profile object itself, or one nested
/// under "business_profile".
WHATSAPP_DECL void from_json(const nlohmann::json& j, BusinessProfile& p);

WHATSAPP_DECL void to_json(nlohmann::json& j, const BusinessProfileUpdate& u);

WHATSAPP_DECL void to_json(nlohmann::json& j, const ComplianceContact& c);

WHATSAPP_DECL void from_json(const nlohmann::json& j, ComplianceContact& c);

/// The body of Update Business Compliance Info: messaging_product and the fields set.
WHATSAPP_DECL void to_json(nlohmann::json& j, const ComplianceInfo& c);

WHATSAPP_DECL void from_json(const nlohmann::json& j, ComplianceInfo& c);

WHATSAPP_DECL void from_json(const nlohmann::json& j, BusinessAccount& a);

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/business.ipp"
#endif
