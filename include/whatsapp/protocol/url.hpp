#pragma once

/// @file url.hpp
/// Builds a route's URL in either LowCodeAPI format. Path values are percent-encoded, so a value
/// holding '/', '?', '#', '&', '%', '+', spaces, ".." or non-ASCII text stays inside its own
/// path segment or query value and cannot change the route.

#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/percent.hpp"
#include "whatsapp/protocol/format.hpp"
#include "whatsapp/protocol/routes.hpp"
#include "whatsapp/result.hpp"

namespace whatsapp {

/// Query parameters, in the order they are sent.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

/// The values of a route's path parameters, in the order of Route::path_params.
using PathValues = std::array<std::string_view, 2>;

/// Where requests go: base URL (e.g. "https://api.lowcodeapi.com/whatsapp"), API version
/// ("v22.0") and the LowCodeAPI api_token.
struct Endpoint {
  std::string base_url;
  std::string api_version;
  std::string api_token;
};

/// The URL of `r` in format `format`.
///  - New: `<base>/<version>` + path with each `<PARAM>` replaced by its encoded value,
///    then `?api_token=TOKEN` and `query`.
///  - Old: the path with each `<PARAM>` replaced by its lower-case name, then each path
///    parameter as `PARAM=value`, `api_token=TOKEN`, and `query`.
/// Returns an invalid_argument error naming the parameter when a path value is missing or empty,
/// and one naming "query" when a query parameter name holds CR or LF (values may hold anything:
/// they are percent-encoded).
WHATSAPP_DECL Result<std::string> build_url(const Endpoint& ep, const Route& r, const PathValues& values,
                                            const QueryParams& query, UrlFormat format);

namespace detail {
/// The start of every URL of `ep`: the base URL without a trailing '/', then '/' and the version.
WHATSAPP_DECL std::string url_root(const Endpoint& ep);
/// build_url() from what is the same for every request of a client, made once: `root`
/// (url_root()) and the percent-encoded credential, sent as the first query parameter under
/// `credential_key` (LowCodeAPI's "api_token"; Graph's "appsecret_proof"). An empty
/// `credential_key` sends no credential parameter (Graph without an app secret).
WHATSAPP_DECL Result<std::string> build_url_with(std::string_view root, std::string_view encoded_token,
                                                 const Route& r, const PathValues& values,
                                                 const QueryParams& query, UrlFormat format,
                                                 std::string_view credential_key = "api_token");
}  // namespace detail

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/protocol/impl/url.ipp"
#endif
