#pragma once

// What one call exchanged, LowCodeAPI's "no such route" answer, and the messages of a route
// served in neither URL format and of a rate-limit wait past the deadline.

#include <string>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/protocol/format.hpp"
#include "whatsapp/protocol/routes.hpp"
#include "whatsapp/transport/http.hpp"

namespace whatsapp::detail {

/// What one call exchanged: the final answer, its format and how many requests it took.
struct Exchange {
  HttpResponse response;
  UrlFormat format = UrlFormat::kNew;
  int attempts = 0;
  const Route* route = nullptr;
  /// The answer is a 404 of a route served in neither URL format (found now or remembered).
  bool unserved = false;
};

/// True for LowCodeAPI's "no such route" answer: HTTP 404 without a Graph error object (a 404
/// carrying one, e.g. 132001 "template does not exist", comes from a route that is served).
WHATSAPP_DECL bool route_missing(const HttpResponse& resp);

/// What to do when the rate limits' wait would cross the call's deadline (no server involved).
inline constexpr const char* kRateLimitPastDeadline =
    "the rate limits (ClientOptions::rate_limit) hold this send past the deadline: send later, fewer "
    "at once, or give the call a longer deadline";

/// Says in `e` that the route of `ex` is served in neither URL format by this LowCodeAPI.
WHATSAPP_DECL void explain_unserved(Error& e, const Exchange& ex);

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/client/detail/impl/exchange.ipp"
#endif
