#pragma once

/// @file server_options.hpp
/// The settings of the built-in webhook server (webhook/server.hpp): where it listens, the two
/// secrets, and the limits that keep one client from knocking it over. Every limit has a
/// default that suits Meta's deliveries (a few kilobytes, answered in milliseconds).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace whatsapp::webhook {

/// Settings of a webhook Server. Only `app_secret` (and `verify_token` for the handshake) must
/// be set; a Server refuses to start without an app secret.
struct ServerOptions {
  /// Address to listen on: an IPv4 or IPv6 literal. Keep the loopback default and put a
  /// TLS-terminating reverse proxy in front (docs/webhooks.md); "0.0.0.0" listens everywhere.
  std::string host = "127.0.0.1";
  /// Port; 0 picks a free one (Server::port() tells which).
  std::uint16_t port = 0;
  /// Only this path is served (any query); others get 404. Empty: every path.
  std::string path;

  /// The Meta app secret: every POST must carry a valid `X-Hub-Signature-256` made with it.
  std::string app_secret;
  /// The verify token of the GET handshake. Empty: every handshake is refused (403).
  std::string verify_token;

  /// Largest request body, whatever its transfer coding; longer ones get 413 and are never
  /// buffered. Also the limit given to parse().
  std::size_t max_body_bytes = std::size_t{1024} * 1024;
  /// Largest request head (request line and headers); longer ones get 431.
  std::size_t max_head_bytes = std::size_t{16} * 1024;
  /// Most header lines in one request; more get 431.
  std::size_t max_headers = 64;
  /// Request bodies held at once over all connections; a body that would pass it gets 503 with
  /// `Retry-After: 1`. Bounds memory when many clients send large bodies together.
  std::size_t max_buffered_bytes = std::size_t{16} * 1024 * 1024;
  /// Largest JSON nesting accepted by parse().
  std::size_t max_depth = 64;

  /// Time from the first byte of a request to its last (head and body together); a slower
  /// request gets 408 and its connection is closed. Also the time an answer has to be taken
  /// by the client.
  std::chrono::milliseconds request_timeout{10000};
  /// How long a connection may wait for its next request (keep-alive) or, new, for its first.
  std::chrono::milliseconds idle_timeout{30000};
  /// Most connections open at once. A new connection is never refused: when full, the idle
  /// connection that waited longest is closed, or, with none idle, the slowest request's.
  std::size_t max_connections = 256;
  /// Requests served on one connection before it is closed (after answering).
  std::size_t max_requests_per_connection = 1000;
  /// listen() backlog.
  int backlog = 511;

  /// Called with one line for each refused request and failed handler (no secret, no body
  /// content beyond the reason). Runs on the server's thread. Empty: nothing is logged.
  std::function<void(std::string_view line)> log;
};

}  // namespace whatsapp::webhook
