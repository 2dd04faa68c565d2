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

#include "whatsapp/detail/percent.hpp"
#include "whatsapp/format.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/routes.hpp"

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
inline Result<std::string> build_url(const Endpoint& ep, const Route& r, const PathValues& values,
                                     const QueryParams& query, UrlFormat format) {
  const std::size_t n = r.path_param_count();
  for (std::size_t i = 0; i < n; ++i) {
    if (values[i].empty()) {
      return Error::invalid_argument(std::string(r.path_params[i]), "must not be empty");
    }
  }
  for (const auto& [key, value] : query) {
    if (key.find_first_of("\r\n") != std::string::npos) {
      return Error::invalid_argument("query", "a parameter name holds CR or LF");
    }
  }
  std::string url;
  url.reserve(ep.base_url.size() + ep.api_version.size() + r.path.size() + 64 + ep.api_token.size() +
              values[0].size() * 3 + values[1].size() * 3);
  url.append(ep.base_url);
  if (!url.empty() && url.back() == '/') url.pop_back();
  url.push_back('/');
  url.append(ep.api_version);

  // Walk the template: copy literal text, substitute each <PARAM>.
  std::size_t param = 0;
  for (std::size_t i = 0; i < r.path.size();) {
    const char c = r.path[i];
    if (c != '<') {
      url.push_back(c);
      ++i;
      continue;
    }
    const std::size_t close = r.path.find('>', i);
    const std::string_view name = r.path.substr(i + 1, close - i - 1);
    if (format == UrlFormat::kNew) {
      detail::append_encoded(url, values[param]);
    } else {
      for (const char ch : name) {
        url.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
      }
    }
    ++param;
    i = close + 1;
  }

  char sep = '?';
  auto add = [&](std::string_view key, std::string_view value) {
    url.push_back(sep);
    sep = '&';
    detail::append_encoded(url, key);
    url.push_back('=');
    detail::append_encoded(url, value);
  };
  if (format == UrlFormat::kOld) {
    for (std::size_t i = 0; i < n; ++i) add(r.path_params[i], values[i]);
  }
  add("api_token", ep.api_token);
  for (const auto& [k, v] : query) add(k, v);
  return url;
}

}  // namespace whatsapp
