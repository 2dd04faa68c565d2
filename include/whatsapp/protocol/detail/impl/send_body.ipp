// Definitions of the functions protocol/detail/send_body.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <cstring>
#include <optional>

#include "whatsapp/protocol/detail/impl/send_body_content.ipp"
#include "whatsapp/protocol/detail/send_body.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL void write_message_body(std::string& out, const Message& m) {
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
  o.key("messaging_product");
  out.append("\"whatsapp\"");
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
