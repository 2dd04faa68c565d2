// Definitions of the functions protocol/detail/send_answer.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/protocol/detail/send_answer.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL std::optional<SendResult> read_send_answer(const HttpResponse& resp, bool enveloped) {
  std::optional<SendResult> out;
  if (resp.status < 200 || resp.status >= 300) return out;
  std::string_view payload;
  if (SendAnswerScanner(resp.body).read(payload, enveloped, out)) out->raw_json.assign(payload);
  return out;
}

WHATSAPP_DECL bool take_send_answer(HttpResponse& resp, bool enveloped, std::optional<SendResult>& out) {
  out.reset();
  if (resp.status < 200 || resp.status >= 300) return false;
  std::string_view payload;
  if (!SendAnswerScanner(resp.body).read(payload, enveloped, out)) return false;
  const std::size_t begin = static_cast<std::size_t>(payload.data() - resp.body.data());
  const std::size_t size = payload.size();
  std::string& raw = out->raw_json;
  raw = std::move(resp.body);
  raw.erase(begin + size);
  raw.erase(0, begin);
  return true;
}

}  // namespace whatsapp::detail
