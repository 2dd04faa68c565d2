#pragma once

/// @file model/contacts.hpp
/// Contact card messages (vCards as Meta's JSON).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/model/media_message.hpp"

namespace whatsapp {

/// A contact's name; `formatted_name` is required, the parts are optional.
struct ContactName {
  std::string formatted_name;
  std::optional<std::string> first_name{};
  std::optional<std::string> last_name{};
  std::optional<std::string> middle_name{};
  std::optional<std::string> suffix{};
  std::optional<std::string> prefix{};
};

struct ContactPhone {
  std::string phone;
  std::optional<std::string> type{};   ///< "CELL", "MAIN", "IPHONE", "HOME", "WORK".
  std::optional<std::string> wa_id{};  ///< Adds a "Message" button for this WhatsApp id.
};

struct ContactEmail {
  std::string email;
  std::optional<std::string> type{};  ///< "HOME", "WORK".
};

struct ContactUrl {
  std::string url;
  std::optional<std::string> type{};  ///< "HOME", "WORK".
};

struct ContactAddress {
  std::optional<std::string> street{};
  std::optional<std::string> city{};
  std::optional<std::string> state{};
  std::optional<std::string> zip{};
  std::optional<std::string> country{};
  std::optional<std::string> country_code{};  ///< ISO two-letter code.
  std::optional<std::string> type{};          ///< "HOME", "WORK".
};

struct ContactOrg {
  std::optional<std::string> company{};
  std::optional<std::string> department{};
  std::optional<std::string> title{};
};

/// One contact card.
struct Contact {
  ContactName name;
  std::vector<ContactPhone> phones{};
  std::vector<ContactEmail> emails{};
  std::vector<ContactUrl> urls{};
  std::vector<ContactAddress> addresses{};
  std::optional<ContactOrg> org{};
  std::optional<std::string> birthday{};  ///< "YYYY-MM-DD".
};

/// The content of a contacts message: one or more cards.
struct Contacts {
  std::vector<Contact> contacts{};
};

namespace detail {
WHATSAPP_DECL void put_opt(nlohmann::json& j, const char* key, const std::optional<std::string>& v);
}  // namespace detail

WHATSAPP_DECL void to_json(nlohmann::json& j, const ContactName& v);
WHATSAPP_DECL void to_json(nlohmann::json& j, const ContactPhone& v);
WHATSAPP_DECL void to_json(nlohmann::json& j, const ContactEmail& v);
WHATSAPP_DECL void to_json(nlohmann::json& j, const ContactUrl& v);
WHATSAPP_DECL void to_json(nlohmann::json& j, const ContactAddress& v);
WHATSAPP_DECL void to_json(nlohmann::json& j, const ContactOrg& v);
WHATSAPP_DECL void to_json(nlohmann::json& j, const Contact& v);
/// A contacts message's payload is the array of cards.
WHATSAPP_DECL void to_json(nlohmann::json& j, const Contacts& v);

WHATSAPP_DECL Result<void> validate(const Contacts& v, const std::string& f = "contacts");

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/contacts.ipp"
#endif
