// Definitions of the functions model/order.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <string_view>

#include "whatsapp/model/detail/json_array.hpp"
#include "whatsapp/model/media_message.hpp"
#include "whatsapp/model/order.hpp"

namespace whatsapp {

WHATSAPP_DECL void to_json(nlohmann::json& j, const Amount& a) {
  j = nlohmann::json{{"value", a.value}, {"offset", a.offset}};
  if (a.description) j["description"] = *a.description;
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const OrderItem& i) {
  j = nlohmann::json{
      {"retailer_id", i.retailer_id}, {"name", i.name}, {"amount", i.amount}, {"quantity", i.quantity}};
  if (i.sale_amount) j["sale_amount"] = *i.sale_amount;
  if (i.country_of_origin) j["country_of_origin"] = *i.country_of_origin;
  if (i.importer_name) j["importer_name"] = *i.importer_name;
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const Order& o) {
  j = nlohmann::json{
      {"status", o.status}, {"items", detail::json_array(o.items)}, {"subtotal", o.subtotal}, {"tax", o.tax}};
  if (o.catalog_id) j["catalog_id"] = *o.catalog_id;
  if (o.expiration) {
    j["expiration"] = {{"timestamp", std::to_string(o.expiration->timestamp)},
                       {"description", o.expiration->description}};
  }
  if (o.shipping) j["shipping"] = *o.shipping;
  if (o.discount) {
    nlohmann::json d = *o.discount;
    if (o.discount_program_name) d["discount_program_name"] = *o.discount_program_name;
    j["discount"] = std::move(d);
  }
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const PaymentSetting& p) {
  j = nlohmann::json{{"type", p.type}};
  j[p.type] = p.details;
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const OrderDetailsAction& a) {
  nlohmann::json p{{"reference_id", a.reference_id},
                   {"type", a.type == GoodsType::kPhysical ? "physical-goods" : "digital-goods"},
                   {"currency", a.currency},
                   {"total_amount", a.total_amount}};
  if (a.payment_type) p["payment_type"] = *a.payment_type;
  if (a.payment_configuration) p["payment_configuration"] = *a.payment_configuration;
  if (!a.payment_settings.empty()) p["payment_settings"] = detail::json_array(a.payment_settings);
  if (a.order) p["order"] = *a.order;
  j = nlohmann::json{{"name", "review_and_pay"}, {"parameters", std::move(p)}};
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const OrderStatusAction& a) {
  nlohmann::json order{{"status", a.status}};
  if (a.description) order["description"] = *a.description;
  j = nlohmann::json{{"name", "review_order"},
                     {"parameters", {{"reference_id", a.reference_id}, {"order", std::move(order)}}}};
}

}  // namespace whatsapp

namespace whatsapp::detail {

/// Meta: "case sensitive ... English letters, numbers, underscores, dashes, or dots, and should
/// not exceed 35 characters".
inline Result<void> check_reference_id(const std::string& id, const std::string& field) {
  if (id.empty()) return Error::invalid_argument(field, "must not be empty");
  if (id.size() > 35) {
    return Error::invalid_argument(field, "has " + std::to_string(id.size()) + " characters; at most 35");
  }
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '-' || c == '.';
    if (!ok) return Error::invalid_argument(field, "may hold only letters, digits, '_', '-' and '.'");
  }
  return {};
}

/// A value of at least 0 with offset 100 or 1000, the same offset as the total's.
inline Result<void> check_amount(const Amount& a, const std::string& field, int offset) {
  if (a.offset != 100 && a.offset != 1000) {
    return Error::invalid_argument(field + ".offset", "is " + std::to_string(a.offset) +
                                                          "; Meta takes 100 (two decimals) or 1000 (three)");
  }
  if (a.offset != offset) {
    return Error::invalid_argument(field + ".offset",
                                   "is " + std::to_string(a.offset) + " but total_amount.offset is " +
                                       std::to_string(offset) + "; use one offset in an order");
  }
  if (a.value < 0) return Error::invalid_argument(field + ".value", "must not be negative");
  if (a.description) {
    if (auto r = check_text(*a.description, field + ".description", 60); !r) return r;
  }
  return {};
}

/// The largest sum an order may reach: far beyond any bill, small enough that adding three of
/// them cannot overflow an int64.
inline constexpr std::int64_t kMaxOrderSum = std::int64_t{1} << 60;

inline Result<void> check_order(const Order& o, const std::string& f, const Amount& total,
                                const std::string& total_field) {
  if (o.status != "pending") {
    return Error::invalid_argument(f + ".status", "must be \"pending\" in an order_details message");
  }
  if (o.catalog_id && o.catalog_id->empty()) return Error::invalid_argument(f + ".catalog_id", "is empty");
  if (o.expiration) {
    if (o.expiration->timestamp <= 0) {
      return Error::invalid_argument(f + ".expiration.timestamp", "must be UTC seconds since the epoch");
    }
    if (auto r = check_text(o.expiration->description, f + ".expiration.description", 120); !r) return r;
  }
  if (o.items.empty()) return Error::invalid_argument(f + ".items", "needs at least one item");
  std::int64_t sum = 0;
  for (std::size_t k = 0; k < o.items.size(); ++k) {
    const auto& i = o.items[k];
    const std::string at = f + ".items[" + std::to_string(k) + "]";
    if (i.retailer_id.empty()) return Error::invalid_argument(at + ".retailer_id", "must not be empty");
    if (auto r = check_text(i.name, at + ".name", 60); !r) return r;
    if (i.quantity < 1) return Error::invalid_argument(at + ".quantity", "must be at least 1");
    if (auto r = check_amount(i.amount, at + ".amount", total.offset); !r) return r;
    if (i.sale_amount) {
      if (auto r = check_amount(*i.sale_amount, at + ".sale_amount", total.offset); !r) return r;
    }
    const std::int64_t unit = i.sale_amount ? i.sale_amount->value : i.amount.value;
    if (unit > kMaxOrderSum / i.quantity || sum > kMaxOrderSum - unit * i.quantity) {
      return Error::invalid_argument(at + ".quantity", "makes the order's sum too large to be an amount");
    }
    sum += unit * i.quantity;
  }
  if (auto r = check_amount(o.subtotal, f + ".subtotal", total.offset); !r) return r;
  if (auto r = check_amount(o.tax, f + ".tax", total.offset); !r) return r;
  if (o.shipping) {
    if (auto r = check_amount(*o.shipping, f + ".shipping", total.offset); !r) return r;
  }
  if (o.discount) {
    if (auto r = check_amount(*o.discount, f + ".discount", total.offset); !r) return r;
  }
  if (o.subtotal.value != sum) {
    return Error::invalid_argument(f + ".subtotal.value",
                                   "is " + std::to_string(o.subtotal.value) + " but the items add up to " +
                                       std::to_string(sum) + " (sale_amount, else amount, times quantity)");
  }
  // Every value is at least 0 here and the subtotal at most kMaxOrderSum: only tax and shipping
  // can push the sum past what an int64 holds.
  const std::int64_t shipping = o.shipping ? o.shipping->value : 0;
  if (o.tax.value > kMaxOrderSum || shipping > kMaxOrderSum) {
    return Error::invalid_argument(f + (o.tax.value > kMaxOrderSum ? ".tax.value" : ".shipping.value"),
                                   "is too large to be an amount");
  }
  const std::int64_t expected =
      o.subtotal.value + o.tax.value + shipping - (o.discount ? o.discount->value : 0);
  if (total.value != expected) {
    return Error::invalid_argument(total_field, "is " + std::to_string(total.value) +
                                                    " but subtotal + tax + shipping - discount is " +
                                                    std::to_string(expected));
  }
  return {};
}

}  // namespace whatsapp::detail

namespace whatsapp {

WHATSAPP_DECL Result<void> validate(const OrderDetailsAction& a, const std::string& f) {
  const std::string p = f + ".parameters";
  if (auto r = detail::check_reference_id(a.reference_id, p + ".reference_id"); !r) return r;
  bool currency = a.currency.size() == 3;
  for (const char c : a.currency) currency = currency && c >= 'A' && c <= 'Z';
  if (!currency) {
    return Error::invalid_argument(p + ".currency", "must be an ISO 4217 code in capitals, e.g. \"INR\"");
  }
  if (a.payment_settings.empty() && (!a.payment_configuration || a.payment_configuration->empty())) {
    return Error::invalid_argument(p + ".payment_settings",
                                   "give payment_settings or a payment_configuration: how the customer pays");
  }
  for (std::size_t k = 0; k < a.payment_settings.size(); ++k) {
    const auto& s = a.payment_settings[k];
    if (s.type.empty() || !s.details.is_object()) {
      return Error::invalid_argument(p + ".payment_settings[" + std::to_string(k) + "]",
                                     "needs a type and an object of details");
    }
  }
  const Amount& total = a.total_amount;
  if (auto r = detail::check_amount(total, p + ".total_amount", total.offset); !r) return r;
  if (total.value <= 0) return Error::invalid_argument(p + ".total_amount.value", "must be more than 0");
  if (a.order) return detail::check_order(*a.order, p + ".order", total, p + ".total_amount.value");
  return {};
}

WHATSAPP_DECL Result<void> validate(const OrderStatusAction& a, const std::string& f) {
  const std::string p = f + ".parameters";
  if (auto r = detail::check_reference_id(a.reference_id, p + ".reference_id"); !r) return r;
  bool known = false;
  for (const char* s : kOrderStatuses) known = known || a.status == s;
  if (!known) {
    return Error::invalid_argument(p + ".order.status",
                                   "\"" + a.status +
                                       "\" is not one of pending, processing, partially-shipped, shipped, "
                                       "completed, canceled, captured, failed");
  }
  if (a.description) {
    if (auto r = detail::check_text(*a.description, p + ".order.description", 120); !r) return r;
  }
  return {};
}

WHATSAPP_DECL OrderItem OrderItem::of(std::string retailer_id, std::string name, std::int64_t unit_value,
                                      std::int64_t quantity) {
  OrderItem i;
  i.retailer_id = std::move(retailer_id);
  i.name = std::move(name);
  i.amount = Amount::of(unit_value);
  i.quantity = quantity;
  return i;
}
WHATSAPP_DECL Order Order::of(std::vector<OrderItem> items) {
  Order o;
  std::uint64_t sum = 0;  // unsigned: absurd values wrap instead of overflowing; validate() names them
  for (const auto& i : items) {
    sum += static_cast<std::uint64_t>(i.sale_amount ? i.sale_amount->value : i.amount.value) *
           static_cast<std::uint64_t>(i.quantity);
  }
  o.subtotal.value = static_cast<std::int64_t>(sum);
  o.items = std::move(items);
  return o;
}
WHATSAPP_DECL PaymentSetting PaymentSetting::payment_gateway(std::string gateway,
                                                             std::string configuration_name) {
  nlohmann::json d = nlohmann::json::object();
  d["type"] = std::move(gateway);
  d["configuration_name"] = std::move(configuration_name);
  return {"payment_gateway", std::move(d)};
}
WHATSAPP_DECL PaymentSetting PaymentSetting::pix(std::string code, std::string merchant_name, std::string key,
                                                 std::string key_type) {
  nlohmann::json d = nlohmann::json::object();
  d["code"] = std::move(code);
  d["merchant_name"] = std::move(merchant_name);
  d["key"] = std::move(key);
  d["key_type"] = std::move(key_type);  // "CPF", "CNPJ", "EMAIL", "PHONE" or "EVP"
  return {"pix_dynamic_code", std::move(d)};
}
WHATSAPP_DECL PaymentSetting PaymentSetting::payment_link(std::string uri) {
  nlohmann::json d = nlohmann::json::object();
  d["uri"] = std::move(uri);
  return {"payment_link", std::move(d)};
}
WHATSAPP_DECL PaymentSetting PaymentSetting::boleto(std::string digitable_line) {
  nlohmann::json d = nlohmann::json::object();
  d["digitable_line"] = std::move(digitable_line);
  return {"boleto", std::move(d)};
}
WHATSAPP_DECL PaymentSetting PaymentSetting::raw(std::string type, nlohmann::json details) {
  return {std::move(type), std::move(details)};
}

}  // namespace whatsapp
