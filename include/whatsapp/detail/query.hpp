#pragma once

// Small helpers for query parameters.

#include <string>
#include <vector>

#include "whatsapp/url.hpp"

namespace whatsapp::detail {

/// "a,b,c".
inline std::string join(const std::vector<std::string>& items, char sep = ',') {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

/// Adds `fields=a,b` when `fields` is not empty.
inline void add_fields(QueryParams& q, const std::vector<std::string>& fields) {
  if (!fields.empty()) q.emplace_back("fields", join(fields));
}

}  // namespace whatsapp::detail
