// Definitions of the functions protocol/detail/send_answer.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/protocol/detail/send_answer.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL std::optional<SendResult> read_send_answer(const HttpResponse& resp, bool enveloped) {
  if (resp.status < 200 || resp.status >= 300) return std::nullopt;
  std::string_view payload;
  auto r = SendAnswerScanner(resp.body).read(payload, enveloped);
  if (r) r->raw_json.assign(payload);
  return r;
}

WHATSAPP_DECL std::optional<SendResult> take_send_answer(HttpResponse& resp, bool enveloped) {
  if (resp.status < 200 || resp.status >= 300) return std::nullopt;
  std::string_view payload;
  auto r = SendAnswerScanner(resp.body).read(payload, enveloped);
  if (!r) return r;
  const std::size_t begin = static_cast<std::size_t>(payload.data() - resp.body.data());
  const std::size_t size = payload.size();
  r->raw_json = std::move(resp.body);
  r->raw_json.erase(begin + size);
  r->raw_json.erase(0, begin);
  return r;
}

}  // namespace whatsapp::detail
