// Definitions of the functions protocol/detail/send_body.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <optional>
#include <string_view>

#include "whatsapp/protocol/detail/impl/send_body_content.ipp"
#include "whatsapp/protocol/detail/send_body.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL void write_message_body(std::string& out, const Message& m) {
  static_assert(std::variant_size_v<MessageContent> == 11, "a new content type: see write_content");
  const std::string_view type = m.type();
  const auto* text = std::get_if<Text>(&m.content);
  out.clear();
  // The envelope's own bytes (about 115 with a text's) and the caller's strings; escaping may
  // need more. The guess for a text is tight on purpose: 40 bytes more cost a send about 700
  // instructions in malloc (callgrind, whatsapp_throughput).
  out.reserve((text != nullptr ? 120 + text->body.size() : 160) + m.to.size() + m.recipient.size() +
              (m.context ? m.context->message_id.size() + 30 : 0) +
              (m.biz_opaque_callback_data ? m.biz_opaque_callback_data->size() + 30 : 0));
  // Every member is written with a leading ',' and the key's punctuation as one literal (key by
  // key, a text's body cost about 60 % more: whatsapp_micro_bench SendBody/kind:4); the first
  // ',' becomes the opening '{'. The content's key (its type) goes where it sorts among the
  // envelope's keys.
  const std::size_t open = out.size();
  bool content_written = false;
  const auto content_before = [&](std::string_view next_key) {
    if (content_written || type > next_key) return;
    content_written = true;
    send_body_impl::append_key(out, true, type, "");
    send_body_impl::write_content(out, m.content);
  };
  const auto member = [&](std::string_view piece, std::string_view value) {  // piece: ,"key":"
    content_before(piece.substr(2, piece.size() - 5));
    out.append(piece.data(), piece.size());
    send_body_impl::finish_json_string(out, out.size() - 1, value);
  };
  if (m.biz_opaque_callback_data) member(R"(,"biz_opaque_callback_data":")", *m.biz_opaque_callback_data);
  if (m.context) {
    content_before("context");
    out.append(R"(,"context":{"message_id":")");
    send_body_impl::finish_json_string(out, out.size() - 1, m.context->message_id);
    out.push_back('}');
  }
  content_before("messaging_product");
  out.append(R"(,"messaging_product":"whatsapp")");
  // A BSUID is sent as "recipient"; an empty recipient_type is not sent; "to" unless only a BSUID
  // is set (the rules of to_json(Message)).
  if (!m.recipient.empty()) member(R"(,"recipient":")", m.recipient);
  if (!m.recipient_type.empty()) member(R"(,"recipient_type":")", m.recipient_type);
  if (!m.to.empty() || m.recipient.empty()) member(R"(,"to":")", m.to);
  member(R"(,"type":")", type);
  content_before(type);  // a type that sorts after "type" ("video")
  out[open] = '{';
  out.push_back('}');
}

WHATSAPP_DECL std::string message_body(const Message& message) {
  std::string body;
  write_message_body(body, message);
  return body;
}

}  // namespace whatsapp::detail
