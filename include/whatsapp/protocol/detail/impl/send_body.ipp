// Definitions of the functions protocol/detail/send_body.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <cstring>
#include <optional>

#include "whatsapp/protocol/detail/impl/send_body_content.ipp"
#include "whatsapp/protocol/detail/send_body.hpp"

namespace whatsapp::detail {

namespace send_body_impl {

// A text message, the kind bulk senders send most, with the punctuation around its keys written
// as whole literals, in the order write_message_body() gives: the general writer spends about
// 60 % more on it (whatsapp_micro_bench SendBody/kind:4). The differential tests hold both to
// nlohmann's bytes.
inline void write_text_message(std::string& out, const Message& m, const Text& t) {
  const auto member = [&out](const char* key_and_colon, std::string_view value) {
    out.append(key_and_colon);
    append_json_string(out, value);
    out.push_back(',');
  };
  out.push_back('{');
  if (m.biz_opaque_callback_data) member(R"("biz_opaque_callback_data":)", *m.biz_opaque_callback_data);
  if (m.context) {
    out.append(R"("context":{"message_id":)");
    append_json_string(out, m.context->message_id);
    out.append("},");
  }
  out.append(R"("messaging_product":"whatsapp",)");
  if (!m.recipient.empty()) member(R"("recipient":)", m.recipient);  // a BSUID
  if (!m.recipient_type.empty()) member(R"("recipient_type":)", m.recipient_type);
  out.append(R"("text":{"body":)");
  append_json_string(out, t.body);
  out.append(t.preview_url ? R"(,"preview_url":true},)" : R"(,"preview_url":false},)");
  if (!m.to.empty() || m.recipient.empty()) member(R"("to":)", m.to);
  out.append(R"("type":"text"})");
}

}  // namespace send_body_impl

WHATSAPP_DECL void write_message_body(std::string& out, const Message& m) {
  static_assert(std::variant_size_v<MessageContent> == 11, "a new content type: see write_content");
  const auto* text = std::get_if<Text>(&m.content);
  out.clear();
  // The envelope's own bytes (about 115 with a text's) and the caller's strings; escaping may
  // need more. The guess for a text is tight on purpose: 40 bytes more cost a send about 700
  // instructions in malloc (callgrind, whatsapp_throughput).
  out.reserve((text != nullptr ? 120 + text->body.size() : 160) + m.to.size() + m.recipient.size() +
              (m.context ? m.context->message_id.size() + 30 : 0) +
              (m.biz_opaque_callback_data ? m.biz_opaque_callback_data->size() + 30 : 0));
  if (text != nullptr) return send_body_impl::write_text_message(out, m, *text);
  const char* const type = m.type();
  send_body_impl::ObjectWriter o(out);
  // The content's key (its type) goes where it sorts among the message's own keys.
  bool content_written = false;
  const auto content_before = [&](const char* next_key) {
    if (content_written || std::strcmp(type, next_key) > 0) return;
    content_written = true;
    o.key(type);
    send_body_impl::write_content(out, m.content);
  };
  if (m.biz_opaque_callback_data) {
    content_before("biz_opaque_callback_data");
    o.string("biz_opaque_callback_data", *m.biz_opaque_callback_data);
  }
  if (m.context) {
    content_before("context");
    o.key("context");
    send_body_impl::ObjectWriter c(out);
    c.string("message_id", m.context->message_id);
    c.end();
  }
  content_before("messaging_product");
  o.literal("messaging_product", "\"whatsapp\"");
  // A BSUID is sent as "recipient"; an empty recipient_type is not sent; "to" unless only a BSUID
  // is set (the rules of to_json(Message)).
  if (!m.recipient.empty()) {
    content_before("recipient");
    o.string("recipient", m.recipient);
  }
  if (!m.recipient_type.empty()) {
    content_before("recipient_type");
    o.string("recipient_type", m.recipient_type);
  }
  if (!m.to.empty() || m.recipient.empty()) {
    content_before("to");
    o.string("to", m.to);
  }
  content_before("type");
  o.string("type", type);
  if (!content_written) {  // a type after "type" ("video")
    o.key(type);
    send_body_impl::write_content(out, m.content);
  }
  o.end();
}

WHATSAPP_DECL std::string message_body(const Message& message) {
  std::string body;
  write_message_body(body, message);
  return body;
}

}  // namespace whatsapp::detail
