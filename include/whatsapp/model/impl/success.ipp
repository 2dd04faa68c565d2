// Definitions of the functions model/success.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/model/success.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL Result<void> expect_success(Result<nlohmann::json> payload, std::string_view what) {
  if (!payload) return std::move(payload).error();
  const auto ok = bool_at(*payload, "success");
  if (ok && *ok) return {};
  std::string msg =
      std::string(what) + ": the answer is not {\"success\": true} but " + excerpt(payload->dump(), 120);
  return Error(ErrorKind::kParse, std::move(msg));
}

}  // namespace whatsapp::detail
