#pragma once

/// @file format.hpp
/// LowCodeAPI's two URL formats and the policy that chooses between them.

#include <string_view>

namespace whatsapp {

/// How a request URL is spelled.
///  - kNew: path parameters stay in the path: `/whatsapp/v22.0/<id>/messages?api_token=…`.
///  - kOld: path parameters become UPPER-CASE query parameters and the path holds their lower-case
///    names: `/whatsapp/v22.0/from_phone_number_id/messages?FROM_PHONE_NUMBER_ID=<id>&api_token=…`.
enum class UrlFormat : unsigned char { kNew, kOld };

/// Which formats the client may use.
enum class FormatPolicy {
  kNewThenOld,  ///< New Format first; on 404 while a route's format is unconfirmed, Old once.
  kNewOnly,     ///< Never send an Old Format request.
  kOldOnly,     ///< Only Old Format requests (a self-hosted LowCodeAPI knows no other).
};

/// "new" or "old".
constexpr std::string_view to_string(UrlFormat f) noexcept { return f == UrlFormat::kNew ? "new" : "old"; }

}  // namespace whatsapp
