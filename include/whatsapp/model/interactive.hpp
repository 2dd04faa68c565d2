#pragma once

/// @file model/interactive.hpp
/// Interactive messages: reply buttons, lists, call-to-action URL, flows, location requests,
/// single product, product list, catalog, and the Payments API's order details (review and pay)
/// and order status (model/order.hpp).
///
///     auto m = whatsapp::Message::interactive(to,
///         whatsapp::Interactive::buttons("Ready to book?", {{"yes", "Yes"}, {"no", "Not now"}})
///             .with_header(whatsapp::InteractiveHeader::text("Booking"))
///             .with_footer("Reply within 24 hours"));

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/model/media_message.hpp"
#include "whatsapp/model/order.hpp"

namespace whatsapp {

/// Limits Meta documents for interactive messages (counted in characters).
inline constexpr std::size_t kMaxReplyButtons = 3;
inline constexpr std::size_t kMaxButtonTitleChars = 20;
inline constexpr std::size_t kMaxButtonIdChars = 256;
inline constexpr std::size_t kMaxListSections = 10;
inline constexpr std::size_t kMaxListRows = 10;
inline constexpr std::size_t kMaxRowTitleChars = 24;
inline constexpr std::size_t kMaxRowDescriptionChars = 72;
inline constexpr std::size_t kMaxRowIdChars = 200;
inline constexpr std::size_t kMaxListButtonChars = 20;
inline constexpr std::size_t kMaxInteractiveBodyChars = 1024;
inline constexpr std::size_t kMaxHeaderTextChars = 60;
inline constexpr std::size_t kMaxFooterChars = 60;
inline constexpr std::size_t kMaxProductListSections = 10;
inline constexpr std::size_t kMaxProductListItems = 30;

/// The header of an interactive message: text or a media object.
struct InteractiveHeader {
  std::string type;        ///< "text", "image", "video" or "document"; empty: not sent.
  std::string text_value;  ///< The text of a "text" header: up to 60 characters.
  std::optional<Media> media{};
  std::optional<std::string> filename{};  ///< Document headers only.

  /// A text header.
  WHATSAPP_DECL static InteractiveHeader text(std::string s);
  WHATSAPP_DECL static InteractiveHeader image(Media m);
  WHATSAPP_DECL static InteractiveHeader video(Media m);
  WHATSAPP_DECL static InteractiveHeader document(Media m,
                                                  std::optional<std::string> filename = std::nullopt);

 private:
  WHATSAPP_DECL static InteractiveHeader with_media(const char* type, Media m);
};

/// A quick-reply button: the reply webhook carries its id.
struct ReplyButton {
  std::string id;     ///< Up to 256 characters, unique in the message.
  std::string title;  ///< Up to 20 characters.
};

struct ListRow {
  std::string id;                            ///< Up to 200 characters, unique in the message.
  std::string title;                         ///< Up to 24 characters.
  std::optional<std::string> description{};  ///< Up to 72 characters.
};

struct ListSection {
  std::optional<std::string> title{};  ///< Up to 24 characters; required with two or more sections.
  std::vector<ListRow> rows{};
};

struct ProductSection {
  std::string title;  ///< Up to 24 characters.
  std::vector<std::string> product_retailer_ids{};
};

/// Up to three reply buttons (type "button").
struct ButtonsAction {
  std::vector<ReplyButton> buttons{};
};
/// A list behind a button (type "list").
struct ListAction {
  std::string button;  ///< The button's text, up to 20 characters.
  std::vector<ListSection> sections{};
};
/// A button that opens a URL (type "cta_url").
struct CtaUrlAction {
  std::string display_text;  ///< Up to 20 characters.
  std::string url;
};
/// A WhatsApp Flow (type "flow"). Name the flow by `flow_id` or `flow_name`.
struct FlowAction {
  std::string flow_message_version = "3";
  std::string flow_token;  ///< Echoed in the flow's completion webhook.
  std::string flow_id;
  std::string flow_name;
  std::string flow_cta;                      ///< The button's text.
  std::optional<std::string> flow_action{};  ///< "navigate" (default) or "data_exchange".
  std::optional<std::string> screen{};       ///< First screen for "navigate".
  std::optional<nlohmann::json> data{};      ///< Initial data for the first screen.
  std::optional<std::string> mode{};         ///< "draft" to send an unpublished flow.
};
/// Asks the user to share their location (type "location_request_message").
struct LocationRequestAction {};
/// One product of a catalog (type "product").
struct ProductAction {
  std::string catalog_id;
  std::string product_retailer_id;
};
/// Several products in sections (type "product_list"); needs a header.
struct ProductListAction {
  std::string catalog_id;
  std::vector<ProductSection> sections{};
};
/// The business's catalog (type "catalog_message").
struct CatalogAction {
  std::optional<std::string> thumbnail_product_retailer_id{};
};

/// An interactive message's content.
struct Interactive {
  std::optional<InteractiveHeader> header{};
  std::optional<std::string> body{};    ///< Up to 1024 characters; required except for products.
  std::optional<std::string> footer{};  ///< Up to 60 characters.
  std::variant<ButtonsAction, ListAction, CtaUrlAction, FlowAction, LocationRequestAction, ProductAction,
               ProductListAction, CatalogAction, OrderDetailsAction, OrderStatusAction>
      action;

  WHATSAPP_DECL static Interactive buttons(std::string body, std::vector<ReplyButton> buttons);
  WHATSAPP_DECL static Interactive list(std::string body, std::string button,
                                        std::vector<ListSection> sections);
  WHATSAPP_DECL static Interactive cta_url(std::string body, std::string display_text, std::string url);
  WHATSAPP_DECL static Interactive flow(std::string body, FlowAction flow);
  WHATSAPP_DECL static Interactive location_request(std::string body);
  /// A single product; the body is optional for this type.
  WHATSAPP_DECL static Interactive product(std::string catalog_id, std::string product_retailer_id);
  /// A product list; Meta requires a text header (with_header()).
  WHATSAPP_DECL static Interactive product_list(std::string body, std::string catalog_id,
                                                std::vector<ProductSection> sections);
  WHATSAPP_DECL static Interactive catalog(
      std::string body, std::optional<std::string> thumbnail_product_retailer_id = std::nullopt);

  /// A bill the customer reviews and pays in WhatsApp (type "order_details", Payments API).
  WHATSAPP_DECL static Interactive order_details(std::string body, OrderDetailsAction order);
  /// The new state of an order sent with order_details (type "order_status").
  WHATSAPP_DECL static Interactive order_status(std::string body, OrderStatusAction status);

  WHATSAPP_DECL Interactive& with_header(InteractiveHeader h) &;
  Interactive&& with_header(InteractiveHeader h) && { return std::move(with_header(std::move(h))); }
  WHATSAPP_DECL Interactive& with_footer(std::string f) &;
  Interactive&& with_footer(std::string f) && { return std::move(with_footer(std::move(f))); }
  WHATSAPP_DECL Interactive& with_body(std::string b) &;
  Interactive&& with_body(std::string b) && { return std::move(with_body(std::move(b))); }

  /// The value of interactive.type: "button", "list", "cta_url", "flow", ...
  const char* type() const noexcept {
    switch (action.index()) {
      case 0: return "button";
      case 1: return "list";
      case 2: return "cta_url";
      case 3: return "flow";
      case 4: return "location_request_message";
      case 5: return "product";
      case 6: return "product_list";
      case 7: return "catalog_message";
      case 8: return "order_details";
      default: return "order_status";
    }
  }

 private:
  template <class A>
  static Interactive make(std::string body, A action) {
    Interactive i;
    i.body = std::move(body);
    i.action = std::move(action);
    return i;
  }
};

// ---- JSON ----------------------------------------------------------------------------------

WHATSAPP_DECL void to_json(nlohmann::json& j, const InteractiveHeader& h);

WHATSAPP_DECL void to_json(nlohmann::json& j, const ListRow& r);

WHATSAPP_DECL void to_json(nlohmann::json& j, const ListSection& s);

WHATSAPP_DECL void to_json(nlohmann::json& j, const ProductSection& s);

WHATSAPP_DECL void to_json(nlohmann::json& j, const Interactive& i);

// ---- Validation ----------------------------------------------------------------------------

namespace detail {

WHATSAPP_DECL Result<void> check_unique(std::set<std::string>& seen, const std::string& id,
                                        const std::string& field);

WHATSAPP_DECL Result<void> check_buttons(const ButtonsAction& a, const std::string& f);

WHATSAPP_DECL Result<void> check_list(const ListAction& a, const std::string& f);

}  // namespace detail

/// Checks the limits Meta documents; the error names the field, e.g. "interactive.action.buttons".
WHATSAPP_DECL Result<void> validate(const Interactive& i, const std::string& f = "interactive");

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/interactive.ipp"
#endif
