#pragma once

// What one call exchanged, and how its answer is read: the readers call() takes, LowCodeAPI's
// "no such route" answer, and the message of a route served in neither URL format.

#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "whatsapp/client/detail/format_memory.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/protocol/envelope.hpp"
#include "whatsapp/protocol/format.hpp"
#include "whatsapp/protocol/routes.hpp"
#include "whatsapp/result.hpp"
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
inline bool route_missing(const HttpResponse& resp) {
  if (resp.status != 404) return false;
  const auto j = nlohmann::json::parse(resp.body, nullptr, /*allow_exceptions=*/false);
  return !(j.is_object() && find_error(j) != nullptr);
}

/// How call() reads a successful answer: read_fast() may take it straight from the response
/// (nullopt: not handled, and the response is left as it was; else it may have taken the body),
/// otherwise decode() gets the unwrapped payload. This one keeps the payload as JSON;
/// protocol/detail/send_answer.hpp has the send's.
struct JsonPayload {
  using value_type = nlohmann::json;
  static std::optional<nlohmann::json> read_fast(HttpResponse& /*unused*/) { return std::nullopt; }
  static Result<nlohmann::json> decode(nlohmann::json&& payload) { return std::move(payload); }
};

/// A reader that turns the payload into T with `read`, a callable `Result<T>(nlohmann::json&&)`
/// (a model's decode). Going through call() (Core::call_read()), its errors carry what call()'s
/// own do: the HTTP status, the attempts made, the format, no token.
template <class T, class Read>
struct ReadWith {
  using value_type = T;
  Read read;
  static std::optional<T> read_fast(HttpResponse& /*unused*/) { return std::nullopt; }
  Result<T> decode(nlohmann::json&& payload) const { return read(std::move(payload)); }
};

/// What to do when the rate limits' wait would cross the call's deadline (no server involved).
inline constexpr const char* kRateLimitPastDeadline =
    "the rate limits (ClientOptions::rate_limit) hold this send past the deadline: send later, fewer "
    "at once, or give the call a longer deadline";

/// Says in `e` that the route of `ex` is served in neither URL format by this LowCodeAPI.
inline void explain_unserved(Error& e, const Exchange& ex) {
  if (e.source() != ErrorSource::kLowCodeApi || e.http_status() != 404 || ex.route == nullptr) return;
  std::string m = "this LowCodeAPI serves \"" + std::string(ex.route->name) + "\" in neither URL format (";
  m += ex.attempts >= 2
           ? std::string("the New and the Old format both answered 404")
           : "both answered 404 less than " + std::to_string(kUnservedRouteTtl.count()) +
                 " minutes ago; only the " + std::string(to_string(ex.format)) + " format was asked again";
  m += "): " + e.message();
  e.with_message(std::move(m))
      .with_hint(
          "use a LowCodeAPI that serves this route (a self-hosted server lacks some); both formats "
          "are asked again " +
          std::to_string(kUnservedRouteTtl.count()) + " minutes after neither answered");
}

}  // namespace whatsapp::detail
