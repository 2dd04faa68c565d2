#pragma once

/// @file options.hpp
/// Client settings.

#include <chrono>
#include <cstddef>
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

}  // namespace whatsapp
