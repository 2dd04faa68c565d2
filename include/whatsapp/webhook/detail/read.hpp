#pragma once

/// @file webhook/detail/read.hpp
/// Private: builds the typed notification structs from the parsed body. Every reader takes any
/// JSON value inside the body (an object is expected; anything else yields an empty struct),
/// reads it with the tolerant readers of detail/json_read.hpp, points the struct's `raw` at it
/// (no copy), and never throws except std::bad_alloc.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/webhook/detail/read_base.hpp"
#include "whatsapp/webhook/detail/read_shared_contact.hpp"
#include "whatsapp/webhook/notification.hpp"

namespace whatsapp::detail {

inline wh::Contact webhook_read_contact(const WebhookDoc& d, const webhook_json& j) {
  wh::Contact c;
  c.wa_id = text_or_empty(j, "wa_id");
  c.user_id = text_at(j, "user_id");
  c.parent_user_id = text_at(j, "parent_user_id");
  if (const webhook_json* p = object_at(j, "profile")) {
    c.profile_name = text_at(*p, "name");
    c.username = text_at(*p, "username");
  }
  c.raw = d.ref(j);
  return c;
}

inline wh::MessageContext webhook_read_context(const WebhookDoc& d, const webhook_json& j) {
  wh::MessageContext c;
  c.from = text_at(j, "from");
  c.id = text_at(j, "id");
  c.forwarded = bool_at(j, "forwarded").value_or(false);
  c.frequently_forwarded = bool_at(j, "frequently_forwarded").value_or(false);
  if (const webhook_json* p = object_at(j, "referred_product")) {
    c.referred_product_catalog_id = text_at(*p, "catalog_id");
    c.referred_product_retailer_id = text_at(*p, "product_retailer_id");
  }
  c.raw = d.ref(j);
  return c;
}

inline wh::MediaContent webhook_read_media(const WebhookDoc& d, const webhook_json& j) {
  wh::MediaContent m;
  m.id = text_or_empty(j, "id");
  m.mime_type = text_at(j, "mime_type");
  m.sha256 = text_at(j, "sha256");
  m.caption = text_at(j, "caption");
  m.filename = text_at(j, "filename");
  m.url = text_at(j, "url");
  m.voice = bool_at(j, "voice");
  m.animated = bool_at(j, "animated");
  m.raw = d.ref(j);
  return m;
}

inline wh::LocationContent webhook_read_location(const WebhookDoc& d, const webhook_json& j) {
  wh::LocationContent l;
  l.latitude = double_at(j, "latitude");
  l.longitude = double_at(j, "longitude");
  l.name = text_at(j, "name");
  l.address = text_at(j, "address");
  l.url = text_at(j, "url");
  l.raw = d.ref(j);
  return l;
}

inline wh::ReplyChoice webhook_read_reply_choice(const WebhookDoc& d, const webhook_json& j) {
  return wh::ReplyChoice{text_or_empty(j, "id"), text_or_empty(j, "title"), text_at(j, "description"),
                         d.ref(j)};
}

inline wh::FlowReply webhook_read_flow_reply(const WebhookDoc& d, const webhook_json& j) {
  wh::FlowReply f;
  f.name = text_at(j, "name");
  f.body = text_at(j, "body");
  f.response_json = text_or_empty(j, "response_json");
  // Not exception-based: a bad response_json is the flow's problem, not the notification's.
  f.response = parse_json(f.response_json);
  f.raw = d.ref(j);
  return f;
}

inline wh::InteractiveContent webhook_read_interactive(const WebhookDoc& d, const webhook_json& j) {
  wh::InteractiveContent i;
  i.type = text_or_empty(j, "type");
  i.button_reply = webhook_read_optional<wh::ReplyChoice>(d, j, "button_reply", webhook_read_reply_choice);
  i.list_reply = webhook_read_optional<wh::ReplyChoice>(d, j, "list_reply", webhook_read_reply_choice);
  i.nfm_reply = webhook_read_optional<wh::FlowReply>(d, j, "nfm_reply", webhook_read_flow_reply);
  i.raw = d.ref(j);
  return i;
}

inline wh::OrderContent webhook_read_order(const WebhookDoc& d, const webhook_json& j) {
  wh::OrderContent o;
  o.catalog_id = text_or_empty(j, "catalog_id");
  o.text = text_at(j, "text");
  o.product_items = webhook_read_list<wh::OrderItem>(
      d, j, "product_items", [](const WebhookDoc& in, const webhook_json& p) {
        return wh::OrderItem{text_or_empty(p, "product_retailer_id"), int_at(p, "quantity"),
                             double_at(p, "item_price"), text_at(p, "currency"), in.ref(p)};
      });
  o.raw = d.ref(j);
  return o;
}

inline wh::SystemContent webhook_read_system(const WebhookDoc& d, const webhook_json& j) {
  wh::SystemContent s;
  s.type = text_or_empty(j, "type");
  s.body = text_at(j, "body");
  s.wa_id = text_at(j, "wa_id");
  if (!s.wa_id) s.wa_id = text_at(j, "new_wa_id");  // older API versions
  s.customer = text_at(j, "customer");
  s.identity = text_at(j, "identity");
  s.user_id = text_at(j, "user_id");
  s.parent_user_id = text_at(j, "parent_user_id");
  s.previous_user_id = text_at(j, "previous_user_id");
  s.previous_parent_user_id = text_at(j, "previous_parent_user_id");
  s.raw = d.ref(j);
  return s;
}

inline wh::IdentityContent webhook_read_identity(const WebhookDoc& d, const webhook_json& j) {
  return wh::IdentityContent{bool_at(j, "acknowledged"), webhook_read_timestamp(j, "created_timestamp"),
                             text_at(j, "hash"), d.ref(j)};
}

inline wh::Referral webhook_read_referral(const WebhookDoc& d, const webhook_json& j) {
  wh::Referral r;
  r.source_url = text_at(j, "source_url");
  r.source_id = text_at(j, "source_id");
  r.source_type = text_at(j, "source_type");
  r.headline = text_at(j, "headline");
  r.body = text_at(j, "body");
  r.media_type = text_at(j, "media_type");
  r.image_url = text_at(j, "image_url");
  r.video_url = text_at(j, "video_url");
  r.thumbnail_url = text_at(j, "thumbnail_url");
  r.ctwa_clid = text_at(j, "ctwa_clid");
  if (const webhook_json* w = object_at(j, "welcome_message")) r.welcome_message_text = text_at(*w, "text");
  r.raw = d.ref(j);
  return r;
}

inline wh::Message webhook_read_message(const WebhookDoc& d, const webhook_json& j) {
  wh::Message m;
  m.id = text_or_empty(j, "id");
  m.from = text_or_empty(j, "from");
  m.from_user_id = text_at(j, "from_user_id");
  m.from_parent_user_id = text_at(j, "from_parent_user_id");
  m.group_id = text_at(j, "group_id");
  m.timestamp = webhook_read_timestamp(j, "timestamp");
  m.type = text_or_empty(j, "type");
  m.context = webhook_read_optional<wh::MessageContext>(d, j, "context", webhook_read_context);
  m.text =
      webhook_read_optional<wh::TextContent>(d, j, "text", [](const WebhookDoc& in, const webhook_json& t) {
        return wh::TextContent{text_or_empty(t, "body"), in.ref(t)};
      });
  m.image = webhook_read_optional<wh::MediaContent>(d, j, "image", webhook_read_media);
  m.video = webhook_read_optional<wh::MediaContent>(d, j, "video", webhook_read_media);
  m.document = webhook_read_optional<wh::MediaContent>(d, j, "document", webhook_read_media);
  m.audio = webhook_read_optional<wh::MediaContent>(d, j, "audio", webhook_read_media);
  m.sticker = webhook_read_optional<wh::MediaContent>(d, j, "sticker", webhook_read_media);
  m.location = webhook_read_optional<wh::LocationContent>(d, j, "location", webhook_read_location);
  m.contacts = webhook_read_list<wh::SharedContact>(d, j, "contacts", webhook_read_shared_contact);
  m.interactive =
      webhook_read_optional<wh::InteractiveContent>(d, j, "interactive", webhook_read_interactive);
  m.button = webhook_read_optional<wh::ButtonContent>(
      d, j, "button", [](const WebhookDoc& in, const webhook_json& b) {
        return wh::ButtonContent{text_or_empty(b, "payload"), text_or_empty(b, "text"), in.ref(b)};
      });
  m.reaction = webhook_read_optional<wh::ReactionContent>(
      d, j, "reaction", [](const WebhookDoc& in, const webhook_json& r) {
        return wh::ReactionContent{text_or_empty(r, "message_id"), text_at(r, "emoji"), in.ref(r)};
      });
  m.order = webhook_read_optional<wh::OrderContent>(d, j, "order", webhook_read_order);
  m.system = webhook_read_optional<wh::SystemContent>(d, j, "system", webhook_read_system);
  m.identity = webhook_read_optional<wh::IdentityContent>(d, j, "identity", webhook_read_identity);
  m.referral = webhook_read_optional<wh::Referral>(d, j, "referral", webhook_read_referral);
  if (const webhook_json* u = object_at(j, "unsupported")) m.unsupported_type = text_at(*u, "type");
  m.errors = webhook_read_errors(d, j);
  m.raw = d.ref(j);
  return m;
}

inline wh::Status webhook_read_status(const WebhookDoc& d, const webhook_json& j) {
  wh::Status s;
  s.id = text_or_empty(j, "id");
  s.status = text_or_empty(j, "status");
  s.timestamp = webhook_read_timestamp(j, "timestamp");
  s.recipient_id = text_or_empty(j, "recipient_id");
  s.recipient_user_id = text_at(j, "recipient_user_id");
  s.parent_recipient_user_id = text_at(j, "parent_recipient_user_id");  // sources spell it both ways
  if (!s.parent_recipient_user_id) s.parent_recipient_user_id = text_at(j, "recipient_parent_user_id");
  s.recipient_type = text_at(j, "recipient_type");
  s.recipient_participant_id = text_at(j, "recipient_participant_id");
  s.biz_opaque_callback_data = text_at(j, "biz_opaque_callback_data");
  s.conversation = webhook_read_optional<wh::Conversation>(
      d, j, "conversation", [](const WebhookDoc& in, const webhook_json& c) {
        wh::Conversation conv;
        conv.id = text_or_empty(c, "id");
        if (member(c, "expiration_timestamp") != nullptr) {
          conv.expiration_timestamp = webhook_read_timestamp(c, "expiration_timestamp");
        }
        if (const webhook_json* o = object_at(c, "origin")) conv.origin_type = text_at(*o, "type");
        conv.raw = in.ref(c);
        return conv;
      });
  s.pricing =
      webhook_read_optional<wh::Pricing>(d, j, "pricing", [](const WebhookDoc& in, const webhook_json& p) {
        return wh::Pricing{bool_at(p, "billable"), text_or_empty(p, "pricing_model"), text_at(p, "category"),
                           text_at(p, "type"), in.ref(p)};
      });
  s.errors = webhook_read_errors(d, j);
  s.raw = d.ref(j);
  return s;
}

inline wh::TemplateRef webhook_read_template_ref(const webhook_json& j) {
  return wh::TemplateRef{text_or_empty(j, "message_template_id"), text_or_empty(j, "message_template_name"),
                         text_or_empty(j, "message_template_language")};
}

inline wh::TemplateStatusUpdate webhook_read_template_status(const WebhookDoc& d, const webhook_json& j) {
  wh::TemplateStatusUpdate u;
  u.template_ref = webhook_read_template_ref(j);
  u.event = text_or_empty(j, "event");
  u.reason = text_at(j, "reason");
  u.category = text_at(j, "message_template_category");
  if (const webhook_json* r = object_at(j, "rejection_info")) {
    u.rejection_reason = text_at(*r, "reason");
    u.rejection_recommendation = text_at(*r, "recommendation");
  }
  u.raw = d.ref(j);
  return u;
}

inline wh::TemplateQualityUpdate webhook_read_template_quality(const WebhookDoc& d, const webhook_json& j) {
  return wh::TemplateQualityUpdate{webhook_read_template_ref(j), text_at(j, "previous_quality_score"),
                                   text_or_empty(j, "new_quality_score"), d.ref(j)};
}

inline wh::TemplateCategoryUpdate webhook_read_template_category(const WebhookDoc& d, const webhook_json& j) {
  return wh::TemplateCategoryUpdate{webhook_read_template_ref(j), text_at(j, "previous_category"),
                                    text_or_empty(j, "new_category"), text_at(j, "correct_category"),
                                    d.ref(j)};
}

inline wh::TemplateComponentsUpdate webhook_read_template_components(const WebhookDoc& d,
                                                                     const webhook_json& j) {
  wh::TemplateComponentsUpdate u;
  u.template_ref = webhook_read_template_ref(j);
  u.title = text_at(j, "message_template_title");
  u.element = text_at(j, "message_template_element");
  u.footer = text_at(j, "message_template_footer");
  u.buttons = webhook_read_list<wh::TemplateButtonInfo>(
      d, j, "message_template_buttons", [](const WebhookDoc& in, const webhook_json& b) {
        return wh::TemplateButtonInfo{text_or_empty(b, "message_template_button_type"),
                                      text_or_empty(b, "message_template_button_text"),
                                      text_at(b, "message_template_button_url"),
                                      text_at(b, "message_template_button_phone_number"), in.ref(b)};
      });
  u.raw = d.ref(j);
  return u;
}

inline wh::UserPreference webhook_read_user_preference(const WebhookDoc& d, const webhook_json& j) {
  return wh::UserPreference{text_or_empty(j, "wa_id"),
                            text_at(j, "user_id"),
                            text_at(j, "detail"),
                            text_or_empty(j, "category"),
                            text_or_empty(j, "value"),
                            webhook_read_timestamp(j, "timestamp"),
                            d.ref(j)};
}

/// The items of `value.groups[]` (group webhooks), each read by webhook_read_group()
/// (detail/read_group.hpp, included at the end of this file).
inline std::vector<wh::GroupUpdate> webhook_read_groups(const WebhookDoc& d, const webhook_json& value);
// `user_id_update[]`: ids as {"previous","current"} objects (a bare string is taken as current).
inline wh::UserIdUpdate webhook_read_user_id_update(const WebhookDoc& d, const webhook_json& j) {
  wh::UserIdUpdate u;
  u.wa_id = text_at(j, "wa_id");
  u.detail = text_at(j, "detail");
  if (const webhook_json* id = object_at(j, "user_id")) {
    u.previous_user_id = text_or_empty(*id, "previous");
    u.current_user_id = text_or_empty(*id, "current");
  } else {
    u.current_user_id = text_or_empty(j, "user_id");
  }
  if (const webhook_json* p = object_at(j, "parent_user_id")) {
    u.previous_parent_user_id = text_at(*p, "previous");
    u.current_parent_user_id = text_at(*p, "current");
  } else {
    u.current_parent_user_id = text_at(j, "parent_user_id");
  }
  u.timestamp = webhook_read_timestamp(j, "timestamp");
  u.raw = d.ref(j);
  return u;
}

/// A change from its `value` and `field`. Values that are not objects give a Change with only
/// `field` and `value` set.
inline wh::Change webhook_read_change(const WebhookDoc& d, const webhook_json& value, std::string field) {
  wh::Change c;
  c.field = std::move(field);
  c.messaging_product = text_at(value, "messaging_product");
  c.metadata = webhook_read_optional<wh::Metadata>(d, value, "metadata", webhook_read_metadata);
  c.contacts = webhook_read_list<wh::Contact>(d, value, "contacts", webhook_read_contact);
  switch (c.kind()) {
    case wh::ChangeField::kMessages:
      c.messages = webhook_read_list<wh::Message>(d, value, "messages", webhook_read_message);
      c.statuses = webhook_read_list<wh::Status>(d, value, "statuses", webhook_read_status);
      c.errors = webhook_read_errors(d, value);
      break;
    case wh::ChangeField::kUserPreferences:
      c.user_preferences =
          webhook_read_list<wh::UserPreference>(d, value, "user_preferences", webhook_read_user_preference);
      break;
    case wh::ChangeField::kUserIdUpdate:
      c.user_id_updates =
          webhook_read_list<wh::UserIdUpdate>(d, value, "user_id_update", webhook_read_user_id_update);
      break;
    case wh::ChangeField::kTemplateStatusUpdate:
      if (value.is_object()) c.template_status = webhook_read_template_status(d, value);
      break;
    case wh::ChangeField::kTemplateQualityUpdate:
      if (value.is_object()) c.template_quality = webhook_read_template_quality(d, value);
      break;
    case wh::ChangeField::kTemplateCategoryUpdate:
      if (value.is_object()) c.template_category = webhook_read_template_category(d, value);
      break;
    case wh::ChangeField::kTemplateComponentsUpdate:
      if (value.is_object()) c.template_components = webhook_read_template_components(d, value);
      break;
    case wh::ChangeField::kAccountUpdate:
      if (value.is_object()) {
        c.account_update =
            wh::AccountUpdate{text_or_empty(value, "event"), text_at(value, "phone_number"), d.ref(value)};
      }
      break;
    case wh::ChangeField::kGroupLifecycleUpdate:
    case wh::ChangeField::kGroupParticipantsUpdate:
    case wh::ChangeField::kGroupSettingsUpdate:
    case wh::ChangeField::kGroupStatusUpdate: c.groups = webhook_read_groups(d, value); break;
    case wh::ChangeField::kUnknown:
      // A group field newer than this library: its updates still come out typed.
      if (c.field.rfind("group_", 0) == 0) c.groups = webhook_read_groups(d, value);
      break;
  }
  c.value = d.ref(value);
  return c;
}

inline wh::Entry webhook_read_entry(const WebhookDoc& d, const webhook_json& j) {
  wh::Entry e;
  e.id = text_or_empty(j, "id");
  if (member(j, "time") != nullptr) e.time = webhook_read_timestamp(j, "time");
  e.changes =
      webhook_read_list<wh::Change>(d, j, "changes", [](const WebhookDoc& in, const webhook_json& ch) {
        const webhook_json* v = member(ch, "value");
        return webhook_read_change(in, v != nullptr ? *v : wh::JsonRef::null_json(),
                                   text_or_empty(ch, "field"));
      });
  e.raw = d.ref(j);
  return e;
}

}  // namespace whatsapp::detail

#include "whatsapp/webhook/detail/read_group.hpp"
