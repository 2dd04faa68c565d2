#pragma once

// Many message sends through BatchEngine, each as messages().send() would make it: validated
// first (an invalid message gets its error and sends nothing), its body made only when its call
// starts.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "whatsapp/client/batch.hpp"
#include "whatsapp/client/detail/batch_engine.hpp"
#include "whatsapp/client/detail/core.hpp"
#include "whatsapp/model/message.hpp"
#include "whatsapp/model/send_result.hpp"
#include "whatsapp/protocol/detail/send_answer.hpp"
#include "whatsapp/protocol/detail/send_body.hpp"

namespace whatsapp::detail {

/// One message to send: its sending number and the message (null: there are no more).
using MessageRef = std::pair<std::string_view, const Message*>;

/// `get(i)` gives message i, valid until the next get(); `on_result(i, Result<SendResult>&&)`
/// gets each message's result as soon as it is known. Returns how many messages get gave.
template <class Transport, class Get, class OnResult>
std::size_t send_messages(const Core<Transport>& core, Get& get, OnResult& on_result,
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
      spec.route = &route(RouteId::kSendMessage);
      spec.path = {keep};
      write_message_body(spec.body, *m.second);
      return i;
    }
  };
  BatchEngine<Transport, SendAnswer>(core, options).run(source, on_result);
  return n;
}

/// send_batch(): the results of messages 0..n-1 in input order; `phone_of(i)` and
/// `message_of(i)` give message i and its sending number.
template <class Transport, class PhoneOf, class MessageOf>
std::vector<Result<SendResult>> send_message_batch(const Core<Transport>& core, std::size_t n,
                                                   PhoneOf phone_of, MessageOf message_of,
                                                   const BatchOptions& options) {
  std::vector<std::optional<Result<SendResult>>> out(n);
  auto get = [&](std::size_t i) { return i < n ? MessageRef(phone_of(i), &message_of(i)) : MessageRef(); };
  auto put = [&](std::size_t i, Result<SendResult>&& r) { out[i] = std::move(r); };
  send_messages(core, get, put, options);
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
