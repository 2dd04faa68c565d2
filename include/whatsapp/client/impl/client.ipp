// Definitions of what client/client.hpp declares: included by it (header-only), or compiled once
// with WHATSAPP_SEPARATE_COMPILATION.

#pragma once

#include <utility>

#include "whatsapp/client/client.hpp"

namespace whatsapp {

WHATSAPP_DECL Result<nlohmann::json> ClientBase::call(RouteId id, const PathValues& path, QueryParams query,
                                                      const nlohmann::json& body) const {
  detail::RequestSpec spec{&route(id), path, std::move(query), {}, {}};
  if (!body.is_null()) spec.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return core_->call(spec);
}

}  // namespace whatsapp
