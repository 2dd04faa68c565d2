#pragma once

/// @file webhook_http_head.hpp
/// Private: the request head of HTTP/1.x for the built-in webhook server (webhook/server.hpp).
/// Strict on purpose: lines end in CRLF, header names are tokens followed directly by ':',
/// no obsolete line folding, no control characters in values. Whatever is not clearly one
/// request is refused, so that a proxy in front and this server never disagree about where a
/// request ends (request smuggling).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace whatsapp::detail {

/// One header line, the value without the blanks around it.
struct HttpHeaderField {
  std::string name;
  std::string value;
};

/// A parsed request line and its headers.
struct HttpRequestHead {
  std::string method;
  std::string target;     ///< As sent: "/path?query".
  int minor_version = 1;  ///< HTTP/1.0 or HTTP/1.1.
  std::vector<HttpHeaderField> headers;
};

/// The outcome of parsing a head: 0 when it is good, else the HTTP status to refuse it with
/// (400 malformed, 431 too many headers, 505 not HTTP/1.x), with a short reason.
struct HttpHeadResult {
  int status = 0;
  std::string_view reason;
  bool ok() const noexcept { return status == 0; }
};

/// ASCII lower case of `c`.
constexpr char webhook_ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

/// True when `a` and `b` are equal ignoring ASCII case.
inline bool webhook_iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (webhook_ascii_lower(a[i]) != webhook_ascii_lower(b[i])) return false;
  }
  return true;
}

/// A token character of RFC 9110 (method and header names).
constexpr bool webhook_is_tchar(char c) noexcept {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~': return true;
    default: return false;
  }
}

/// `s` without spaces and tabs at both ends.
inline std::string_view webhook_trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// Where the head in `buffer` ends: the index just after the blank line ("\r\n\r\n"), or npos
/// when it has not arrived yet. Searching starts at `from` (pass what was searched before,
/// minus 3, to avoid scanning the same bytes again).
inline std::size_t webhook_find_head_end(std::string_view buffer, std::size_t from = 0) noexcept {
  const std::size_t at = buffer.find("\r\n\r\n", from);
  return at == std::string_view::npos ? at : at + 4;
}

/// Parses a complete head (request line, header lines, the blank line; leading empty lines are
/// skipped as RFC 9112 allows). At most `max_headers` header lines. Never throws except
/// std::bad_alloc.
inline HttpHeadResult webhook_parse_head(std::string_view text, HttpRequestHead& out,
                                         std::size_t max_headers) {
  out = HttpRequestHead{};
  while (text.substr(0, 2) == "\r\n") text.remove_prefix(2);
  auto next_line = [&text](std::string_view& line) {
    const std::size_t eol = text.find("\r\n");
    if (eol == std::string_view::npos) return false;
    line = text.substr(0, eol);
    text.remove_prefix(eol + 2);
    return true;
  };
  std::string_view line;
  if (!next_line(line)) return {400, "request line not terminated by CRLF"};
  // method SP request-target SP HTTP-version
  const std::size_t sp1 = line.find(' ');
  const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos) {
    return {400, "malformed request line"};
  }
  const std::string_view method = line.substr(0, sp1);
  const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  const std::string_view version = line.substr(sp2 + 1);
  if (method.empty()) return {400, "empty method"};
  for (char c : method) {
    if (!webhook_is_tchar(c)) return {400, "invalid character in method"};
  }
  if (target.empty()) return {400, "empty request target"};
  for (char c : target) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f) return {400, "invalid character in request target"};
  }
  if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || version[6] != '.' || version[5] < '0' ||
      version[5] > '9' || version[7] < '0' || version[7] > '9') {
    return {400, "malformed HTTP version"};
  }
  if (version[5] != '1') return {505, "only HTTP/1.0 and HTTP/1.1 are served"};
  out.method = std::string(method);
  out.target = std::string(target);
  out.minor_version = version[7] == '0' ? 0 : 1;

  while (true) {
    if (!next_line(line)) return {400, "header line not terminated by CRLF"};
    if (line.empty()) break;  // the blank line that ends the head
    if (line.front() == ' ' || line.front() == '\t') return {400, "obsolete line folding"};
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return {400, "malformed header line"};
    const std::string_view name = line.substr(0, colon);
    for (char c : name) {
      if (!webhook_is_tchar(c)) return {400, "invalid character in header name"};
    }
    const std::string_view value = webhook_trim(line.substr(colon + 1));
    for (char c : value) {
      const auto u = static_cast<unsigned char>(c);
      if ((u < 0x20 && c != '\t') || u == 0x7f) return {400, "control character in header value"};
    }
    if (out.headers.size() >= max_headers) return {431, "too many header lines"};
    out.headers.push_back({std::string(name), std::string(value)});
  }
  return {};
}

/// How many headers named `name` (any case) `head` has.
inline std::size_t webhook_header_count(const HttpRequestHead& head, std::string_view name) noexcept {
  std::size_t n = 0;
  for (const auto& h : head.headers) n += webhook_iequals(h.name, name) ? 1 : 0;
  return n;
}

/// The value of the first header named `name` (any case), or nullptr.
inline const std::string* webhook_header(const HttpRequestHead& head, std::string_view name) noexcept {
  for (const auto& h : head.headers) {
    if (webhook_iequals(h.name, name)) return &h.value;
  }
  return nullptr;
}

/// Calls `f(element)` for each comma-separated element, trimmed and non-empty, of every header
/// named `name` (RFC 9110 list syntax). Stops early when `f` returns false.
template <typename F>
void webhook_for_each_list_element(const HttpRequestHead& head, std::string_view name, F&& f) {
  for (const auto& h : head.headers) {
    if (!webhook_iequals(h.name, name)) continue;
    std::string_view rest = h.value;
    while (true) {
      const std::size_t comma = rest.find(',');
      const std::string_view element = webhook_trim(rest.substr(0, comma));
      if (!element.empty() && !f(element)) return;
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
}

/// How the body of a request is delimited.
struct HttpBodyFraming {
  enum class Kind { kNone, kLength, kChunked };
  Kind kind = Kind::kNone;
  std::uint64_t length = 0;  ///< For kLength; saturates at UINT64_MAX.
  int status = 0;            ///< 0, or the refusal: 400 (ambiguous or malformed), 501.
  std::string_view reason;
};

/// Reads Transfer-Encoding and Content-Length (RFC 9112 section 6). Refused: both present
/// (400, request smuggling), a transfer coding other than a single final "chunked" (501 for an
/// unknown coding, 400 when chunked is not last or repeated), Transfer-Encoding on HTTP/1.0
/// (400), several differing or malformed Content-Length values (400).
inline HttpBodyFraming webhook_body_framing(const HttpRequestHead& head) {
  HttpBodyFraming f;
  const bool has_te = webhook_header_count(head, "Transfer-Encoding") > 0;
  const bool has_cl = webhook_header_count(head, "Content-Length") > 0;
  if (has_te && has_cl)
    return {HttpBodyFraming::Kind::kNone, 0, 400, "both Transfer-Encoding and Content-Length"};
  if (has_te) {
    if (head.minor_version == 0)
      return {HttpBodyFraming::Kind::kNone, 0, 400, "Transfer-Encoding on HTTP/1.0"};
    std::vector<std::string_view> codings;
    webhook_for_each_list_element(head, "Transfer-Encoding", [&](std::string_view c) {
      codings.push_back(c);
      return codings.size() <= 8;
    });
    for (auto c : codings) {
      if (!webhook_iequals(c, "chunked")) {
        return {HttpBodyFraming::Kind::kNone, 0, 501, "transfer coding not implemented (only chunked)"};
      }
    }
    if (codings.empty()) return {HttpBodyFraming::Kind::kNone, 0, 400, "empty Transfer-Encoding"};
    if (codings.size() != 1) return {HttpBodyFraming::Kind::kNone, 0, 400, "chunked given more than once"};
    f.kind = HttpBodyFraming::Kind::kChunked;
    return f;
  }
  if (!has_cl) return f;
  bool first = true;
  bool bad = false;
  webhook_for_each_list_element(head, "Content-Length", [&](std::string_view v) {
    std::uint64_t n = 0;
    for (char c : v) {
      if (c < '0' || c > '9') {
        bad = true;
        return false;
      }
      const auto d = static_cast<std::uint64_t>(c - '0');
      n = n > (UINT64_MAX - d) / 10 ? UINT64_MAX : n * 10 + d;
    }
    if (!first && n != f.length) bad = true;
    f.length = n;
    first = false;
    return !bad;
  });
  // An empty value (or only commas) gives no element at all.
  if (bad || first) return {HttpBodyFraming::Kind::kNone, 0, 400, "malformed Content-Length"};
  f.kind = HttpBodyFraming::Kind::kLength;
  return f;
}

/// Decodes %XX escapes and '+' (as a space) of one query component; a '%' not followed by two
/// hex digits stays as it is.
inline std::string webhook_query_decode(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out.push_back(' ');
    } else if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

/// The decoded value of the first query parameter `key` of `target` ("/p?a=1&b=2"), or "".
inline std::string webhook_query_value(std::string_view target, std::string_view key) {
  const std::size_t q = target.find('?');
  if (q == std::string_view::npos) return std::string();
  std::string_view rest = target.substr(q + 1);
  const std::size_t hash = rest.find('#');
  if (hash != std::string_view::npos) rest = rest.substr(0, hash);
  while (!rest.empty()) {
    const std::size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    const std::size_t eq = pair.find('=');
    if (webhook_query_decode(pair.substr(0, eq)) == key) {
      return eq == std::string_view::npos ? std::string() : webhook_query_decode(pair.substr(eq + 1));
    }
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  return std::string();
}

/// The path of `target`, without query or fragment.
inline std::string_view webhook_target_path(std::string_view target) noexcept {
  return target.substr(0, target.find_first_of("?#"));
}

}  // namespace whatsapp::detail
