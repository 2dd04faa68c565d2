#pragma once

/// @file model/template_message.hpp
/// Template messages: a template by name and language, with parameters for its header, body and
/// buttons, positional ({{1}}) or named ({{first_name}}).
///
///     using whatsapp::TemplateParameter;
///     auto t = whatsapp::TemplateMessage("order_update", "en_US")
///                  .with_body({TemplateParameter::text("#1234"), TemplateParameter::text("Monday")})
///                  .with_button(whatsapp::TemplateComponent::quick_reply(0, "track"));

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/model/detail/validate.hpp"
#include "whatsapp/model/location.hpp"
#include "whatsapp/model/media_message.hpp"
#include "whatsapp/model/template.hpp"

namespace whatsapp {

/// A currency amount; `amount_1000` is the amount times 1000 (100990 for 100.99).
struct Currency {
  std::string fallback_value;  ///< Shown where the currency cannot be localised: "$100.99".
  std::string code;            ///< ISO 4217: "USD".
  std::int64_t amount_1000 = 0;
};

/// A date and time; Meta shows `fallback_value` (the other fields are kept for older clients).
struct DateTime {
  std::string fallback_value;
  std::optional<int> day_of_week{};  ///< 1 (Monday) to 7.
  std::optional<int> year{};
  std::optional<int> month{};
  std::optional<int> day_of_month{};
  std::optional<int> hour{};
  std::optional<int> minute{};
  std::optional<std::string> calendar{};  ///< "GREGORIAN".
};

/// One parameter of a template component.
struct TemplateParameter {
  enum class Kind {
    kText,
    kCurrency,
    kDateTime,
    kImage,
    kVideo,
    kDocument,
    kLocation,
    kPayload,
    kCouponCode,
    kAction,
    kRaw
  };
  Kind kind = Kind::kText;
  std::string value;                            ///< kText, kPayload, kCouponCode.
  std::optional<std::string> parameter_name{};  ///< For templates with named parameters.
  Currency currency_value;
  DateTime date_time_value;
  Media media;
  std::optional<std::string> filename{};  ///< kDocument.
  Location location_value;
  nlohmann::json json;  ///< kAction: the action object; kRaw: the whole parameter.

  /// A text parameter; `name` for templates with named parameters ({{first_name}}).
  WHATSAPP_DECL static TemplateParameter text(std::string v, std::optional<std::string> name = std::nullopt);
  WHATSAPP_DECL static TemplateParameter named(std::string name, std::string value);
  WHATSAPP_DECL static TemplateParameter currency(Currency c);
  WHATSAPP_DECL static TemplateParameter date_time(DateTime d);
  static TemplateParameter image(Media m) { return media_param(Kind::kImage, std::move(m)); }
  static TemplateParameter video(Media m) { return media_param(Kind::kVideo, std::move(m)); }
  WHATSAPP_DECL static TemplateParameter document(Media m,
                                                  std::optional<std::string> filename = std::nullopt);
  WHATSAPP_DECL static TemplateParameter location(Location l);
  /// The payload a quick-reply button sends back in its webhook.
  WHATSAPP_DECL static TemplateParameter payload(std::string v);
  WHATSAPP_DECL static TemplateParameter coupon_code(std::string code);
  /// An "action" parameter (flow and catalog buttons): `action` is sent as given.
  WHATSAPP_DECL static TemplateParameter action(nlohmann::json action);
  /// A parameter sent exactly as `parameter` (for shapes this library does not model).
  WHATSAPP_DECL static TemplateParameter raw(nlohmann::json parameter);

 private:
  WHATSAPP_DECL static TemplateParameter media_param(Kind k, Media m);
};

/// A section of a multi-product (mpm) template button.
struct TemplateProductSection {
  std::string title;  ///< Up to 24 characters.
  std::vector<std::string> product_retailer_ids{};
};

/// A button's position: Meta's examples send it as a number or as a string; it is sent as given.
using ButtonIndex = std::variant<int, std::string>;

/// One component of a template message: header, body or one button.
struct TemplateComponent {
  std::string type;  ///< "header", "body", "button".
  std::optional<std::string>
      sub_type{};                      ///< Buttons: "quick_reply", "url", "flow", "CATALOG", "copy_code", ...
  std::optional<ButtonIndex> index{};  ///< Buttons: 0 to 9.
  std::vector<TemplateParameter> parameters{};

  WHATSAPP_DECL static TemplateComponent header(std::vector<TemplateParameter> p);
  WHATSAPP_DECL static TemplateComponent body(std::vector<TemplateParameter> p);
  WHATSAPP_DECL static TemplateComponent button(std::string sub_type, ButtonIndex index,
                                                std::vector<TemplateParameter> p);
  WHATSAPP_DECL static TemplateComponent quick_reply(ButtonIndex index, std::string payload);
  /// A URL button whose URL ends in {{1}}: `suffix` replaces it.
  WHATSAPP_DECL static TemplateComponent url_button(ButtonIndex index, std::string suffix);
  WHATSAPP_DECL static TemplateComponent copy_code(ButtonIndex index, std::string code);
  WHATSAPP_DECL static TemplateComponent flow_button(
      ButtonIndex index, std::string flow_token,
      std::optional<nlohmann::json> flow_action_data = std::nullopt);
  /// A multi-product button (sub_type "mpm"): the products in sections and the thumbnail's product.
  WHATSAPP_DECL static TemplateComponent mpm_button(ButtonIndex index,
                                                    std::string thumbnail_product_retailer_id,
                                                    const std::vector<TemplateProductSection>& sections);
  /// The offer's countdown of a limited-time-offer marketing template: when it ends, in
  /// milliseconds since the epoch (UTC).
  WHATSAPP_DECL static TemplateComponent limited_time_offer(std::int64_t expiration_time_ms);
  WHATSAPP_DECL static TemplateComponent catalog_button(ButtonIndex index,
                                                        std::string thumbnail_product_retailer_id);

 private:
  WHATSAPP_DECL static TemplateComponent make(const char* type, std::vector<TemplateParameter> p);
};

/// The `template` object of a template message.
struct TemplateMessage {
  std::string name;
  std::string language = "en_US";                ///< language.code
  std::optional<std::string> language_policy{};  ///< language.policy ("deterministic").
  std::vector<TemplateComponent> components{};

  TemplateMessage() = default;
  TemplateMessage(std::string template_name, std::string language_code)
      : name(std::move(template_name)), language(std::move(language_code)) {}

  WHATSAPP_DECL TemplateMessage& with_header(std::vector<TemplateParameter> p) &;
  TemplateMessage&& with_header(std::vector<TemplateParameter> p) && {
    return std::move(with_header(std::move(p)));
  }
  WHATSAPP_DECL TemplateMessage& with_body(std::vector<TemplateParameter> p) &;
  TemplateMessage&& with_body(std::vector<TemplateParameter> p) && {
    return std::move(with_body(std::move(p)));
  }
  WHATSAPP_DECL TemplateMessage& with_button(TemplateComponent b) &;
  TemplateMessage&& with_button(TemplateComponent b) && { return std::move(with_button(std::move(b))); }

  /// The first component of `type` ("header", "body"), or nullptr.
  const TemplateComponent* component(std::string_view type) const noexcept {
    for (const auto& c : components) {
      if (c.type == type) return &c;
    }
    return nullptr;
  }

  /// Checks the parameters against the template's definition (from templates().get() or
  /// list()): as many header and body parameters as the texts have placeholders, the same
  /// names for named parameters, button indexes that exist. The error names the component,
  /// e.g. "template.components[body].parameters".
  Result<void> validate_against(const Template& definition) const;
};

// ---- JSON ----------------------------------------------------------------------------------

WHATSAPP_DECL void to_json(nlohmann::json& j, const TemplateParameter& p);

WHATSAPP_DECL void to_json(nlohmann::json& j, const TemplateComponent& c);

WHATSAPP_DECL void to_json(nlohmann::json& j, const TemplateMessage& t);

// ---- Validation ----------------------------------------------------------------------------

WHATSAPP_DECL Result<void> validate(const TemplateMessage& t, const std::string& f = "template");

namespace detail {

WHATSAPP_DECL Result<void> check_template_params(const TemplateMessage& t, const TemplateComponentDef* def,
                                                 const char* type, const Template& definition);

}  // namespace detail

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/template_message.ipp"
#endif
