// Definitions of the functions url.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <algorithm>

#include "whatsapp/protocol/url.hpp"

namespace whatsapp {

WHATSAPP_DECL Result<std::string> build_url(const Endpoint& ep, const Route& r, const PathValues& values,
                                            const QueryParams& query, UrlFormat format) {
  return detail::build_url_with(detail::url_root(ep), detail::encoded(ep.api_token), r, values, query,
                                format);
}

namespace detail {

WHATSAPP_DECL std::string url_root(const Endpoint& ep) {
  std::string root = ep.base_url;
  if (!root.empty() && root.back() == '/') root.pop_back();
  root.push_back('/');
  root.append(ep.api_version);
  return root;
}

WHATSAPP_DECL Result<std::string> build_url_with(std::string_view root, std::string_view encoded_token,
                                                 const Route& r, const PathValues& values,
                                                 const QueryParams& query, UrlFormat format,
                                                 std::string_view credential_key) {
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
  url.reserve(root.size() + r.path.size() + 64 + encoded_token.size() + values[0].size() * 3 +
              values[1].size() * 3);
  url.append(root);

  // Walk the template: copy each literal run whole, substitute each <PARAM>.
  std::size_t param = 0;
  for (std::size_t i = 0; i < r.path.size();) {
    const std::size_t open = std::min(r.path.find('<', i), r.path.size());
    url.append(r.path.data() + i, open - i);
    if (open == r.path.size()) break;
    const std::size_t close = r.path.find('>', open);
    const std::string_view name = r.path.substr(open + 1, close - open - 1);
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
  if (!credential_key.empty()) {
    url.push_back(sep);
    sep = '&';
    url.append(credential_key);
    url.push_back('=');
    url.append(encoded_token);
  }
  for (const auto& [k, v] : query) add(k, v);
  return url;
}

}  // namespace detail

}  // namespace whatsapp
