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
      write_location(out, p.location_value, /*coordinates_as_text=*/true);
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
    o.array("components", t.components, [&](const TemplateComponent& c) {
      ObjectWriter w(out);
      if (c.index) {
        if (const int* n = std::get_if<int>(&*c.index)) {
          w.number("index", *n);
        } else {
          w.string("index", std::get<std::string>(*c.index));
        }
      }
      if (!c.parameters.empty()) {
        w.array("parameters", c.parameters,
                [&](const TemplateParameter& p) { write_template_parameter(out, p); });
      }
      w.optional("sub_type", c.sub_type);
      w.string("type", c.type);
      w.end();
    });
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
    o.array("addresses", c.addresses, [&](const ContactAddress& a) {
      write_optionals(out, {{"city", &a.city},
                            {"country", &a.country},
                            {"country_code", &a.country_code},
                            {"state", &a.state},
                            {"street", &a.street},
                            {"type", &a.type},
                            {"zip", &a.zip}});
    });
  }
  o.optional("birthday", c.birthday);
  if (!c.emails.empty()) {
    o.array("emails", c.emails, [&](const ContactEmail& email) {
      ObjectWriter e(out);
      e.string("email", email.email);
      e.optional("type", email.type);
      e.end();
    });
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
    o.array("phones", c.phones, [&](const ContactPhone& phone) {
      ObjectWriter ph(out);
      ph.string("phone", phone.phone);
      ph.optional("type", phone.type);
      ph.optional("wa_id", phone.wa_id);
      ph.end();
    });
  }
  if (!c.urls.empty()) {
    o.array("urls", c.urls, [&](const ContactUrl& url) {
      ObjectWriter u(out);
      u.optional("type", url.type);
      u.string("url", url.url);
      u.end();
    });
  }
  o.end();
}

// The value of the content key.
inline void write_content(std::string& out, const MessageContent& content) {
  if (const auto* t = std::get_if<Text>(&content)) {
    out.append(R"({"body":")");
    finish_json_string(out, out.size() - 1, t->body);
    out.append(t->preview_url ? R"(,"preview_url":true})" : R"(,"preview_url":false})");
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
    write_array(out, c->contacts, [&](const Contact& card) { write_contact(out, card); });
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
