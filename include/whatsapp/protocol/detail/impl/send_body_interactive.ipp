// The send-body writer's interactive messages: header, body, footer and the action of every
// interactive kind (buttons, list, CTA URL, flow, location request, product, product list,
// catalog, order details, order status), each object's keys in nlohmann's sorted order: part of
// the definitions of protocol/detail/send_body.hpp, included by send_body.ipp (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <string>
#include <variant>

#include "whatsapp/model/interactive.hpp"
#include "whatsapp/model/order.hpp"
#include "whatsapp/protocol/detail/impl/send_body_writer.ipp"

namespace whatsapp::detail::send_body_impl {

// {"text": value}, the shape of an interactive message's body and footer.
inline void write_text_object(std::string& out, const std::string& value) {
  ObjectWriter o(out);
  o.string("text", value);
  o.end();
}

inline void write_interactive_header(std::string& out, const InteractiveHeader& h) {
  ObjectWriter o(out);
  const bool typed = !h.type.empty();
  if (!h.media) {
    o.string("text", h.text_value);
    if (typed) o.string("type", h.type);
  } else {
    // The media goes under the header's type ("image" when none): a key of the caller's, so
    // escaped, and placed where nlohmann's sorted keys put it ("document", "image" before
    // "type"; "video" after). A type of "type" is one key, which the media replaces.
    const std::string key = typed ? h.type : std::string("image");
    if (key == "type") {
      o.key("type");
      write_media(out, *h.media, std::nullopt, h.filename);
    } else {
      const bool key_first = key < "type";
      if (!key_first) o.string("type", h.type);
      o.escaped_key(key);
      write_media(out, *h.media, std::nullopt, h.filename);
      if (key_first && typed) o.string("type", h.type);
    }
  }
  o.end();
}

inline void write_flow_parameters(std::string& out, const FlowAction& a) {
  ObjectWriter p(out);
  p.optional("flow_action", a.flow_action);
  if (a.screen || a.data) {
    p.key("flow_action_payload");
    ObjectWriter payload(out);
    if (a.data) payload.tree("data", *a.data);
    payload.optional("screen", a.screen);
    payload.end();
  }
  p.string("flow_cta", a.flow_cta);
  if (!a.flow_id.empty()) p.string("flow_id", a.flow_id);
  p.string("flow_message_version", a.flow_message_version);
  if (!a.flow_name.empty()) p.string("flow_name", a.flow_name);
  p.string("flow_token", a.flow_token);
  p.optional("mode", a.mode);
  p.end();
}

// {"type": type, <type>: details}: the type is also a key of the caller's ("type" itself: one
// key, which the details replace).
inline void write_payment_setting(std::string& out, const PaymentSetting& s) {
  ObjectWriter o(out);
  if (s.type == "type") {
    o.tree("type", s.details);
  } else {
    const bool key_first = s.type < "type";
    if (!key_first) o.string("type", s.type);
    o.escaped_key(s.type);
    append_json_tree(out, s.details);
    if (key_first) o.string("type", s.type);
  }
  o.end();
}

inline void write_order_item(std::string& out, const OrderItem& i) {
  ObjectWriter o(out);
  o.key("amount");
  write_amount(out, i.amount);
  o.optional("country_of_origin", i.country_of_origin);
  o.optional("importer_name", i.importer_name);
  o.string("name", i.name);
  o.number("quantity", i.quantity);
  o.string("retailer_id", i.retailer_id);
  if (i.sale_amount) {
    o.key("sale_amount");
    write_amount(out, *i.sale_amount);
  }
  o.end();
}

inline void write_order(std::string& out, const Order& order) {
  ObjectWriter o(out);
  o.optional("catalog_id", order.catalog_id);
  if (order.discount) {
    o.key("discount");
    write_amount(out, *order.discount, order.discount_program_name);
  }
  if (order.expiration) {
    o.key("expiration");
    ObjectWriter e(out);
    e.string("description", order.expiration->description);
    e.string("timestamp", std::to_string(order.expiration->timestamp));
    e.end();
  }
  o.array("items", order.items, [&](const OrderItem& item) { write_order_item(out, item); });
  if (order.shipping) {
    o.key("shipping");
    write_amount(out, *order.shipping);
  }
  o.string("status", order.status);
  o.key("subtotal");
  write_amount(out, order.subtotal);
  o.key("tax");
  write_amount(out, order.tax);
  o.end();
}

inline void write_order_details_parameters(std::string& out, const OrderDetailsAction& a) {
  ObjectWriter p(out);
  p.string("currency", a.currency);
  if (a.order) {
    p.key("order");
    write_order(out, *a.order);
  }
  p.optional("payment_configuration", a.payment_configuration);
  if (!a.payment_settings.empty()) {
    p.array("payment_settings", a.payment_settings,
            [&](const PaymentSetting& s) { write_payment_setting(out, s); });
  }
  p.optional("payment_type", a.payment_type);
  p.string("reference_id", a.reference_id);
  p.key("total_amount");
  write_amount(out, a.total_amount);
  p.string("type", a.type == GoodsType::kPhysical ? "physical-goods" : "digital-goods");
  p.end();
}

inline void write_order_status_parameters(std::string& out, const OrderStatusAction& a) {
  ObjectWriter p(out);
  p.key("order");
  ObjectWriter order(out);
  order.optional("description", a.description);
  order.string("status", a.status);
  order.end();
  p.string("reference_id", a.reference_id);
  p.end();
}

inline void write_list_action(ObjectWriter& o, const ListAction& l) {
  std::string& out = o.out;
  o.string("button", l.button);
  o.array("sections", l.sections, [&](const ListSection& section) {
    ObjectWriter s(out);
    s.array("rows", section.rows, [&](const ListRow& row) {
      ObjectWriter w(out);
      w.optional("description", row.description);
      w.string("id", row.id);
      w.string("title", row.title);
      w.end();
    });
    s.optional("title", section.title);
    s.end();
  });
}

inline void write_product_list_action(ObjectWriter& o, const ProductListAction& pl) {
  std::string& out = o.out;
  o.string("catalog_id", pl.catalog_id);
  o.array("sections", pl.sections, [&](const ProductSection& section) {
    ObjectWriter s(out);
    s.array("product_items", section.product_retailer_ids, [&](const std::string& id) {
      ObjectWriter item(out);
      item.string("product_retailer_id", id);
      item.end();
    });
    s.string("title", section.title);
    s.end();
  });
}

inline void write_interactive_action(std::string& out, const Interactive& i) {
  ObjectWriter o(out);
  if (const auto* a = std::get_if<ButtonsAction>(&i.action)) {
    o.array("buttons", a->buttons, [&](const ReplyButton& button) {
      ObjectWriter b(out);
      b.key("reply");
      ObjectWriter r(out);
      r.string("id", button.id);
      r.string("title", button.title);
      r.end();
      b.string("type", "reply");
      b.end();
    });
  } else if (const auto* l = std::get_if<ListAction>(&i.action)) {
    write_list_action(o, *l);
  } else if (const auto* c = std::get_if<CtaUrlAction>(&i.action)) {
    o.string("name", "cta_url");
    o.key("parameters");
    ObjectWriter p(out);
    p.string("display_text", c->display_text);
    p.string("url", c->url);
    p.end();
  } else if (const auto* f = std::get_if<FlowAction>(&i.action)) {
    o.string("name", "flow");
    o.key("parameters");
    write_flow_parameters(out, *f);
  } else if (std::holds_alternative<LocationRequestAction>(i.action)) {
    o.string("name", "send_location");
  } else if (const auto* pr = std::get_if<ProductAction>(&i.action)) {
    o.string("catalog_id", pr->catalog_id);
    o.string("product_retailer_id", pr->product_retailer_id);
  } else if (const auto* pl = std::get_if<ProductListAction>(&i.action)) {
    write_product_list_action(o, *pl);
  } else if (const auto* cat = std::get_if<CatalogAction>(&i.action)) {
    o.string("name", "catalog_message");
    if (cat->thumbnail_product_retailer_id) {
      o.key("parameters");
      ObjectWriter p(out);
      p.string("thumbnail_product_retailer_id", *cat->thumbnail_product_retailer_id);
      p.end();
    }
  } else if (const auto* od = std::get_if<OrderDetailsAction>(&i.action)) {
    o.string("name", "review_and_pay");
    o.key("parameters");
    write_order_details_parameters(out, *od);
  } else if (const auto* os = std::get_if<OrderStatusAction>(&i.action)) {
    o.string("name", "review_order");
    o.key("parameters");
    write_order_status_parameters(out, *os);
  }
  o.end();
}

inline void write_interactive(std::string& out, const Interactive& i) {
  static_assert(std::variant_size_v<decltype(i.action)> == 10, "a new action: see write_interactive_action");
  ObjectWriter o(out);
  o.key("action");
  write_interactive_action(out, i);
  if (i.body) {
    o.key("body");
    write_text_object(out, *i.body);
  }
  if (i.footer) {
    o.key("footer");
    write_text_object(out, *i.footer);
  }
  if (i.header) {
    o.key("header");
    write_interactive_header(out, *i.header);
  }
  o.string("type", i.type());
  o.end();
}

}  // namespace whatsapp::detail::send_body_impl
