// Definitions of the functions model/template.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/model/template.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL void merge_extra(nlohmann::json& j, const nlohmann::json& extra) {
  if (!extra.is_object()) return;
  for (const auto& [k, v] : extra.items()) {
    if (!j.contains(k)) j[k] = v;
  }
}

WHATSAPP_DECL nlohmann::json extra_of(const nlohmann::json& j, std::initializer_list<const char*> known) {
  nlohmann::json extra = nlohmann::json::object();
  for (const auto& [k, v] : j.items()) {
    bool is_known = false;
    for (const char* n : known) is_known = is_known || k == n;
    if (!is_known) extra[k] = v;
  }
  return extra;
}

}  // namespace whatsapp::detail

namespace whatsapp {

WHATSAPP_DECL void to_json(nlohmann::json& j, const TemplateButtonDef& b) {
  j = nlohmann::json{{"type", b.type}};
  if (!b.text.empty()) j["text"] = b.text;
  if (b.url) j["url"] = *b.url;
  if (b.phone_number) j["phone_number"] = *b.phone_number;
  if (b.otp_type) j["otp_type"] = *b.otp_type;
  detail::merge_extra(j, b.extra);
}

WHATSAPP_DECL void from_json(const nlohmann::json& j, TemplateButtonDef& b) {
  detail::require_object(j, "template button");
  b.type = detail::string_at(j, "type");
  b.text = detail::string_at(j, "text");
  b.url = detail::opt_string_at(j, "url");
  b.phone_number = detail::opt_string_at(j, "phone_number");
  b.otp_type = detail::opt_string_at(j, "otp_type");
  b.extra = detail::extra_of(j, {"type", "text", "url", "phone_number", "otp_type"});
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const TemplateComponentDef& c) {
  j = nlohmann::json{{"type", c.type}};
  if (c.format) j["format"] = *c.format;
  if (c.text) j["text"] = *c.text;
  if (!c.buttons.empty()) j["buttons"] = c.buttons;
  if (c.example) j["example"] = *c.example;
  if (c.add_security_recommendation) j["add_security_recommendation"] = *c.add_security_recommendation;
  if (c.code_expiration_minutes) j["code_expiration_minutes"] = *c.code_expiration_minutes;
  detail::merge_extra(j, c.extra);
}

WHATSAPP_DECL void from_json(const nlohmann::json& j, TemplateComponentDef& c) {
  detail::require_object(j, "template component");
  c.type = detail::string_at(j, "type");
  c.format = detail::opt_string_at(j, "format");
  c.text = detail::opt_string_at(j, "text");
  if (const auto* b = detail::array_at(j, "buttons")) {
    for (const auto& e : *b) {
      TemplateButtonDef def;
      from_json(e, def);
      c.buttons.push_back(std::move(def));
    }
  }
  if (const auto e = j.find("example"); e != j.end()) c.example = *e;
  c.add_security_recommendation = detail::bool_at(j, "add_security_recommendation");
  if (auto m = detail::int_at(j, "code_expiration_minutes")) c.code_expiration_minutes = static_cast<int>(*m);
  c.extra = detail::extra_of(j, {"type", "format", "text", "buttons", "example",
                                 "add_security_recommendation", "code_expiration_minutes"});
}

WHATSAPP_DECL void from_json(const nlohmann::json& j, Template& t) {
  detail::require_object(j, "template");
  t.id = detail::string_at(j, "id");
  if (t.id.empty()) throw detail::DecodeError("template without an id");
  t.name = detail::string_at(j, "name");
  t.language = detail::string_at(j, "language");
  t.status = detail::string_at(j, "status");
  t.category = detail::string_at(j, "category");
  t.previous_category = detail::string_at(j, "previous_category");
  t.parameter_format = detail::string_at(j, "parameter_format");
  if (const auto* c = detail::array_at(j, "components")) {
    for (const auto& e : *c) {
      TemplateComponentDef def;
      from_json(e, def);
      t.components.push_back(std::move(def));
    }
  }
  t.raw = j;
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const NewTemplate& t) {
  j = nlohmann::json{
      {"name", t.name}, {"language", t.language}, {"category", t.category}, {"components", t.components}};
  if (t.parameter_format) j["parameter_format"] = *t.parameter_format;
  if (t.allow_category_change) j["allow_category_change"] = *t.allow_category_change;
}

WHATSAPP_DECL void from_json(const nlohmann::json& j, CreatedTemplate& t) {
  detail::require_object(j, "created template");
  t.id = detail::string_at(j, "id");
  if (t.id.empty()) throw detail::DecodeError("no template id in the answer");
  t.status = detail::string_at(j, "status");
  t.category = detail::string_at(j, "category");
  t.raw = j;
}

WHATSAPP_DECL std::vector<std::string> template_placeholders(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = text.find("{{"); i != std::string_view::npos; i = text.find("{{", i)) {
    const std::size_t close = text.find("}}", i + 2);
    if (close == std::string_view::npos) break;
    std::string name(text.substr(i + 2, close - i - 2));
    while (!name.empty() && name.front() == ' ') name.erase(name.begin());
    while (!name.empty() && name.back() == ' ') name.pop_back();
    bool seen = false;
    for (const auto& n : out) seen = seen || n == name;
    if (!name.empty() && !seen) out.push_back(std::move(name));
    i = close + 2;
  }
  return out;
}

WHATSAPP_DECL Result<void> validate(const NewTemplate& t) {
  if (auto r = detail::check_template_name(t.name, "name"); !r) return r;
  if (t.language.empty()) return Error::invalid_argument("language", "must not be empty");
  if (t.category.empty()) return Error::invalid_argument("category", "must not be empty");
  bool body = false;
  for (const auto& c : t.components) {
    if (c.type.empty()) return Error::invalid_argument("components.type", "must not be empty");
    body = body || c.type == "BODY" || c.type == "body";
  }
  if (!body) return Error::invalid_argument("components", "needs a BODY component");
  return {};
}

}  // namespace whatsapp
