// Definitions of the functions detail/redact.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <algorithm>
#include <utility>

#include "whatsapp/detail/excerpt.hpp"
#include "whatsapp/detail/redact.hpp"

namespace whatsapp::detail {

namespace redact_impl {

/// A form of a text: its characters, and for each one (plus one past the end) the offset in the
/// original text where it starts.
struct TextView {
  std::string chars;
  std::vector<std::size_t> from;
};

inline int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// The byte that `s` encodes at `i` and how many characters encode it: %XX (either case),
/// \uXXXX below 0x80, \/ \" \\, '+' for a space when `plus`; else the character itself.
inline std::pair<char, std::size_t> decode_at(std::string_view s, std::size_t i, bool plus) noexcept {
  const char c = s[i];
  if (c == '%' && i + 2 < s.size()) {
    const int hi = hex_value(s[i + 1]);
    const int lo = hex_value(s[i + 2]);
    if (hi >= 0 && lo >= 0) return {static_cast<char>(hi * 16 + lo), 3};
  }
  if (c == '\\' && i + 1 < s.size()) {
    const char n = s[i + 1];
    if (n == '/' || n == '"' || n == '\\') return {n, 2};
    if (n == 'u' && i + 5 < s.size()) {
      int v = 0;
      for (std::size_t k = i + 2; k < i + 6; ++k) {
        const int h = hex_value(s[k]);
        if (h < 0) return {c, 1};
        v = v * 16 + h;
      }
      if (v < 0x80) return {static_cast<char>(v), 6};
    }
  }
  if (plus && c == '+') return {' ', 1};
  return {c, 1};
}

/// `in` decoded once (see decode_at), its offsets still into the original text.
inline TextView decoded(const TextView& in, bool plus) {
  TextView out;
  out.chars.reserve(in.chars.size());
  out.from.reserve(in.from.size());
  const std::string_view s = in.chars;
  for (std::size_t i = 0; i < s.size();) {
    const auto [byte, used] = decode_at(s, i, plus);
    out.chars.push_back(byte);
    out.from.push_back(in.from[i]);
    i += used;
  }
  out.from.push_back(in.from.back());
  return out;
}

inline TextView identity(const std::string& text) {
  TextView v{text, std::vector<std::size_t>(text.size() + 1)};
  for (std::size_t i = 0; i <= text.size(); ++i) v.from[i] = i;
  return v;
}

inline bool may_encode(std::string_view s) noexcept {
  return s.find_first_of("%\\") != std::string_view::npos;
}

/// `c` with an ASCII capital letter lowered: pieces are matched in any letter case (a server
/// that echoes the token upper- or lower-cased still does not show it).
inline unsigned char fold(char c) noexcept {
  return static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

inline bool ieq(char a, char b) noexcept {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return lower(a) == lower(b);
}

/// The position of `key` (lowercase) in `text` at or after `pos`, in any case; npos if none.
inline std::size_t find_nocase(std::string_view text, std::string_view key, std::size_t pos) noexcept {
  const char first[] = {
      key[0], static_cast<char>(key[0] >= 'a' && key[0] <= 'z' ? key[0] - 'a' + 'A' : key[0]), '\0'};
  for (auto i = text.find_first_of(first, pos); i != std::string_view::npos && i + key.size() <= text.size();
       i = text.find_first_of(first, i + 1)) {
    std::size_t k = 1;
    while (k < key.size() && ieq(text[i + k], key[k])) ++k;
    if (k == key.size()) return i;
  }
  return std::string_view::npos;
}

/// Authorization schemes whose name stays visible ("Bearer ***"); the credential follows.
inline bool is_auth_scheme(std::string_view word) noexcept {
  for (const std::string_view scheme :
       {"bearer", "basic", "token", "oauth", "negotiate", "digest", "hoba", "mutual", "aws4-hmac-sha256"}) {
    if (word.size() != scheme.size()) continue;
    std::size_t k = 0;
    while (k < word.size() && ieq(word[k], scheme[k])) ++k;
    if (k == word.size()) return true;
  }
  return false;
}

/// Replaces the value after every `key` followed by a separator (':' or '=', JSON quotes and
/// spaces around it allowed), up to the first of `stops` (or the end). With `one_word` (the
/// Authorization form) the value is one word, after a scheme name kept visible: so that
/// "Authorization: Bearer x" becomes "Authorization: Bearer ***" and a sentence that merely
/// says "authorization: ..." loses one word, not the rest of the line.
inline void redact_values(std::string& text, std::string_view key, std::string_view stops,
                          bool one_word = false) {
  for (auto pos = find_nocase(text, key, 0); pos != std::string::npos;
       pos = find_nocase(text, key, pos + 1)) {
    std::size_t i = pos + key.size();
    const auto skip = [&](std::string_view chars) {
      while (i < text.size() && chars.find(text[i]) != std::string_view::npos) ++i;
    };
    const auto word_end = [&](std::size_t from) {
      while (from < text.size() && stops.find(text[from]) == std::string_view::npos &&
             (!one_word || (text[from] != ' ' && text[from] != '\t')))
        ++from;
      return from;
    };
    skip("\\\"' ");
    if (i >= text.size() || (text[i] != ':' && text[i] != '=')) continue;
    ++i;
    skip("\\\"' \t");
    if (i < text.size() && (text[i] == '{' || text[i] == '[')) continue;  // an object, not a value
    std::size_t end = word_end(i);
    if (one_word && is_auth_scheme(std::string_view(text).substr(i, end - i))) {
      i = end;
      skip(" \t");
      end = word_end(i);
    }
    if (end == i || text.compare(i, end - i, kRedacted) == 0) continue;
    text.replace(i, end - i, kRedacted);
  }
}

}  // namespace redact_impl

WHATSAPP_DECL Redactor::Redactor(std::string_view secret) {
  if (secret.empty()) return;
  secret_size_ = secret.size();
  width_ = std::min(kPieceLength, secret.size());
  secret_has_space_ = secret.find(' ') != std::string_view::npos;
  for (std::size_t i = 0; i + width_ <= secret.size(); ++i) {
    std::uint64_t v = 0;
    for (std::size_t k = 0; k < width_; ++k) v = (v << 8) | redact_impl::fold(secret[i + k]);
    pieces_.push_back(v);
  }
  std::sort(pieces_.begin(), pieces_.end());
  pieces_.erase(std::unique(pieces_.begin(), pieces_.end()), pieces_.end());
}

namespace redact_impl {

/// The ranges (in original offsets) of `view` covered by a piece of `pieces` of `width`.
/// `from` null: the text itself (offsets are positions in `s`).
inline std::vector<std::pair<std::size_t, std::size_t>> covered(std::string_view s,
                                                                const std::vector<std::size_t>* from,
                                                                const std::vector<std::uint64_t>& pieces,
                                                                std::size_t width) {
  std::vector<std::pair<std::size_t, std::size_t>> runs;  // in offsets of `s` first
  const std::uint64_t mask = width >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * width)) - 1;
  std::uint64_t window = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    window = ((window << 8) | fold(s[i])) & mask;
    if (i + 1 < width || !std::binary_search(pieces.begin(), pieces.end(), window)) continue;
    const std::size_t start = i + 1 - width;
    if (!runs.empty() && start <= runs.back().second) {
      runs.back().second = i + 1;
    } else {
      runs.emplace_back(start, i + 1);
    }
  }
  if (from != nullptr) {
    for (auto& r : runs) r = {(*from)[r.first], (*from)[r.second]};
  }
  return runs;
}

/// Replaces the union of `runs` (original offsets, in any order, overlapping or not) by the
/// marker, one marker per connected stretch; true when there was any.
inline bool replace_runs(std::string& text, std::vector<std::pair<std::size_t, std::size_t>>& runs) {
  if (runs.empty()) return false;
  std::sort(runs.begin(), runs.end());
  std::vector<std::pair<std::size_t, std::size_t>> merged;
  for (const auto& r : runs) {
    if (!merged.empty() && r.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, r.second);
    } else {
      merged.push_back(r);
    }
  }
  for (auto it = merged.rbegin(); it != merged.rend(); ++it)
    text.replace(it->first, it->second - it->first, kRedacted);
  return true;
}

}  // namespace redact_impl

WHATSAPP_DECL bool Redactor::scrub_pieces_once(std::string& text) const {
  using namespace redact_impl;
  // Every form is searched in the same text and the stretches found are replaced together, so
  // that an occurrence partly encoded goes whole ("at%5FR3d..." is one "***", not "at%5F***").
  auto runs = covered(text, nullptr, pieces_, width_);  // the raw form
  const auto add = [&](const TextView& v) {
    const auto found = covered(v.chars, &v.from, pieces_, width_);
    runs.insert(runs.end(), found.begin(), found.end());
  };
  if (may_encode(text)) {  // percent-encoded or JSON-escaped, once and twice
    const TextView once = decoded(identity(text), false);
    add(once);
    if (may_encode(once.chars)) add(decoded(once, false));
  }
  if (secret_has_space_ && text.find('+') != std::string::npos) {  // form encoding: '+' for ' '
    const TextView plus = decoded(identity(text), true);
    add(plus);
    if (may_encode(plus.chars)) add(decoded(plus, true));
  }
  return replace_runs(text, runs);
}

WHATSAPP_DECL std::string Redactor::operator()(std::string text) const {
  redact_credentials(text);
  if (pieces_.empty() || text.empty()) return text;
  // Each pass that replaces something shortens the text when the pieces are longer than the
  // marker, so this ends; a marker-sized secret gets one pass. The bound is a safety net for a
  // secret made of '*' that keeps matching the marker: then nothing of the text is kept.
  const int max_passes = width_ > kRedacted.size() ? 16 : 1;
  for (int pass = 0; pass < max_passes; ++pass) {
    if (!scrub_pieces_once(text)) return text;
  }
  if (width_ > kRedacted.size() && holds_piece(text)) return std::string(kRedacted);
  return text;
}

WHATSAPP_DECL std::string Redactor::excerpt(std::string_view text, std::size_t max) const {
  // Only the start of a large body can reach the excerpt: redact what the cut can show plus a
  // margin for a token spelled out in its longest form (\u00XX: 6 characters per byte).
  const std::size_t reach = max + 6 * secret_size_ + 4096;
  std::string head = (*this)(std::string(text.substr(0, std::min(text.size(), reach))));
  std::string cut = detail::excerpt(head, max);
  if (text.size() > reach && head.size() <= max) cut += "...";
  return (*this)(std::move(cut));
}

WHATSAPP_DECL bool Redactor::holds_piece(std::string_view text) const {
  if (pieces_.empty()) return false;
  std::string copy(text);
  return scrub_pieces_once(copy);
}

WHATSAPP_DECL void redact_secret(std::string& text, std::string_view secret) {
  if (secret.empty()) return;
  for (auto pos = text.find(secret); pos != std::string::npos;
       pos = text.find(secret, pos + kRedacted.size())) {
    text.replace(pos, secret.size(), kRedacted);
  }
}

WHATSAPP_DECL void redact_token_params(std::string& text) {
  static constexpr std::string_view kStops = "&#; \t\r\n\"'<>\\,}";
  for (const std::string_view key : {"api_token", "api%5ftoken", "access_token", "access%5ftoken",
                                     "appsecret_proof", "appsecret%5fproof"}) {
    redact_impl::redact_values(text, key, kStops);
  }
}

WHATSAPP_DECL void redact_authorization(std::string& text) {
  redact_impl::redact_values(text, "authorization", "\r\n\"'<>\\,;}", /*one_word=*/true);
}

WHATSAPP_DECL void redact_userinfo(std::string& text) {
  for (auto pos = text.find("://"); pos != std::string::npos; pos = text.find("://", pos + 3)) {
    const std::size_t start = pos + 3;
    const std::size_t end = std::min(text.find_first_of("/?# \t\r\n\"'<>\\", start), text.size());
    const std::size_t at = text.rfind('@', end == 0 ? 0 : end - 1);
    if (at == std::string::npos || at < start || at == start) continue;
    if (text.compare(start, at - start, kRedacted) == 0) continue;
    text.replace(start, at - start, kRedacted);
  }
}

WHATSAPP_DECL void redact_credentials(std::string& text) {
  if (text.empty()) return;
  redact_token_params(text);
  redact_authorization(text);
  redact_userinfo(text);
}

WHATSAPP_DECL std::string redacted(std::string text, std::string_view secret) {
  return Redactor(secret)(std::move(text));
}

WHATSAPP_DECL std::string redacted_excerpt(std::string_view text, std::size_t max, std::string_view secret) {
  return Redactor(secret).excerpt(text, max);
}

}  // namespace whatsapp::detail
