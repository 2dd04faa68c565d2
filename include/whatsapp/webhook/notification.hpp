#pragma once

/// @file notification.hpp
/// The typed form of a webhook POST body: Notification -> Entry -> Change -> messages, statuses,
/// template and account updates. Produced by webhook::parse() (parse.hpp).
///
/// Conventions of these structs:
///  - Fields Meta always sends are `std::string` (empty if a payload lacks them); fields that are
///    sometimes absent are `std::optional`; lists are `std::vector` (empty when absent).
///  - Enumerated values stay strings exactly as received (`type`, `status`, `event`, ...); a
///    helper (`kind()`, `model()`, ...) maps them to an enum whose `kUnknown` covers values this
///    library does not know yet. New message types appear often, so nothing fails on them.
///  - Every object keeps the JSON it came from in `raw`, so fields not modelled here are still
///    reachable.
///
/// Message contents: a Message has a MessageType (from its `type` string) and one
/// `std::optional` member per kind (`text`, `image`, `interactive`, ...), not a `std::variant`.
/// The wire format is an object with several optional parts that can appear together — a text
/// with a `referral` from an ad, a `system` notice with an `identity`, an `unsupported` message
/// with `errors` — and a variant would have to pick one and drop the rest. Optional members keep
/// them all, read plainly (`if (m.text) use(m.text->body)`), and an unknown type simply has no
/// typed member but still has `raw`.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/error.hpp"

namespace whatsapp::webhook {

/// A point in time as Meta sends it: a string (or number) of seconds since the Unix epoch.
/// The text is kept as received; the accessors convert it.
struct Timestamp {
  std::string text;  ///< As received, e.g. "1697043223"; numbers are rendered in decimal.

  /// Seconds since the epoch, or nullopt when the text is empty or not a decimal integer.
  std::optional<std::int64_t> seconds() const noexcept { return detail::parse_int64(text); }

  /// The same instant as a system_clock time point, or nullopt like seconds(); also nullopt when
  /// the value does not fit the clock's range.
  std::optional<std::chrono::system_clock::time_point> time_point() const noexcept {
    auto s = seconds();
    // system_clock counts in at most nanoseconds on the supported platforms: +-292 years.
    constexpr std::int64_t kLimit = 9'000'000'000LL;
    if (!s || *s > kLimit || *s < -kLimit) return std::nullopt;
    return std::chrono::system_clock::time_point(std::chrono::seconds(*s));
  }

  bool empty() const noexcept { return text.empty(); }
};

/// An error object inside a webhook (`statuses[].errors[]`, `messages[].errors[]`,
/// `value.errors[]`). Webhook errors have a title and often an href, but no type or fbtrace_id.
struct ErrorObject {
  std::optional<std::int64_t> code;
  std::string title;
  std::string message;
  std::string details;  ///< error_data.details
  std::string href;
  nlohmann::json raw;

  /// The error's family derived from its code (see whatsapp::error_category()); kNone without one.
  ErrorCategory category() const noexcept { return code ? error_category(*code) : ErrorCategory::kNone; }

  /// The same error in the shape the client's errors use.
  GraphError to_graph_error() const {
    GraphError g;
    g.code = code;
    g.message = message.empty() ? title : message;
    g.details = details;
    g.error_user_title = title;
    return g;
  }
};

/// The business phone number a change concerns.
struct Metadata {
  std::string display_phone_number;
  std::string phone_number_id;
  nlohmann::json raw;
};

/// A WhatsApp user named in a change (`value.contacts[]`).
struct Contact {
  std::string wa_id;                          ///< Phone number as WhatsApp knows it.
  std::optional<std::string> user_id;         ///< Business-scoped user id (BSUID), when sent.
  std::optional<std::string> parent_user_id;  ///< The parent BSUID, when sent.
  std::optional<std::string> profile_name;    ///< profile.name
  nlohmann::json raw;
};

/// What a message replies to or where it came from (`messages[].context`).
struct MessageContext {
  std::optional<std::string> from;  ///< Sender of the message replied to.
  std::optional<std::string> id;    ///< wamid of the message replied to.
  bool forwarded = false;
  bool frequently_forwarded = false;
  std::optional<std::string> referred_product_catalog_id;   ///< referred_product.catalog_id
  std::optional<std::string> referred_product_retailer_id;  ///< referred_product.product_retailer_id
  nlohmann::json raw;
};

/// `messages[].text`
struct TextContent {
  std::string body;
  nlohmann::json raw;
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
  nlohmann::json raw;
};

/// `messages[].location`: a shared pin (with name/address/url) or a current location (without).
struct LocationContent {
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<std::string> name;
  std::optional<std::string> address;
  std::optional<std::string> url;
  nlohmann::json raw;
};

/// One phone number of a shared contact card.
struct ContactPhone {
  std::optional<std::string> phone;
  std::optional<std::string> wa_id;
  std::optional<std::string> type;  ///< "CELL", "HOME", "WORK", ...
  nlohmann::json raw;
};

/// One contact card (`messages[].contacts[]`). Emails, addresses, urls, org and birthday stay
/// in `raw`.
struct SharedContact {
  std::optional<std::string> formatted_name;
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::vector<ContactPhone> phones;
  nlohmann::json raw;
};

/// A tapped reply button or a chosen list row (`interactive.button_reply` / `list_reply`).
struct ReplyChoice {
  std::string id;  ///< The id the business gave the button or row.
  std::string title;
  std::optional<std::string> description;  ///< list rows only
  nlohmann::json raw;
};

/// A completed WhatsApp Flow (`interactive.nfm_reply`).
struct FlowReply {
  std::optional<std::string> name;  ///< "flow"
  std::optional<std::string> body;  ///< "Sent"
  std::string response_json;        ///< The flow's answers: a JSON document inside a string.
  /// response_json parsed; discarded (is_discarded()) when the string is not valid JSON.
  nlohmann::json response;
  nlohmann::json raw;

  /// The flow_token from the response, when the flow sent one.
  std::optional<std::string> flow_token() const { return detail::text_at(response, "flow_token"); }
};

/// Kinds of interactive replies.
enum class InteractiveType { kButtonReply, kListReply, kFlowReply, kUnknown };

/// `messages[].interactive`: the user answered an interactive message.
struct InteractiveContent {
  std::string type;  ///< "button_reply", "list_reply", "nfm_reply", or a newer one
  std::optional<ReplyChoice> button_reply;
  std::optional<ReplyChoice> list_reply;
  std::optional<FlowReply> nfm_reply;
  nlohmann::json raw;

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
  nlohmann::json raw;
};

/// `messages[].reaction`: an emoji put on (or taken off) one of the business's messages.
struct ReactionContent {
  std::string message_id;            ///< The message reacted to.
  std::optional<std::string> emoji;  ///< Absent or empty when the reaction was removed.
  nlohmann::json raw;

  /// True when this reaction removes an earlier one.
  bool removed() const noexcept { return !emoji || emoji->empty(); }
};

/// One line of an order.
struct OrderItem {
  std::string product_retailer_id;
  std::optional<std::int64_t> quantity;
  std::optional<double> item_price;
  std::optional<std::string> currency;
  nlohmann::json raw;
};

/// `messages[].order`: a cart sent from a catalog.
struct OrderContent {
  std::string catalog_id;
  std::optional<std::string> text;
  std::vector<OrderItem> product_items;
  nlohmann::json raw;
};

/// `messages[].system`: the user changed number or identity.
struct SystemContent {
  std::string type;  ///< "user_changed_number", "customer_identity_changed", ...
  std::optional<std::string> body;
  std::optional<std::string> wa_id;  ///< user_changed_number: the new wa_id
  std::optional<std::string> customer;
  std::optional<std::string> identity;
  nlohmann::json raw;
};

/// `messages[].identity`: sent along with customer_identity_changed.
struct IdentityContent {
  std::optional<bool> acknowledged;
  Timestamp created_timestamp;
  std::optional<std::string> hash;
  nlohmann::json raw;
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
  nlohmann::json raw;
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
  if (t == "unsupported") return MessageType::kUnsupported;
  return MessageType::kUnknown;
}

/// An incoming message (`value.messages[]`).
struct Message {
  std::string id;                                  ///< wamid
  std::string from;                                ///< Sender's wa_id (phone number)
  std::optional<std::string> from_user_id;         ///< Sender's BSUID, when sent.
  std::optional<std::string> from_parent_user_id;  ///< Sender's parent BSUID, when sent.
  Timestamp timestamp;
  std::string type;  ///< As received: "text", "image", ..., or a newer one.

  std::optional<MessageContext> context;
  std::optional<TextContent> text;
  std::optional<MediaContent> image;
  std::optional<MediaContent> video;
  std::optional<MediaContent> document;
  std::optional<MediaContent> audio;  ///< Voice notes too (audio->voice).
  std::optional<MediaContent> sticker;
  std::optional<LocationContent> location;
  std::vector<SharedContact> contacts;
  std::optional<InteractiveContent> interactive;
  std::optional<ButtonContent> button;
  std::optional<ReactionContent> reaction;
  std::optional<OrderContent> order;
  std::optional<SystemContent> system;
  std::optional<IdentityContent> identity;
  std::optional<Referral> referral;
  std::optional<std::string> unsupported_type;  ///< unsupported.type, e.g. "poll"
  std::vector<ErrorObject> errors;              ///< Why the message could not be delivered whole.
  nlohmann::json raw;

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

  /// True when the message was forwarded (once or frequently).
  bool forwarded() const noexcept { return context && (context->forwarded || context->frequently_forwarded); }
};

/// Delivery states known to this library; Status::status keeps the original string.
enum class StatusKind { kSent, kDelivered, kRead, kPlayed, kFailed, kDeleted, kWarning, kUnknown };

/// The StatusKind for a `status` string.
inline StatusKind status_kind_from_string(std::string_view s) noexcept {
  if (s == "sent") return StatusKind::kSent;
  if (s == "delivered") return StatusKind::kDelivered;
  if (s == "read") return StatusKind::kRead;
  if (s == "played") return StatusKind::kPlayed;
  if (s == "failed") return StatusKind::kFailed;
  if (s == "deleted") return StatusKind::kDeleted;
  if (s == "warning") return StatusKind::kWarning;
  return StatusKind::kUnknown;
}

/// The conversation a status was billed in (`statuses[].conversation`).
struct Conversation {
  std::string id;
  std::optional<Timestamp> expiration_timestamp;
  std::optional<std::string> origin_type;  ///< origin.type: "service", "marketing", ...
  nlohmann::json raw;
};

/// Pricing models.
enum class PricingModel {
  kConversationBased,  ///< "CBP": billed per 24-hour conversation
  kPerMessage,         ///< "PMP": billed per message
  kUnknown,
};

/// `statuses[].pricing`, in both models: CBP has pricing_model/category/billable, PMP also has
/// `type` ("regular", "free_customer_service", "free_entry_point").
struct Pricing {
  std::optional<bool> billable;
  std::string pricing_model;            ///< "CBP", "PMP", ...
  std::optional<std::string> category;  ///< "service", "marketing", "utility", ...
  std::optional<std::string> type;      ///< PMP only
  nlohmann::json raw;

  PricingModel model() const noexcept {
    if (pricing_model == "CBP") return PricingModel::kConversationBased;
    if (pricing_model == "PMP") return PricingModel::kPerMessage;
    return PricingModel::kUnknown;
  }
};

/// A delivery status of a message the business sent (`value.statuses[]`).
struct Status {
  std::string id;      ///< wamid of the message sent
  std::string status;  ///< As received: "sent", "delivered", "read", "played", "failed", ...
  Timestamp timestamp;
  std::string recipient_id;                             ///< wa_id of the recipient
  std::optional<std::string> recipient_user_id;         ///< BSUID of the recipient, when sent
  std::optional<std::string> parent_recipient_user_id;  ///< parent BSUID, when sent
  std::optional<std::string> biz_opaque_callback_data;  ///< Echo of the tracker set on send.
  std::optional<Conversation> conversation;
  std::optional<Pricing> pricing;
  std::vector<ErrorObject> errors;  ///< Why it failed (status "failed").
  nlohmann::json raw;

  StatusKind kind() const noexcept { return status_kind_from_string(status); }
};

/// The template a template update is about. Ids are kept as text (Meta sends numbers).
struct TemplateRef {
  std::string id;        ///< message_template_id
  std::string name;      ///< message_template_name
  std::string language;  ///< message_template_language
};

/// `field: message_template_status_update`: a template was approved, rejected, paused, ...
struct TemplateStatusUpdate {
  TemplateRef template_ref;
  std::string event;                                    ///< "APPROVED", "REJECTED", "PAUSED", "DISABLED", ...
  std::optional<std::string> reason;                    ///< "NONE", "INVALID_FORMAT", ...
  std::optional<std::string> category;                  ///< message_template_category
  std::optional<std::string> rejection_reason;          ///< rejection_info.reason
  std::optional<std::string> rejection_recommendation;  ///< rejection_info.recommendation
  nlohmann::json raw;
};

/// `field: message_template_quality_update`.
struct TemplateQualityUpdate {
  TemplateRef template_ref;
  std::optional<std::string> previous_quality_score;  ///< "GREEN", "YELLOW", "RED", "UNKNOWN"
  std::string new_quality_score;
  nlohmann::json raw;
};

/// `field: template_category_update`.
struct TemplateCategoryUpdate {
  TemplateRef template_ref;
  std::optional<std::string> previous_category;
  std::string new_category;
  std::optional<std::string> correct_category;
  nlohmann::json raw;
};

/// A button of a template, as `message_template_components_update` lists it.
struct TemplateButtonInfo {
  std::string type;  ///< message_template_button_type: "URL", "PHONE_NUMBER", "QUICK_REPLY", ...
  std::string text;
  std::optional<std::string> url;
  std::optional<std::string> phone_number;
  nlohmann::json raw;
};

/// `field: message_template_components_update`: a template's text changed.
struct TemplateComponentsUpdate {
  TemplateRef template_ref;
  std::optional<std::string> title;    ///< message_template_title (header)
  std::optional<std::string> element;  ///< message_template_element (body)
  std::optional<std::string> footer;   ///< message_template_footer
  std::vector<TemplateButtonInfo> buttons;
  nlohmann::json raw;
};

/// `field: account_update`: the account was verified, restricted, banned, ...
struct AccountUpdate {
  std::string event;  ///< "VERIFIED_ACCOUNT", "ACCOUNT_VIOLATION", "DISABLED_UPDATE", ...
  std::optional<std::string> phone_number;
  nlohmann::json raw;  ///< ban_info, violation_info, restriction_info, ... stay here
};

/// `field: user_preferences`: a user stopped or resumed marketing messages.
struct UserPreference {
  std::string wa_id;
  std::optional<std::string> user_id;
  std::optional<std::string> detail;
  std::string category;  ///< "marketing_messages"
  std::string value;     ///< "stop", "resume"
  Timestamp timestamp;
  nlohmann::json raw;
};

/// The `field` values known to this library; Change::field keeps the original string.
enum class ChangeField {
  kMessages,
  kTemplateStatusUpdate,      ///< message_template_status_update
  kTemplateQualityUpdate,     ///< message_template_quality_update
  kTemplateCategoryUpdate,    ///< template_category_update
  kTemplateComponentsUpdate,  ///< message_template_components_update
  kAccountUpdate,             ///< account_update
  kUserPreferences,           ///< user_preferences
  kUnknown,                   ///< any other field: read Change::value
};

/// The ChangeField for a `field` string.
inline ChangeField change_field_from_string(std::string_view f) noexcept {
  if (f == "messages") return ChangeField::kMessages;
  if (f == "message_template_status_update") return ChangeField::kTemplateStatusUpdate;
  if (f == "message_template_quality_update") return ChangeField::kTemplateQualityUpdate;
  if (f == "template_category_update") return ChangeField::kTemplateCategoryUpdate;
  if (f == "message_template_components_update") return ChangeField::kTemplateComponentsUpdate;
  if (f == "account_update") return ChangeField::kAccountUpdate;
  if (f == "user_preferences") return ChangeField::kUserPreferences;
  return ChangeField::kUnknown;
}

/// One change of an entry: a `field` name and its `value`. Which members are filled depends on
/// the field; `value` always holds the raw value.
struct Change {
  std::string field;

  // field "messages" (and "user_preferences", which shares its frame):
  std::optional<std::string> messaging_product;
  std::optional<Metadata> metadata;
  std::vector<Contact> contacts;
  std::vector<Message> messages;
  std::vector<Status> statuses;
  std::vector<ErrorObject> errors;  ///< value.errors: problems not tied to one message
  std::vector<UserPreference> user_preferences;

  // template and account fields:
  std::optional<TemplateStatusUpdate> template_status;
  std::optional<TemplateQualityUpdate> template_quality;
  std::optional<TemplateCategoryUpdate> template_category;
  std::optional<TemplateComponentsUpdate> template_components;
  std::optional<AccountUpdate> account_update;

  nlohmann::json value;  ///< The raw value, whatever the field.

  ChangeField kind() const noexcept { return change_field_from_string(field); }

  /// metadata.phone_number_id, or "" when the change has no metadata.
  std::string_view phone_number_id() const noexcept {
    return metadata ? std::string_view(metadata->phone_number_id) : std::string_view();
  }

  /// The contact whose wa_id (or user_id) is `id`, or nullptr.
  const Contact* find_contact(std::string_view id) const noexcept {
    if (id.empty()) return nullptr;
    for (const auto& c : contacts) {
      if (c.wa_id == id || (c.user_id && *c.user_id == id)) return &c;
    }
    return nullptr;
  }
};

/// One entry: the WhatsApp Business Account (WABA) id and its changes.
struct Entry {
  std::string id;                 ///< WABA id
  std::optional<Timestamp> time;  ///< Sent with template and account updates.
  std::vector<Change> changes;
  nlohmann::json raw;
};

/// A whole webhook POST body.
struct Notification {
  std::string object;  ///< "whatsapp_business_account"
  std::vector<Entry> entries;
  nlohmann::json raw;  ///< The whole body, parsed.
};

}  // namespace whatsapp::webhook
