// Definitions of the functions model/template.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/model/detail/json_array.hpp"
#include "whatsapp/model/impl/template_example.ipp"
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
  if (!b.example.empty()) {
    // COPY_CODE takes one sample code as a string; URL an array of sample URLs.
    if (b.type == "COPY_CODE" && b.example.size() == 1) {
      j["example"] = b.example.front();
    } else {
      j["example"] = nlohmann::json(b.example);
    }
  }
  if (b.flow_id) j["flow_id"] = *b.flow_id;
  if (b.flow_name) j["flow_name"] = *b.flow_name;
  if (b.flow_action) j["flow_action"] = *b.flow_action;
  if (b.navigate_screen) j["navigate_screen"] = *b.navigate_screen;
  if (b.autofill_text) j["autofill_text"] = *b.autofill_text;
  if (b.zero_tap_terms_accepted) j["zero_tap_terms_accepted"] = *b.zero_tap_terms_accepted;
  if (!b.supported_apps.empty()) {
    nlohmann::json apps = nlohmann::json::array();
    for (const auto& a : b.supported_apps) {
      nlohmann::json app = nlohmann::json::object();
      app["package_name"] = a.package_name;
      app["signature_hash"] = a.signature_hash;
      apps.push_back(std::move(app));
    }
    j["supported_apps"] = std::move(apps);
  }
  detail::merge_extra(j, b.extra);
}

WHATSAPP_DECL void from_json(const nlohmann::json& j, TemplateButtonDef& b) {
  detail::require_object(j, "template button");
  b.type = detail::string_at(j, "type");
  b.text = detail::string_at(j, "text");
  b.url = detail::opt_string_at(j, "url");
  b.phone_number = detail::opt_string_at(j, "phone_number");
  b.otp_type = detail::opt_string_at(j, "otp_type");
  b.flow_id = detail::text_at(j, "flow_id");
  b.flow_name = detail::opt_string_at(j, "flow_name");
  b.flow_action = detail::opt_string_at(j, "flow_action");
  b.navigate_screen = detail::opt_string_at(j, "navigate_screen");
  b.autofill_text = detail::opt_string_at(j, "autofill_text");
  b.zero_tap_terms_accepted = detail::bool_at(j, "zero_tap_terms_accepted");
  std::vector<const char*> known{"type",
                                 "text",
                                 "url",
                                 "phone_number",
                                 "otp_type",
                                 "flow_id",
                                 "flow_name",
                                 "flow_action",
                                 "navigate_screen",
                                 "autofill_text",
                                 "zero_tap_terms_accepted"};
  const auto e = j.find("example");
  if (e != j.end() && e->is_string()) {
    b.example = {e->get<std::string>()};
    known.push_back("example");
  } else if (e != j.end() && detail::is_string_array(*e)) {
    b.example = e->get<std::vector<std::string>>();
    known.push_back("example");
  }
  const auto apps = j.find("supported_apps");
  bool apps_typed = apps != j.end() && apps->is_array();
  for (std::size_t i = 0; apps_typed && i < apps->size(); ++i) {
    const auto& a = (*apps)[i];
    apps_typed = a.is_object() && a.contains("package_name") && a["package_name"].is_string() &&
                 a.contains("signature_hash") && a["signature_hash"].is_string();
  }
  if (apps_typed) {
    for (const auto& a : *apps) {
      b.supported_apps.push_back(
          {a["package_name"].get<std::string>(), a["signature_hash"].get<std::string>()});
    }
    known.push_back("supported_apps");
  }
  b.extra = nlohmann::json::object();
  for (const auto& [k, v] : j.items()) {
    bool is_known = false;
    for (const char* n : known) is_known = is_known || k == n;
    if (!is_known) b.extra[k] = v;
  }
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const TemplateComponentDef& c) {
  j = nlohmann::json{{"type", c.type}};
  if (c.format) j["format"] = *c.format;
  if (c.text) j["text"] = *c.text;
  if (!c.buttons.empty()) j["buttons"] = detail::json_array(c.buttons);
  if (c.example && !c.example->empty()) j["example"] = *c.example;
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
  if (const auto e = j.find("example"); e != j.end()) c.example = e->get<TemplateExample>();
  c.add_security_recommendation = detail::bool_at(j, "add_security_recommendation");
  if (auto m = detail::int_at(j, "code_expiration_minutes")) c.code_expiration_minutes = static_cast<int>(*m);
  c.extra = detail::extra_of(j, {"type", "format", "text", "buttons", "example",
                                 "add_security_recommendation", "code_expiration_minutes"});
}

WHATSAPP_DECL void from_json(const nlohmann::json& j, Template& t) {
  detail::require_object(j, "template");
  t.id = detail::text_or_empty(j, "id");
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
  j = nlohmann::json{{"name", t.name},
                     {"language", t.language},
                     {"category", t.category},
                     {"components", detail::json_array(t.components)}};
  if (t.parameter_format) j["parameter_format"] = *t.parameter_format;
  if (t.allow_category_change) j["allow_category_change"] = *t.allow_category_change;
}

WHATSAPP_DECL void from_json(const nlohmann::json& j, CreatedTemplate& t) {
  detail::require_object(j, "created template");
  t.id = detail::text_or_empty(j, "id");
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

}  // namespace whatsapp

namespace whatsapp::detail {

/// How many samples `example` holds under `key`: entries of an array of strings, the first row
/// of body_text, or entries of a *_named_params array.
inline std::size_t sample_count(const nlohmann::json& example, const char* key) {
  const auto it = example.find(key);
  if (it == example.end() || !it->is_array()) return 0;
  if (std::string_view(key) == "body_text") return it->empty() ? 0 : (*it)[0].size();
  return it->size();
}

inline Result<void> check_samples(const TemplateComponentDef& c, const nlohmann::json& example,
                                  const std::string& at, bool header) {
  if (!c.text) return {};
  const auto names = template_placeholders(*c.text);
  if (names.empty()) return {};
  const bool positional = names[0][0] >= '0' && names[0][0] <= '9';
  const char* key = header ? (positional ? "header_text" : "header_text_named_params")
                           : (positional ? "body_text" : "body_text_named_params");
  const std::size_t have = sample_count(example, key);
  if (have != names.size()) {
    return Error::invalid_argument(
        at + ".example." + key,
        "the text has " + std::to_string(names.size()) + " placeholders but " + std::to_string(have) +
            " sample values were given (Meta requires one each; "
            "with_example(TemplateExample::" +
            (header ? (positional ? "header" : "header_named") : (positional ? "body" : "body_named")) +
            "(...)))");
  }
  return {};
}

inline Result<void> check_button_def(const TemplateButtonDef& b, const std::string& at) {
  if (b.type.empty()) return Error::invalid_argument(at + ".type", "must not be empty");
  if (b.type == "URL") {
    if (!b.url || b.url->empty()) return Error::invalid_argument(at + ".url", "is required for a URL button");
    if (b.url->find("{{") != std::string::npos && b.example.empty() && !b.extra.contains("example")) {
      return Error::invalid_argument(at + ".example", "a URL with a placeholder needs a sample full URL");
    }
  } else if (b.type == "PHONE_NUMBER") {
    if (!b.phone_number || b.phone_number->empty()) {
      return Error::invalid_argument(at + ".phone_number", "is required for a PHONE_NUMBER button");
    }
  } else if (b.type == "COPY_CODE") {
    if (b.example.size() != 1 && !b.extra.contains("example")) {
      return Error::invalid_argument(at + ".example", "a COPY_CODE button needs one sample code");
    }
  } else if (b.type == "OTP") {
    if (!b.otp_type) return Error::invalid_argument(at + ".otp_type", "is required for an OTP button");
  } else if (b.type == "FLOW") {
    if (!b.flow_id && !b.flow_name && !b.extra.contains("flow_json")) {
      return Error::invalid_argument(at + ".flow_id", "a FLOW button needs flow_id, flow_name or flow_json");
    }
  }
  if (b.type != "COPY_CODE" && b.type != "OTP" && b.text.empty()) {
    return Error::invalid_argument(at + ".text", "must not be empty");
  }
  return {};
}

WHATSAPP_DECL Result<void> check_component_def(const TemplateComponentDef& c, const std::string& at) {
  const nlohmann::json example = c.example ? nlohmann::json(*c.example) : nlohmann::json::object();
  if (auto r = check_example_json(example, at + ".example"); !r) return r;
  const bool header = c.type == "HEADER" || c.type == "header";
  const bool body = c.type == "BODY" || c.type == "body";
  if (header && c.format && *c.format != "TEXT" && *c.format != "text" && *c.format != "LOCATION" &&
      *c.format != "location" && sample_count(example, "header_handle") == 0) {
    return Error::invalid_argument(at + ".example.header_handle",
                                   "a " + *c.format + " header needs the upload handle of a sample file");
  }
  if (header || body) return check_samples(c, example, at, header);
  for (std::size_t i = 0; i < c.buttons.size(); ++i) {
    if (auto r = check_button_def(c.buttons[i], at + ".buttons[" + std::to_string(i) + "]"); !r) return r;
  }
  return {};
}

}  // namespace whatsapp::detail

namespace whatsapp {

WHATSAPP_DECL Result<void> validate(const NewTemplate& t) {
  if (auto r = detail::check_template_name(t.name, "name"); !r) return r;
  if (t.language.empty()) return Error::invalid_argument("language", "must not be empty");
  if (t.category.empty()) return Error::invalid_argument("category", "must not be empty");
  bool body = false;
  for (std::size_t i = 0; i < t.components.size(); ++i) {
    const auto& c = t.components[i];
    if (c.type.empty()) return Error::invalid_argument("components.type", "must not be empty");
    body = body || c.type == "BODY" || c.type == "body";
    if (auto r = detail::check_component_def(c, "components[" + std::to_string(i) + "]"); !r) return r;
  }
  if (!body) return Error::invalid_argument("components", "needs a BODY component");
  return {};
}

}  // namespace whatsapp
