#pragma once

/// @file webhook/message.hpp
/// An incoming message (`value.messages[]`) and its contents (see notification.hpp for the
/// conventions of the webhook structs).
///
/// Message contents: a Message has a MessageType (from its `type` string) and one Optional
/// member per kind (`text`, `image`, `interactive`, ...), not a `std::variant`. The wire format
/// is an object with several optional parts that can appear together (a text with a `referral`
/// from an ad, a `system` notice with an `identity`, an `unsupported` message with `errors`) and
/// a variant would have to pick one and drop the rest. Optional members keep them all, read
/// plainly (`if (m.text) use(m.text->body)`), and an unknown type simply has no typed member but
/// still has `raw`. The parts are webhook::Optional (std::optional's interface, value on the
/// heap), so a Message with one part set is small.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/webhook/common.hpp"
#include "whatsapp/webhook/json_ref.hpp"
#include "whatsapp/webhook/shared_contact.hpp"

namespace whatsapp::webhook {

/// What a message replies to or where it came from (`messages[].context`).
struct MessageContext {
  std::optional<std::string> from;  ///< Sender of the message replied to.
  std::optional<std::string> id;    ///< wamid of the message replied to.
  bool forwarded = false;
  bool frequently_forwarded = false;
  std::optional<std::string> referred_product_catalog_id;   ///< referred_product.catalog_id
  std::optional<std::string> referred_product_retailer_id;  ///< referred_product.product_retailer_id
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// `messages[].text`
struct TextContent {
  std::string body;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// `image`, `video`, `document`, `audio` and `sticker` contents. Download the file through the
/// client's media API with `id`.
struct MediaContent {
  std::string id;
  std::optional<std::string> mime_type;
  std::optional<std::string> sha256;
  std::optional<std::string> caption;   ///< image, video, document
  std::optional<std::string> filename;  ///< document
  std::optional<std::string> url;       ///< Sent by newer API versions.
  std::optional<bool> voice;            ///< audio: true for a voice note
  std::optional<bool> animated;         ///< sticker
  JsonRef raw;                          ///< This object as received (shared, not copied: see JsonRef).
};

/// `messages[].location`: a shared pin (with name/address/url) or a current location (without).
struct LocationContent {
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<std::string> name;
  std::optional<std::string> address;
  std::optional<std::string> url;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// A tapped reply button or a chosen list row (`interactive.button_reply` / `list_reply`).
struct ReplyChoice {
  std::string id;  ///< The id the business gave the button or row.
  std::string title;
  std::optional<std::string> description;  ///< list rows only
  JsonRef raw;                             ///< This object as received (shared, not copied: see JsonRef).
};

/// A completed WhatsApp Flow (`interactive.nfm_reply`).
struct FlowReply {
  std::optional<std::string> name;  ///< "flow"
  std::optional<std::string> body;  ///< "Sent"
  std::string response_json;        ///< The flow's answers: a JSON document inside a string.
  /// response_json parsed; discarded (is_discarded()) when the string is not valid JSON.
  nlohmann::json response;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).

  /// The flow_token from the response, when the flow sent one.
  std::optional<std::string> flow_token() const { return detail::text_at(response, "flow_token"); }
};

/// Kinds of interactive replies.
enum class InteractiveType { kButtonReply, kListReply, kFlowReply, kUnknown };

/// `messages[].interactive`: the user answered an interactive message.
struct InteractiveContent {
  std::string type;  ///< "button_reply", "list_reply", "nfm_reply", or a newer one
  Optional<ReplyChoice> button_reply;
  Optional<ReplyChoice> list_reply;
  Optional<FlowReply> nfm_reply;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).

  InteractiveType kind() const noexcept {
    if (type == "button_reply") return InteractiveType::kButtonReply;
    if (type == "list_reply") return InteractiveType::kListReply;
    if (type == "nfm_reply") return InteractiveType::kFlowReply;
    return InteractiveType::kUnknown;
  }
};

/// `messages[].button`: a template's quick-reply button was tapped.
struct ButtonContent {
  std::string payload;
  std::string text;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// `messages[].reaction`: an emoji put on (or taken off) one of the business's messages.
struct ReactionContent {
  std::string message_id;            ///< The message reacted to.
  std::optional<std::string> emoji;  ///< Absent or empty when the reaction was removed.
  JsonRef raw;                       ///< This object as received (shared, not copied: see JsonRef).

  /// True when this reaction removes an earlier one.
  bool removed() const noexcept { return !emoji || emoji->empty(); }
};

/// One line of an order.
struct OrderItem {
  std::string product_retailer_id;
  std::optional<std::int64_t> quantity;
  std::optional<double> item_price;
  std::optional<std::string> currency;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// `messages[].order`: a cart sent from a catalog.
struct OrderContent {
  std::string catalog_id;
  std::optional<std::string> text;
  std::vector<OrderItem> product_items;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// `messages[].system`: the user changed number or identity.
struct SystemContent {
  /// "user_changed_number", "user_changed_user_id" (the BSUID changed, no phone number
  /// given), "customer_identity_changed", ...
  std::string type;
  std::optional<std::string> body;
  std::optional<std::string> wa_id;  ///< user_changed_number: the new wa_id
  std::optional<std::string> customer;
  std::optional<std::string> identity;
  std::optional<std::string> user_id;                  ///< The user's BSUID from now on, when sent.
  std::optional<std::string> parent_user_id;           ///< The parent BSUID from now on, when sent.
  std::optional<std::string> previous_user_id;         ///< The BSUID until now, when sent.
  std::optional<std::string> previous_parent_user_id;  ///< The parent BSUID until now, when sent.
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// `messages[].identity`: sent along with customer_identity_changed.
struct IdentityContent {
  std::optional<bool> acknowledged;
  Timestamp created_timestamp;
  std::optional<std::string> hash;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// `messages[].referral`: the user came from a click-to-WhatsApp ad or post.
struct Referral {
  std::optional<std::string> source_url;
  std::optional<std::string> source_id;
  std::optional<std::string> source_type;
  std::optional<std::string> headline;
  std::optional<std::string> body;
  std::optional<std::string> media_type;
  std::optional<std::string> image_url;
  std::optional<std::string> video_url;
  std::optional<std::string> thumbnail_url;
  std::optional<std::string> ctwa_clid;
  std::optional<std::string> welcome_message_text;  ///< welcome_message.text (click-to-WhatsApp ads)
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// Message kinds known to this library; Message::type keeps the original string.
enum class MessageType {
  kText,
  kImage,
  kVideo,
  kDocument,
  kAudio,
  kSticker,
  kLocation,
  kContacts,
  kInteractive,
  kButton,  ///< template quick-reply button
  kReaction,
  kOrder,
  kSystem,
  kRequestWelcome,  ///< the user opened the chat for the first time ("chat opened")
  kUnsupported,
  kUnknown,  ///< a type string this library does not know
};

/// The MessageType for a `type` string.
inline MessageType message_type_from_string(std::string_view t) noexcept {
  if (t == "text") return MessageType::kText;
  if (t == "image") return MessageType::kImage;
  if (t == "video") return MessageType::kVideo;
  if (t == "document") return MessageType::kDocument;
  if (t == "audio") return MessageType::kAudio;
  if (t == "sticker") return MessageType::kSticker;
  if (t == "location") return MessageType::kLocation;
  if (t == "contacts") return MessageType::kContacts;
  if (t == "interactive") return MessageType::kInteractive;
  if (t == "button") return MessageType::kButton;
  if (t == "reaction") return MessageType::kReaction;
  if (t == "order") return MessageType::kOrder;
  if (t == "system") return MessageType::kSystem;
  if (t == "request_welcome") return MessageType::kRequestWelcome;
  // "unknown" is what older payloads call an unsupported message (error 131051).
  if (t == "unsupported" || t == "unknown") return MessageType::kUnsupported;
  return MessageType::kUnknown;
}

/// An incoming message (`value.messages[]`).
struct Message {
  std::string id;  ///< wamid
  /// Sender's wa_id (phone number); empty when the user hides it behind a username (then
  /// from_user_id names them; reply with webhook::reply_recipient(), reply.hpp).
  std::string from;
  std::optional<std::string> from_user_id;         ///< Sender's BSUID, when sent.
  std::optional<std::string> from_parent_user_id;  ///< Sender's parent BSUID, when sent.
  /// The group the message was written in (Groups API); absent for a one-to-one message. `from`
  /// is then the member who wrote it; answer the group by sending to this id with
  /// Message::to_group() (docs/messages.md "Groups").
  std::optional<std::string> group_id;
  Timestamp timestamp;
  std::string type;  ///< As received: "text", "image", ..., or a newer one.

  Optional<MessageContext> context;
  Optional<TextContent> text;
  Optional<MediaContent> image;
  Optional<MediaContent> video;
  Optional<MediaContent> document;
  Optional<MediaContent> audio;  ///< Voice notes too (audio->voice).
  Optional<MediaContent> sticker;
  Optional<LocationContent> location;
  std::vector<SharedContact> contacts;
  Optional<InteractiveContent> interactive;
  Optional<ButtonContent> button;
  Optional<ReactionContent> reaction;
  Optional<OrderContent> order;
  Optional<SystemContent> system;
  Optional<IdentityContent> identity;
  Optional<Referral> referral;
  std::optional<std::string> unsupported_type;  ///< unsupported.type, e.g. "poll"
  std::vector<ErrorObject> errors;              ///< Why the message could not be delivered whole.
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).

  MessageType kind() const noexcept { return message_type_from_string(type); }

  /// The media part of an image, video, document, audio or sticker message, else nullptr.
  const MediaContent* media() const noexcept {
    if (image) return &*image;
    if (video) return &*video;
    if (document) return &*document;
    if (audio) return &*audio;
    if (sticker) return &*sticker;
    return nullptr;
  }

  /// True when the message was written in a group (group_id is set and not empty).
  bool in_group() const noexcept { return group_id && !group_id->empty(); }

  /// True when the message was forwarded (once or frequently).
  bool forwarded() const noexcept { return context && (context->forwarded || context->frequently_forwarded); }
};

}  // namespace whatsapp::webhook
