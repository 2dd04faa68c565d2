// Definitions of the functions client/detail/exchange.hpp declares: included by it
// (header-only), or compiled once with WHATSAPP_SEPARATE_COMPILATION.

#pragma once

#include <nlohmann/json.hpp>

#include "whatsapp/client/detail/exchange.hpp"
#include "whatsapp/client/detail/format_memory.hpp"
#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/protocol/envelope.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL bool route_missing(const HttpResponse& resp) {
  if (resp.status != 404) return false;
  const auto j = parse_json(resp.body);
  return !(j.is_object() && find_error(j) != nullptr);
}

WHATSAPP_DECL void explain_unserved(Error& e, const Exchange& ex) {
  if (e.source() != ErrorSource::kLowCodeApi || e.http_status() != 404 || ex.route == nullptr) return;
  std::string m = "this LowCodeAPI serves \"" + std::string(ex.route->name) + "\" in neither URL format (";
  m += ex.attempts >= 2
           ? std::string("the New and the Old format both answered 404")
           : "both answered 404 less than " + std::to_string(kUnservedRouteTtl.count()) +
                 " minutes ago; only the " + std::string(to_string(ex.format)) + " format was asked again";
  m += "): " + e.message();
  e.with_message(std::move(m))
      .with_hint(
          "use a LowCodeAPI that serves this route (a self-hosted server lacks some); both formats "
          "are asked again " +
          std::to_string(kUnservedRouteTtl.count()) + " minutes after neither answered");
}

}  // namespace whatsapp::detail
