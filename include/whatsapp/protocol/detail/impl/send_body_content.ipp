// The send-body writer's content values: text, media, location, contacts, interactive
// (send_body_interactive.ipp), template and reaction, each object's keys in nlohmann's sorted
// order: part of the definitions of protocol/detail/send_body.hpp, included by send_body.ipp
// (header-only), or compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <optional>
#include <string>
#include <variant>

#include "whatsapp/model/message.hpp"
#include "whatsapp/protocol/detail/impl/send_body_interactive.ipp"
#include "whatsapp/protocol/detail/impl/send_body_writer.ipp"

namespace whatsapp::detail::send_body_impl {

inline void write_template_parameter(std::string& out, const TemplateParameter& p) {
  using K = TemplateParameter::Kind;
  if (p.kind == K::kRaw) {  // the whole parameter, as the caller wrote it
    append_json_tree(out, p.json);
    return;
  }
  ObjectWriter o(out);
  switch (p.kind) {
    case K::kText:
      o.optional("parameter_name", p.parameter_name);
      o.string("text", p.value);
      o.string("type", "text");
      break;
    case K::kPayload:
      o.optional("parameter_name", p.parameter_name);
      o.string("payload", p.value);
      o.string("type", "payload");
      break;
    case K::kCouponCode:
      o.string("coupon_code", p.value);
      o.optional("parameter_name", p.parameter_name);
      o.string("type", "coupon_code");
      break;
    case K::kCurrency: {
      o.key("currency");
      ObjectWriter c(out);
      c.number("amount_1000", p.currency_value.amount_1000);
      c.string("code", p.currency_value.code);
      c.string("fallback_value", p.currency_value.fallback_value);
      c.end();
      o.optional("parameter_name", p.parameter_name);
      o.string("type", "currency");
      break;
    }
    case K::kDateTime: {
      const DateTime& d = p.date_time_value;
      o.key("date_time");
      ObjectWriter t(out);
      t.optional("calendar", d.calendar);
      t.optional_number("day_of_month", d.day_of_month);
      t.optional_number("day_of_week", d.day_of_week);
      t.string("fallback_value", d.fallback_value);
      t.optional_number("hour", d.hour);
      t.optional_number("minute", d.minute);
      t.optional_number("month", d.month);
      t.optional_number("year", d.year);
      t.end();
      o.optional("parameter_name", p.parameter_name);
      o.string("type", "date_time");
      break;
    }
    case K::kImage:
    case K::kDocument:
      o.key(p.kind == K::kImage ? "image" : "document");
      write_media(out, p.media, std::nullopt, p.kind == K::kDocument ? p.filename : std::nullopt);
      o.optional("parameter_name", p.parameter_name);
      o.string("type", p.kind == K::kImage ? "image" : "document");
      break;
    case K::kVideo:
      o.optional("parameter_name", p.parameter_name);
      o.string("type", "video");
      o.key("video");
      write_media(out, p.media, std::nullopt, std::nullopt);
      break;
    case K::kLocation:
      o.key("location");
      write_location(out, p.location_value);
      o.optional("parameter_name", p.parameter_name);
      o.string("type", "location");
      break;
    case K::kAction:
      o.tree("action", p.json);
      o.optional("parameter_name", p.parameter_name);
      o.string("type", "action");
      break;
    case K::kRaw: break;  // written above
  }
  o.end();
}

inline void write_template(std::string& out, const TemplateMessage& t) {
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
        } else {
          w.string("index", std::get<std::string>(*c.index));
        }
      }
      if (!c.parameters.empty()) {
        w.key("parameters");
        out.push_back('[');
        for (std::size_t k = 0; k < c.parameters.size(); ++k) {
          if (k > 0) out.push_back(',');
          write_template_parameter(out, c.parameters[k]);
        }
        out.push_back(']');
      }
      w.optional("sub_type", c.sub_type);
      w.string("type", c.type);
      w.end();
    }
    out.push_back(']');
  }
  o.key("language");
  ObjectWriter l(out);
  l.string("code", t.language);
  l.optional("policy", t.language_policy);
  l.end();
  o.string("name", t.name);
  o.end();
}

// An object of optional strings only (a contact's address or organisation), keys given sorted.
inline void write_optionals(
    std::string& out,
    std::initializer_list<std::pair<const char*, const std::optional<std::string>*>> fields) {
  ObjectWriter o(out);
  for (const auto& [key, value] : fields) o.optional(key, *value);
  o.end();
}

inline void write_contact(std::string& out, const Contact& c) {
  ObjectWriter o(out);
  if (!c.addresses.empty()) {
    o.key("addresses");
    out.push_back('[');
    for (std::size_t k = 0; k < c.addresses.size(); ++k) {
      const ContactAddress& a = c.addresses[k];
      if (k > 0) out.push_back(',');
      write_optionals(out, {{"city", &a.city},
                            {"country", &a.country},
                            {"country_code", &a.country_code},
                            {"state", &a.state},
                            {"street", &a.street},
                            {"type", &a.type},
                            {"zip", &a.zip}});
    }
    out.push_back(']');
  }
  o.optional("birthday", c.birthday);
  if (!c.emails.empty()) {
    o.key("emails");
    out.push_back('[');
    for (std::size_t k = 0; k < c.emails.size(); ++k) {
      if (k > 0) out.push_back(',');
      ObjectWriter e(out);
      e.string("email", c.emails[k].email);
      e.optional("type", c.emails[k].type);
      e.end();
    }
    out.push_back(']');
  }
  o.key("name");
  ObjectWriter n(out);
  n.optional("first_name", c.name.first_name);
  n.string("formatted_name", c.name.formatted_name);
  n.optional("last_name", c.name.last_name);
  n.optional("middle_name", c.name.middle_name);
  n.optional("prefix", c.name.prefix);
  n.optional("suffix", c.name.suffix);
  n.end();
  if (c.org) {
    o.key("org");
    write_optionals(
        out, {{"company", &c.org->company}, {"department", &c.org->department}, {"title", &c.org->title}});
  }
  if (!c.phones.empty()) {
    o.key("phones");
    out.push_back('[');
    for (std::size_t k = 0; k < c.phones.size(); ++k) {
      if (k > 0) out.push_back(',');
      ObjectWriter ph(out);
      ph.string("phone", c.phones[k].phone);
      ph.optional("type", c.phones[k].type);
      ph.optional("wa_id", c.phones[k].wa_id);
      ph.end();
    }
    out.push_back(']');
  }
  if (!c.urls.empty()) {
    o.key("urls");
    out.push_back('[');
    for (std::size_t k = 0; k < c.urls.size(); ++k) {
      if (k > 0) out.push_back(',');
      ObjectWriter u(out);
      u.optional("type", c.urls[k].type);
      u.string("url", c.urls[k].url);
      u.end();
    }
    out.push_back(']');
  }
  o.end();
}

// The value of the content key.
inline void write_content(std::string& out, const MessageContent& content) {
  if (const auto* t = std::get_if<Text>(&content)) {
    ObjectWriter o(out);
    o.string("body", t->body);
    o.key("preview_url");
    out.append(t->preview_url ? "true" : "false");
    o.end();
  } else if (const auto* v = std::get_if<Image>(&content)) {
    write_media(out, v->media, v->caption, {});
  } else if (const auto* a = std::get_if<Audio>(&content)) {
    write_media(out, a->media, {}, {});
  } else if (const auto* vi = std::get_if<Video>(&content)) {
    write_media(out, vi->media, vi->caption, {});
  } else if (const auto* d = std::get_if<Document>(&content)) {
    write_media(out, d->media, d->caption, d->filename);
  } else if (const auto* s = std::get_if<Sticker>(&content)) {
    write_media(out, s->media, {}, {});
  } else if (const auto* l = std::get_if<Location>(&content)) {
    write_location(out, *l);
  } else if (const auto* c = std::get_if<Contacts>(&content)) {
    out.push_back('[');
    for (std::size_t k = 0; k < c->contacts.size(); ++k) {
      if (k > 0) out.push_back(',');
      write_contact(out, c->contacts[k]);
    }
    out.push_back(']');
  } else if (const auto* i = std::get_if<Interactive>(&content)) {
    write_interactive(out, *i);
  } else if (const auto* tm = std::get_if<TemplateMessage>(&content)) {
    write_template(out, *tm);
  } else if (const auto* r = std::get_if<Reaction>(&content)) {
    ObjectWriter o(out);
    o.string("emoji", r->emoji);
    o.string("message_id", r->message_id);
    o.end();
  }
}

}  // namespace whatsapp::detail::send_body_impl
