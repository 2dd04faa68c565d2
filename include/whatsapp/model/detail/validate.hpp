#pragma once

// The checks every message shares before it is sent: who it goes to, free text, links and
// template names, each refused with an invalid_argument error naming the field. (The limits of
// each content are next to it, in model/.) docs/messages.md lists the rules and why.

#include <cstddef>
#include <string>
#include <string_view>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"

namespace whatsapp::detail {

/// The most digits of a phone number in international form (E.164).
inline constexpr std::size_t kMaxPhoneDigits = 15;
/// Meta's limit on a template's name.
inline constexpr std::size_t kMaxTemplateNameChars = 512;

/// The most characters of a group id (Meta's are about 60: base64 text).
inline constexpr std::size_t kMaxGroupIdChars = 256;

/// Checks a message's recipient, `to`. For `recipient_type` "individual" or empty (Meta's
/// default) it is a phone number in international form: an optional leading '+' and 1 to 15
/// ASCII digits, as a webhook's wa_id; a formatted number ("+1 (555) 123-4567") is refused with
/// the digits-only form to use. For "group" it is a group id (check_group_id()). Any other
/// recipient_type is refused (field "recipient_type"): Meta knows only these two.
WHATSAPP_DECL Result<void> check_recipient(std::string_view to, std::string_view recipient_type,
                                           const std::string& field);

/// Checks a group id as Meta's Groups API gives it (a webhook's group_id, e.g.
/// "Y2FwaV9ncm91cDox..."): 1 to 256 characters of the base64 alphabets (letters, digits,
/// `+ / = - _`). A phone number (digits only, or with a leading '+') is refused with a hint that
/// a group is addressed by its group id, and so is a WhatsApp Web id ("...@g.us").
WHATSAPP_DECL Result<void> check_group_id(std::string_view to, const std::string& field);
/// Checks a BSUID or parent BSUID (whatsapp::is_user_id(): "US.13491208655302741918",
/// "US.ENT.11815799212886844830"); the error names `field` and shows the expected form.
WHATSAPP_DECL Result<void> check_user_id(std::string_view id, const std::string& field);

/// Checks who a message goes to: exactly one of `to` (checked by check_recipient()) or
/// `recipient` (a BSUID, check_user_id(); only for `recipient_type` "individual" or empty).
WHATSAPP_DECL Result<void> check_addressee(std::string_view to, std::string_view recipient,
                                           std::string_view recipient_type);

/// The first control character in `s` that free text may not hold (C0 but tab, line feed and
/// carriage return; DEL; C1), or npos. `s` is valid UTF-8.
WHATSAPP_DECL std::size_t find_control(std::string_view s) noexcept;

/// True when `s` (valid UTF-8) holds only white space and invisible characters: spaces, tabs,
/// line breaks, no-break and other Unicode spaces, zero-width spaces and joiners, BOM.
WHATSAPP_DECL bool is_blank(std::string_view s) noexcept;

/// Checks a link Meta is to fetch or a button is to open: an absolute http:// or https:// URL
/// with a host, no user name or password, and no spaces, control characters, quotes, angle
/// brackets or backslashes (percent-encode them). Valid UTF-8 is allowed (IDN hosts, paths).
WHATSAPP_DECL Result<void> check_link(std::string_view url, const std::string& field);

/// Checks a template's name by Meta's rule: 1 to 512 characters, lower case letters, digits and
/// underscores only.
WHATSAPP_DECL Result<void> check_template_name(std::string_view name, const std::string& field);

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/detail/impl/validate.ipp"
#endif
