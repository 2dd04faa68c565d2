// Routes 12, 13 (business profile), 25, 26 (compliance info), 27 (business account).
#include <set>

#include "state.hpp"
#include "util.hpp"

namespace whatsapp_emulator {
namespace {

json default_profile() {
  return {{"about", "Hey there! I am using WhatsApp."},
          {"address", "1 Hacker Way, Menlo Park, CA 94025"},
          {"description", "An emulated WhatsApp Business account"},
          {"email", "support@example.com"},
          {"messaging_product", "whatsapp"},
          {"profile_picture_url", "https://pps.whatsapp.net/v/emulated.jpg"},
          {"websites", json::array({"https://www.example.com/"})},
          {"vertical", "RETAIL"}};
}

json default_compliance() {
  return {{"messaging_product", "whatsapp"},
          {"entity_name", "Emulated Business Pvt Ltd"},
          {"entity_type", "PRIVATE_COMPANY"},
          {"is_registered", true},
          {"grievance_officer_details",
           {{"name", "Officer Name"},
            {"email", "grievance@example.com"},
            {"landline_number", "+911234567890"},
            {"mobile_number", "+919876543210"}}},
          {"customer_care_details",
           {{"email", "care@example.com"},
            {"landline_number", "+911234567890"},
            {"mobile_number", "+919876543210"}}}};
}

Reply wrong_product(const json& b) {
  if (!b.contains("messaging_product"))
    return graph_error(100, "The parameter messaging_product is required.", "messaging_product is required");
  if (b["messaging_product"] != "whatsapp") return invalid_param("messaging_product must be \"whatsapp\"");
  Reply r;
  r.status = 0;
  return r;
}

}  // namespace

Reply State::get_profile(Call& c) {
  std::string id = c.p("FROM_PHONE_NUMBER_ID");
  if (!profiles_.count(id)) profiles_[id] = default_profile();
  json out;
  Reply err;
  if (!project(profiles_[id], c.q("fields"), "WhatsAppBusinessProfile", &out, &err, {"messaging_product"}))
    return err;
  return ok({{"data", json::array({out})}});
}

Reply State::update_profile(Call& c) {
  json b;
  Reply err;
  if (!parse_body(c, &b, &err)) return err;
  Reply wp = wrong_product(b);
  if (wp.status != 0) return wp;
  static const std::set<std::string> kVerticals = {
      "UNDEFINED",     "OTHER",   "AUTO",    "BEAUTY",     "APPAREL",  "EDU",    "ENTERTAIN",
      "EVENT_PLAN",    "FINANCE", "GROCERY", "GOVT",       "HOTEL",    "HEALTH", "NONPROFIT",
      "PROF_SERVICES", "RETAIL",  "TRAVEL",  "RESTAURANT", "NOT_A_BIZ"};
  static const std::set<std::string> kKeys = {
      "messaging_product",      "about",    "address", "description", "email", "profile_picture_url",
      "profile_picture_handle", "vertical", "websites"};
  for (auto& kv : b.items())
    if (!kKeys.count(kv.key()))
      return graph_error(100, "Param " + kv.key() + " is not a valid parameter", kv.key());
  if (b.contains("about") && (!b["about"].is_string() || b["about"].get<std::string>().empty() ||
                              b["about"].get<std::string>().size() > 139))
    return invalid_param("about must be 1 to 139 characters");
  if (b.contains("vertical") &&
      (!b["vertical"].is_string() || !kVerticals.count(b["vertical"].get<std::string>())))
    return invalid_param("vertical is not a supported value");
  if (b.contains("websites")) {
    if (!b["websites"].is_array() || b["websites"].size() > 2)
      return invalid_param("websites must be an array of at most 2 URLs");
    for (auto& w : b["websites"])
      if (!w.is_string()) return invalid_param("websites must contain strings");
  }
  std::string id = c.p("FROM_PHONE_NUMBER_ID");
  if (!profiles_.count(id)) profiles_[id] = default_profile();
  for (auto& kv : b.items()) {
    if (kv.key() == "profile_picture_handle")
      profiles_[id]["profile_picture_url"] = "https://pps.whatsapp.net/v/" + kv.value().dump();
    else
      profiles_[id][kv.key()] = kv.value();
  }
  return success();
}

Reply State::get_compliance(Call& c) {
  std::string id = c.p("FROM_PHONE_NUMBER_ID");
  if (!compliance_.count(id)) compliance_[id] = default_compliance();
  return ok({{"data", json::array({compliance_[id]})}});
}

Reply State::update_compliance(Call& c) {
  json b;
  Reply err;
  if (!parse_body(c, &b, &err)) return err;
  Reply wp = wrong_product(b);
  if (wp.status != 0) return wp;
  static const std::set<std::string> kKeys = {
      "messaging_product",         "entity_name",           "entity_type",       "is_registered",
      "grievance_officer_details", "customer_care_details", "entity_type_custom"};
  for (auto& kv : b.items())
    if (!kKeys.count(kv.key()))
      return graph_error(100, "Param " + kv.key() + " is not a valid parameter", kv.key());
  std::string id = c.p("FROM_PHONE_NUMBER_ID");
  if (!compliance_.count(id)) compliance_[id] = default_compliance();
  for (auto& kv : b.items()) compliance_[id][kv.key()] = kv.value();
  return success();
}

Reply State::get_business_account(Call& c) {
  // Graph: analytics is a field of the account, its parameters a field expansion:
  // fields=analytics.start(S).end(E).granularity(G)[.phone_numbers([...])][.metric_types([...])]
  const std::string expansion = c.q("fields");
  if (c.graph && expansion.rfind("analytics.", 0) == 0) {
    std::size_t at = std::string("analytics").size();
    while (at < expansion.size() && expansion[at] == '.') {
      const std::size_t open = expansion.find('(', at), close = expansion.find(')', open);
      if (open == std::string::npos || close == std::string::npos)
        return invalid_param("fields: a malformed analytics expansion");
      c.query.emplace(expansion.substr(at + 1, open - at - 1), expansion.substr(open + 1, close - open - 1));
      at = close + 1;
    }
    return analytics(c);
  }
  json acct = {{"id", c.p("WHATSAPP_BUSINESS_ACCOUNT_ID")},
               {"name", "Emulated WhatsApp Business Account"},
               {"currency", "USD"},
               {"timezone_id", "1"},
               {"message_template_namespace", "c8ae5f90_307a_ca4c_b8f6_d1e2a2573ed4"},
               {"account_review_status", "APPROVED"},
               {"business_verification_status", "verified"},
               {"ownership_type", "SELF"},
               {"country", "US"},
               {"primary_business_location", "US"}};
  json out;
  Reply err;
  std::string fields = c.q("fields");
  if (fields.empty()) fields = "name,currency,timezone_id,message_template_namespace";
  if (!project(acct, fields, "WhatsAppBusinessAccount", &out, &err)) return err;
  return ok(out);
}

}  // namespace whatsapp_emulator
