#pragma once

/// @file transport/curl_options.hpp
/// CurlOptions: what a CurlTransport is configured with (timeouts, proxy, TLS, HTTP/2, limits,
/// User-Agent, pool size). Plain data; including it does not include libcurl.

#include <chrono>
#include <cstddef>
#include <string>

#include "whatsapp/version.hpp"

namespace whatsapp::transport {

/// The settings of a CurlTransport, fixed when it is created and shared by its copies.
struct CurlOptions {
  /// Defaults for requests that do not set their own (HttpRequest::connect_timeout, timeout).
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds timeout{30'000};
  /// Proxy URL ("http://proxy:3128", "socks5h://..."); empty: libcurl's default, the proxy the
  /// environment names (http_proxy, https_proxy, all_proxy, with no_proxy). Whether it names one
  /// at all is read when the transport is created.
  std::string proxy;
  /// Path of a CA bundle; empty: the system's.
  std::string ca_file;
  /// Turns off TLS certificate and host name checks. Only for test servers with self-signed
  /// certificates: anyone on the path can then read the api_token.
  bool insecure_skip_tls_verify = false;
  /// Ask for HTTP/2 over TLS (falls back to HTTP/1.1 when the server does not offer it).
  bool http2 = false;
  /// Answers with a longer body fail with a kTransport error instead of filling memory.
  std::size_t max_response_bytes = std::size_t{32} * 1024 * 1024;
  std::string user_agent = std::string("whatsapp-cpp/") + kVersion;
  /// How many idle handles (each with its open connection) the pool keeps.
  std::size_t max_idle_handles = 16;
};

}  // namespace whatsapp::transport
