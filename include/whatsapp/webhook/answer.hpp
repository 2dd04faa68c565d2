#pragma once

/// @file webhook/answer.hpp
/// The one call that addresses an answer to an incoming event, groups included:
///
///     dispatcher.on_text([&](const webhook::Event& e, const webhook::Message& m) {
///       auto sent = client.messages().send(phone_id, webhook::reply(e, whatsapp::Message::text({}, "Got
///       it")));
///     });
///
/// A message written in a group is answered in the group (recipient_type "group", `to` = its
/// group_id); any other event at reply_recipient(): the phone number when the webhook gave one,
/// else the BSUID. Not in webhook/webhook.hpp, because it needs the outgoing message model
/// (nlohmann/json only; no client, no libcurl).

#include <utility>

#include "whatsapp/model/message.hpp"
#include "whatsapp/webhook/events.hpp"
#include "whatsapp/webhook/reply.hpp"

namespace whatsapp::webhook {

/// `m` (its content, context and callback data kept) addressed as the answer to `e`: to the group
/// when `e` is a message written in one, otherwise to reply_recipient(e). Quotes nothing: add
/// `.reply_to(e.message->id)` to show the answer as a reply. An event that names nobody leaves
/// `m` without an addressee, which a send refuses (invalid_argument) before anything goes out.
inline whatsapp::Message reply(const Event& e, whatsapp::Message m) {
  if (e.message != nullptr && e.message->in_group()) {
    m.to = *e.message->group_id;
    m.recipient.clear();
    m.to_group();
    return m;
  }
  m.address(reply_recipient(e));
  if (m.is_group()) m.recipient_type = whatsapp::kRecipientIndividual;  // a person, not a group
  return m;
}

}  // namespace whatsapp::webhook
