// Definitions of the functions model/message.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <type_traits>

#include "whatsapp/model/message.hpp"

namespace whatsapp {

static_assert(std::is_nothrow_move_constructible_v<MessageContent> &&
                  std::is_nothrow_move_assignable_v<MessageContent>,
              "Message's move operations are declared noexcept");

WHATSAPP_DECL Message::Message() = default;
WHATSAPP_DECL Message::~Message() = default;
WHATSAPP_DECL Message::Message(const Message&) = default;
WHATSAPP_DECL Message::Message(Message&&) noexcept = default;
WHATSAPP_DECL Message& Message::operator=(const Message&) = default;
WHATSAPP_DECL Message& Message::operator=(Message&&) noexcept = default;

WHATSAPP_DECL Message Message::make(Recipient to, MessageContent content) {
  Message m;
  m.address(std::move(to));
  m.content = std::move(content);
  return m;
}

WHATSAPP_DECL Message Message::text(Recipient to, std::string body, bool preview_url) {
  return make(std::move(to), Text{std::move(body), preview_url});
}

WHATSAPP_DECL Result<void> validate(const Message& m) {
  if (auto r = detail::check_addressee(m.to, m.recipient, m.recipient_type); !r) return r;
  if (m.is_group() && std::holds_alternative<Interactive>(m.content)) {
    // Meta's Groups API lists interactive messages among the kinds a group cannot receive.
    return Error::invalid_argument("type",
                                   "an interactive message cannot be sent to a group; groups take text, "
                                   "media and template messages");
  }
  if (m.context) {
    if (auto r = detail::check_text(m.context->message_id, "context.message_id", 512); !r) return r;
  }
  if (m.biz_opaque_callback_data) {
    if (auto r = detail::check_text(*m.biz_opaque_callback_data, "biz_opaque_callback_data",
                                    kMaxBizOpaqueCallbackDataChars);
        !r) {
      return r;
    }
  }
  if (const auto* t = std::get_if<Text>(&m.content)) {
    return detail::check_text(t->body, "text.body", kMaxTextBodyChars);
  }
  return std::visit(
      [](const auto& c) -> Result<void> {
        if constexpr (std::is_same_v<std::decay_t<decltype(c)>, Text>) {
          return {};
        } else {
          return validate(c);
        }
      },
      m.content);
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const Text& t) {
  j = nlohmann::json{{"body", t.body}, {"preview_url", t.preview_url}};
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const Message& m) {
  j = nlohmann::json::object();
  j["messaging_product"] = "whatsapp";
  if (!m.recipient_type.empty()) j["recipient_type"] = m.recipient_type;
  if (!m.recipient.empty()) j["recipient"] = m.recipient;
  if (!m.to.empty() || m.recipient.empty()) j["to"] = m.to;
  if (m.context) j["context"] = {{"message_id", m.context->message_id}};
  if (m.biz_opaque_callback_data) j["biz_opaque_callback_data"] = *m.biz_opaque_callback_data;
  const char* type = m.type();
  j["type"] = type;
  std::visit([&](const auto& c) { j[type] = c; }, m.content);
}

}  // namespace whatsapp
