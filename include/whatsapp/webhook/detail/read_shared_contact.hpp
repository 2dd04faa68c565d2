#pragma once

/// @file webhook/detail/read_shared_contact.hpp
/// Private: reads a shared contact card (`messages[].contacts[]`) into webhook::SharedContact.

#include "whatsapp/webhook/detail/read_base.hpp"
#include "whatsapp/webhook/shared_contact.hpp"

namespace whatsapp::detail {

inline wh::ContactAddress webhook_read_contact_address(const WebhookDoc& d, const webhook_json& j) {
  wh::ContactAddress a;
  a.street = text_at(j, "street");
  a.city = text_at(j, "city");
  a.state = text_at(j, "state");
  a.zip = text_at(j, "zip");
  a.country = text_at(j, "country");
  a.country_code = text_at(j, "country_code");
  a.type = text_at(j, "type");
  a.raw = d.ref(j);
  return a;
}

inline wh::ContactOrg webhook_read_contact_org(const WebhookDoc& d, const webhook_json& j) {
  return wh::ContactOrg{text_at(j, "company"), text_at(j, "department"), text_at(j, "title"), d.ref(j)};
}

inline wh::SharedContact webhook_read_shared_contact(const WebhookDoc& d, const webhook_json& j) {
  wh::SharedContact c;
  if (const webhook_json* n = object_at(j, "name")) {
    c.formatted_name = text_at(*n, "formatted_name");
    c.first_name = text_at(*n, "first_name");
    c.last_name = text_at(*n, "last_name");
    c.middle_name = text_at(*n, "middle_name");
    c.prefix = text_at(*n, "prefix");
    c.suffix = text_at(*n, "suffix");
  }
  c.phones =
      webhook_read_list<wh::ContactPhone>(d, j, "phones", [](const WebhookDoc& in, const webhook_json& p) {
        return wh::ContactPhone{text_at(p, "phone"), text_at(p, "wa_id"), text_at(p, "type"), in.ref(p)};
      });
  c.emails =
      webhook_read_list<wh::ContactEmail>(d, j, "emails", [](const WebhookDoc& in, const webhook_json& e) {
        return wh::ContactEmail{text_at(e, "email"), text_at(e, "type"), in.ref(e)};
      });
  c.urls = webhook_read_list<wh::ContactUrl>(d, j, "urls", [](const WebhookDoc& in, const webhook_json& u) {
    return wh::ContactUrl{text_at(u, "url"), text_at(u, "type"), in.ref(u)};
  });
  c.addresses = webhook_read_list<wh::ContactAddress>(d, j, "addresses", webhook_read_contact_address);
  c.org = webhook_read_optional<wh::ContactOrg>(d, j, "org", webhook_read_contact_org);
  c.birthday = text_at(j, "birthday");
  c.raw = d.ref(j);
  return c;
}

}  // namespace whatsapp::detail
