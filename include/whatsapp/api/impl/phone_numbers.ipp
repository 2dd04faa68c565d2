// Definitions of what api/phone_numbers.hpp declares: included by it (header-only), or compiled once
// with WHATSAPP_SEPARATE_COMPILATION.

#pragma once

#include "whatsapp/api/phone_numbers.hpp"

namespace whatsapp::api {

WHATSAPP_DECL Result<PhoneNumber> PhoneNumbers::get(std::string_view phone_number_id,
                                                    const std::vector<std::string>& fields) const {
  detail::RequestSpec spec{&route(RouteId::kGetPhoneNumber), {phone_number_id}, {}, {}, {}};
  detail::add_fields(spec.query, fields);
  return core_->call_read<PhoneNumber>(
      spec, [](nlohmann::json&& payload) { return detail::decode<PhoneNumber>(payload, "phone number"); });
}

WHATSAPP_DECL Result<void> PhoneNumbers::request_code(std::string_view phone_number_id, CodeMethod method,
                                                      std::string_view language) const {
  if (language.empty()) return Error::invalid_argument("language", "must not be empty");
  nlohmann::json body{{"code_method", method == CodeMethod::kSms ? "SMS" : "VOICE"}, {"language", language}};
  return post(RouteId::kRequestCode, phone_number_id, body, "request code");
}

WHATSAPP_DECL Result<CodeVerified> PhoneNumbers::verify_code(std::string_view phone_number_id,
                                                             std::string_view code) const {
  if (code.empty()) return Error::invalid_argument("code", "must not be empty");
  detail::RequestSpec spec{&route(RouteId::kVerifyCode), {phone_number_id}, {}, {}, {}};
  spec.body = nlohmann::json{{"code", code}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return core_->call_read<CodeVerified>(spec, [](nlohmann::json&& payload) -> Result<CodeVerified> {
    auto ok = detail::expect_success(payload, "verify code");
    if (!ok) return std::move(ok).error();
    CodeVerified v;
    v.id = detail::text_at(payload, "id");
    v.raw = std::move(payload);
    return v;
  });
}

WHATSAPP_DECL Result<bool> PhoneNumbers::exists(std::string_view phone_number_id) const {
  auto r = get(phone_number_id, {"id"});
  if (r) return true;
  if (r.error().kind() == ErrorKind::kApi && r.error().code() == 100) return false;
  return std::move(r).error();
}

WHATSAPP_DECL Result<Page<PhoneNumber>> PhoneNumbers::list(std::string_view waba_id,
                                                           const PhoneNumberListOptions& options) const {
  detail::RequestSpec spec{&route(RouteId::kListPhoneNumbers), {waba_id}, {}, {}, {}};
  detail::add_fields(spec.query, options.fields);
  if (options.limit) spec.query.emplace_back("limit", std::to_string(*options.limit));
  if (!options.after.empty()) spec.query.emplace_back("after", options.after);
  if (!options.before.empty()) spec.query.emplace_back("before", options.before);
  return core_->call_read<Page<PhoneNumber>>(spec, [](nlohmann::json&& payload) {
    return detail::decode_page<PhoneNumber>(payload, "phone number");
  });
}

WHATSAPP_DECL Paged<PhoneNumber> PhoneNumbers::list_all(std::string_view waba_id,
                                                        PhoneNumberListOptions options) const {
  auto self = *this;
  std::string waba(waba_id);
  options.before.clear();
  const std::string start = options.after;
  return Paged<PhoneNumber>([self, waba, options, start](const std::string& cursor) {
    auto o = options;
    o.after = cursor.empty() ? start : cursor;
    return self.list(waba, o);
  });
}

WHATSAPP_DECL Result<void> PhoneNumbers::register_number(std::string_view phone_number_id,
                                                         std::string_view pin,
                                                         const std::optional<RegisterBackup>& backup) const {
  RegisterOptions options;
  options.backup = backup;
  return register_number(phone_number_id, pin, options);
}

WHATSAPP_DECL Result<void> PhoneNumbers::register_number(std::string_view phone_number_id,
                                                         std::string_view pin,
                                                         const RegisterOptions& options) const {
  if (auto r = check_pin(pin); !r) return r;
  nlohmann::json body{{"messaging_product", "whatsapp"}, {"pin", pin}};
  if (options.backup) {
    body["backup"] = {{"data", options.backup->data}, {"password", options.backup->password}};
  }
  if (const auto& region = options.data_localization_region) {
    const bool code = region->size() == 2 && (*region)[0] >= 'A' && (*region)[0] <= 'Z' &&
                      (*region)[1] >= 'A' && (*region)[1] <= 'Z';
    if (!code) {
      return Error::invalid_argument("data_localization_region",
                                     "must be a 2-letter ISO 3166 country code in capitals, e.g. \"DE\"");
    }
    body["data_localization_region"] = *region;
  }
  if (options.tier) {
    if (options.tier->empty()) return Error::invalid_argument("tier", "is empty; leave it unset instead");
    body["tier"] = *options.tier;
  }
  return post(RouteId::kRegister, phone_number_id, body, "register");
}

WHATSAPP_DECL Result<void> PhoneNumbers::deregister(std::string_view phone_number_id) const {
  return post(RouteId::kDeregister, phone_number_id, nlohmann::json::object(), "deregister");
}

WHATSAPP_DECL Result<void> PhoneNumbers::set_two_step_pin(std::string_view phone_number_id,
                                                          std::string_view pin) const {
  if (auto r = check_pin(pin); !r) return r;
  return post(RouteId::kSetTwoStepPin, phone_number_id, {{"pin", pin}}, "two-step verification");
}

WHATSAPP_DECL Result<void> PhoneNumbers::check_pin(std::string_view pin) {
  bool digits = pin.size() == 6;
  for (const char c : pin) digits = digits && c >= '0' && c <= '9';
  if (!digits) return Error::invalid_argument("pin", "must be 6 digits");
  return {};
}

WHATSAPP_DECL Result<void> PhoneNumbers::post(RouteId id, std::string_view path_value,
                                              const nlohmann::json& body, std::string_view what) const {
  detail::RequestSpec spec{&route(id), {path_value}, {}, {}, {}};
  spec.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return core_->call_success(spec, what);
}

}  // namespace whatsapp::api
