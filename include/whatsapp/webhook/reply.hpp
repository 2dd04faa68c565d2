#pragma once

/// @file webhook/reply.hpp
/// Who to answer, and how to key a user, from an incoming event. Since 2026 a user may hide
/// their phone number behind a username: the webhook then has no `from` and no `wa_id`, only
/// the user's business-scoped user id (BSUID). These helpers pick the right id so that a bot
/// answers every user the same way (docs/webhooks.md, "Usernames and BSUIDs"):
///
///     dispatcher.on_text([&](const webhook::Event& e, const webhook::Message& m) {
///       client.messages().send(phone_id, Message::text(webhook::reply_recipient(e), "Got it"));
///       store.save(webhook::user_key(e), m.text->body);
///     });
///
/// Only model/recipient.hpp is needed (no client, no libcurl).

#include <optional>
#include <string>

#include "whatsapp/model/recipient.hpp"
#include "whatsapp/webhook/events.hpp"
#include "whatsapp/webhook/message.hpp"
#include "whatsapp/webhook/notification.hpp"

namespace whatsapp::webhook {

/// The address to answer `m` at: its sender's phone number when the webhook gave one (`from`,
/// else the contact's wa_id), otherwise their BSUID (`from_user_id`, else the contact's
/// user_id), otherwise their parent BSUID. Meta prefers phone numbers where known (the phone
/// number then keeps appearing in later webhooks). Empty when the message names nobody (a
/// send to it is then refused by validate() with an invalid_argument error).
inline Recipient reply_recipient(const Message& m, const Contact* contact = nullptr) {
  if (!m.from.empty()) return Recipient::phone_number(m.from);
  if (contact != nullptr && !contact->wa_id.empty()) return Recipient::phone_number(contact->wa_id);
  if (m.from_user_id && !m.from_user_id->empty()) return Recipient::user_id(*m.from_user_id);
  if (contact != nullptr && contact->user_id && !contact->user_id->empty()) {
    return Recipient::user_id(*contact->user_id);
  }
  if (m.from_parent_user_id && !m.from_parent_user_id->empty()) {
    return Recipient::user_id(*m.from_parent_user_id);
  }
  if (contact != nullptr && contact->parent_user_id && !contact->parent_user_id->empty()) {
    return Recipient::user_id(*contact->parent_user_id);
  }
  return {};
}

/// reply_recipient() of a message event (with its contact); for a status, its recipient (phone
/// number, else BSUID, else parent BSUID); empty for other events.
inline Recipient reply_recipient(const Event& e) {
  if (e.message != nullptr) return reply_recipient(*e.message, e.contact);
  if (e.status != nullptr) {
    const Status& s = *e.status;
    if (!s.recipient_id.empty()) return Recipient::phone_number(s.recipient_id);
    if (e.contact != nullptr && !e.contact->wa_id.empty()) return Recipient::phone_number(e.contact->wa_id);
    if (s.recipient_user_id && !s.recipient_user_id->empty()) return Recipient::user_id(*s.recipient_user_id);
    if (s.parent_recipient_user_id && !s.parent_recipient_user_id->empty()) {
      return Recipient::user_id(*s.parent_recipient_user_id);
    }
  }
  return {};
}

/// The id to store a user under: their BSUID when the event gives one (it stays the same when
/// the user hides their number behind a username, and changes only with the phone number: see
/// EventKind::kUserIdUpdate), else their phone number; "" when the event names no user. For a
/// user_id_update event, the new BSUID.
inline std::string user_key(const Event& e) {
  const auto pick = [](const std::optional<std::string>& a, const std::optional<std::string>& b) {
    if (a && !a->empty()) return *a;
    if (b && !b->empty()) return *b;
    return std::string();
  };
  const std::optional<std::string> none;
  const std::optional<std::string>& contact_user = e.contact != nullptr ? e.contact->user_id : none;
  if (e.message != nullptr) {
    std::string k = pick(e.message->from_user_id, contact_user);
    return k.empty() ? reply_recipient(e).id() : k;
  }
  if (e.status != nullptr) {
    std::string k = pick(e.status->recipient_user_id, contact_user);
    return k.empty() ? reply_recipient(e).id() : k;
  }
  if (e.user_id_update != nullptr) return e.user_id_update->current_user_id;
  if (e.user_preference != nullptr) {
    std::string k = pick(e.user_preference->user_id, contact_user);
    return k.empty() ? e.user_preference->wa_id : k;
  }
  return {};
}

}  // namespace whatsapp::webhook
