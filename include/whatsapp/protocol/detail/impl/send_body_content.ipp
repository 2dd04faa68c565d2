// append_json_string and the values of the content types the send-body writer writes directly
// (text, media, reaction, template, interactive), each object's keys in nlohmann's sorted order:
// part of the definitions of protocol/detail/send_body.hpp, included by send_body.ipp (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp). Every writer returns false
// when a string is not valid UTF-8, or for a shape it leaves to the general path.

#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_plain.hpp"
#include "whatsapp/detail/utf8.hpp"
#include "whatsapp/model/message.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL bool append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  bool ascii = true;
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = skip_json_plain(s, 0); i < s.size(); i = skip_json_plain(s, i + 1)) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {  // copied as it is, once the whole string is known to be valid UTF-8
      ascii = false;
      continue;
    }
    out.append(s.data() + run, i - run);
    run = i + 1;
    out.push_back('\\');
    switch (c) {
      case '"': out.push_back('"'); break;
      case '\\': out.push_back('\\'); break;
      case '\b': out.push_back('b'); break;
      case '\f': out.push_back('f'); break;
      case '\n': out.push_back('n'); break;
      case '\r': out.push_back('r'); break;
      case '\t': out.push_back('t'); break;
      default:
        out.append("u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0x0f]);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
  return ascii || utf8_length(s).has_value();
}

namespace send_body_impl {

// One JSON object written key by key, in the order the caller gives (nlohmann's sorted order).
// Every write returns false when a string is not valid UTF-8: the general path then writes the
// body, with nlohmann's replacement characters.
struct ObjectWriter {
  std::string& out;
  bool first = true;

  explicit ObjectWriter(std::string& o) : out(o) { out.push_back('{'); }
  void key(const char* k) {
    if (!first) out.push_back(',');
    first = false;
    out.push_back('"');
    out.append(k);
    out.append("\":");
  }
  bool escaped_key(std::string_view k) {
    if (!first) out.push_back(',');
    first = false;
    if (!append_json_string(out, k)) return false;
    out.push_back(':');
    return true;
  }
  bool string(const char* k, std::string_view v) {
    key(k);
    return append_json_string(out, v);
  }
  bool optional(const char* k, const std::optional<std::string>& v) { return !v || string(k, *v); }
  template <class Int>
  void number(const char* k, Int v) {
    key(k);
    out.append(std::to_string(v));
  }
  void optional_number(const char* k, const std::optional<int>& v) {
    if (v) number(k, *v);
  }
  void end() { out.push_back('}'); }
};

// A Media object ({"id"} or {"link"}) with the optional keys that sort before "id".
inline bool write_media(std::string& out, const Media& m, const std::optional<std::string>& caption,
                        const std::optional<std::string>& filename) {
  ObjectWriter o(out);
  if (!o.optional("caption", caption) || !o.optional("filename", filename)) return false;
  if (!m.media_id.empty() && !o.string("id", m.media_id)) return false;
  if (!m.url.empty() && !o.string("link", m.url)) return false;
  o.end();
  return true;
}

inline bool write_template_parameter(std::string& out, const TemplateParameter& p) {
  using K = TemplateParameter::Kind;
  ObjectWriter o(out);
  bool ok = true;
  switch (p.kind) {
    case K::kText:
      ok = o.optional("parameter_name", p.parameter_name) && o.string("text", p.value) &&
           o.string("type", "text");
      break;
    case K::kPayload:
      ok = o.optional("parameter_name", p.parameter_name) && o.string("payload", p.value) &&
           o.string("type", "payload");
      break;
    case K::kCouponCode:
      ok = o.string("coupon_code", p.value) && o.optional("parameter_name", p.parameter_name) &&
           o.string("type", "coupon_code");
      break;
    case K::kCurrency: {
      o.key("currency");
      ObjectWriter c(out);
      c.number("amount_1000", p.currency_value.amount_1000);
      ok = c.string("code", p.currency_value.code) &&
           c.string("fallback_value", p.currency_value.fallback_value);
      c.end();
      ok = ok && o.optional("parameter_name", p.parameter_name) && o.string("type", "currency");
      break;
    }
    case K::kDateTime: {
      const DateTime& d = p.date_time_value;
      o.key("date_time");
      ObjectWriter t(out);
      ok = t.optional("calendar", d.calendar);
      t.optional_number("day_of_month", d.day_of_month);
      t.optional_number("day_of_week", d.day_of_week);
      ok = ok && t.string("fallback_value", d.fallback_value);
      t.optional_number("hour", d.hour);
      t.optional_number("minute", d.minute);
      t.optional_number("month", d.month);
      t.optional_number("year", d.year);
      t.end();
      ok = ok && o.optional("parameter_name", p.parameter_name) && o.string("type", "date_time");
      break;
    }
    case K::kImage:
    case K::kDocument:
      o.key(p.kind == K::kImage ? "image" : "document");
      ok = write_media(out, p.media, std::nullopt, p.kind == K::kDocument ? p.filename : std::nullopt) &&
           o.optional("parameter_name", p.parameter_name) &&
           o.string("type", p.kind == K::kImage ? "image" : "document");
      break;
    case K::kVideo:
      ok = o.optional("parameter_name", p.parameter_name) && o.string("type", "video");
      o.key("video");
      ok = ok && write_media(out, p.media, std::nullopt, std::nullopt);
      break;
    default:  // location (nlohmann's number format), action and raw JSON: the general path
      return false;
  }
  o.end();
  return ok;
}

inline bool write_template(std::string& out, const TemplateMessage& t) {
  ObjectWriter o(out);
  if (!t.components.empty()) {
    o.key("components");
    out.push_back('[');
    for (std::size_t i = 0; i < t.components.size(); ++i) {
      const TemplateComponent& c = t.components[i];
      if (i > 0) out.push_back(',');
      ObjectWriter w(out);
      if (c.index) {
        if (const int* n = std::get_if<int>(&*c.index)) {
          w.number("index", *n);
        } else if (!w.string("index", std::get<std::string>(*c.index))) {
          return false;
        }
      }
      if (!c.parameters.empty()) {
        w.key("parameters");
        out.push_back('[');
        for (std::size_t k = 0; k < c.parameters.size(); ++k) {
          if (k > 0) out.push_back(',');
          if (!write_template_parameter(out, c.parameters[k])) return false;
        }
        out.push_back(']');
      }
      if (!w.optional("sub_type", c.sub_type) || !w.string("type", c.type)) return false;
      w.end();
    }
    out.push_back(']');
  }
  o.key("language");
  ObjectWriter l(out);
  if (!l.string("code", t.language) || !l.optional("policy", t.language_policy)) return false;
  l.end();
  if (!o.string("name", t.name)) return false;
  o.end();
  return true;
}

// {"text": value}, the shape of an interactive message's body and footer.
inline bool write_text_object(std::string& out, const std::string& value) {
  ObjectWriter o(out);
  if (!o.string("text", value)) return false;
  o.end();
  return true;
}

inline bool write_interactive_header(std::string& out, const InteractiveHeader& h) {
  ObjectWriter o(out);
  const bool typed = !h.type.empty();
  if (!h.media) {
    if (!o.string("text", h.text_value) || (typed && !o.string("type", h.type))) return false;
  } else {
    // The media goes under the header's type ("image" when none): a key of the caller's, so
    // escaped, and placed where nlohmann's sorted keys put it ("document", "image" before
    // "type"; "video" after). A type of "type" would be one key in a JSON tree: general path.
    const std::string key = typed ? h.type : std::string("image");
    if (key == "type") return false;
    const bool key_first = key < "type";
    if (!key_first && !o.string("type", h.type)) return false;
    if (!o.escaped_key(key) || !write_media(out, *h.media, std::nullopt, h.filename)) return false;
    if (key_first && typed && !o.string("type", h.type)) return false;
  }
  o.end();
  return true;
}

// The action of the interactive kinds written directly; false for flows (their data is a JSON
// tree) and orders (payment settings hold JSON trees): the general path.
inline bool write_interactive_action(std::string& out, const Interactive& i) {
  ObjectWriter o(out);
  bool ok = true;
  if (const auto* a = std::get_if<ButtonsAction>(&i.action)) {
    o.key("buttons");
    out.push_back('[');
    for (std::size_t k = 0; k < a->buttons.size() && ok; ++k) {
      if (k > 0) out.push_back(',');
      ObjectWriter b(out);
      b.key("reply");
      ObjectWriter r(out);
      ok = r.string("id", a->buttons[k].id) && r.string("title", a->buttons[k].title);
      r.end();
      ok = ok && b.string("type", "reply");
      b.end();
    }
    out.push_back(']');
  } else if (const auto* l = std::get_if<ListAction>(&i.action)) {
    ok = o.string("button", l->button);
    o.key("sections");
    out.push_back('[');
    for (std::size_t k = 0; k < l->sections.size() && ok; ++k) {
      if (k > 0) out.push_back(',');
      ObjectWriter s(out);
      s.key("rows");
      out.push_back('[');
      for (std::size_t n = 0; n < l->sections[k].rows.size() && ok; ++n) {
        const ListRow& row = l->sections[k].rows[n];
        if (n > 0) out.push_back(',');
        ObjectWriter w(out);
        ok = w.optional("description", row.description) && w.string("id", row.id) &&
             w.string("title", row.title);
        w.end();
      }
      out.push_back(']');
      ok = ok && s.optional("title", l->sections[k].title);
      s.end();
    }
    out.push_back(']');
  } else if (const auto* c = std::get_if<CtaUrlAction>(&i.action)) {
    ok = o.string("name", "cta_url");
    o.key("parameters");
    ObjectWriter p(out);
    ok = ok && p.string("display_text", c->display_text) && p.string("url", c->url);
    p.end();
  } else if (std::holds_alternative<LocationRequestAction>(i.action)) {
    ok = o.string("name", "send_location");
  } else if (const auto* pr = std::get_if<ProductAction>(&i.action)) {
    ok = o.string("catalog_id", pr->catalog_id) && o.string("product_retailer_id", pr->product_retailer_id);
  } else if (const auto* pl = std::get_if<ProductListAction>(&i.action)) {
    ok = o.string("catalog_id", pl->catalog_id);
    o.key("sections");
    out.push_back('[');
    for (std::size_t k = 0; k < pl->sections.size() && ok; ++k) {
      const ProductSection& section = pl->sections[k];
      if (k > 0) out.push_back(',');
      ObjectWriter s(out);
      s.key("product_items");
      out.push_back('[');
      for (std::size_t n = 0; n < section.product_retailer_ids.size() && ok; ++n) {
        if (n > 0) out.push_back(',');
        ObjectWriter item(out);
        ok = item.string("product_retailer_id", section.product_retailer_ids[n]);
        item.end();
      }
      out.push_back(']');
      ok = ok && s.string("title", section.title);
      s.end();
    }
    out.push_back(']');
  } else if (const auto* cat = std::get_if<CatalogAction>(&i.action)) {
    ok = o.string("name", "catalog_message");
    if (cat->thumbnail_product_retailer_id) {
      o.key("parameters");
      ObjectWriter p(out);
      ok = ok && p.string("thumbnail_product_retailer_id", *cat->thumbnail_product_retailer_id);
      p.end();
    }
  } else {
    return false;
  }
  o.end();
  return ok;
}

inline bool write_interactive(std::string& out, const Interactive& i) {
  ObjectWriter o(out);
  o.key("action");
  if (!write_interactive_action(out, i)) return false;
  if (i.body) {
    o.key("body");
    if (!write_text_object(out, *i.body)) return false;
  }
  if (i.footer) {
    o.key("footer");
    if (!write_text_object(out, *i.footer)) return false;
  }
  if (i.header) {
    o.key("header");
    if (!write_interactive_header(out, *i.header)) return false;
  }
  if (!o.string("type", i.type())) return false;
  o.end();
  return true;
}

// The value of the content key, for the content types written directly.
inline bool write_content(std::string& out, const MessageContent& content) {
  if (const auto* t = std::get_if<Text>(&content)) {
    ObjectWriter o(out);
    if (!o.string("body", t->body)) return false;
    o.key("preview_url");
    out.append(t->preview_url ? "true" : "false");
    o.end();
    return true;
  }
  if (const auto* v = std::get_if<Image>(&content)) return write_media(out, v->media, v->caption, {});
  if (const auto* v = std::get_if<Audio>(&content)) return write_media(out, v->media, {}, {});
  if (const auto* v = std::get_if<Video>(&content)) return write_media(out, v->media, v->caption, {});
  if (const auto* v = std::get_if<Document>(&content))
    return write_media(out, v->media, v->caption, v->filename);
  if (const auto* v = std::get_if<Sticker>(&content)) return write_media(out, v->media, {}, {});
  if (const auto* v = std::get_if<Interactive>(&content)) return write_interactive(out, *v);
  if (const auto* v = std::get_if<TemplateMessage>(&content)) return write_template(out, *v);
  if (const auto* r = std::get_if<Reaction>(&content)) {
    ObjectWriter o(out);
    if (!o.string("emoji", r->emoji) || !o.string("message_id", r->message_id)) return false;
    o.end();
    return true;
  }
  return false;  // location (nlohmann's number format) and contacts: the general path
}

}  // namespace send_body_impl

}  // namespace whatsapp::detail
