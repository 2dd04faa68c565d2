// Definitions of the functions model/interactive.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

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
    return {{"button", a.button}, {"sections", a.sections}};
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
    return {{"catalog_id", a.catalog_id}, {"sections", a.sections}};
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
  j = nlohmann::json{{"rows", s.rows}};
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
