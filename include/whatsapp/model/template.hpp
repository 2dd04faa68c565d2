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
  WHATSAPP_DECL static TemplateButtonDef quick_reply(std::string text);
  /// A button that opens `url`. A URL ending in {{1}} needs `example_url`: the full URL with a
  /// sample suffix.
  WHATSAPP_DECL static TemplateButtonDef url_button(std::string text, std::string url,
                                                    std::optional<std::string> example_url = std::nullopt);
  /// A button that calls `phone_number` (international form, up to 20 characters).
  WHATSAPP_DECL static TemplateButtonDef call(std::string text, std::string phone_number);
  /// A marketing template's copy-code button (a coupon); `example_code` is a sample code.
  WHATSAPP_DECL static TemplateButtonDef copy_code(std::string example_code);
  /// An authentication template's copy-code button.
  WHATSAPP_DECL static TemplateButtonDef otp_copy_code(std::string text = "Copy code");
  /// An authentication template's one-tap autofill button for `apps`.
  WHATSAPP_DECL static TemplateButtonDef otp_one_tap(std::vector<OtpApp> apps, std::string text = "Copy code",
                                                     std::optional<std::string> autofill_text = std::nullopt);
  /// An authentication template's zero-tap button for `apps`; sending it says you accepted
  /// Meta's zero-tap terms.
  WHATSAPP_DECL static TemplateButtonDef otp_zero_tap(std::vector<OtpApp> apps,
                                                      std::string text = "Copy code");
  /// A button that opens a published Flow by id; `screen` is the first screen ("navigate").
  WHATSAPP_DECL static TemplateButtonDef flow(std::string text, std::string flow_id,
                                              std::optional<std::string> screen = std::nullopt);

 private:
  WHATSAPP_DECL static TemplateButtonDef make(const char* type, std::string text);
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

  WHATSAPP_DECL static TemplateComponentDef header_text(std::string text);
  /// A media header (`format` "IMAGE", "VIDEO" or "DOCUMENT") with its sample file's upload
  /// handle (Meta's Resumable Upload API).
  WHATSAPP_DECL static TemplateComponentDef header_image(std::string handle);
  WHATSAPP_DECL static TemplateComponentDef header_video(std::string handle);
  WHATSAPP_DECL static TemplateComponentDef header_document(std::string handle);
  /// A location header: the location is given when the template is sent
  /// (TemplateParameter::location()).
  WHATSAPP_DECL static TemplateComponentDef header_location();
  WHATSAPP_DECL static TemplateComponentDef body(std::string text);
  WHATSAPP_DECL static TemplateComponentDef footer(std::string text);
  WHATSAPP_DECL static TemplateComponentDef button_list(std::vector<TemplateButtonDef> buttons);
  /// An AUTHENTICATION template's body (Meta writes its text), with the security notice or not.
  WHATSAPP_DECL static TemplateComponentDef authentication_body(bool add_security_recommendation);
  /// An AUTHENTICATION template's footer: "This code expires in `minutes` minutes." (1 to 90).
  WHATSAPP_DECL static TemplateComponentDef code_expiration_footer(int minutes);
  /// Sets the sample values (TemplateExample::body(), header(), media(), ...) and returns *this.
  /// There is no overload taking nlohmann::json: see model/template_example.hpp for why, and
  /// with_raw_example() for keys not modelled.
  WHATSAPP_DECL TemplateComponentDef& with_example(TemplateExample e) &;
  TemplateComponentDef&& with_example(TemplateExample e) && { return std::move(with_example(std::move(e))); }
  /// Deleted: a JSON value (or a brace list taken for one) is what issue 14's bug came from.
  TemplateComponentDef& with_example(const nlohmann::json&) & = delete;
  TemplateComponentDef&& with_example(const nlohmann::json&) && = delete;
  /// Sets an example object sent as given (TemplateExample::raw()); validate(NewTemplate)
  /// still checks the shape of the keys it knows.
  WHATSAPP_DECL TemplateComponentDef& with_raw_example(nlohmann::json e) &;
  TemplateComponentDef&& with_raw_example(nlohmann::json e) && {
    return std::move(with_raw_example(std::move(e)));
  }

 private:
  WHATSAPP_DECL static TemplateComponentDef header_media(const char* format, std::string handle);
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
  WHATSAPP_DECL const TemplateComponentDef* component(std::string_view type) const noexcept;
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
#include "whatsapp/model/impl/template_builders.ipp"
#endif
