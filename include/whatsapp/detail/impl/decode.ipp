// Definitions of the functions detail/decode.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/detail/decode.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL void require_object(const nlohmann::json& j, std::string_view what) {
  if (!j.is_object()) {
    throw DecodeError(std::string(what) + " is not a JSON object but " + j.type_name());
  }
}

}  // namespace whatsapp::detail
