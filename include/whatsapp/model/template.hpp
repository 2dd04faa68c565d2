#pragma once

/// @file model/template.hpp
/// Message templates as the template endpoints create, list and return them. Definitions are
/// built from typed parts: components (header_text/header_image/.../body/footer/button_list),
/// samples (TemplateExample, model/template_example.hpp) and buttons
/// (TemplateButtonDef::quick_reply/url_button/call/copy_code/otp_*/flow).
///
///     whatsapp::NewTemplate t;
///     t.name = "order_shipped";
///     t.language = "en_US";
///     t.category = "UTILITY";
///     t.components = {
///         TemplateComponentDef::header_image("4::aW1hZ2UvanBlZw==:ARb..."),
///         TemplateComponentDef::body("Your order {{1}} ships on {{2}}.")
///             .with_example(TemplateExample::body({"#1234", "Monday"})),
///         TemplateComponentDef::button_list({TemplateButtonDef::url_button(
///             "Track it", "https://shop.example.com/track/{{1}}",
///             "https://shop.example.com/track/1234")})};

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/model/detail/validate.hpp"
#include "whatsapp/model/template_example.hpp"

namespace whatsapp {

/// An app that receives a one-tap or zero-tap code (OTP buttons).
struct OtpApp {
  std::string package_name;    ///< "com.example.bakery".
  std::string signature_hash;  ///< The app's 11-character signing key hash.
};

/// A button of a template's BUTTONS component. Build it with a factory (quick_reply(), url_button(),
/// call(), ...); `extra` holds any field not modelled here, sent and kept as is.
struct TemplateButtonDef {
  std::string type;  ///< "QUICK_REPLY", "URL", "PHONE_NUMBER", "OTP", "COPY_CODE", "FLOW", ...
  std::string text;
  std::optional<std::string> url;                   ///< URL buttons; may hold {{1}}.
  std::optional<std::string> phone_number;          ///< PHONE_NUMBER buttons.
  std::optional<std::string> otp_type;              ///< OTP buttons: "COPY_CODE", "ONE_TAP", "ZERO_TAP".
  nlohmann::json extra = nlohmann::json::object();  ///< Any other field, sent and kept as is.
  /// URL: the sample full URL of a {{1}} URL (sent as an array); COPY_CODE: the sample code
  /// (sent as a string).
  std::vector<std::string> example{};
  std::optional<std::string> flow_id{};           ///< FLOW: a published flow by id ...
  std::optional<std::string> flow_name{};         ///< ... or by name.
  std::optional<std::string> flow_action{};       ///< FLOW: "navigate" (default) or "data_exchange".
  std::optional<std::string> navigate_screen{};   ///< FLOW with "navigate": the first screen.
  std::optional<std::string> autofill_text{};     ///< OTP ONE_TAP: the autofill button's text.
  std::optional<bool> zero_tap_terms_accepted{};  ///< OTP ZERO_TAP: you accept Meta's terms.
  std::vector<OtpApp> supported_apps{};           ///< OTP ONE_TAP / ZERO_TAP: the apps.

  /// A quick-reply button (up to 25 characters).
  static TemplateButtonDef quick_reply(std::string text) { return make("QUICK_REPLY", std::move(text)); }
  /// A button that opens `url`. A URL ending in {{1}} needs `example_url`: the full URL with a
  /// sample suffix.
  static TemplateButtonDef url_button(std::string text, std::string url,
                                      std::optional<std::string> example_url = std::nullopt) {
    auto b = make("URL", std::move(text));
    b.url = std::move(url);
    if (example_url) b.example.push_back(std::move(*example_url));
    return b;
  }
  /// A button that calls `phone_number` (international form, up to 20 characters).
  static TemplateButtonDef call(std::string text, std::string phone_number) {
    auto b = make("PHONE_NUMBER", std::move(text));
    b.phone_number = std::move(phone_number);
    return b;
  }
  /// A marketing template's copy-code button (a coupon); `example_code` is a sample code.
  static TemplateButtonDef copy_code(std::string example_code) {
    auto b = make("COPY_CODE", "");
    b.example.push_back(std::move(example_code));
    return b;
  }
  /// An authentication template's copy-code button.
  static TemplateButtonDef otp_copy_code(std::string text = "Copy code") {
    auto b = make("OTP", std::move(text));
    b.otp_type = "COPY_CODE";
    return b;
  }
  /// An authentication template's one-tap autofill button for `apps`.
  static TemplateButtonDef otp_one_tap(std::vector<OtpApp> apps, std::string text = "Copy code",
                                       std::optional<std::string> autofill_text = std::nullopt) {
    auto b = make("OTP", std::move(text));
    b.otp_type = "ONE_TAP";
    b.supported_apps = std::move(apps);
    b.autofill_text = std::move(autofill_text);
    return b;
  }
  /// An authentication template's zero-tap button for `apps`; sending it says you accepted
  /// Meta's zero-tap terms.
  static TemplateButtonDef otp_zero_tap(std::vector<OtpApp> apps, std::string text = "Copy code") {
    auto b = make("OTP", std::move(text));
    b.otp_type = "ZERO_TAP";
    b.supported_apps = std::move(apps);
    b.zero_tap_terms_accepted = true;
    return b;
  }
  /// A button that opens a published Flow by id; `screen` is the first screen ("navigate").
  static TemplateButtonDef flow(std::string text, std::string flow_id,
                                std::optional<std::string> screen = std::nullopt) {
    auto b = make("FLOW", std::move(text));
    b.flow_id = std::move(flow_id);
    if (screen) {
      b.flow_action = "navigate";
      b.navigate_screen = std::move(screen);
    }
    return b;
  }

 private:
  static TemplateButtonDef make(const char* type, std::string text) {
    TemplateButtonDef b;
    b.type = type;
    b.text = std::move(text);
    return b;
  }
};

/// One component of a template definition: HEADER, BODY, FOOTER or BUTTONS.
struct TemplateComponentDef {
  std::string type;                   ///< "HEADER", "BODY", "FOOTER", "BUTTONS".
  std::optional<std::string> format;  ///< HEADER: "TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION".
  std::optional<std::string> text;    ///< May hold {{1}} or {{name}} placeholders.
  std::vector<TemplateButtonDef> buttons;
  std::optional<TemplateExample> example;           ///< Sample values (with_example()).
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
  /// A media header (`format` "IMAGE", "VIDEO" or "DOCUMENT") with its sample file's upload
  /// handle (Meta's Resumable Upload API).
  static TemplateComponentDef header_image(std::string handle) {
    return header_media("IMAGE", std::move(handle));
  }
  static TemplateComponentDef header_video(std::string handle) {
    return header_media("VIDEO", std::move(handle));
  }
  static TemplateComponentDef header_document(std::string handle) {
    return header_media("DOCUMENT", std::move(handle));
  }
  /// A location header: the location is given when the template is sent
  /// (TemplateParameter::location()).
  static TemplateComponentDef header_location() {
    TemplateComponentDef c;
    c.type = "HEADER";
    c.format = "LOCATION";
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
  /// An AUTHENTICATION template's body (Meta writes its text), with the security notice or not.
  static TemplateComponentDef authentication_body(bool add_security_recommendation) {
    TemplateComponentDef c;
    c.type = "BODY";
    c.add_security_recommendation = add_security_recommendation;
    return c;
  }
  /// An AUTHENTICATION template's footer: "This code expires in `minutes` minutes." (1 to 90).
  static TemplateComponentDef code_expiration_footer(int minutes) {
    TemplateComponentDef c;
    c.type = "FOOTER";
    c.code_expiration_minutes = minutes;
    return c;
  }
  /// Sets the sample values (TemplateExample::body(), header(), media(), ...) and returns *this.
  /// There is no overload taking nlohmann::json: see model/template_example.hpp for why, and
  /// with_raw_example() for keys not modelled.
  TemplateComponentDef& with_example(TemplateExample e) & {
    example = std::move(e);
    return *this;
  }
  TemplateComponentDef&& with_example(TemplateExample e) && { return std::move(with_example(std::move(e))); }
  /// Deleted: a JSON value (or a brace list taken for one) is what issue 14's bug came from.
  TemplateComponentDef& with_example(const nlohmann::json&) & = delete;
  TemplateComponentDef&& with_example(const nlohmann::json&) && = delete;
  /// Sets an example object sent as given (TemplateExample::raw()); validate(NewTemplate)
  /// still checks the shape of the keys it knows.
  TemplateComponentDef& with_raw_example(nlohmann::json e) & {
    return with_example(TemplateExample::raw(std::move(e)));
  }
  TemplateComponentDef&& with_raw_example(nlohmann::json e) && {
    return std::move(with_raw_example(std::move(e)));
  }

 private:
  static TemplateComponentDef header_media(const char* format, std::string handle) {
    TemplateComponentDef c;
    c.type = "HEADER";
    c.format = format;
    c.example = TemplateExample::media(std::move(handle));
    return c;
  }
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

namespace detail {
/// Checks one component of a definition (see validate(NewTemplate)); `at` is its field name.
WHATSAPP_DECL Result<void> check_component_def(const TemplateComponentDef& c, const std::string& at);
}  // namespace detail

/// Validates a template definition before it is sent: name, language and category set, a BODY
/// present; every example in a shape Meta takes (detail::check_example_json()); a text with
/// positional placeholders has as many sample values; a media header has its sample handle; a
/// URL button whose URL holds {{1}} has a sample URL, a copy-code button one sample code, a FLOW
/// button a flow. Errors: invalid_argument naming the field, e.g.
/// "components[1].example.body_text".
WHATSAPP_DECL Result<void> validate(const NewTemplate& t);

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/template.ipp"
#endif
