#pragma once

/// @file model/success.hpp
/// Answers of the form {"success": true}.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/json_util.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"

namespace whatsapp::detail {

/// Nothing when `payload` is `{"success": true}` (or "true"); the call's error as is; a parse
/// error naming `what` when the answer is anything else (including `{"success": false}`).
inline Result<void> expect_success(Result<nlohmann::json> payload, std::string_view what) {
  if (!payload) return std::move(payload).error();
  const auto ok = bool_at(*payload, "success");
  if (ok && *ok) return {};
  std::string msg =
      std::string(what) + ": the answer is not {\"success\": true} but " + excerpt(payload->dump(), 120);
  return Error(ErrorKind::kParse, std::move(msg));
}

}  // namespace whatsapp::detail
