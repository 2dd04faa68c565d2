#pragma once

// Small helpers for query parameters.

#include <string>
#include <vector>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/protocol/url.hpp"

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
WHATSAPP_DECL void add_fields(QueryParams& q, const std::vector<std::string>& fields);

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/api/detail/impl/query.ipp"
#endif
