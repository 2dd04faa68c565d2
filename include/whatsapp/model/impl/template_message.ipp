// Definitions of the functions model/template_message.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/model/detail/json_array.hpp"
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
    case K::kLocation: {
      // A location header's coordinates go as strings, as Meta's template examples give them
      // ("latitude": "37.483307"); a location message's are numbers.
      nlohmann::json l = p.location_value;
      l["latitude"] = l["latitude"].dump();
      l["longitude"] = l["longitude"].dump();
      j = {{"type", "location"}, {"location", std::move(l)}};
      break;
    }
    case K::kAction: j = {{"type", "action"}, {"action", p.json}}; break;
    case K::kRaw: j = p.json; return;
  }
  if (p.parameter_name) j["parameter_name"] = *p.parameter_name;
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const TemplateComponent& c) {
  j = nlohmann::json{{"type", c.type}};
  if (c.sub_type) j["sub_type"] = *c.sub_type;
  if (c.index) std::visit([&](const auto& v) { j["index"] = v; }, *c.index);
  if (!c.parameters.empty()) j["parameters"] = detail::json_array(c.parameters);
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const TemplateMessage& t) {
  nlohmann::json language{{"code", t.language}};
  if (t.language_policy) language["policy"] = *t.language_policy;
  j = nlohmann::json{{"name", t.name}, {"language", std::move(language)}};
  if (!t.components.empty()) j["components"] = detail::json_array(t.components);
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

WHATSAPP_DECL TemplateParameter TemplateParameter::text(std::string v, std::optional<std::string> name) {
  TemplateParameter p;
  p.value = std::move(v);
  p.parameter_name = std::move(name);
  return p;
}
WHATSAPP_DECL TemplateParameter TemplateParameter::named(std::string name, std::string value) {
  return text(std::move(value), std::move(name));
}
WHATSAPP_DECL TemplateParameter TemplateParameter::currency(Currency c) {
  TemplateParameter p;
  p.kind = Kind::kCurrency;
  p.currency_value = std::move(c);
  return p;
}
WHATSAPP_DECL TemplateParameter TemplateParameter::date_time(DateTime d) {
  TemplateParameter p;
  p.kind = Kind::kDateTime;
  p.date_time_value = std::move(d);
  return p;
}
WHATSAPP_DECL TemplateParameter TemplateParameter::document(Media m, std::optional<std::string> filename) {
  auto p = media_param(Kind::kDocument, std::move(m));
  p.filename = std::move(filename);
  return p;
}
WHATSAPP_DECL TemplateParameter TemplateParameter::location(Location l) {
  TemplateParameter p;
  p.kind = Kind::kLocation;
  p.location_value = std::move(l);
  return p;
}
WHATSAPP_DECL TemplateParameter TemplateParameter::payload(std::string v) {
  TemplateParameter p;
  p.kind = Kind::kPayload;
  p.value = std::move(v);
  return p;
}
WHATSAPP_DECL TemplateParameter TemplateParameter::coupon_code(std::string code) {
  TemplateParameter p;
  p.kind = Kind::kCouponCode;
  p.value = std::move(code);
  return p;
}
WHATSAPP_DECL TemplateParameter TemplateParameter::action(nlohmann::json action) {
  TemplateParameter p;
  p.kind = Kind::kAction;
  p.json = std::move(action);
  return p;
}
WHATSAPP_DECL TemplateParameter TemplateParameter::raw(nlohmann::json parameter) {
  TemplateParameter p;
  p.kind = Kind::kRaw;
  p.json = std::move(parameter);
  return p;
}
WHATSAPP_DECL TemplateParameter TemplateParameter::media_param(Kind k, Media m) {
  TemplateParameter p;
  p.kind = k;
  p.media = std::move(m);
  return p;
}
WHATSAPP_DECL TemplateComponent TemplateComponent::header(std::vector<TemplateParameter> p) {
  return make("header", std::move(p));
}
WHATSAPP_DECL TemplateComponent TemplateComponent::body(std::vector<TemplateParameter> p) {
  return make("body", std::move(p));
}
WHATSAPP_DECL TemplateComponent TemplateComponent::button(std::string sub_type, ButtonIndex index,
                                                          std::vector<TemplateParameter> p) {
  auto c = make("button", std::move(p));
  c.sub_type = std::move(sub_type);
  c.index = std::move(index);
  return c;
}
WHATSAPP_DECL TemplateComponent TemplateComponent::quick_reply(ButtonIndex index, std::string payload) {
  return button("quick_reply", std::move(index), {TemplateParameter::payload(std::move(payload))});
}
WHATSAPP_DECL TemplateComponent TemplateComponent::url_button(ButtonIndex index, std::string suffix) {
  return button("url", std::move(index), {TemplateParameter::text(std::move(suffix))});
}
WHATSAPP_DECL TemplateComponent TemplateComponent::copy_code(ButtonIndex index, std::string code) {
  return button("copy_code", std::move(index), {TemplateParameter::coupon_code(std::move(code))});
}
WHATSAPP_DECL TemplateComponent TemplateComponent::flow_button(
    ButtonIndex index, std::string flow_token, std::optional<nlohmann::json> flow_action_data) {
  nlohmann::json action{{"flow_token", std::move(flow_token)}};
  if (flow_action_data) action["flow_action_data"] = std::move(*flow_action_data);
  return button("flow", std::move(index), {TemplateParameter::action(std::move(action))});
}
WHATSAPP_DECL TemplateComponent
TemplateComponent::mpm_button(ButtonIndex index, std::string thumbnail_product_retailer_id,
                              const std::vector<TemplateProductSection>& sections) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& s : sections) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& id : s.product_retailer_ids) {
      nlohmann::json item = nlohmann::json::object();
      item["product_retailer_id"] = id;
      items.push_back(std::move(item));
    }
    nlohmann::json section = nlohmann::json::object();
    section["title"] = s.title;
    section["product_items"] = std::move(items);
    list.push_back(std::move(section));
  }
  nlohmann::json action = nlohmann::json::object();
  action["thumbnail_product_retailer_id"] = std::move(thumbnail_product_retailer_id);
  action["sections"] = std::move(list);
  return button("mpm", std::move(index), {TemplateParameter::action(std::move(action))});
}
WHATSAPP_DECL TemplateComponent TemplateComponent::limited_time_offer(std::int64_t expiration_time_ms) {
  nlohmann::json offer = nlohmann::json::object();
  offer["expiration_time_ms"] = expiration_time_ms;
  nlohmann::json p = nlohmann::json::object();
  p["type"] = "limited_time_offer";
  p["limited_time_offer"] = std::move(offer);
  return make("limited_time_offer", {TemplateParameter::raw(std::move(p))});
}
WHATSAPP_DECL TemplateComponent TemplateComponent::catalog_button(ButtonIndex index,
                                                                  std::string thumbnail_product_retailer_id) {
  return button("CATALOG", std::move(index),
                {TemplateParameter::action(
                    {{"thumbnail_product_retailer_id", std::move(thumbnail_product_retailer_id)}})});
}
WHATSAPP_DECL TemplateComponent TemplateComponent::make(const char* type, std::vector<TemplateParameter> p) {
  TemplateComponent c;
  c.type = type;
  c.parameters = std::move(p);
  return c;
}
WHATSAPP_DECL TemplateMessage& TemplateMessage::with_header(std::vector<TemplateParameter> p) & {
  components.push_back(TemplateComponent::header(std::move(p)));
  return *this;
}
WHATSAPP_DECL TemplateMessage& TemplateMessage::with_body(std::vector<TemplateParameter> p) & {
  components.push_back(TemplateComponent::body(std::move(p)));
  return *this;
}
WHATSAPP_DECL TemplateMessage& TemplateMessage::with_button(TemplateComponent b) & {
  components.push_back(std::move(b));
  return *this;
}
WHATSAPP_DECL Result<void> validate(const TemplateMessage& t, const std::string& f) {
  if (auto r = detail::check_template_name(t.name, f + ".name"); !r) return r;
  if (t.language.empty()) return Error::invalid_argument(f + ".language.code", "must not be empty");
  for (std::size_t i = 0; i < t.components.size(); ++i) {
    const auto& c = t.components[i];
    const std::string at = f + ".components[" + std::to_string(i) + "]";
    if (c.type.empty()) return Error::invalid_argument(at + ".type", "must not be empty");
    if (c.type == "button" && (!c.index || !c.sub_type)) {
      return Error::invalid_argument(at, "a button component needs sub_type and index");
    }
    for (std::size_t k = 0; k < c.parameters.size(); ++k) {
      const auto& p = c.parameters[k];
      const std::string pf = at + ".parameters[" + std::to_string(k) + "]";
      using K = TemplateParameter::Kind;
      if (p.kind == K::kImage || p.kind == K::kVideo || p.kind == K::kDocument) {
        if (auto r = detail::check_media(p.media, pf); !r) return r;
      } else if (p.kind == K::kText && c.type == "body") {
        if (auto r = detail::check_text(p.value, pf + ".text", 1024); !r) return r;
      } else if (p.kind == K::kText && c.type == "header") {
        if (auto r = detail::check_text(p.value, pf + ".text", 60); !r) return r;
      }
    }
  }
  return {};
}

}  // namespace whatsapp
