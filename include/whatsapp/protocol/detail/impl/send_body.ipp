// Definitions of the functions protocol/detail/send_body.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <cstring>
#include <optional>

#include "whatsapp/protocol/detail/send_body.hpp"

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

// The value of the content key, for the content types written directly.
inline bool write_content(std::string& out, const MessageContent& content) {
  switch (content.index()) {
    case 0: {
      const Text& t = *std::get_if<Text>(&content);
      ObjectWriter o(out);
      if (!o.string("body", t.body)) return false;
      o.key("preview_url");
      out.append(t.preview_url ? "true" : "false");
      o.end();
      return true;
    }
    case 1:
      return write_media(out, std::get_if<Image>(&content)->media, std::get_if<Image>(&content)->caption, {});
    case 2: return write_media(out, std::get_if<Audio>(&content)->media, {}, {});
    case 3:
      return write_media(out, std::get_if<Video>(&content)->media, std::get_if<Video>(&content)->caption, {});
    case 4: {
      const Document& d = *std::get_if<Document>(&content);
      return write_media(out, d.media, d.caption, d.filename);
    }
    case 5: return write_media(out, std::get_if<Sticker>(&content)->media, {}, {});
    case 9: return write_template(out, *std::get_if<TemplateMessage>(&content));
    case 10: {
      const Reaction& r = *std::get_if<Reaction>(&content);
      ObjectWriter o(out);
      if (!o.string("emoji", r.emoji) || !o.string("message_id", r.message_id)) return false;
      o.end();
      return true;
    }
    default:  // location (nlohmann's number format), contacts, interactive: the general path
      return false;
  }
}

}  // namespace send_body_impl

WHATSAPP_DECL bool write_send_body_directly(std::string& out, const Message& m) {
  static_assert(std::variant_size_v<MessageContent> == 11, "a new content type: see write_content");
  const char* const type = m.type();
  out.clear();
  out.reserve(160 + m.to.size() + m.recipient.size() + (m.context ? m.context->message_id.size() + 30 : 0) +
              (m.biz_opaque_callback_data ? m.biz_opaque_callback_data->size() + 30 : 0) +
              (std::holds_alternative<Text>(m.content) ? std::get_if<Text>(&m.content)->body.size() : 0));
  send_body_impl::ObjectWriter o(out);
  // The content's key (its type) goes where it sorts among the message's own keys.
  bool content_written = false;
  const auto content_before = [&](const char* next_key) {
    if (content_written || std::strcmp(type, next_key) > 0) return true;
    content_written = true;
    o.key(type);
    return send_body_impl::write_content(out, m.content);
  };
  if (m.biz_opaque_callback_data) {
    if (!content_before("biz_opaque_callback_data") ||
        !o.string("biz_opaque_callback_data", *m.biz_opaque_callback_data)) {
      return false;
    }
  }
  if (m.context) {
    if (!content_before("context")) return false;
    o.key("context");
    send_body_impl::ObjectWriter c(out);
    if (!c.string("message_id", m.context->message_id)) return false;
    c.end();
  }
  if (!content_before("messaging_product")) return false;
  o.key("messaging_product");
  out.append("\"whatsapp\"");
  // A BSUID is sent as "recipient"; an empty recipient_type is not sent; "to" unless only a BSUID
  // is set (the general path's rules).
  if (!m.recipient.empty() && (!content_before("recipient") || !o.string("recipient", m.recipient)))
    return false;
  if (!m.recipient_type.empty() &&
      (!content_before("recipient_type") || !o.string("recipient_type", m.recipient_type))) {
    return false;
  }
  if ((!m.to.empty() || m.recipient.empty()) && (!content_before("to") || !o.string("to", m.to)))
    return false;
  if (!content_before("type") || !o.string("type", type)) return false;
  if (!content_written) {  // a type after "type" ("video")
    o.key(type);
    if (!send_body_impl::write_content(out, m.content)) return false;
  }
  o.end();
  return true;
}

WHATSAPP_DECL std::string message_body(const Message& message) {
  std::string body;
  write_message_body(body, message);
  return body;
}

WHATSAPP_DECL void write_message_body(std::string& out, const Message& message) {
  if (write_send_body_directly(out, message)) return;
  out = nlohmann::json(message).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace whatsapp::detail
