#pragma once

/// @file model/message.hpp
/// Outgoing messages: what messages().send() takes. One Message holds a recipient, one content
/// (text, media, location, contacts, interactive, template or reaction) and optional reply
/// context; each family of contents lives in its own header under model/.
///
///     using whatsapp::Message;
///     Message::text(to, "Hello");                                          // a phone number
///     Message::text(Recipient::user_id("US.13491208655302741918"), "Hi");  // a BSUID
///     Message::image(to, whatsapp::Media::id("1037543291543636"), "Our new shop");
///     Message::interactive_buttons(to, "Coming?", {{"yes", "Yes"}, {"no", "No"}});
///     Message::reaction(to, "wamid.HBgL...", "\xF0\x9F\x91\x8D").reply_to(...);

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/utf8.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/model/contacts.hpp"
#include "whatsapp/model/interactive.hpp"
#include "whatsapp/model/location.hpp"
#include "whatsapp/model/media_message.hpp"
#include "whatsapp/model/recipient.hpp"
#include "whatsapp/model/template_message.hpp"
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
inline constexpr std::size_t kMaxBizOpaqueCallbackDataChars = 512;

/// Everything a message can carry; the JSON `type` follows from the alternative.
using MessageContent = std::variant<Text, Image, Audio, Video, Document, Sticker, Location, Contacts,
                                    Interactive, TemplateMessage, Reaction>;

/// The `recipient_type` values Meta knows: a user (the default) and a group (Groups API).
inline constexpr const char* kRecipientIndividual = "individual";
inline constexpr const char* kRecipientGroup = "group";

/// One outgoing message: a recipient, a content and optional reply context. It is addressed to
/// exactly one of `to` (a phone number, or with to_group() a group id) or `recipient` (a BSUID or
/// parent BSUID); the factories take a Recipient and set the right one, and validate() refuses
/// both or neither.
struct Message {
  /// A phone number in international form, digits only (a webhook's wa_id); with to_group(), the
  /// group's id (a webhook's group_id).
  std::string to;
  /// A business-scoped user id (BSUID, "US.13491208655302741918") or parent BSUID
  /// ("US.ENT.11815799212886844830"), for a user known by no phone number; empty: `to` is used.
  std::string recipient;
  /// "individual" (the default), or "group" (set by to_group()); empty: the field is not sent.
  std::string recipient_type = kRecipientIndividual;
  std::optional<Context> context;
  /// Echoed back in status webhooks for this message (up to 512 characters).
  std::optional<std::string> biz_opaque_callback_data;
  MessageContent content;

#ifdef WHATSAPP_SEPARATE_COMPILATION
  // Compiled once (impl/message.ipp), so a file that makes a message does not instantiate the
  // content variant's copy, move and destruction. Header-only, the implicit members are left to
  // be defined where they are used, which is cheaper than defining all six in every file
  // (docs/performance.md).
  Message();
  ~Message();
  Message(const Message&);
  Message(Message&&) noexcept;
  Message& operator=(const Message&);
  Message& operator=(Message&&) noexcept;
#endif

  /// A message with any content, to a phone number or a BSUID (see Recipient).
  static Message make(Recipient to, MessageContent content);
  /// A text message.
  static Message text(Recipient to, std::string body, bool preview_url = false);
  /// An image by id or link, with an optional caption.
  WHATSAPP_DECL static Message image(Recipient to, Media media,
                                     std::optional<std::string> caption = std::nullopt);
  WHATSAPP_DECL static Message audio(Recipient to, Media media);
  WHATSAPP_DECL static Message video(Recipient to, Media media,
                                     std::optional<std::string> caption = std::nullopt);
  WHATSAPP_DECL static Message document(Recipient to, Media media,
                                        std::optional<std::string> caption = std::nullopt,
                                        std::optional<std::string> filename = std::nullopt);
  WHATSAPP_DECL static Message sticker(Recipient to, Media media);
  WHATSAPP_DECL static Message location(Recipient to, Location where);
  WHATSAPP_DECL static Message contacts(Recipient to, std::vector<Contact> cards);
  WHATSAPP_DECL static Message interactive(Recipient to, Interactive i);
  /// Up to three reply buttons under `body`.
  WHATSAPP_DECL static Message interactive_buttons(Recipient to, std::string body,
                                                   std::vector<ReplyButton> buttons);
  /// A list opened by a button reading `button`.
  WHATSAPP_DECL static Message interactive_list(Recipient to, std::string body, std::string button,
                                                std::vector<ListSection> sections);
  /// A button that opens `url`.
  WHATSAPP_DECL static Message interactive_cta_url(Recipient to, std::string body, std::string display_text,
                                                   std::string url);
  /// Asks the recipient to share their location.
  WHATSAPP_DECL static Message location_request(Recipient to, std::string body);
  /// A template message (see TemplateMessage).
  WHATSAPP_DECL static Message template_message(Recipient to, TemplateMessage t);
  /// A template without parameters, e.g. "hello_world".
  WHATSAPP_DECL static Message template_message(Recipient to, std::string name, std::string language);
  /// Reacts to `message_id` with `emoji`.
  WHATSAPP_DECL static Message reaction(Recipient to, std::string message_id, std::string emoji);
  /// Removes this business's reaction from `message_id` (an empty emoji).
  WHATSAPP_DECL static Message remove_reaction(Recipient to, std::string message_id);

  /// Sends this message to a group: recipient_type "group", `to` then being the group id (a
  /// webhook's Message::group_id, or the id the Groups API returned), e.g.
  /// `Message::text(group_id, "Order ready").to_group()`. validate() then checks `to` as a group
  /// id and refuses content Meta does not deliver to groups (interactive messages). Works with
  /// every factory, reply_to() and with_callback_data() alike.
  Message& to_group() & {
    recipient_type = kRecipientGroup;
    return *this;
  }
  Message&& to_group() && { return std::move(to_group()); }
  /// True when this message goes to a group (recipient_type "group").
  bool is_group() const noexcept { return recipient_type == kRecipientGroup; }
  /// Who this message goes to: `recipient` (a BSUID) when set, else `to` (a phone number).
  Recipient addressee() const {
    return recipient.empty() ? Recipient::phone_number(to) : Recipient::user_id(recipient);
  }
  /// Addresses this message to `r` (sets `to` or `recipient`, and clears the other).
  Message& address(Recipient r) & {
    const bool user = r.is_user_id();
    (user ? recipient : to) = r.take_id();
    (user ? to : recipient).clear();
    return *this;
  }
  Message&& address(Recipient r) && { return std::move(address(std::move(r))); }

  /// Makes this message a reply to `message_id`.
  Message& reply_to(std::string message_id) & {
    context = Context{std::move(message_id)};
    return *this;
  }
  Message&& reply_to(std::string message_id) && { return std::move(reply_to(std::move(message_id))); }
  /// Sets biz_opaque_callback_data, echoed in this message's status webhooks.
  Message& with_callback_data(std::string data) & {
    biz_opaque_callback_data = std::move(data);
    return *this;
  }
  Message&& with_callback_data(std::string data) && { return std::move(with_callback_data(std::move(data))); }

  /// The value of the JSON `type` field.
  const char* type() const noexcept {
    static constexpr const char* kNames[] = {"text",        "image",    "audio",    "video",
                                             "document",    "sticker",  "location", "contacts",
                                             "interactive", "template", "reaction"};
    static_assert(sizeof(kNames) / sizeof(kNames[0]) == std::variant_size_v<MessageContent>);
    return kNames[content.index()];
  }
};

/// Checks what Meta would refuse, before anything is sent. The error names the field.
WHATSAPP_DECL Result<void> validate(const Message& m);

WHATSAPP_DECL void to_json(nlohmann::json& j, const Text& t);

/// Meta's send body: {"messaging_product":"whatsapp","recipient_type":...,"to":...,"type":...},
/// with "recipient" instead of "to" when the message is addressed to a BSUID (each is written
/// when set; "to" also when neither is).
WHATSAPP_DECL void to_json(nlohmann::json& j, const Message& m);

/// Which of LowCodeAPI's two ways of marking a message as read to use.
enum class MarkReadForm {
  /// Meta's documented form: `POST /<PHONE>/messages` with
  /// `{"messaging_product":"whatsapp","status":"read","message_id":ID}`. The default.
  kBody,
  /// LowCodeAPI's "Mark message as read" route: `POST /<PHONE>/messages/<ID>` with
  /// `{"status":"read"}`. Cannot show a typing indicator.
  kPath,
};

struct MarkReadOptions {
  /// Also show "typing..." to the user (up to 25 s or until the next message). Body form only.
  bool typing_indicator = false;
  MarkReadForm form = MarkReadForm::kBody;
};

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/message.ipp"
#endif
