// Definitions of the functions model/template_message.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/model/template_message.hpp"

namespace whatsapp {

WHATSAPP_DECL void to_json(nlohmann::json& j, const TemplateParameter& p) {
  using K = TemplateParameter::Kind;
  switch (p.kind) {
    case K::kText: j = {{"type", "text"}, {"text", p.value}}; break;
    case K::kPayload: j = {{"type", "payload"}, {"payload", p.value}}; break;
    case K::kCouponCode: j = {{"type", "coupon_code"}, {"coupon_code", p.value}}; break;
    case K::kCurrency:
      j = {{"type", "currency"},
           {"currency",
            {{"fallback_value", p.currency_value.fallback_value},
             {"code", p.currency_value.code},
             {"amount_1000", p.currency_value.amount_1000}}}};
      break;
    case K::kDateTime: {
      nlohmann::json d{{"fallback_value", p.date_time_value.fallback_value}};
      const auto put = [&](const char* k, const std::optional<int>& v) {
        if (v) d[k] = *v;
      };
      put("day_of_week", p.date_time_value.day_of_week);
      put("year", p.date_time_value.year);
      put("month", p.date_time_value.month);
      put("day_of_month", p.date_time_value.day_of_month);
      put("hour", p.date_time_value.hour);
      put("minute", p.date_time_value.minute);
      if (p.date_time_value.calendar) d["calendar"] = *p.date_time_value.calendar;
      j = {{"type", "date_time"}, {"date_time", std::move(d)}};
      break;
    }
    case K::kImage: j = {{"type", "image"}, {"image", p.media}}; break;
    case K::kVideo: j = {{"type", "video"}, {"video", p.media}}; break;
    case K::kDocument: {
      nlohmann::json m = p.media;
      if (p.filename) m["filename"] = *p.filename;
      j = {{"type", "document"}, {"document", std::move(m)}};
      break;
    }
    case K::kLocation: j = {{"type", "location"}, {"location", p.location_value}}; break;
    case K::kAction: j = {{"type", "action"}, {"action", p.json}}; break;
    case K::kRaw: j = p.json; return;
  }
  if (p.parameter_name) j["parameter_name"] = *p.parameter_name;
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const TemplateComponent& c) {
  j = nlohmann::json{{"type", c.type}};
  if (c.sub_type) j["sub_type"] = *c.sub_type;
  if (c.index) std::visit([&](const auto& v) { j["index"] = v; }, *c.index);
  if (!c.parameters.empty()) j["parameters"] = c.parameters;
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const TemplateMessage& t) {
  nlohmann::json language{{"code", t.language}};
  if (t.language_policy) language["policy"] = *t.language_policy;
  j = nlohmann::json{{"name", t.name}, {"language", std::move(language)}};
  if (!t.components.empty()) j["components"] = t.components;
}

}  // namespace whatsapp

namespace whatsapp::detail {

WHATSAPP_DECL Result<void> check_template_params(const TemplateMessage& t, const TemplateComponentDef* def,
                                                 const char* type, const Template& definition) {
  const TemplateComponent* given = t.component(type);
  const std::size_t count = given ? given->parameters.size() : 0;
  const std::string field = std::string("template.components[") + type + "].parameters";
  if (!def) {
    if (count > 0) {
      return Error::invalid_argument(field, "template \"" + definition.name + "\" has no " + type +
                                                " component, but " + std::to_string(count) +
                                                " parameters were given");
    }
    return {};
  }
  std::size_t expected = 0;
  std::vector<std::string> names{};
  const bool text_header = !def->format || def->format == "TEXT" || def->format == "text";
  if (std::string_view(type) == "header" && !text_header) {
    expected = 1;  // one media or location parameter
  } else if (def->text) {
    names = template_placeholders(*def->text);
    expected = names.size();
  }
  if (count != expected) {
    return Error::invalid_argument(field, "template \"" + definition.name + "\" expects " +
                                              std::to_string(expected) + " " + type + " parameters, got " +
                                              std::to_string(count));
  }
  const bool named =
      definition.parameter_format == "NAMED" || (!names.empty() && (names[0][0] < '0' || names[0][0] > '9'));
  if (named && given && text_header) {
    std::set<std::string> want(names.begin(), names.end());
    for (const auto& p : given->parameters) {
      if (!p.parameter_name || want.erase(*p.parameter_name) == 0) {
        return Error::invalid_argument(field, "template \"" + definition.name +
                                                  "\" has named parameters; \"" +
                                                  p.parameter_name.value_or("") + "\" is not one of them");
      }
    }
  }
  return {};
}

}  // namespace whatsapp::detail

namespace whatsapp {

WHATSAPP_DECL Result<void> TemplateMessage::validate_against(const Template& definition) const {
  if (!definition.name.empty() && definition.name != name) {
    return Error::invalid_argument("template.name",
                                   "is \"" + name + "\" but the definition is \"" + definition.name + "\"");
  }
  if (auto r = detail::check_template_params(*this, definition.component("HEADER"), "header", definition);
      !r) {
    return r;
  }
  if (auto r = detail::check_template_params(*this, definition.component("BODY"), "body", definition); !r) {
    return r;
  }
  const TemplateComponentDef* buttons = definition.component("BUTTONS");
  const std::size_t available = buttons ? buttons->buttons.size() : 0;
  for (const auto& c : components) {
    if (c.type != "button" || !c.index) continue;
    int index = -1;
    if (const int* i = std::get_if<int>(&*c.index)) {
      index = *i;
    } else {
      const auto& s = std::get<std::string>(*c.index);
      index = (s.size() == 1 && s[0] >= '0' && s[0] <= '9') ? s[0] - '0' : -1;
    }
    if (index < 0 || static_cast<std::size_t>(index) >= available) {
      return Error::invalid_argument("template.components[button].index",
                                     "template \"" + definition.name + "\" has " + std::to_string(available) +
                                         " buttons; index " + std::to_string(index) + " does not exist");
    }
  }
  return {};
}

}  // namespace whatsapp
