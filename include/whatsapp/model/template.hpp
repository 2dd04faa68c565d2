#pragma once

/// @file model/template.hpp
/// Message templates as the template endpoints create, list and return them.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/model/detail/validate.hpp"

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
WHATSAPP_DECL void merge_extra(nlohmann::json& j, const nlohmann::json& extra);
WHATSAPP_DECL nlohmann::json extra_of(const nlohmann::json& j, std::initializer_list<const char*> known);
}  // namespace detail

WHATSAPP_DECL void to_json(nlohmann::json& j, const TemplateButtonDef& b);

WHATSAPP_DECL void from_json(const nlohmann::json& j, TemplateButtonDef& b);

WHATSAPP_DECL void to_json(nlohmann::json& j, const TemplateComponentDef& c);

WHATSAPP_DECL void from_json(const nlohmann::json& j, TemplateComponentDef& c);

WHATSAPP_DECL void from_json(const nlohmann::json& j, Template& t);

WHATSAPP_DECL void to_json(nlohmann::json& j, const NewTemplate& t);

WHATSAPP_DECL void from_json(const nlohmann::json& j, CreatedTemplate& t);

// ---- Placeholders --------------------------------------------------------------------------

/// The distinct placeholders of a template text, in order of first appearance: "1", "2" for
/// positional ({{1}}), "first_name" for named ({{first_name}}).
WHATSAPP_DECL std::vector<std::string> template_placeholders(std::string_view text);

/// Validates a template definition before it is sent: name and language set, a BODY present.
WHATSAPP_DECL Result<void> validate(const NewTemplate& t);

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/template.ipp"
#endif
