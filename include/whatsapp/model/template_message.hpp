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
  static TemplateParameter text(std::string v, std::optional<std::string> name = std::nullopt) {
    TemplateParameter p;
    p.value = std::move(v);
    p.parameter_name = std::move(name);
    return p;
  }
  static TemplateParameter named(std::string name, std::string value) {
    return text(std::move(value), std::move(name));
  }
  static TemplateParameter currency(Currency c) {
    TemplateParameter p;
    p.kind = Kind::kCurrency;
    p.currency_value = std::move(c);
    return p;
  }
  static TemplateParameter date_time(DateTime d) {
    TemplateParameter p;
    p.kind = Kind::kDateTime;
    p.date_time_value = std::move(d);
    return p;
  }
  static TemplateParameter image(Media m) { return media_param(Kind::kImage, std::move(m)); }
  static TemplateParameter video(Media m) { return media_param(Kind::kVideo, std::move(m)); }
  static TemplateParameter document(Media m, std::optional<std::string> filename = std::nullopt) {
    auto p = media_param(Kind::kDocument, std::move(m));
    p.filename = std::move(filename);
    return p;
  }
  static TemplateParameter location(Location l) {
    TemplateParameter p;
    p.kind = Kind::kLocation;
    p.location_value = std::move(l);
    return p;
  }
  /// The payload a quick-reply button sends back in its webhook.
  static TemplateParameter payload(std::string v) {
    TemplateParameter p;
    p.kind = Kind::kPayload;
    p.value = std::move(v);
    return p;
  }
  static TemplateParameter coupon_code(std::string code) {
    TemplateParameter p;
    p.kind = Kind::kCouponCode;
    p.value = std::move(code);
    return p;
  }
  /// An "action" parameter (flow and catalog buttons): `action` is sent as given.
  static TemplateParameter action(nlohmann::json action) {
    TemplateParameter p;
    p.kind = Kind::kAction;
    p.json = std::move(action);
    return p;
  }
  /// A parameter sent exactly as `parameter` (for shapes this library does not model).
  static TemplateParameter raw(nlohmann::json parameter) {
    TemplateParameter p;
    p.kind = Kind::kRaw;
    p.json = std::move(parameter);
    return p;
  }

 private:
  static TemplateParameter media_param(Kind k, Media m) {
    TemplateParameter p;
    p.kind = k;
    p.media = std::move(m);
    return p;
  }
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

  static TemplateComponent header(std::vector<TemplateParameter> p) { return make("header", std::move(p)); }
  static TemplateComponent body(std::vector<TemplateParameter> p) { return make("body", std::move(p)); }
  static TemplateComponent button(std::string sub_type, ButtonIndex index, std::vector<TemplateParameter> p) {
    auto c = make("button", std::move(p));
    c.sub_type = std::move(sub_type);
    c.index = std::move(index);
    return c;
  }
  static TemplateComponent quick_reply(ButtonIndex index, std::string payload) {
    return button("quick_reply", std::move(index), {TemplateParameter::payload(std::move(payload))});
  }
  /// A URL button whose URL ends in {{1}}: `suffix` replaces it.
  static TemplateComponent url_button(ButtonIndex index, std::string suffix) {
    return button("url", std::move(index), {TemplateParameter::text(std::move(suffix))});
  }
  static TemplateComponent copy_code(ButtonIndex index, std::string code) {
    return button("copy_code", std::move(index), {TemplateParameter::coupon_code(std::move(code))});
  }
  static TemplateComponent flow_button(ButtonIndex index, std::string flow_token,
                                       std::optional<nlohmann::json> flow_action_data = std::nullopt) {
    nlohmann::json action{{"flow_token", std::move(flow_token)}};
    if (flow_action_data) action["flow_action_data"] = std::move(*flow_action_data);
    return button("flow", std::move(index), {TemplateParameter::action(std::move(action))});
  }
  /// A multi-product button (sub_type "mpm"): the products in sections and the thumbnail's product.
  static TemplateComponent mpm_button(ButtonIndex index, std::string thumbnail_product_retailer_id,
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
  /// The offer's countdown of a limited-time-offer marketing template: when it ends, in
  /// milliseconds since the epoch (UTC).
  static TemplateComponent limited_time_offer(std::int64_t expiration_time_ms) {
    nlohmann::json offer = nlohmann::json::object();
    offer["expiration_time_ms"] = expiration_time_ms;
    nlohmann::json p = nlohmann::json::object();
    p["type"] = "limited_time_offer";
    p["limited_time_offer"] = std::move(offer);
    return make("limited_time_offer", {TemplateParameter::raw(std::move(p))});
  }
  static TemplateComponent catalog_button(ButtonIndex index, std::string thumbnail_product_retailer_id) {
    return button("CATALOG", std::move(index),
                  {TemplateParameter::action(
                      {{"thumbnail_product_retailer_id", std::move(thumbnail_product_retailer_id)}})});
  }

 private:
  static TemplateComponent make(const char* type, std::vector<TemplateParameter> p) {
    TemplateComponent c;
    c.type = type;
    c.parameters = std::move(p);
    return c;
  }
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

  TemplateMessage& with_header(std::vector<TemplateParameter> p) & {
    components.push_back(TemplateComponent::header(std::move(p)));
    return *this;
  }
  TemplateMessage&& with_header(std::vector<TemplateParameter> p) && {
    return std::move(with_header(std::move(p)));
  }
  TemplateMessage& with_body(std::vector<TemplateParameter> p) & {
    components.push_back(TemplateComponent::body(std::move(p)));
    return *this;
  }
  TemplateMessage&& with_body(std::vector<TemplateParameter> p) && {
    return std::move(with_body(std::move(p)));
  }
  TemplateMessage& with_button(TemplateComponent b) & {
    components.push_back(std::move(b));
    return *this;
  }
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

inline Result<void> validate(const TemplateMessage& t, const std::string& f = "template") {
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

namespace detail {

WHATSAPP_DECL Result<void> check_template_params(const TemplateMessage& t, const TemplateComponentDef* def,
                                                 const char* type, const Template& definition);

}  // namespace detail

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/template_message.ipp"
#endif
