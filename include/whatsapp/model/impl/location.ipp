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

WHATSAPP_DECL Result<void> validate(const Location& v, const std::string& f) {
  if (!std::isfinite(v.latitude) || v.latitude < -90 || v.latitude > 90) {
    return Error::invalid_argument(f + ".latitude", "must be between -90 and 90");
  }
  if (!std::isfinite(v.longitude) || v.longitude < -180 || v.longitude > 180) {
    return Error::invalid_argument(f + ".longitude", "must be between -180 and 180");
  }
  if (v.name) {
    if (auto r = detail::check_text(*v.name, f + ".name", 1024); !r) return r;
  }
  if (v.address) {
    if (auto r = detail::check_text(*v.address, f + ".address", 1024); !r) return r;
  }
  return {};
}
WHATSAPP_DECL Result<void> validate(const Reaction& v, const std::string& f) {
  if (v.message_id.empty()) return Error::invalid_argument(f + ".message_id", "must not be empty");
  if (!detail::utf8_length(v.emoji)) return Error::invalid_argument(f + ".emoji", "is not valid UTF-8");
  if (!v.emoji.empty() && !detail::is_one_emoji(v.emoji)) {
    return Error::invalid_argument(f + ".emoji",
                                   "must be exactly one emoji, or empty to remove the reaction");
  }
  return {};
}

}  // namespace whatsapp
