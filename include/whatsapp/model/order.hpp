#pragma once

/// @file model/order.hpp
/// The actions of the Payments API's two interactive messages: `order_details` (action
/// "review_and_pay": a bill the customer pays inside WhatsApp) and `order_status` (action
/// "review_order": the order's new state). Meta documents them in its Payments API guides
/// (India: "Receive payments via payment gateways" / "UPI"; Brazil: "Orders").
///
///     whatsapp::OrderDetailsAction bill;
///     bill.reference_id = "hl-order-1042";
///     bill.currency = "INR";
///     bill.payment_configuration = "harbor_lane_upi";
///     bill.total_amount = whatsapp::Amount::of(52000);                // 520.00
///     bill.order = whatsapp::Order::of({whatsapp::OrderItem::of("rye-800g", "Rye loaf", 26000, 2)});
///     auto m = whatsapp::Message::interactive(to, whatsapp::Interactive::order_details(
///         "Your order from Harbor Lane", std::move(bill)));
///
/// Amounts are integers: `value` in units of 1/`offset` of the currency (offset 100: cents or
/// paise), never floating point. validate() checks what Meta documents and refuses before the
/// request: the sums (subtotal = items, total = subtotal + tax + shipping - discount), the
/// reference id's characters, the statuses.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/result.hpp"

namespace whatsapp {

/// An amount of money: `value` / `offset` units of the currency (`{value: 21000, offset: 100}`
/// is 210.00). `description` is shown next to tax, shipping and discount lines.
struct Amount {
  std::int64_t value = 0;
  int offset = 100;  ///< 100 (two decimals) or 1000 (three), as Meta documents.
  std::optional<std::string> description{};

  /// `value` with offset 100 (two decimals).
  static Amount of(std::int64_t value, int offset = 100) {
    Amount a;
    a.value = value;
    a.offset = offset;
    return a;
  }
  /// Sets `description` and returns *this.
  Amount& with_description(std::string d) & {
    description = std::move(d);
    return *this;
  }
  Amount&& with_description(std::string d) && { return std::move(with_description(std::move(d))); }
};

/// One line of an order.
struct OrderItem {
  std::string retailer_id;  ///< The item's id (a catalog's content id when `catalog_id` is set).
  std::string name;         ///< Shown to the customer; up to 60 characters.
  Amount amount;            ///< Price of one item.
  std::int64_t quantity = 1;
  std::optional<Amount> sale_amount{};  ///< Discounted price of one item; then used in the subtotal.
  std::optional<std::string> country_of_origin{};
  std::optional<std::string> importer_name{};

  WHATSAPP_DECL static OrderItem of(std::string retailer_id, std::string name, std::int64_t unit_value,
                                    std::int64_t quantity = 1);
};

/// When an unpaid order can no longer be paid.
struct OrderExpiration {
  std::int64_t timestamp = 0;  ///< UTC seconds since the epoch.
  std::string description;     ///< Shown once it has expired; up to 120 characters.
};

/// The itemised order of an order_details message.
struct Order {
  std::string status = "pending";           ///< The only status an order_details order may have.
  std::optional<std::string> catalog_id{};  ///< Items are products of this catalog.
  std::optional<OrderExpiration> expiration{};
  std::vector<OrderItem> items{};
  Amount subtotal;  ///< Sum of (sale_amount or amount) x quantity.
  Amount tax;       ///< Required by Meta; value 0 for none.
  std::optional<Amount> shipping{};
  std::optional<Amount> discount{};
  std::optional<std::string> discount_program_name{};  ///< Written into `discount`.

  /// An order of `items` whose subtotal is computed from them, with tax 0 (offset 100).
  WHATSAPP_DECL static Order of(std::vector<OrderItem> items);
};

/// One way to pay (Meta's `payment_settings[]`): `{"type": type, <type>: details}`. Made by the
/// factories from typed values; raw() for a kind this library does not model.
struct PaymentSetting {
  std::string type;  ///< "payment_gateway", "pix_dynamic_code", "payment_link", "boleto", ...
  nlohmann::json details = nlohmann::json::object();

  /// India, payment gateway integration: `gateway` is "razorpay", "payu", "billdesk",
  /// "zaakpay", ...; `configuration_name` is the configuration set up in WhatsApp Manager.
  WHATSAPP_DECL static PaymentSetting payment_gateway(std::string gateway, std::string configuration_name);
  /// Brazil, Pix: the dynamic "copia e cola" code and who receives the money.
  WHATSAPP_DECL static PaymentSetting pix(std::string code, std::string merchant_name, std::string key,
                                          std::string key_type);
  /// Brazil, a payment link the customer opens.
  WHATSAPP_DECL static PaymentSetting payment_link(std::string uri);
  /// Brazil, a boleto by its digitable line.
  WHATSAPP_DECL static PaymentSetting boleto(std::string digitable_line);
  /// Any other kind, sent as `{"type": type, <type>: details}`.
  WHATSAPP_DECL static PaymentSetting raw(std::string type, nlohmann::json details);
};

/// What is sold: Meta's `type` of an order_details message.
enum class GoodsType { kDigital, kPhysical };

/// An order_details message's action ("review_and_pay").
struct OrderDetailsAction {
  std::string reference_id;  ///< Unique per order; letters, digits, '_', '-', '.'; up to 35.
  GoodsType type = GoodsType::kDigital;
  std::optional<std::string> payment_type{};           ///< "upi" (India), "br" (Brazil), ...
  std::optional<std::string> payment_configuration{};  ///< India UPI: the configuration's name.
  std::vector<PaymentSetting> payment_settings{};      ///< Payment gateway, Pix, link, boleto.
  std::string currency = "INR";                        ///< ISO 4217: "INR", "BRL", "SGD".
  Amount total_amount;
  std::optional<Order> order{};  ///< The itemised bill (Brazil: optional).
};

/// The statuses Meta documents for an order_status message.
inline constexpr const char* kOrderStatuses[] = {"pending",   "processing", "partially-shipped", "shipped",
                                                 "completed", "canceled",   "captured",          "failed"};

/// An order_status message's action ("review_order").
struct OrderStatusAction {
  std::string reference_id;                  ///< The reference_id of the order_details message.
  std::string status;                        ///< One of kOrderStatuses.
  std::optional<std::string> description{};  ///< Why (e.g. a cancellation); up to 120 characters.
};

// ---- JSON ----------------------------------------------------------------------------------

WHATSAPP_DECL void to_json(nlohmann::json& j, const Amount& a);

WHATSAPP_DECL void to_json(nlohmann::json& j, const OrderItem& i);

WHATSAPP_DECL void to_json(nlohmann::json& j, const Order& o);

WHATSAPP_DECL void to_json(nlohmann::json& j, const PaymentSetting& p);

/// `{"name": "review_and_pay", "parameters": {...}}`.
WHATSAPP_DECL void to_json(nlohmann::json& j, const OrderDetailsAction& a);

/// `{"name": "review_order", "parameters": {"reference_id", "order": {"status", ...}}}`.
WHATSAPP_DECL void to_json(nlohmann::json& j, const OrderStatusAction& a);

// ---- Validation ----------------------------------------------------------------------------

/// Checks an order_details action as Meta documents it; errors are invalid_argument naming the
/// field under `f` (e.g. "interactive.action.parameters.order.subtotal").
WHATSAPP_DECL Result<void> validate(const OrderDetailsAction& a, const std::string& f);

/// Checks an order_status action: reference id, a documented status, description length.
WHATSAPP_DECL Result<void> validate(const OrderStatusAction& a, const std::string& f);

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/order.ipp"
#endif
