// Definitions of the functions model/message.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <type_traits>

#include "whatsapp/model/message.hpp"

namespace whatsapp {

static_assert(std::is_nothrow_move_constructible_v<MessageContent> &&
                  std::is_nothrow_move_assignable_v<MessageContent>,
              "Message's move operations are declared noexcept");
static_assert(std::is_nothrow_move_constructible_v<Message> && std::is_nothrow_move_assignable_v<Message> &&
                  std::is_copy_constructible_v<Message> && std::is_copy_assignable_v<Message>,
              "Message moves without throwing and copies, compiled once or header-only");

#ifdef WHATSAPP_SEPARATE_COMPILATION
Message::Message() = default;
Message::~Message() = default;
Message::Message(const Message&) = default;
Message::Message(Message&&) noexcept = default;
Message& Message::operator=(const Message&) = default;
Message& Message::operator=(Message&&) noexcept = default;
#endif

namespace detail {

/// A message holding `content`, built in place: only T's constructor is instantiated, where
/// assigning a MessageContent would instantiate every alternative's move (docs/performance.md).
template <class T>
Message message_holding(Recipient&& to, T&& content) {
  Message m;
  m.address(std::move(to));
  m.content.emplace<std::decay_t<T>>(std::forward<T>(content));
  return m;
}

}  // namespace detail

WHATSAPP_DECL Message Message::make(Recipient to, MessageContent content) {
  Message m;
  m.address(std::move(to));
  m.content = std::move(content);
  return m;
}

WHATSAPP_DECL Message Message::text(Recipient to, std::string body, bool preview_url) {
  return detail::message_holding(std::move(to), Text{std::move(body), preview_url});
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

WHATSAPP_DECL Message Message::image(Recipient to, Media media, std::optional<std::string> caption) {
  return detail::message_holding(std::move(to), Image{std::move(media), std::move(caption)});
}
WHATSAPP_DECL Message Message::audio(Recipient to, Media media) {
  return detail::message_holding(std::move(to), Audio{std::move(media)});
}
WHATSAPP_DECL Message Message::video(Recipient to, Media media, std::optional<std::string> caption) {
  return detail::message_holding(std::move(to), Video{std::move(media), std::move(caption)});
}
WHATSAPP_DECL Message Message::document(Recipient to, Media media, std::optional<std::string> caption,
                                        std::optional<std::string> filename) {
  return detail::message_holding(std::move(to),
                                 Document{std::move(media), std::move(caption), std::move(filename)});
}
WHATSAPP_DECL Message Message::sticker(Recipient to, Media media) {
  return detail::message_holding(std::move(to), Sticker{std::move(media)});
}
WHATSAPP_DECL Message Message::location(Recipient to, Location where) {
  return detail::message_holding(std::move(to), std::move(where));
}
WHATSAPP_DECL Message Message::contacts(Recipient to, std::vector<Contact> cards) {
  return detail::message_holding(std::move(to), Contacts{std::move(cards)});
}
WHATSAPP_DECL Message Message::interactive(Recipient to, Interactive i) {
  return detail::message_holding(std::move(to), std::move(i));
}
WHATSAPP_DECL Message Message::interactive_buttons(Recipient to, std::string body,
                                                   std::vector<ReplyButton> buttons) {
  return interactive(std::move(to), Interactive::buttons(std::move(body), std::move(buttons)));
}
WHATSAPP_DECL Message Message::interactive_list(Recipient to, std::string body, std::string button,
                                                std::vector<ListSection> sections) {
  return interactive(std::move(to),
                     Interactive::list(std::move(body), std::move(button), std::move(sections)));
}
WHATSAPP_DECL Message Message::interactive_cta_url(Recipient to, std::string body, std::string display_text,
                                                   std::string url) {
  return interactive(std::move(to),
                     Interactive::cta_url(std::move(body), std::move(display_text), std::move(url)));
}
WHATSAPP_DECL Message Message::location_request(Recipient to, std::string body) {
  return interactive(std::move(to), Interactive::location_request(std::move(body)));
}
WHATSAPP_DECL Message Message::template_message(Recipient to, TemplateMessage t) {
  return detail::message_holding(std::move(to), std::move(t));
}
WHATSAPP_DECL Message Message::template_message(Recipient to, std::string name, std::string language) {
  return detail::message_holding(std::move(to), TemplateMessage(std::move(name), std::move(language)));
}
WHATSAPP_DECL Message Message::reaction(Recipient to, std::string message_id, std::string emoji) {
  return detail::message_holding(std::move(to), Reaction{std::move(message_id), std::move(emoji)});
}
WHATSAPP_DECL Message Message::remove_reaction(Recipient to, std::string message_id) {
  return reaction(std::move(to), std::move(message_id), std::string());
}

}  // namespace whatsapp
