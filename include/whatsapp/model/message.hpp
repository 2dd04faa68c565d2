#pragma once

/// @file model/message.hpp
/// Outgoing messages: what messages().send() takes.

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/utf8.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"

namespace whatsapp {

/// The body of a text message.
struct Text {
  std::string body;          ///< 1 to 4096 characters.
  bool preview_url = false;  ///< Render a preview of the first URL in the body.
};

/// Makes a message a reply to an earlier one.
struct Context {
  std::string message_id;  ///< The wamid of the message replied to.
};

/// Limits Meta documents for text messages.
inline constexpr std::size_t kMaxTextBodyChars = 4096;

/// One outgoing message: a recipient, a content and optional reply context.
struct Message {
  std::string to;  ///< Recipient: phone number in international format, or WhatsApp id.
  std::string recipient_type = "individual";
  std::optional<Context> context;
  /// Echoed back in status webhooks for this message (up to 512 characters).
  std::optional<std::string> biz_opaque_callback_data;
  std::variant<Text> content;

  /// A text message.
  static Message text(std::string to, std::string body, bool preview_url = false) {
    Message m;
    m.to = std::move(to);
    m.content = Text{std::move(body), preview_url};
    return m;
  }

  /// Makes this message a reply to `message_id`.
  Message& reply_to(std::string message_id) & {
    context = Context{std::move(message_id)};
    return *this;
  }
  Message&& reply_to(std::string message_id) && { return std::move(reply_to(std::move(message_id))); }

  /// The value of the JSON `type` field.
  const char* type() const noexcept {
    struct Name {
      const char* operator()(const Text&) const noexcept { return "text"; }
    };
    return std::visit(Name{}, content);
  }
};

namespace detail {

inline Result<void> check_text(std::string_view value, std::string_view field, std::size_t max) {
  const auto n = utf8_length(value);
  if (!n) return Error::invalid_argument(std::string(field), "is not valid UTF-8");
  if (*n == 0) return Error::invalid_argument(std::string(field), "must not be empty");
  if (*n > max) {
    return Error::invalid_argument(std::string(field), "has " + std::to_string(*n) +
                                                           " characters; at most " +
                                                           std::to_string(max) + " are allowed");
  }
  return {};
}

}  // namespace detail

/// Checks what Meta would refuse, before anything is sent. The error names the field.
inline Result<void> validate(const Message& m) {
  if (auto r = detail::check_text(m.to, "to", 256); !r) return r;
  if (m.context) {
    if (auto r = detail::check_text(m.context->message_id, "context.message_id", 512); !r) return r;
  }
  if (m.biz_opaque_callback_data) {
    if (auto r = detail::check_text(*m.biz_opaque_callback_data, "biz_opaque_callback_data", 512); !r) {
      return r;
    }
  }
  if (const auto* t = std::get_if<Text>(&m.content)) {
    if (auto r = detail::check_text(t->body, "text.body", kMaxTextBodyChars); !r) return r;
  }
  return {};
}

inline void to_json(nlohmann::json& j, const Text& t) {
  j = nlohmann::json{{"body", t.body}, {"preview_url", t.preview_url}};
}

/// Meta's send body: {"messaging_product":"whatsapp","recipient_type":...,"to":...,"type":...}.
inline void to_json(nlohmann::json& j, const Message& m) {
  j = nlohmann::json::object();
  j["messaging_product"] = "whatsapp";
  j["recipient_type"] = m.recipient_type;
  j["to"] = m.to;
  if (m.context) j["context"] = {{"message_id", m.context->message_id}};
  if (m.biz_opaque_callback_data) j["biz_opaque_callback_data"] = *m.biz_opaque_callback_data;
  const char* type = m.type();
  j["type"] = type;
  std::visit([&](const auto& c) { j[type] = c; }, m.content);
}

}  // namespace whatsapp
