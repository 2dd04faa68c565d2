// Definitions of the template-definition builders model/template.hpp declares
// (TemplateButtonDef, TemplateComponentDef, Template::component): included by it (header-only),
// or compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <utility>

#include "whatsapp/model/template.hpp"

namespace whatsapp {

WHATSAPP_DECL TemplateButtonDef TemplateButtonDef::quick_reply(std::string text) {
  return make("QUICK_REPLY", std::move(text));
}
WHATSAPP_DECL TemplateButtonDef TemplateButtonDef::url_button(std::string text, std::string url,
                                                              std::optional<std::string> example_url) {
  auto b = make("URL", std::move(text));
  b.url = std::move(url);
  if (example_url) b.example.push_back(std::move(*example_url));
  return b;
}
WHATSAPP_DECL TemplateButtonDef TemplateButtonDef::call(std::string text, std::string phone_number) {
  auto b = make("PHONE_NUMBER", std::move(text));
  b.phone_number = std::move(phone_number);
  return b;
}
WHATSAPP_DECL TemplateButtonDef TemplateButtonDef::copy_code(std::string example_code) {
  auto b = make("COPY_CODE", "");
  b.example.push_back(std::move(example_code));
  return b;
}
WHATSAPP_DECL TemplateButtonDef TemplateButtonDef::otp_copy_code(std::string text) {
  auto b = make("OTP", std::move(text));
  b.otp_type = "COPY_CODE";
  return b;
}
WHATSAPP_DECL TemplateButtonDef TemplateButtonDef::otp_one_tap(std::vector<OtpApp> apps, std::string text,
                                                               std::optional<std::string> autofill_text) {
  auto b = make("OTP", std::move(text));
  b.otp_type = "ONE_TAP";
  b.supported_apps = std::move(apps);
  b.autofill_text = std::move(autofill_text);
  return b;
}
WHATSAPP_DECL TemplateButtonDef TemplateButtonDef::otp_zero_tap(std::vector<OtpApp> apps, std::string text) {
  auto b = make("OTP", std::move(text));
  b.otp_type = "ZERO_TAP";
  b.supported_apps = std::move(apps);
  b.zero_tap_terms_accepted = true;
  return b;
}
WHATSAPP_DECL TemplateButtonDef TemplateButtonDef::flow(std::string text, std::string flow_id,
                                                        std::optional<std::string> screen) {
  auto b = make("FLOW", std::move(text));
  b.flow_id = std::move(flow_id);
  if (screen) {
    b.flow_action = "navigate";
    b.navigate_screen = std::move(screen);
  }
  return b;
}
WHATSAPP_DECL TemplateButtonDef TemplateButtonDef::make(const char* type, std::string text) {
  TemplateButtonDef b;
  b.type = type;
  b.text = std::move(text);
  return b;
}
WHATSAPP_DECL TemplateComponentDef TemplateComponentDef::header_text(std::string text) {
  TemplateComponentDef c;
  c.type = "HEADER";
  c.format = "TEXT";
  c.text = std::move(text);
  return c;
}
WHATSAPP_DECL TemplateComponentDef TemplateComponentDef::header_image(std::string handle) {
  return header_media("IMAGE", std::move(handle));
}
WHATSAPP_DECL TemplateComponentDef TemplateComponentDef::header_video(std::string handle) {
  return header_media("VIDEO", std::move(handle));
}
WHATSAPP_DECL TemplateComponentDef TemplateComponentDef::header_document(std::string handle) {
  return header_media("DOCUMENT", std::move(handle));
}
WHATSAPP_DECL TemplateComponentDef TemplateComponentDef::header_location() {
  TemplateComponentDef c;
  c.type = "HEADER";
  c.format = "LOCATION";
  return c;
}
WHATSAPP_DECL TemplateComponentDef TemplateComponentDef::body(std::string text) {
  TemplateComponentDef c;
  c.type = "BODY";
  c.text = std::move(text);
  return c;
}
WHATSAPP_DECL TemplateComponentDef TemplateComponentDef::footer(std::string text) {
  TemplateComponentDef c;
  c.type = "FOOTER";
  c.text = std::move(text);
  return c;
}
WHATSAPP_DECL TemplateComponentDef TemplateComponentDef::button_list(std::vector<TemplateButtonDef> buttons) {
  TemplateComponentDef c;
  c.type = "BUTTONS";
  c.buttons = std::move(buttons);
  return c;
}
WHATSAPP_DECL TemplateComponentDef
TemplateComponentDef::authentication_body(bool add_security_recommendation) {
  TemplateComponentDef c;
  c.type = "BODY";
  c.add_security_recommendation = add_security_recommendation;
  return c;
}
WHATSAPP_DECL TemplateComponentDef TemplateComponentDef::code_expiration_footer(int minutes) {
  TemplateComponentDef c;
  c.type = "FOOTER";
  c.code_expiration_minutes = minutes;
  return c;
}
WHATSAPP_DECL TemplateComponentDef& TemplateComponentDef::with_example(TemplateExample e) & {
  example = std::move(e);
  return *this;
}
WHATSAPP_DECL TemplateComponentDef& TemplateComponentDef::with_raw_example(nlohmann::json e) & {
  return with_example(TemplateExample::raw(std::move(e)));
}
WHATSAPP_DECL TemplateComponentDef TemplateComponentDef::header_media(const char* format,
                                                                      std::string handle) {
  TemplateComponentDef c;
  c.type = "HEADER";
  c.format = format;
  c.example = TemplateExample::media(std::move(handle));
  return c;
}
WHATSAPP_DECL const TemplateComponentDef* Template::component(std::string_view type) const noexcept {
  for (const auto& c : components) {
    if (c.type.size() != type.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < type.size() && same; ++i) {
      same = (c.type[i] | 0x20) == (type[i] | 0x20);
    }
    if (same) return &c;
  }
  return nullptr;
}

}  // namespace whatsapp
