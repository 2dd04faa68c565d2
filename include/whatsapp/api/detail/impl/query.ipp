// Definitions of the functions api/detail/query.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/api/detail/query.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL void add_fields(QueryParams& q, const std::vector<std::string>& fields) {
  if (!fields.empty()) q.emplace_back("fields", join(fields));
}

}  // namespace whatsapp::detail
