#pragma once

/// @file model/success.hpp
/// Answers of the form {"success": true}.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"

namespace whatsapp::detail {

/// Nothing when `payload` is `{"success": true}` (or "true"); the call's error as is; a parse
/// error naming `what` when the answer is anything else (including `{"success": false}`).
WHATSAPP_DECL Result<void> expect_success(Result<nlohmann::json> payload, std::string_view what);

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/success.ipp"
#endif
