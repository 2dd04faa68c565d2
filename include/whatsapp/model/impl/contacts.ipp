// Definitions of the functions model/contacts.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/model/contacts.hpp"
#include "whatsapp/model/detail/json_array.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL void put_opt(nlohmann::json& j, const char* key, const std::optional<std::string>& v) {
  if (v) j[key] = *v;
}

}  // namespace whatsapp::detail

namespace whatsapp {

WHATSAPP_DECL void to_json(nlohmann::json& j, const ContactName& v) {
  j = nlohmann::json{{"formatted_name", v.formatted_name}};
  detail::put_opt(j, "first_name", v.first_name);
  detail::put_opt(j, "last_name", v.last_name);
  detail::put_opt(j, "middle_name", v.middle_name);
  detail::put_opt(j, "suffix", v.suffix);
  detail::put_opt(j, "prefix", v.prefix);
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const ContactPhone& v) {
  j = nlohmann::json{{"phone", v.phone}};
  detail::put_opt(j, "type", v.type);
  detail::put_opt(j, "wa_id", v.wa_id);
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const ContactEmail& v) {
  j = nlohmann::json{{"email", v.email}};
  detail::put_opt(j, "type", v.type);
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const ContactUrl& v) {
  j = nlohmann::json{{"url", v.url}};
  detail::put_opt(j, "type", v.type);
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const ContactAddress& v) {
  j = nlohmann::json::object();
  detail::put_opt(j, "street", v.street);
  detail::put_opt(j, "city", v.city);
  detail::put_opt(j, "state", v.state);
  detail::put_opt(j, "zip", v.zip);
  detail::put_opt(j, "country", v.country);
  detail::put_opt(j, "country_code", v.country_code);
  detail::put_opt(j, "type", v.type);
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const ContactOrg& v) {
  j = nlohmann::json::object();
  detail::put_opt(j, "company", v.company);
  detail::put_opt(j, "department", v.department);
  detail::put_opt(j, "title", v.title);
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const Contact& v) {
  j = nlohmann::json{{"name", v.name}};
  if (!v.phones.empty()) j["phones"] = detail::json_array(v.phones);
  if (!v.emails.empty()) j["emails"] = detail::json_array(v.emails);
  if (!v.urls.empty()) j["urls"] = detail::json_array(v.urls);
  if (!v.addresses.empty()) j["addresses"] = detail::json_array(v.addresses);
  if (v.org) j["org"] = *v.org;
  if (v.birthday) j["birthday"] = *v.birthday;
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const Contacts& v) { j = detail::json_array(v.contacts); }

WHATSAPP_DECL Result<void> validate(const Contacts& v, const std::string& f) {
  if (v.contacts.empty()) return Error::invalid_argument(f, "needs at least one contact");
  for (std::size_t i = 0; i < v.contacts.size(); ++i) {
    const std::string at = f + "[" + std::to_string(i) + "]";
    if (auto r = detail::check_text(v.contacts[i].name.formatted_name, at + ".name.formatted_name", 1024);
        !r) {
      return r;
    }
    for (std::size_t k = 0; k < v.contacts[i].phones.size(); ++k) {
      if (v.contacts[i].phones[k].phone.empty()) {
        return Error::invalid_argument(at + ".phones[" + std::to_string(k) + "].phone", "must not be empty");
      }
    }
  }
  return {};
}

}  // namespace whatsapp
