#pragma once

/// @file model/template.hpp
/// Message templates as the template endpoints create, list and return them.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/decode.hpp"
#include "whatsapp/detail/json_util.hpp"

namespace whatsapp {

/// A button of a template's BUTTONS component.
struct TemplateButtonDef {
  std::string type;  ///< "QUICK_REPLY", "URL", "PHONE_NUMBER", "OTP", "COPY_CODE", "FLOW", ...
  std::string text;
  std::optional<std::string> url;                   ///< URL buttons; may hold {{1}}.
  std::optional<std::string> phone_number;          ///< PHONE_NUMBER buttons.
  std::optional<std::string> otp_type;              ///< OTP buttons: "COPY_CODE", "ONE_TAP", "ZERO_TAP".
  nlohmann::json extra = nlohmann::json::object();  ///< Any other field, sent and kept as is.
};

/// One component of a template definition: HEADER, BODY, FOOTER or BUTTONS.
struct TemplateComponentDef {
  std::string type;                   ///< "HEADER", "BODY", "FOOTER", "BUTTONS".
  std::optional<std::string> format;  ///< HEADER: "TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION".
  std::optional<std::string> text;    ///< May hold {{1}} or {{name}} placeholders.
  std::vector<TemplateButtonDef> buttons;
  std::optional<nlohmann::json> example;            ///< Sample values: {"body_text":[[...]]}, ...
  std::optional<bool> add_security_recommendation;  ///< AUTHENTICATION BODY.
  std::optional<int> code_expiration_minutes;       ///< AUTHENTICATION FOOTER.
  nlohmann::json extra = nlohmann::json::object();  ///< Any other field, sent and kept as is.

  static TemplateComponentDef header_text(std::string text) {
    TemplateComponentDef c;
    c.type = "HEADER";
    c.format = "TEXT";
    c.text = std::move(text);
    return c;
  }
  static TemplateComponentDef body(std::string text) {
    TemplateComponentDef c;
    c.type = "BODY";
    c.text = std::move(text);
    return c;
  }
  static TemplateComponentDef footer(std::string text) {
    TemplateComponentDef c;
    c.type = "FOOTER";
    c.text = std::move(text);
    return c;
  }
  static TemplateComponentDef button_list(std::vector<TemplateButtonDef> buttons) {
    TemplateComponentDef c;
    c.type = "BUTTONS";
    c.buttons = std::move(buttons);
    return c;
  }
  /// Sets `example` and returns *this.
  TemplateComponentDef& with_example(nlohmann::json e) & {
    example = std::move(e);
    return *this;
  }
  TemplateComponentDef&& with_example(nlohmann::json e) && { return std::move(with_example(std::move(e))); }
};

/// A template as Get Message Template(s) returns it.
struct Template {
  std::string id;
  std::string name;
  std::string language;  ///< "en_US".
  std::string status;    ///< "APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED", ...
  std::string category;  ///< "MARKETING", "UTILITY", "AUTHENTICATION".
  std::string previous_category;
  std::string parameter_format;  ///< "POSITIONAL" or "NAMED" when Meta says.
  std::vector<TemplateComponentDef> components;
  nlohmann::json raw;

  /// The first component of `type` ("HEADER", "BODY", ...; case-insensitive), or nullptr.
  const TemplateComponentDef* component(std::string_view type) const noexcept {
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
};

/// What Create Message Template takes.
struct NewTemplate {
  std::string name;      ///< Lower case letters, digits and underscores; up to 512.
  std::string language;  ///< "en_US".
  std::string category;  ///< "MARKETING", "UTILITY", "AUTHENTICATION".
  std::vector<TemplateComponentDef> components;
  std::optional<std::string> parameter_format;  ///< "POSITIONAL" (default) or "NAMED".
  std::optional<bool> allow_category_change;
};

/// Create Message Template's answer.
struct CreatedTemplate {
  std::string id;
  std::string status;    ///< Usually "PENDING".
  std::string category;  ///< The category Meta assigned, which may differ from the one asked.
  nlohmann::json raw;
};

// ---- JSON ----------------------------------------------------------------------------------

namespace detail {
inline void merge_extra(nlohmann::json& j, const nlohmann::json& extra) {
  if (!extra.is_object()) return;
  for (const auto& [k, v] : extra.items()) {
    if (!j.contains(k)) j[k] = v;
  }
}
inline nlohmann::json extra_of(const nlohmann::json& j, std::initializer_list<const char*> known) {
  nlohmann::json extra = nlohmann::json::object();
  for (const auto& [k, v] : j.items()) {
    bool is_known = false;
    for (const char* n : known) is_known = is_known || k == n;
    if (!is_known) extra[k] = v;
  }
  return extra;
}
inline std::optional<std::string> opt_string_at(const nlohmann::json& j, std::string_view key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}
}  // namespace detail

inline void to_json(nlohmann::json& j, const TemplateButtonDef& b) {
  j = nlohmann::json{{"type", b.type}};
  if (!b.text.empty()) j["text"] = b.text;
  if (b.url) j["url"] = *b.url;
  if (b.phone_number) j["phone_number"] = *b.phone_number;
  if (b.otp_type) j["otp_type"] = *b.otp_type;
  detail::merge_extra(j, b.extra);
}

inline void from_json(const nlohmann::json& j, TemplateButtonDef& b) {
  detail::require_object(j, "template button");
  b.type = detail::string_at(j, "type");
  b.text = detail::string_at(j, "text");
  b.url = detail::opt_string_at(j, "url");
  b.phone_number = detail::opt_string_at(j, "phone_number");
  b.otp_type = detail::opt_string_at(j, "otp_type");
  b.extra = detail::extra_of(j, {"type", "text", "url", "phone_number", "otp_type"});
}

inline void to_json(nlohmann::json& j, const TemplateComponentDef& c) {
  j = nlohmann::json{{"type", c.type}};
  if (c.format) j["format"] = *c.format;
  if (c.text) j["text"] = *c.text;
  if (!c.buttons.empty()) j["buttons"] = c.buttons;
  if (c.example) j["example"] = *c.example;
  if (c.add_security_recommendation) j["add_security_recommendation"] = *c.add_security_recommendation;
  if (c.code_expiration_minutes) j["code_expiration_minutes"] = *c.code_expiration_minutes;
  detail::merge_extra(j, c.extra);
}

inline void from_json(const nlohmann::json& j, TemplateComponentDef& c) {
  detail::require_object(j, "template component");
  c.type = detail::string_at(j, "type");
  c.format = detail::opt_string_at(j, "format");
  c.text = detail::opt_string_at(j, "text");
  if (const auto b = j.find("buttons"); b != j.end() && b->is_array()) {
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

inline void from_json(const nlohmann::json& j, Template& t) {
  detail::require_object(j, "template");
  t.id = detail::string_at(j, "id");
  if (t.id.empty()) throw detail::DecodeError("template without an id");
  t.name = detail::string_at(j, "name");
  t.language = detail::string_at(j, "language");
  t.status = detail::string_at(j, "status");
  t.category = detail::string_at(j, "category");
  t.previous_category = detail::string_at(j, "previous_category");
  t.parameter_format = detail::string_at(j, "parameter_format");
  if (const auto c = j.find("components"); c != j.end() && c->is_array()) {
    for (const auto& e : *c) {
      TemplateComponentDef def;
      from_json(e, def);
      t.components.push_back(std::move(def));
    }
  }
  t.raw = j;
}

inline void to_json(nlohmann::json& j, const NewTemplate& t) {
  j = nlohmann::json{
      {"name", t.name}, {"language", t.language}, {"category", t.category}, {"components", t.components}};
  if (t.parameter_format) j["parameter_format"] = *t.parameter_format;
  if (t.allow_category_change) j["allow_category_change"] = *t.allow_category_change;
}

inline void from_json(const nlohmann::json& j, CreatedTemplate& t) {
  detail::require_object(j, "created template");
  t.id = detail::string_at(j, "id");
  if (t.id.empty()) throw detail::DecodeError("no template id in the answer");
  t.status = detail::string_at(j, "status");
  t.category = detail::string_at(j, "category");
  t.raw = j;
}

// ---- Placeholders --------------------------------------------------------------------------

/// The distinct placeholders of a template text, in order of first appearance: "1", "2" for
/// positional ({{1}}), "first_name" for named ({{first_name}}).
inline std::vector<std::string> template_placeholders(std::string_view text) {
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

/// Validates a template definition before it is sent: name and language set, a BODY present.
inline Result<void> validate(const NewTemplate& t) {
  if (t.name.empty() || t.name.size() > 512)
    return Error::invalid_argument("name", "must have 1 to 512 characters");
  for (const char c : t.name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return Error::invalid_argument("name", "may hold only lower case letters, digits and underscores");
    }
  }
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
