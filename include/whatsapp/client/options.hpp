#pragma once

/// @file options.hpp
/// Every option of a client and of its calls: ClientOptions, CallOptions (per-call
/// overrides, Client::with_options()), BatchOptions (send_batch and send_stream).

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "whatsapp/client/logging.hpp"
#include "whatsapp/client/rate_limit.hpp"
#include "whatsapp/client/retry.hpp"
#include "whatsapp/protocol/format.hpp"

namespace whatsapp {

/// The hosted LowCodeAPI WhatsApp endpoint.
inline constexpr const char* kDefaultBaseUrl = "https://api.lowcodeapi.com/whatsapp";
/// The Graph API version LowCodeAPI serves.
inline constexpr const char* kDefaultApiVersion = "v22.0";

struct ClientOptions {
  /// LowCodeAPI's WhatsApp base URL: the hosted service, a self-hosted LowCodeAPI
  /// ("http://host:3456/whatsapp") or the emulator.
  std::string base_url = kDefaultBaseUrl;
  /// The LowCodeAPI api_token. Sent as a query parameter; never logged or put in an error.
  std::string api_token;
  std::string api_version = kDefaultApiVersion;
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
