// Definitions of the functions model/business.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/model/business.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL void put_if(nlohmann::json& j, const char* k, const std::optional<std::string>& v) {
  if (v) j[k] = *v;
}

}  // namespace whatsapp::detail

namespace whatsapp {

WHATSAPP_DECL void from_json(const nlohmann::json& j, BusinessProfile& p) {
  detail::require_object(j, "business profile");
  const auto* nested = detail::object_at(j, "business_profile");
  const nlohmann::json& o = nested != nullptr ? *nested : j;
  p.about = detail::string_at(o, "about");
  p.address = detail::string_at(o, "address");
  p.description = detail::string_at(o, "description");
  p.email = detail::string_at(o, "email");
  p.profile_picture_url = detail::string_at(o, "profile_picture_url");
  p.vertical = detail::string_at(o, "vertical");
  p.messaging_product = detail::string_at(o, "messaging_product");
  if (const auto* w = detail::array_at(o, "websites")) {
    for (const auto& s : *w) {
      if (s.is_string()) p.websites.push_back(s.get<std::string>());
    }
  }
  p.raw = j;
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const BusinessProfileUpdate& u) {
  j = nlohmann::json{{"messaging_product", "whatsapp"}};
  detail::put_if(j, "about", u.about);
  detail::put_if(j, "address", u.address);
  detail::put_if(j, "description", u.description);
  detail::put_if(j, "email", u.email);
  detail::put_if(j, "profile_picture_handle", u.profile_picture_handle);
  if (u.websites) j["websites"] = *u.websites;
  detail::put_if(j, "vertical", u.vertical);
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const ComplianceContact& c) {
  j = nlohmann::json::object();
  detail::put_if(j, "name", c.name);
  detail::put_if(j, "email", c.email);
  detail::put_if(j, "landline_number", c.landline_number);
  detail::put_if(j, "mobile_number", c.mobile_number);
}

WHATSAPP_DECL void from_json(const nlohmann::json& j, ComplianceContact& c) {
  c.name = detail::opt_string_at(j, "name");
  c.email = detail::opt_string_at(j, "email");
  c.landline_number = detail::opt_string_at(j, "landline_number");
  c.mobile_number = detail::opt_string_at(j, "mobile_number");
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const ComplianceInfo& c) {
  j = nlohmann::json{{"messaging_product", "whatsapp"}};
  detail::put_if(j, "entity_name", c.entity_name);
  detail::put_if(j, "entity_type", c.entity_type);
  detail::put_if(j, "entity_type_custom", c.entity_type_custom);
  if (c.is_registered) j["is_registered"] = *c.is_registered;
  if (c.grievance_officer_details) j["grievance_officer_details"] = *c.grievance_officer_details;
  if (c.customer_care_details) j["customer_care_details"] = *c.customer_care_details;
}

WHATSAPP_DECL void from_json(const nlohmann::json& j, ComplianceInfo& c) {
  detail::require_object(j, "compliance info");
  c.entity_name = detail::opt_string_at(j, "entity_name");
  c.entity_type = detail::opt_string_at(j, "entity_type");
  c.entity_type_custom = detail::opt_string_at(j, "entity_type_custom");
  c.is_registered = detail::bool_at(j, "is_registered");
  c.whatsapp_business_account_id = detail::text_at(j, "whatsapp_business_account_id");
  if (const auto* g = detail::object_at(j, "grievance_officer_details")) {
    ComplianceContact cc;
    from_json(*g, cc);
    c.grievance_officer_details = cc;
  }
  if (const auto* g = detail::object_at(j, "customer_care_details")) {
    ComplianceContact cc;
    from_json(*g, cc);
    c.customer_care_details = cc;
  }
  c.raw = j;
}

WHATSAPP_DECL void from_json(const nlohmann::json& j, BusinessAccount& a) {
  detail::require_object(j, "business account");
  a.id = detail::text_or_empty(j, "id");
  if (a.id.empty()) throw detail::DecodeError("business account without an id");
  a.name = detail::string_at(j, "name");
  a.currency = detail::string_at(j, "currency");
  a.timezone_id = detail::text_or_empty(j, "timezone_id");
  a.message_template_namespace = detail::string_at(j, "message_template_namespace");
  a.account_review_status = detail::string_at(j, "account_review_status");
  a.business_verification_status = detail::string_at(j, "business_verification_status");
  a.country = detail::string_at(j, "country");
  a.ownership_type = detail::string_at(j, "ownership_type");
  a.primary_business_location = detail::string_at(j, "primary_business_location");
  a.raw = j;
}

}  // namespace whatsapp
