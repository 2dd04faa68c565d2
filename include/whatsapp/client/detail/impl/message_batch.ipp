// Definitions of what client/detail/message_batch.hpp declares: included by it (header-only),
// or compiled once with WHATSAPP_SEPARATE_COMPILATION.

#pragma once

#include <optional>
#include <string>
#include <utility>

#include "whatsapp/client/detail/message_batch.hpp"
#include "whatsapp/protocol/detail/send_body.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL void set_send_request(RequestSpec& spec, std::string_view phone_number_id, const Message& m) {
  spec.route = &route(RouteId::kSendMessage);
  spec.path = {phone_number_id};
  write_message_body(spec.body, m);
  spec.recipient = m.to.empty() ? m.recipient : m.to;
}

WHATSAPP_DECL std::size_t send_messages(const Core& core, MessageSource get, SendSink on_result,
                                        const BatchOptions& options) {
  std::size_t n = 0;
  auto source = [&](RequestSpec& spec, std::string& keep) -> std::optional<std::size_t> {
    for (;;) {
      const MessageRef m = get(n);
      if (m.second == nullptr) return std::nullopt;
      const std::size_t i = n++;
      if (auto v = validate(*m.second); !v) {
        on_result(i, Result<SendResult>(std::move(v).error()));
        continue;
      }
      keep.assign(m.first);
      set_send_request(spec, keep, *m.second);
      return i;
    }
  };
  BatchEngine(core, options).run(source, on_result);
  return n;
}

WHATSAPP_DECL std::vector<Result<SendResult>> send_message_batch(const Core& core, std::size_t n,
                                                                 MessageSource get,
                                                                 const BatchOptions& options) {
  std::vector<std::optional<Result<SendResult>>> out(n);
  auto bounded = [&](std::size_t i) { return i < n ? get(i) : MessageRef(); };
  auto put = [&](std::size_t i, Result<SendResult>&& r) { out[i] = std::move(r); };
  send_messages(core, bounded, put, options);
  std::vector<Result<SendResult>> results;
  results.reserve(n);
  for (auto& r : out) {
    if (r) {
      results.push_back(std::move(*r));
    } else {  // a transport that returned before asking for this message's request
      Error e(ErrorKind::kTransport, "the transport returned before asking for this message's request");
      e.with_delivery(Delivery::kNotSent);
      results.emplace_back(std::move(e));
    }
  }
  return results;
}

}  // namespace whatsapp::detail
