// Routes 7-11, 14, 28: phone number verification, registration, info, list.
#include <set>

#include "state.hpp"
#include "util.hpp"

namespace whatsapp_emulator {
namespace {

bool six_digits(const json& v) {
  return v.is_string() && v.get<std::string>().size() == 6 && util::is_digits(v.get<std::string>());
}

}  // namespace

Reply State::request_code(Call& c) {
  json b;
  Reply err;
  if (!parse_body(c, &b, &err)) return err;
  if (!b.contains("code_method")) return required("code_method");
  if (b["code_method"] != "SMS" && b["code_method"] != "VOICE")
    return invalid_param("code_method must be SMS or VOICE");
  if (!b.contains("language") || !b["language"].is_string()) return required("language");
  phone(c.p("FROM_PHONE_NUMBER_ID"))["code_verification_status"] = "NOT_VERIFIED";
  return success();
}

Reply State::verify_code(Call& c) {
  json b;
  Reply err;
  if (!parse_body(c, &b, &err)) return err;
  if (!b.contains("code")) return required("code");
  if (!b["code"].is_string() || !util::is_digits(b["code"].get<std::string>()))
    return invalid_param("code must be a string of digits");
  if (b["code"] == "000000")
    return graph_error(136025, "Verify code error", "Verification code is incorrect.");
  phone(c.p("FROM_PHONE_NUMBER_ID"))["code_verification_status"] = "VERIFIED";
  return ok(json{{"success", true}, {"id", c.p("FROM_PHONE_NUMBER_ID")}});  // Meta's answer has the id
}

Reply State::get_phone_number(Call& c) {
  std::string id = c.p("FROM_PHONE_NUMBER_ID");
  if (!util::is_digits(id)) return unknown_object(id, "get");
  const json& ph = phone(id);
  json out;
  Reply err;
  std::string fields = c.q("fields");
  if (fields.empty()) fields = "display_phone_number,verified_name,quality_rating,code_verification_status";
  if (!project(ph, fields, "WhatsAppBusinessPhoneNumber", &out, &err)) return err;
  return ok(out);
}

Reply State::register_number(Call& c) {
  json b;
  Reply err;
  if (!parse_body(c, &b, &err)) return err;
  if (!b.contains("messaging_product")) return required("messaging_product");
  if (b["messaging_product"] != "whatsapp") return invalid_param("messaging_product must be \"whatsapp\"");
  if (!b.contains("pin")) return required("pin");
  if (!six_digits(b["pin"])) return invalid_param("pin must be a 6-digit string");
  if (b.contains("backup")) {
    const json& bk = b["backup"];
    if (!bk.is_object() || !bk.contains("data") || !bk.contains("password"))
      return invalid_param("backup requires data and password");
  }
  // Local storage: Meta's documented regions (registration reference, 2026).
  static const std::set<std::string> kRegions = {"AU", "ID", "IN", "JP", "SG", "KR", "DE",
                                                 "CH", "GB", "BR", "BH", "ZA", "AE", "CA"};
  if (b.contains("data_localization_region") &&
      (!b["data_localization_region"].is_string() || !kRegions.count(b["data_localization_region"])))
    return invalid_param("data_localization_region must be one of the supported local storage regions");
  json& ph = phone(c.p("FROM_PHONE_NUMBER_ID"));
  if (b.contains("data_localization_region")) ph["data_localization_region"] = b["data_localization_region"];
  ph["status"] = "CONNECTED";
  ph["is_pin_enabled"] = true;
  return success();
}

Reply State::two_step(Call& c) {
  json b;
  Reply err;
  if (!parse_body(c, &b, &err)) return err;
  if (!b.contains("pin")) return required("pin");
  if (!six_digits(b["pin"])) return invalid_param("pin must be a 6-digit string");
  phone(c.p("FROM_PHONE_NUMBER_ID"))["is_pin_enabled"] = true;
  return success();
}

Reply State::deregister(Call& c) {
  json b;
  Reply err;
  if (!parse_body(c, &b, &err)) return err;
  phone(c.p("FROM_PHONE_NUMBER_ID"))["status"] = "DISCONNECTED";
  return success();
}

Reply State::list_phone_numbers(Call& c) {
  std::string fields = c.q("fields");
  std::vector<json> items;
  for (auto& id : phone_order_) {
    json out;
    Reply err;
    if (!project(phones_[id], fields, "WhatsAppBusinessPhoneNumber", &out, &err)) return err;
    items.push_back(out);
  }
  return page(items, c,
              c.graph_root + "/" + c.version + "/" + c.p("WHATSAPP_BUSINESS_ACCOUNT_ID") + "/phone_numbers");
}

}  // namespace whatsapp_emulator
