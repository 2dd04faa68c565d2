// Definitions of the functions model/detail/validate.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "whatsapp/detail/ascii_words.hpp"
#include "whatsapp/detail/utf8.hpp"
#include "whatsapp/model/detail/validate.hpp"
#include "whatsapp/model/recipient.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL Result<void> check_recipient(std::string_view to, std::string_view recipient_type,
                                           const std::string& field) {
  if (recipient_type == "group") return check_group_id(to, field);
  if (recipient_type != "individual" && !recipient_type.empty()) {
    return Error::invalid_argument(
        "recipient_type", "must be \"individual\" (or empty: the same) or \"group\"; Meta knows no other");
  }
  // The common case, without building anything.
  const std::string_view number = !to.empty() && to.front() == '+' ? to.substr(1) : to;
  if (!number.empty() && number.size() <= kMaxPhoneDigits &&
      number.find_first_not_of("0123456789") == std::string_view::npos) {
    return {};
  }
  const auto n = utf8_length(to);
  if (!n) return Error::invalid_argument(field, "is not valid UTF-8");
  if (*n == 0) return Error::invalid_argument(field, "must not be empty");
  if (whatsapp::is_user_id(to)) {
    return Error::invalid_argument(field,
                                   "is a business-scoped user id (BSUID), not a phone number: address it "
                                   "with Recipient::user_id(), which sends it as `recipient`");
  }
  std::string digits;     // the digits-only form, with its '+'
  bool formatted = true;  // only digits and the separators people write numbers with
  for (const char c : to) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c == '+' && digits.empty()) {  // before the first digit, once
      digits.push_back(c);
    } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.' && c != '/') {
      formatted = false;
    }
  }
  const std::size_t count = digits.size() - (digits.rfind('+', 0) == 0 ? 1 : 0);
  const std::string form = " (an optional '+' and 1 to 15 digits, as a webhook's wa_id)";
  if (formatted && count >= 1 && count <= kMaxPhoneDigits) {
    return Error::invalid_argument(field, "must be the phone number in international form, digits only" +
                                              form + ": send \"" + digits + "\"");
  }
  if (formatted && count > kMaxPhoneDigits) {
    return Error::invalid_argument(field, "has " + std::to_string(count) +
                                              " digits; a phone number in international form has at most 15");
  }
  return Error::invalid_argument(field, "must be a phone number in international form" + form);
}

WHATSAPP_DECL Result<void> check_group_id(std::string_view to, const std::string& field) {
  if (to.empty()) return Error::invalid_argument(field, "must not be empty: give the group's id");
  if (to.size() > kMaxGroupIdChars) {
    return Error::invalid_argument(field, "has more than " + std::to_string(kMaxGroupIdChars) +
                                              " characters; a group id is much shorter");
  }
  const std::string_view digits = to.front() == '+' ? to.substr(1) : to;
  if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos) {
    return Error::invalid_argument(field,
                                   "looks like a phone number; a group is addressed by its group id "
                                   "(a webhook's group_id), or leave recipient_type \"individual\"");
  }
  if (to.find('@') != std::string_view::npos) {
    return Error::invalid_argument(field,
                                   "is not a Cloud API group id (WhatsApp Web's \"...@g.us\" ids are not "
                                   "one): give the group_id the Groups API or a webhook gave");
  }
  const bool base64 = std::all_of(to.begin(), to.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '/' || c == '=' || c == '-' || c == '_';
  });
  if (!base64) {
    return Error::invalid_argument(field,
                                   "is not a group id: letters, digits and + / = - _ only "
                                   "(a group id is base64 text such as a webhook's group_id)");
  }
  return {};
}

WHATSAPP_DECL Result<void> check_user_id(std::string_view id, const std::string& field) {
  if (whatsapp::is_user_id(id)) return {};
  if (id.empty()) return Error::invalid_argument(field, "must not be empty");
  const auto n = utf8_length(id);
  if (!n) return Error::invalid_argument(field, "is not valid UTF-8");
  const std::string_view digits = !id.empty() && id.front() == '+' ? id.substr(1) : id;
  if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos) {
    return Error::invalid_argument(field,
                                   "is a phone number, not a BSUID: address it with "
                                   "Recipient::phone_number() (or a plain string), which sends it as `to`");
  }
  return Error::invalid_argument(
      field,
      "must be a business-scoped user id as a webhook gives it: a two-letter country code, '.', "
      "then 1 to 128 letters and digits (\"US.13491208655302741918\"), or a parent BSUID with "
      "\"ENT.\" after the country code (\"US.ENT.11815799212886844830\")");
}

WHATSAPP_DECL Result<void> check_addressee(std::string_view to, std::string_view recipient,
                                           std::string_view recipient_type) {
  if (recipient_type != "individual" && recipient_type != "group" && !recipient_type.empty()) {
    return check_recipient(to, recipient_type, "to");  // names recipient_type first, whatever `to` is
  }
  if (recipient.empty()) {
    if (to.empty()) {
      return Error::invalid_argument("to",
                                     "a message needs an addressee: a phone number in `to`, or a BSUID in "
                                     "`recipient` (Recipient::user_id())");
    }
    return check_recipient(to, recipient_type, "to");
  }
  if (!to.empty()) {
    return Error::invalid_argument("recipient",
                                   "set either `to` (a phone number) or `recipient` (a BSUID), "
                                   "not both: Meta would send to `to` and ignore `recipient`");
  }
  if (recipient_type != "individual" && !recipient_type.empty()) {
    return Error::invalid_argument("recipient",
                                   "a BSUID addresses one user: recipient_type must be "
                                   "\"individual\" (or empty), not \"" +
                                       std::string(recipient_type) + "\"");
  }
  return check_user_id(recipient, "recipient");
}

WHATSAPP_DECL std::size_t find_control(std::string_view s) noexcept {
  constexpr std::size_t kWord = sizeof(std::uint64_t);
  std::size_t i = 0;
  while (i < s.size()) {
    // Eight printable ASCII bytes at a time (most text is); any other word byte by byte.
    if (i + kWord <= s.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, s.data() + i, kWord);
      if ((ascii_words::control_or_high(word) | ascii_words::has_byte(word, 0x7F)) == 0) {  // printable
        i += kWord;
        continue;
      }
    }
    for (const std::size_t end = std::min(i + kWord, s.size()); i < end; ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x20 ? (c != '\t' && c != '\n' && c != '\r') : c == 0x7F) return i;
      if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) return i;  // C1
    }
  }
  return std::string_view::npos;
}

WHATSAPP_DECL bool is_blank(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      ++i;
      continue;
    }
    const std::string_view rest = s.substr(i);
    // U+00A0, U+1680, U+2000..U+200D, U+2028, U+2029, U+202F, U+205F, U+2060, U+3000, U+FEFF.
    if (rest.rfind("\xC2\xA0", 0) == 0) {
      i += 2;
      continue;
    }
    if (rest.size() < 3) return false;
    const auto b1 = static_cast<unsigned char>(rest[1]);
    const auto b2 = static_cast<unsigned char>(rest[2]);
    const bool space = (c == 0xE1 && b1 == 0x9A && b2 == 0x80) ||
                       (c == 0xE2 && b1 == 0x80 && (b2 <= 0x8D || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)) ||
                       (c == 0xE2 && b1 == 0x81 && (b2 == 0x9F || b2 == 0xA0)) ||
                       (c == 0xE3 && b1 == 0x80 && b2 == 0x80) || (c == 0xEF && b1 == 0xBB && b2 == 0xBF);
    if (!space) return false;
    i += 3;
  }
  return true;
}

WHATSAPP_DECL Result<void> check_link(std::string_view url, const std::string& field) {
  if (url.empty()) return Error::invalid_argument(field, "must not be empty");
  if (!utf8_length(url)) return Error::invalid_argument(field, "is not valid UTF-8");
  for (std::size_t i = 0; i < url.size(); ++i) {
    const auto c = static_cast<unsigned char>(url[i]);
    if (c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' ||
        (c == 0xC2 && i + 1 < url.size() && static_cast<unsigned char>(url[i + 1]) < 0xA0)) {
      return Error::invalid_argument(
          field,
          "must not contain spaces, control characters, quotes, angle brackets or backslashes "
          "(percent-encode them, e.g. %20)");
    }
  }
  const auto lower_equals = [](std::string_view a, std::string_view lower) {
    if (a.size() != lower.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      const char c = (a[i] >= 'A' && a[i] <= 'Z') ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
      if (c != lower[i]) return false;
    }
    return true;
  };
  const std::size_t sep = url.find("://");
  const std::string_view scheme = url.substr(0, sep == std::string_view::npos ? 0 : sep);
  if (sep == std::string_view::npos || !(lower_equals(scheme, "http") || lower_equals(scheme, "https"))) {
    return Error::invalid_argument(field, "must be an absolute http:// or https:// URL");
  }
  std::string_view authority = url.substr(sep + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  if (authority.find('@') != std::string_view::npos) {
    return Error::invalid_argument(field, "must not hold a user name or password");
  }
  std::string_view host = authority;
  std::string_view port;
  if (!host.empty() && host.front() == '[') {  // an IPv6 literal
    const std::size_t close = host.find(']');
    if (close == std::string_view::npos || close < 3 ||
        host.substr(1, close - 1).find_first_not_of("0123456789abcdefABCDEF:.") != std::string_view::npos) {
      return Error::invalid_argument(field, "has an invalid host");
    }
    port = host.substr(close + 1);
    if (!port.empty() && port.front() != ':') return Error::invalid_argument(field, "has an invalid host");
    host = host.substr(0, close + 1);
  } else if (const std::size_t colon = host.find(':'); colon != std::string_view::npos) {
    port = host.substr(colon);
    host = host.substr(0, colon);
  }
  if (host.empty()) return Error::invalid_argument(field, "has no host");
  if (host.front() != '[') {  // a name (IDN allowed) or an IPv4 address
    for (const char ch : host) {
      const auto c = static_cast<unsigned char>(ch);
      const bool ok = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
      if (!ok) return Error::invalid_argument(field, "has an invalid host");
    }
    if (host.front() == '.' || host.front() == '-')
      return Error::invalid_argument(field, "has an invalid host");
  }
  if (!port.empty()) {
    port.remove_prefix(1);
    unsigned value = 0;
    for (const char c : port) {
      if (c < '0' || c > '9' || value > 65535) return Error::invalid_argument(field, "has an invalid port");
      value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (port.empty() || value == 0 || value > 65535)
      return Error::invalid_argument(field, "has an invalid port");
  }
  return {};
}

WHATSAPP_DECL Result<void> check_template_name(std::string_view name, const std::string& field) {
  if (name.empty() || name.size() > kMaxTemplateNameChars) {
    return Error::invalid_argument(field, "must have 1 to 512 characters");
  }
  for (const char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return Error::invalid_argument(field, "may hold only lower case letters, digits and underscores");
    }
  }
  return {};
}

}  // namespace whatsapp::detail
