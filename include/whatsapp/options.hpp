#pragma once

/// @file options.hpp
/// Client settings.

#include <chrono>
#include <string>

#include "whatsapp/format.hpp"
#include "whatsapp/logging.hpp"

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
};

}  // namespace whatsapp
