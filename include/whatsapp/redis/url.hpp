#pragma once

/// @file url.hpp
/// Where the Redis server is: `redis://[[user]:password@]host[:port][/db]`, parsed strictly
/// (WHATSAPP_REDIS_URL in the examples, docs/deployment.md).

#include <cstdint>
#include <string>
#include <string_view>

#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"

namespace whatsapp::redis {

/// A Redis server and the database to use on it.
struct RedisServer {
  std::string host = "127.0.0.1";  ///< A name or an IP literal (IPv6 without brackets).
  std::uint16_t port = 6379;
  int db = 0;            ///< SELECTed after connecting when not 0.
  std::string username;  ///< With a password: AUTH username password (Redis 6 ACL); else AUTH password.
  std::string password;  ///< Empty: no AUTH. Never appears in an error or a log line.

  /// "host:port/db", for messages (no credentials).
  std::string describe() const {
    const bool v6 = host.find(':') != std::string::npos;
    return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + "/" + std::to_string(db);
  }
};

namespace detail {

inline Error bad_redis_url(std::string_view why) { return Error::invalid_argument("redis_url", why); }

// Digits only, no sign, value <= max; false otherwise.
inline bool parse_bounded(std::string_view s, long max, long& out) {
  if (s.empty() || s.size() > 9) return false;
  long v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v > max) return false;
  out = v;
  return true;
}

inline bool percent_decode(std::string_view in, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    if (i + 2 >= in.size()) return false;
    int v = 0;
    for (std::size_t k = 1; k <= 2; ++k) {
      const char c = in[i + k];
      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= c - '0';
      else if (c >= 'a' && c <= 'f')
        v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        v |= c - 'A' + 10;
      else
        return false;
    }
    out += static_cast<char>(v);
    i += 2;
  }
  return true;
}

}  // namespace detail

/// Parses `redis://[[user]:password@]host[:port][/db]`: port 1-65535 (default 6379), db a
/// decimal number 0-99999 (default 0); user and password may be percent-encoded. Anything else
/// (another scheme, `rediss://` which this hiredis cannot speak, a query, an empty host, a port
/// or db that is not a plain number) is refused.
/// @return the server, or kInvalidArgument (field "redis_url") saying what is wrong, without the
///         password. Not retried.
inline Result<RedisServer> parse_redis_url(std::string_view url) {
  constexpr std::string_view kScheme = "redis://";
  if (url.substr(0, 9) == "rediss://") {
    return detail::bad_redis_url(
        "rediss:// (TLS) is not supported by this build's hiredis; reach a TLS Redis through a local "
        "TLS tunnel (e.g. stunnel) and use redis://");
  }
  if (url.substr(0, kScheme.size()) != kScheme) {
    return detail::bad_redis_url("must start with redis:// (redis://host:port/db)");
  }
  std::string_view rest = url.substr(kScheme.size());
  if (rest.find_first_of("?#") != std::string_view::npos) {
    return detail::bad_redis_url("has a query or fragment; only redis://[[user]:password@]host[:port][/db]");
  }
  RedisServer s;
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
    const std::string_view cred = rest.substr(0, at);
    rest = rest.substr(at + 1);
    const auto colon = cred.find(':');
    if (colon == std::string_view::npos) {
      return detail::bad_redis_url("credentials must be user:password@ or :password@");
    }
    if (!detail::percent_decode(cred.substr(0, colon), s.username) ||
        !detail::percent_decode(cred.substr(colon + 1), s.password)) {
      return detail::bad_redis_url("credentials have a malformed percent-encoding");
    }
    if (s.password.empty()) return detail::bad_redis_url("the password after ':' is empty");
  }
  std::string_view hostport = rest;
  std::string_view path;
  if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
    hostport = rest.substr(0, slash);
    path = rest.substr(slash + 1);
  }
  std::string_view port_text;
  if (!hostport.empty() && hostport.front() == '[') {
    const auto close = hostport.find(']');
    if (close == std::string_view::npos) return detail::bad_redis_url("an IPv6 host has no closing ']'");
    s.host = std::string(hostport.substr(1, close - 1));
    const std::string_view after = hostport.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return detail::bad_redis_url("unexpected text after the IPv6 host");
      port_text = after.substr(1);
      if (port_text.empty()) return detail::bad_redis_url("the port after ':' is empty");
    }
  } else {
    const auto colon = hostport.find(':');
    s.host = std::string(hostport.substr(0, colon));
    if (colon != std::string_view::npos) {
      port_text = hostport.substr(colon + 1);
      if (port_text.empty()) return detail::bad_redis_url("the port after ':' is empty");
    }
  }
  if (s.host.empty()) return detail::bad_redis_url("has no host (redis://host:port/db)");
  for (char c : s.host) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '-' || c == '_' || c == ':';
    if (!ok) return detail::bad_redis_url("the host has a character that is not allowed in a host name");
  }
  long v = 0;
  if (!port_text.empty()) {
    if (!detail::parse_bounded(port_text, 65535, v) || v == 0) {
      return detail::bad_redis_url("the port is not a number from 1 to 65535");
    }
    s.port = static_cast<std::uint16_t>(v);
  }
  if (!path.empty()) {
    if (!detail::parse_bounded(path, 99999, v)) {
      return detail::bad_redis_url("the database after '/' is not a number from 0 to 99999");
    }
    s.db = static_cast<int>(v);
  }
  return s;
}

}  // namespace whatsapp::redis
