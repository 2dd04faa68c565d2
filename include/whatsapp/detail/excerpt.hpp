#pragma once

/// @file detail/excerpt.hpp
/// Private: the start of a body, safe to put in an error message or a log line.

#include <cstddef>
#include <string>
#include <string_view>

namespace whatsapp::detail {

/// The first `max` bytes of `body`, control bytes replaced by '?' (tab, CR and LF by a space),
/// "..." when cut.
inline std::string excerpt(std::string_view body, std::size_t max = 160) {
  std::string out;
  const std::size_t n = body.size() < max ? body.size() : max;
  out.reserve(n + 3);
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(body[i]);
    out.push_back((c < 0x20 || c == 0x7F) ? (c == '\n' || c == '\r' || c == '\t' ? ' ' : '?')
                                          : static_cast<char>(c));
  }
  if (body.size() > max) out += "...";
  return out;
}

}  // namespace whatsapp::detail
