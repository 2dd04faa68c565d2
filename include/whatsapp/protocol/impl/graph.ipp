// Definitions of the functions protocol/graph.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <climits>
#include <cstddef>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <nlohmann/json.hpp>

#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/protocol/graph.hpp"

namespace whatsapp {

WHATSAPP_DECL std::string appsecret_proof(std::string_view access_token, std::string_view app_secret) {
  static const unsigned char kEmpty[1] = {0};  // OpenSSL wants non-null pointers for empty inputs
  if (app_secret.size() > static_cast<std::size_t>(INT_MAX)) return {};
  const void* key = app_secret.empty() ? static_cast<const void*>(kEmpty) : app_secret.data();
  const auto* data =
      access_token.empty() ? kEmpty : reinterpret_cast<const unsigned char*>(access_token.data());
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (HMAC(EVP_sha256(), key, static_cast<int>(app_secret.size()), data, access_token.size(), mac, &len) ==
      nullptr) {
    return {};
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(std::size_t{2} * len);
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(kHex[mac[i] >> 4]);
    out.push_back(kHex[mac[i] & 0x0f]);
  }
  return out;
}

WHATSAPP_DECL std::string_view graph_path(const Route& r) noexcept {
  switch (r.id) {
    case RouteId::kMarkMessageRead: return route(RouteId::kSendMessage).path;
    case RouteId::kDownloadMedia: return "<MEDIA_URL>";
    default: return r.path;
  }
}

}  // namespace whatsapp

namespace whatsapp::detail {

namespace graph_impl {

inline char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool host_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

inline bool ipv6_char(char c) noexcept {
  return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || (c >= '0' && c <= '9') || c == ':' || c == '.';
}

}  // namespace graph_impl

WHATSAPP_DECL std::optional<UrlOrigin> url_origin(std::string_view url) {
  using namespace graph_impl;
  const std::size_t colon = url.find("://");
  if (colon == std::string_view::npos) return std::nullopt;
  UrlOrigin o;
  for (const char c : url.substr(0, colon)) o.scheme.push_back(lower(c));
  if (o.scheme != "http" && o.scheme != "https") return std::nullopt;
  const std::size_t start = colon + 3;
  const std::size_t end = std::min(url.find_first_of("/?#", start), url.size());
  std::string_view authority = url.substr(start, end - start);
  std::string_view port;
  if (!authority.empty() && authority.front() == '[') {  // [IPv6]
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos || close == 1) return std::nullopt;
    for (const char c : authority.substr(1, close - 1)) {
      if (!ipv6_char(c)) return std::nullopt;
    }
    o.host.assign(authority.substr(0, close + 1));
    const std::string_view rest = authority.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return std::nullopt;
    if (!rest.empty()) port = rest.substr(1);
  } else {
    const std::size_t sep = authority.find(':');
    const std::string_view host = authority.substr(0, sep);
    if (host.empty()) return std::nullopt;
    for (const char c : host) {
      if (!host_char(c)) return std::nullopt;  // '@' (userinfo), '%', '\\', spaces, ...
    }
    o.host.assign(host);
    if (sep != std::string_view::npos) port = authority.substr(sep + 1);
  }
  for (char& c : o.host) c = lower(c);
  o.port = o.scheme == "https" ? 443 : 80;
  if (!port.empty()) {
    if (port.size() > 5) return std::nullopt;
    int p = 0;
    for (const char c : port) {
      if (c < '0' || c > '9') return std::nullopt;
      p = p * 10 + (c - '0');
    }
    if (p == 0 || p > 65535) return std::nullopt;
    o.port = p;
  }
  return o;
}

WHATSAPP_DECL bool bearer_allowed(std::string_view url, std::string_view base_url) {
  const auto target = url_origin(url);
  if (!target) return false;
  if (const auto base = url_origin(base_url)) {
    if (base->scheme == target->scheme && base->host == target->host && base->port == target->port) {
      return true;
    }
  }
  if (target->scheme != "https" || target->port != 443) return false;
  const std::string_view host = target->host;
  for (const std::string_view domain : kMetaMediaDomains) {
    if (host == domain) return true;
    if (host.size() > domain.size() + 1 &&
        host.compare(host.size() - domain.size(), domain.size(), domain) == 0 &&
        host[host.size() - domain.size() - 1] == '.') {
      return true;
    }
  }
  return false;
}

WHATSAPP_DECL Result<void> check_media_url(std::string_view url) {
  if (url.empty()) return Error::invalid_argument("url", "must not be empty (call retrieve() first)");
  for (const char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) {
      return Error::invalid_argument("url", "holds a space or a control character");
    }
  }
  const std::size_t colon = url.find("://");
  std::string scheme;
  for (const char c : url.substr(0, colon == std::string_view::npos ? 0 : colon)) {
    scheme.push_back(graph_impl::lower(c));
  }
  if (scheme != "http" && scheme != "https") {
    return Error::invalid_argument("url", "is not an http or https URL");
  }
  return {};
}

WHATSAPP_DECL Result<std::string> graph_read_receipt(std::string_view body, std::string_view message_id) {
  if (message_id.empty()) return Error::invalid_argument("MESSAGE_ID", "must not be empty");
  nlohmann::json j = nlohmann::json::object();
  if (!body.empty()) {
    j = parse_json(body);
    if (!j.is_object()) return Error::invalid_argument("body", "must be a JSON object");
  }
  j["messaging_product"] = "whatsapp";
  j["status"] = "read";
  j["message_id"] = message_id;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace whatsapp::detail
