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

WHATSAPP_DECL Result<void> validate(const Location& v, const std::string& f = "location");

WHATSAPP_DECL Result<void> validate(const Reaction& v, const std::string& f = "reaction");

WHATSAPP_DECL void to_json(nlohmann::json& j, const Location& v);

WHATSAPP_DECL void to_json(nlohmann::json& j, const Reaction& v);

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/location.ipp"
#endif
