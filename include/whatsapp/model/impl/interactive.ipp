// Definitions of the functions model/interactive.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/model/detail/json_array.hpp"
#include "whatsapp/model/interactive.hpp"

namespace whatsapp::detail {

/// The JSON of an interactive message's action, one overload per kind.
struct InteractiveActionJson {
  nlohmann::json operator()(const ButtonsAction& a) const {
    nlohmann::json buttons = nlohmann::json::array();
    for (const auto& b : a.buttons) {
      buttons.push_back({{"type", "reply"}, {"reply", {{"id", b.id}, {"title", b.title}}}});
    }
    return {{"buttons", std::move(buttons)}};
  }
  nlohmann::json operator()(const ListAction& a) const {
    return {{"button", a.button}, {"sections", detail::json_array(a.sections)}};
  }
  nlohmann::json operator()(const CtaUrlAction& a) const {
    return {{"name", "cta_url"}, {"parameters", {{"display_text", a.display_text}, {"url", a.url}}}};
  }
  nlohmann::json operator()(const FlowAction& a) const {
    nlohmann::json p{{"flow_message_version", a.flow_message_version},
                     {"flow_token", a.flow_token},
                     {"flow_cta", a.flow_cta}};
    if (!a.flow_id.empty()) p["flow_id"] = a.flow_id;
    if (!a.flow_name.empty()) p["flow_name"] = a.flow_name;
    if (a.mode) p["mode"] = *a.mode;
    if (a.flow_action) p["flow_action"] = *a.flow_action;
    if (a.screen || a.data) {
      nlohmann::json payload = nlohmann::json::object();
      if (a.screen) payload["screen"] = *a.screen;
      if (a.data) payload["data"] = *a.data;
      p["flow_action_payload"] = std::move(payload);
    }
    return {{"name", "flow"}, {"parameters", std::move(p)}};
  }
  nlohmann::json operator()(const LocationRequestAction&) const { return {{"name", "send_location"}}; }
  nlohmann::json operator()(const ProductAction& a) const {
    return {{"catalog_id", a.catalog_id}, {"product_retailer_id", a.product_retailer_id}};
  }
  nlohmann::json operator()(const ProductListAction& a) const {
    return {{"catalog_id", a.catalog_id}, {"sections", detail::json_array(a.sections)}};
  }
  nlohmann::json operator()(const CatalogAction& a) const {
    nlohmann::json j{{"name", "catalog_message"}};
    if (a.thumbnail_product_retailer_id) {
      j["parameters"] = {{"thumbnail_product_retailer_id", *a.thumbnail_product_retailer_id}};
    }
    return j;
  }
  nlohmann::json operator()(const OrderDetailsAction& a) const { return a; }
  nlohmann::json operator()(const OrderStatusAction& a) const { return a; }
};

}  // namespace whatsapp::detail

namespace whatsapp {

WHATSAPP_DECL void to_json(nlohmann::json& j, const InteractiveHeader& h) {
  j = nlohmann::json::object();
  if (!h.type.empty()) j["type"] = h.type;
  if (h.media) {
    nlohmann::json m = *h.media;
    if (h.filename) m["filename"] = *h.filename;
    j[h.type.empty() ? std::string("image") : h.type] = std::move(m);
  } else {
    j["text"] = h.text_value;
  }
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const ListRow& r) {
  j = nlohmann::json{{"id", r.id}, {"title", r.title}};
  if (r.description) j["description"] = *r.description;
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const ListSection& s) {
  j = nlohmann::json{{"rows", detail::json_array(s.rows)}};
  if (s.title) j["title"] = *s.title;
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const ProductSection& s) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& id : s.product_retailer_ids) items.push_back({{"product_retailer_id", id}});
  j = nlohmann::json{{"title", s.title}, {"product_items", std::move(items)}};
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const Interactive& i) {
  j = nlohmann::json{{"type", i.type()}};
  if (i.header) j["header"] = *i.header;
  if (i.body) j["body"] = {{"text", *i.body}};
  if (i.footer) j["footer"] = {{"text", *i.footer}};
  j["action"] = std::visit(detail::InteractiveActionJson{}, i.action);
}

}  // namespace whatsapp

namespace whatsapp::detail {

WHATSAPP_DECL Result<void> check_unique(std::set<std::string>& seen, const std::string& id,
                                        const std::string& field) {
  if (!seen.insert(id).second) return Error::invalid_argument(field, "\"" + id + "\" is used twice");
  return {};
}

WHATSAPP_DECL Result<void> check_buttons(const ButtonsAction& a, const std::string& f) {
  const std::string field = f + ".action.buttons";
  if (a.buttons.empty()) return Error::invalid_argument(field, "needs at least one button");
  if (a.buttons.size() > kMaxReplyButtons) {
    return Error::invalid_argument(
        field, "has " + std::to_string(a.buttons.size()) + " buttons; at most 3 are allowed");
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < a.buttons.size(); ++i) {
    const std::string at = field + "[" + std::to_string(i) + "]";
    if (auto r = check_text(a.buttons[i].id, at + ".id", kMaxButtonIdChars); !r) return r;
    if (auto r = check_text(a.buttons[i].title, at + ".title", kMaxButtonTitleChars); !r) return r;
    if (auto r = check_unique(ids, a.buttons[i].id, at + ".id"); !r) return r;
  }
  return {};
}

WHATSAPP_DECL Result<void> check_list(const ListAction& a, const std::string& f) {
  if (auto r = check_text(a.button, f + ".action.button", kMaxListButtonChars); !r) return r;
  const std::string field = f + ".action.sections";
  if (a.sections.empty()) return Error::invalid_argument(field, "needs at least one section");
  if (a.sections.size() > kMaxListSections) {
    return Error::invalid_argument(
        field, "has " + std::to_string(a.sections.size()) + " sections; at most 10 are allowed");
  }
  std::size_t rows = 0;
  std::set<std::string> ids;
  for (std::size_t s = 0; s < a.sections.size(); ++s) {
    const auto& sec = a.sections[s];
    const std::string at = field + "[" + std::to_string(s) + "]";
    if (sec.title) {
      if (auto r = check_text(*sec.title, at + ".title", kMaxRowTitleChars); !r) return r;
    } else if (a.sections.size() > 1) {
      return Error::invalid_argument(at + ".title", "is required when there are several sections");
    }
    if (sec.rows.empty()) return Error::invalid_argument(at + ".rows", "needs at least one row");
    rows += sec.rows.size();
    for (std::size_t i = 0; i < sec.rows.size(); ++i) {
      const auto& row = sec.rows[i];
      const std::string rf = at + ".rows[" + std::to_string(i) + "]";
      if (auto r = check_text(row.id, rf + ".id", kMaxRowIdChars); !r) return r;
      if (auto r = check_text(row.title, rf + ".title", kMaxRowTitleChars); !r) return r;
      if (row.description) {
        if (auto r = check_text(*row.description, rf + ".description", kMaxRowDescriptionChars); !r) return r;
      }
      if (auto r = check_unique(ids, row.id, rf + ".id"); !r) return r;
    }
  }
  if (rows > kMaxListRows) {
    return Error::invalid_argument(field,
                                   "has " + std::to_string(rows) + " rows in total; at most 10 are allowed");
  }
  return {};
}

}  // namespace whatsapp::detail

namespace whatsapp {

WHATSAPP_DECL InteractiveHeader InteractiveHeader::text(std::string s) {
  InteractiveHeader h;
  h.type = "text";
  h.text_value = std::move(s);
  return h;
}
WHATSAPP_DECL InteractiveHeader InteractiveHeader::image(Media m) {
  return with_media("image", std::move(m));
}
WHATSAPP_DECL InteractiveHeader InteractiveHeader::video(Media m) {
  return with_media("video", std::move(m));
}
WHATSAPP_DECL InteractiveHeader InteractiveHeader::document(Media m, std::optional<std::string> filename) {
  auto h = with_media("document", std::move(m));
  h.filename = std::move(filename);
  return h;
}
WHATSAPP_DECL InteractiveHeader InteractiveHeader::with_media(const char* type, Media m) {
  InteractiveHeader h;
  h.type = type;
  h.media = std::move(m);
  return h;
}
WHATSAPP_DECL Interactive Interactive::buttons(std::string body, std::vector<ReplyButton> buttons) {
  return make(std::move(body), ButtonsAction{std::move(buttons)});
}
WHATSAPP_DECL Interactive Interactive::list(std::string body, std::string button,
                                            std::vector<ListSection> sections) {
  return make(std::move(body), ListAction{std::move(button), std::move(sections)});
}
WHATSAPP_DECL Interactive Interactive::cta_url(std::string body, std::string display_text, std::string url) {
  return make(std::move(body), CtaUrlAction{std::move(display_text), std::move(url)});
}
WHATSAPP_DECL Interactive Interactive::flow(std::string body, FlowAction flow) {
  return make(std::move(body), std::move(flow));
}
WHATSAPP_DECL Interactive Interactive::location_request(std::string body) {
  return make(std::move(body), LocationRequestAction{});
}
WHATSAPP_DECL Interactive Interactive::product(std::string catalog_id, std::string product_retailer_id) {
  Interactive i;
  i.action = ProductAction{std::move(catalog_id), std::move(product_retailer_id)};
  return i;
}
WHATSAPP_DECL Interactive Interactive::product_list(std::string body, std::string catalog_id,
                                                    std::vector<ProductSection> sections) {
  return make(std::move(body), ProductListAction{std::move(catalog_id), std::move(sections)});
}
WHATSAPP_DECL Interactive Interactive::catalog(std::string body,
                                               std::optional<std::string> thumbnail_product_retailer_id) {
  return make(std::move(body), CatalogAction{std::move(thumbnail_product_retailer_id)});
}
WHATSAPP_DECL Interactive Interactive::order_details(std::string body, OrderDetailsAction order) {
  return make(std::move(body), std::move(order));
}
WHATSAPP_DECL Interactive Interactive::order_status(std::string body, OrderStatusAction status) {
  return make(std::move(body), std::move(status));
}
WHATSAPP_DECL Interactive& Interactive::with_header(InteractiveHeader h) & {
  header = std::move(h);
  return *this;
}
WHATSAPP_DECL Interactive& Interactive::with_footer(std::string f) & {
  footer = std::move(f);
  return *this;
}
WHATSAPP_DECL Interactive& Interactive::with_body(std::string b) & {
  body = std::move(b);
  return *this;
}
WHATSAPP_DECL Result<void> validate(const Interactive& i, const std::string& f) {
  const bool body_optional = std::holds_alternative<ProductAction>(i.action);
  if (i.body) {
    if (auto r = detail::check_text(*i.body, f + ".body.text", kMaxInteractiveBodyChars); !r) return r;
  } else if (!body_optional) {
    return Error::invalid_argument(f + ".body.text", "is required");
  }
  if (i.footer) {
    if (auto r = detail::check_text(*i.footer, f + ".footer.text", kMaxFooterChars); !r) return r;
  }
  if (i.header) {
    const auto& h = *i.header;
    if (h.media) {
      if (auto r = detail::check_media(*h.media, f + ".header." + h.type); !r) return r;
    } else if (auto r = detail::check_text(h.text_value, f + ".header.text", kMaxHeaderTextChars); !r) {
      return r;
    }
  }
  if (const auto* a = std::get_if<ButtonsAction>(&i.action)) return detail::check_buttons(*a, f);
  if (const auto* a = std::get_if<OrderDetailsAction>(&i.action)) return validate(*a, f + ".action");
  if (const auto* a = std::get_if<OrderStatusAction>(&i.action)) return validate(*a, f + ".action");
  if (const auto* a = std::get_if<ListAction>(&i.action)) return detail::check_list(*a, f);
  if (const auto* a = std::get_if<CtaUrlAction>(&i.action)) {
    if (auto r =
            detail::check_text(a->display_text, f + ".action.parameters.display_text", kMaxButtonTitleChars);
        !r) {
      return r;
    }
    if (auto r = detail::check_text(a->url, f + ".action.parameters.url", 2000); !r) return r;
    return detail::check_link(a->url, f + ".action.parameters.url");
  }
  if (const auto* a = std::get_if<FlowAction>(&i.action)) {
    const std::string p = f + ".action.parameters";
    if (a->flow_id.empty() == a->flow_name.empty()) {
      return Error::invalid_argument(p + ".flow_id", "give exactly one of flow_id and flow_name");
    }
    if (a->flow_token.empty()) return Error::invalid_argument(p + ".flow_token", "must not be empty");
    return detail::check_text(a->flow_cta, p + ".flow_cta", 30);
  }
  if (const auto* a = std::get_if<ProductAction>(&i.action)) {
    if (a->catalog_id.empty()) return Error::invalid_argument(f + ".action.catalog_id", "must not be empty");
    if (a->product_retailer_id.empty()) {
      return Error::invalid_argument(f + ".action.product_retailer_id", "must not be empty");
    }
  }
  if (const auto* a = std::get_if<ProductListAction>(&i.action)) {
    if (!i.header) return Error::invalid_argument(f + ".header", "is required for a product list");
    if (a->catalog_id.empty()) return Error::invalid_argument(f + ".action.catalog_id", "must not be empty");
    const std::string field = f + ".action.sections";
    if (a->sections.empty() || a->sections.size() > kMaxProductListSections) {
      return Error::invalid_argument(field, "needs 1 to 10 sections");
    }
    std::size_t items = 0;
    for (std::size_t s = 0; s < a->sections.size(); ++s) {
      if (auto r = detail::check_text(a->sections[s].title, field + "[" + std::to_string(s) + "].title",
                                      kMaxRowTitleChars);
          !r) {
        return r;
      }
      items += a->sections[s].product_retailer_ids.size();
    }
    if (items == 0 || items > kMaxProductListItems) {
      return Error::invalid_argument(
          field, "has " + std::to_string(items) + " products in total; 1 to 30 are allowed");
    }
  }
  return {};
}

}  // namespace whatsapp
