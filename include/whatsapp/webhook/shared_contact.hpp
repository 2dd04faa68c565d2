#pragma once

/// @file webhook/shared_contact.hpp
/// A contact card a user shared (`messages[].contacts[]`), every documented part typed: name,
/// phones, emails, urls, addresses, organisation and birthday (see notification.hpp for the
/// conventions of the webhook structs).

#include <optional>
#include <string>
#include <vector>

#include "whatsapp/webhook/common.hpp"
#include "whatsapp/webhook/json_ref.hpp"

namespace whatsapp::webhook {

/// One phone number of a shared contact card.
struct ContactPhone {
  std::optional<std::string> phone;
  std::optional<std::string> wa_id;
  std::optional<std::string> type;  ///< "CELL", "HOME", "WORK", ...
  JsonRef raw;                      ///< This object as received (shared, not copied: see JsonRef).
};

/// One email address of a shared contact card.
struct ContactEmail {
  std::optional<std::string> email;
  std::optional<std::string> type;  ///< "HOME", "WORK"
  JsonRef raw;                      ///< This object as received (shared, not copied: see JsonRef).
};

/// One web address of a shared contact card.
struct ContactUrl {
  std::optional<std::string> url;
  std::optional<std::string> type;  ///< "HOME", "WORK"
  JsonRef raw;                      ///< This object as received (shared, not copied: see JsonRef).
};

/// One postal address of a shared contact card.
struct ContactAddress {
  std::optional<std::string> street;
  std::optional<std::string> city;
  std::optional<std::string> state;
  std::optional<std::string> zip;
  std::optional<std::string> country;
  std::optional<std::string> country_code;  ///< ISO two-letter code.
  std::optional<std::string> type;          ///< "HOME", "WORK"
  JsonRef raw;                              ///< This object as received (shared, not copied: see JsonRef).
};

/// The organisation of a shared contact card (`org`).
struct ContactOrg {
  std::optional<std::string> company;
  std::optional<std::string> department;
  std::optional<std::string> title;
  JsonRef raw;  ///< This object as received (shared, not copied: see JsonRef).
};

/// One contact card (`messages[].contacts[]`).
struct SharedContact {
  std::optional<std::string> formatted_name;  ///< name.formatted_name
  std::optional<std::string> first_name;      ///< name.first_name
  std::optional<std::string> last_name;       ///< name.last_name
  std::optional<std::string> middle_name;     ///< name.middle_name
  std::optional<std::string> prefix;          ///< name.prefix
  std::optional<std::string> suffix;          ///< name.suffix
  std::vector<ContactPhone> phones;
  std::vector<ContactEmail> emails;
  std::vector<ContactUrl> urls;
  std::vector<ContactAddress> addresses;
  Optional<ContactOrg> org;
  std::optional<std::string> birthday;  ///< "YYYY-MM-DD" as sent.
  JsonRef raw;                          ///< This object as received (shared, not copied: see JsonRef).
};

}  // namespace whatsapp::webhook
