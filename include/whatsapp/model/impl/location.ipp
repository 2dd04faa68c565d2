// Definitions of the functions model/location.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/model/location.hpp"

namespace whatsapp {

WHATSAPP_DECL void to_json(nlohmann::json& j, const Location& v) {
  j = nlohmann::json{{"latitude", v.latitude}, {"longitude", v.longitude}};
  if (v.name) j["name"] = *v.name;
  if (v.address) j["address"] = *v.address;
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const Reaction& v) {
  j = nlohmann::json{{"message_id", v.message_id}, {"emoji", v.emoji}};
}

}  // namespace whatsapp
