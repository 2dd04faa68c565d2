// libFuzzer target: build_url() with arbitrary path values, query names and values and tokens, for
// every route and both formats. Whenever a URL is built, parsing it back (split on '/', '?', '&',
// '=' and percent-decoding, written here independently of the library) must give exactly the
// route's literal segments, the values given, and the query given.
// Input: byte 0 picks the route, byte 1 the format; the rest is split on NUL into path value 1,
// path value 2, query name, query value and token.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "whatsapp/protocol/routes.hpp"
#include "whatsapp/protocol/url.hpp"

namespace {

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Decodes %XX; aborts on a character that must have been encoded.
std::string decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) std::abort();
      const int hi = hex(s[i + 1]), lo = hex(s[i + 2]);
      if (hi < 0 || lo < 0) std::abort();
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
      continue;
    }
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '.' || c == '_' || c == '~';
    if (!unreserved) std::abort();
    out.push_back(c);
  }
  return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const auto& route = whatsapp::kRoutes[data[0] % whatsapp::kRouteCount];
  const auto format = (data[1] & 1) ? whatsapp::UrlFormat::kOld : whatsapp::UrlFormat::kNew;
  std::vector<std::string> f(5);
  std::size_t k = 0;
  for (std::size_t i = 2; i < size && k < f.size(); ++i) {
    if (data[i] == 0) {
      ++k;
    } else {
      f[k].push_back(static_cast<char>(data[i]));
    }
  }
  const whatsapp::Endpoint ep{"https://h.example/whatsapp", "v22.0", f[4]};
  const whatsapp::PathValues values{f[0], f[1]};
  const whatsapp::QueryParams query{{f[2], f[3]}};
  auto url = whatsapp::build_url(ep, route, values, query, format);
  const std::size_t n = route.path_param_count();
  if (!url) {
    bool expected = f[2].find_first_of("\r\n") != std::string::npos;
    for (std::size_t i = 0; i < n; ++i) expected = expected || f[i].empty();
    if (!expected || url.error().kind() != whatsapp::ErrorKind::kInvalidArgument) std::abort();
    return 0;
  }
  const std::string_view u = *url;
  const std::string_view prefix = "https://h.example/whatsapp/v22.0/";
  if (u.substr(0, prefix.size()) != prefix) std::abort();
  const auto q = u.find('?');
  if (q == std::string_view::npos || u.find('#') != std::string_view::npos) std::abort();
  const auto got_segments = split(u.substr(prefix.size(), q - prefix.size()), '/');
  const auto want_segments = split(route.path.substr(1), '/');
  if (got_segments.size() != want_segments.size()) std::abort();
  std::size_t param = 0;
  for (std::size_t i = 0; i < want_segments.size(); ++i) {
    const auto w = want_segments[i];
    if (!w.empty() && w.front() == '<') {
      const std::string want =
          format == whatsapp::UrlFormat::kNew ? f[param] : lower(w.substr(1, w.size() - 2));
      if (decode(got_segments[i]) != want) std::abort();
      ++param;
    } else if (got_segments[i] != w) {
      std::abort();
    }
  }
  std::vector<std::pair<std::string, std::string>> want_query;
  if (format == whatsapp::UrlFormat::kOld) {
    for (std::size_t i = 0; i < n; ++i) want_query.emplace_back(std::string(route.path_params[i]), f[i]);
  }
  want_query.emplace_back("api_token", f[4]);
  want_query.emplace_back(f[2], f[3]);
  const auto pairs = split(u.substr(q + 1), '&');
  if (pairs.size() != want_query.size()) std::abort();
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto eq = pairs[i].find('=');
    if (eq == std::string_view::npos) std::abort();
    if (decode(pairs[i].substr(0, eq)) != want_query[i].first) std::abort();
    if (decode(pairs[i].substr(eq + 1)) != want_query[i].second) std::abort();
  }
  return 0;
}
