#pragma once

/// @file options.hpp
/// Every option of a client and of its calls: ClientOptions, CallOptions (per-call
/// overrides, Client::with_options()), BatchOptions (send_batch and send_stream).

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "whatsapp/client/logging.hpp"
#include "whatsapp/client/rate_limit.hpp"
#include "whatsapp/client/retry.hpp"
#include "whatsapp/protocol/format.hpp"

namespace whatsapp {

/// The hosted LowCodeAPI WhatsApp endpoint.
inline constexpr const char* kDefaultBaseUrl = "https://api.lowcodeapi.com/whatsapp";
/// Meta's Graph API (ClientOptions::graph(), Backend::kGraph).
inline constexpr const char* kDefaultGraphBaseUrl = "https://graph.facebook.com";
/// The Graph API version LowCodeAPI serves, and the one the Graph backend asks for.
inline constexpr const char* kDefaultApiVersion = "v22.0";

/// Whom the client talks to (docs/graph.md). The typed API is the same over both.
enum class Backend {
  /// LowCodeAPI's WhatsApp provider: `<base>/<version>/...?api_token=...`, answers wrapped in
  /// `{"data": ...}` (hosted) or `{"result": ...}` (self-hosted), two URL formats.
  kLowCodeApi,
  /// Meta's Graph API itself: `<base>/<version>/...` with `Authorization: Bearer <access_token>`,
  /// optionally `appsecret_proof`, Meta's answers as they are.
  kGraph,
};

/// "lowcodeapi" or "graph".
constexpr std::string_view to_string(Backend b) noexcept {
  return b == Backend::kGraph ? "graph" : "lowcodeapi";
}

struct ClientOptions {
  /// Options for Meta's Graph API: backend kGraph, base_url kDefaultGraphBaseUrl and
  /// `access_token`; every other option as default-constructed.
  ///
  ///     auto options = whatsapp::ClientOptions::graph(token);
  ///     options.app_secret = secret;  // optional: appsecret_proof on every call
  static ClientOptions graph(std::string access_token) {
    ClientOptions o;
    o.backend = Backend::kGraph;
    o.base_url = kDefaultGraphBaseUrl;
    o.access_token = std::move(access_token);
    return o;
  }

  /// LowCodeAPI (the default) or Meta's Graph API.
  Backend backend = Backend::kLowCodeApi;
  /// The base URL of the backend. LowCodeAPI: the hosted service, a self-hosted LowCodeAPI
  /// ("http://host:3456/whatsapp") or the emulator ("http://127.0.0.1:<port>/whatsapp").
  /// Graph: "https://graph.facebook.com" or the emulator ("http://127.0.0.1:<port>"); under
  /// Backend::kGraph an empty base_url or one still equal to kDefaultBaseUrl means
  /// kDefaultGraphBaseUrl, so that a Meta token never goes to LowCodeAPI by oversight.
  std::string base_url = kDefaultBaseUrl;
  /// The LowCodeAPI api_token (Backend::kLowCodeApi only). Sent as a query parameter; never
  /// logged or put in an error.
  std::string api_token;
  /// Meta's access token (Backend::kGraph only): a system-user or user token with the
  /// whatsapp_business_messaging / _management permissions. Sent as `Authorization: Bearer` to
  /// base_url's host, and to Meta's media hosts for downloads (docs/graph.md); never logged or
  /// put in an error. A call with an empty access token fails (kInvalidArgument, not sent).
  std::string access_token;
  /// The Meta app's secret (Backend::kGraph only). When not empty, every Graph API request
  /// carries `appsecret_proof` = hex HMAC-SHA256(key: app_secret, data: access_token), which
  /// apps with "Require App Secret" on must send. The secret itself is never sent.
  std::string app_secret;
  std::string api_version = kDefaultApiVersion;
  /// LowCodeAPI's URL formats (Backend::kLowCodeApi only; Graph has one).
  FormatPolicy format_policy = FormatPolicy::kNewThenOld;
  /// Time to establish a connection.
  std::chrono::milliseconds connect_timeout{10'000};
  /// Time for a whole request, answer included.
  std::chrono::milliseconds timeout{30'000};
  /// Where log lines go; empty: no logging.
  LogSink log_sink;
  LogLevel log_level = LogLevel::kInfo;
  /// How failed calls are retried (see retry.hpp); RetryPolicy::none() turns retries off.
  RetryPolicy retry;
  /// Client-side pacing of message sends; off by default.
  RateLimitOptions rate_limit;
  /// Clock, sleep and randomness; empty members use the real ones. For tests.
  TimeSource time;
  /// Answers with a longer body fail (kTransport, not retried) instead of filling memory;
  /// 0: the transport's own limit (CurlOptions::max_response_bytes, 32 MiB by default).
  std::size_t max_response_bytes = 0;
};

/// Overrides for the calls made through `Client::with_options()`.
struct CallOptions {
  /// Replaces the client's RetryPolicy (e.g. RetryPolicy::none()).
  std::optional<RetryPolicy> retry;
  /// Replaces the policy's overall deadline; kNoDeadline for none.
  std::optional<std::chrono::milliseconds> deadline;
  /// Replaces ClientOptions::timeout for each request.
  std::optional<std::chrono::milliseconds> timeout;
  /// Replaces the route's idempotency, e.g. kIdempotent for sends the caller de-duplicates itself.
  std::optional<Idempotency> idempotency;
};

/// Options of many sends at once (`client.messages().send_batch(...)` and `send_stream(...)`).
struct BatchOptions {
  /// Requests on the wire at once. Over HTTP/1.1 each takes its own kept-alive connection; with
  /// CurlOptions::http2 against an HTTP/2 server they share one. Transports with neither
  /// send_streamed nor send_many send one request at a time whatever this says. At most
  /// 4 x max_in_flight messages are under way at once (on the wire, or waiting for a retry or a
  /// rate-limit slot); the next message starts when one of them finishes. 0 counts as 1, and
  /// more than 1024 as 1024.
  std::size_t max_in_flight = 8;
  /// While the send route's URL format is unconfirmed, send the first message alone so that its
  /// answer confirms the format before the others go; otherwise every message sent before the
  /// first answer may make its own New Format request and Old Format fallback.
  bool probe_format = true;
};

}  // namespace whatsapp
