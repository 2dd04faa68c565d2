// Definitions of the functions protocol/detail/send_body.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

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

WHATSAPP_DECL bool write_text_send_body(std::string& out, const Message& m) {
  const auto* t = std::get_if<Text>(&m.content);
  if (t == nullptr) return false;
  out.clear();
  out.reserve(120 + m.to.size() + m.recipient.size() + t->body.size() +
              (m.context ? m.context->message_id.size() + 30 : 0) +
              (m.biz_opaque_callback_data ? m.biz_opaque_callback_data->size() + 30 : 0));
  out.push_back('{');
  if (m.biz_opaque_callback_data) {
    out.append(R"("biz_opaque_callback_data":)");
    if (!append_json_string(out, *m.biz_opaque_callback_data)) return false;
    out.push_back(',');
  }
  if (m.context) {
    out.append(R"("context":{"message_id":)");
    if (!append_json_string(out, m.context->message_id)) return false;
    out.append("},");
  }
  out.append(R"("messaging_product":"whatsapp",)");
  if (!m.recipient.empty()) {  // a BSUID: sent as "recipient" (the general path's rule)
    out.append(R"("recipient":)");
    if (!append_json_string(out, m.recipient)) return false;
    out.push_back(',');
  }
  if (!m.recipient_type.empty()) {  // empty means omitted (the general path's rule)
    out.append(R"("recipient_type":)");
    if (!append_json_string(out, m.recipient_type)) return false;
    out.push_back(',');
  }
  out.append(R"("text":{"body":)");
  if (!append_json_string(out, t->body)) return false;
  out.append(t->preview_url ? R"(,"preview_url":true},)" : R"(,"preview_url":false},)");
  if (!m.to.empty() || m.recipient.empty()) {  // "to" unless only a BSUID is set
    out.append(R"("to":)");
    if (!append_json_string(out, m.to)) return false;
    out.push_back(',');
  }
  out.append(R"("type":"text"})");
  return true;
}

WHATSAPP_DECL std::string message_body(const Message& message) {
  std::string body;
  write_message_body(body, message);
  return body;
}

WHATSAPP_DECL void write_message_body(std::string& out, const Message& message) {
  if (write_text_send_body(out, message)) return;
  out = nlohmann::json(message).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace whatsapp::detail
