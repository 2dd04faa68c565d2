#pragma once

/// @file graph.hpp
/// What the Graph backend (Backend::kGraph, docs/graph.md) does differently from LowCodeAPI:
/// the proof of the app secret, the Graph request of the two routes Meta does not have (mark as
/// read by path, download by media URL), and the hosts the access token may be sent to.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/protocol/routes.hpp"
#include "whatsapp/result.hpp"

namespace whatsapp {

/// Meta's `appsecret_proof` for `access_token`: the 64 lowercase hex digits of
/// HMAC-SHA256(key: app_secret, data: access_token). Empty only when OpenSSL fails (or the
/// secret is longer than 2 GiB).
WHATSAPP_DECL std::string appsecret_proof(std::string_view access_token, std::string_view app_secret);

/// The Graph path template of `r` (relative to the version, parameters as in Route::path). The
/// same as r.path but for the two routes Graph does not have: kMarkMessageRead is Meta's
/// body-form read receipt, "/<FROM_PHONE_NUMBER_ID>/messages"; kDownloadMedia is a GET of the
/// media URL itself, "<MEDIA_URL>" (not under the base URL).
WHATSAPP_DECL std::string_view graph_path(const Route& r) noexcept;

/// Meta's own requests for two routes whose LowCodeAPI path Graph does not serve, as Route rows
/// with the same id (so retries, logs and idempotency are the route's):
/// - kDeleteTemplate: `DELETE /<WHATSAPP_BUSINESS_ACCOUNT_ID>/message_templates?name=…[&hsm_id=…]`
///   (Meta deletes a template on its account, by name, or by id and name);
/// - kGetAnalytics: `GET /<WHATSAPP_BUSINESS_ACCOUNT_ID>?fields=analytics.start(…).end(…)…`
///   (analytics is a field of the account in Graph, not an edge).
inline constexpr Route kGraphDeleteTemplate{
    RouteId::kDeleteTemplate, "Delete Message Template",
    HttpMethod::kDelete,      "/<WHATSAPP_BUSINESS_ACCOUNT_ID>/message_templates",
    {detail::kWaba},          {"name", "hsm_id"}};
inline constexpr Route kGraphAnalytics{RouteId::kGetAnalytics, "Get Analytics",
                                       HttpMethod::kGet,       "/<WHATSAPP_BUSINESS_ACCOUNT_ID>",
                                       {detail::kWaba},        {"fields"}};

namespace detail {

/// The domains of Meta's media hosts (lookaside.fbsbx.com serves WhatsApp Cloud API media);
/// the access token goes to a host of these only over https.
inline constexpr std::array<std::string_view, 3> kMetaMediaDomains = {"fbsbx.com", "whatsapp.net",
                                                                      "fbcdn.net"};

/// Scheme, host and port of a URL.
struct UrlOrigin {
  std::string scheme;  ///< "http" or "https".
  std::string host;    ///< Lower case; an IPv6 literal keeps its brackets.
  int port = 0;        ///< The port given, else 80 or 443 by scheme.
};

/// The origin of `url`; nullopt when it is not `http(s)://host[:port][/...]` with a host of
/// letters, digits, '-' and '.' (or a bracketed IPv6 literal): userinfo, percent-encoding,
/// backslashes and other schemes give nullopt.
WHATSAPP_DECL std::optional<UrlOrigin> url_origin(std::string_view url);

/// Whether the access token may go with a GET of `url`, a media URL Graph returned: its origin is
/// `base_url`'s (scheme, host and port), or it is an https URL on one of kMetaMediaDomains.
/// False for anything url_origin() does not read.
WHATSAPP_DECL bool bearer_allowed(std::string_view url, std::string_view base_url);

/// A media URL fit to be requested as it is: http(s), no space or control character. Returns
/// an invalid_argument error naming "url" otherwise.
WHATSAPP_DECL Result<void> check_media_url(std::string_view url);

/// Meta's read receipt for `message_id`: `body` (empty, or a JSON object whose members are kept,
/// e.g. typing_indicator) with messaging_product "whatsapp", status "read" and message_id set.
/// Returns an invalid_argument error naming "body" when it is neither.
WHATSAPP_DECL Result<std::string> graph_read_receipt(std::string_view body, std::string_view message_id);

}  // namespace detail

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/protocol/impl/graph.ipp"
#endif
