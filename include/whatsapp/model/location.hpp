#pragma once

/// @file model/location.hpp
/// Location messages and reactions.

#include <cmath>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/model/detail/emoji.hpp"
#include "whatsapp/model/media_message.hpp"

namespace whatsapp {

/// A pin on the map.
struct Location {
  double latitude = 0;   ///< -90 to 90.
  double longitude = 0;  ///< -180 to 180.
  std::optional<std::string> name{};
  std::optional<std::string> address{};
};

/// An emoji reaction to a message; an empty emoji removes the reaction.
struct Reaction {
  std::string message_id;  ///< The wamid reacted to.
  /// Exactly one emoji (skin tones, ZWJ sequences, flags and keycaps count as one), or empty
  /// to remove the reaction. Anything else is refused before sending (detail::is_one_emoji()).
  std::string emoji;
};

inline Result<void> validate(const Location& v, const std::string& f = "location") {
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

inline Result<void> validate(const Reaction& v, const std::string& f = "reaction") {
  if (v.message_id.empty()) return Error::invalid_argument(f + ".message_id", "must not be empty");
  if (!detail::utf8_length(v.emoji)) return Error::invalid_argument(f + ".emoji", "is not valid UTF-8");
  if (!v.emoji.empty() && !detail::is_one_emoji(v.emoji)) {
    return Error::invalid_argument(f + ".emoji",
                                   "must be exactly one emoji, or empty to remove the reaction");
  }
  return {};
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const Location& v);

WHATSAPP_DECL void to_json(nlohmann::json& j, const Reaction& v);

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/location.ipp"
#endif
