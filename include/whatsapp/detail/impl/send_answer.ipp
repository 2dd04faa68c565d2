// Definitions of the functions detail/send_answer.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/detail/send_answer.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL std::optional<SendResult> read_send_answer(const HttpResponse& resp) {
  if (resp.status < 200 || resp.status >= 300) return std::nullopt;
  return SendAnswerScanner(resp.body).read();
}

}  // namespace whatsapp::detail
