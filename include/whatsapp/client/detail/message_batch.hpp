#pragma once

// Many message sends through the batch engine, each as messages().send() would make it:
// validated first (an invalid message gets its error and sends nothing), its body made only
// when its call starts.

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "whatsapp/client/detail/batch_engine.hpp"
#include "whatsapp/client/detail/core.hpp"
#include "whatsapp/client/options.hpp"
#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/function_ref.hpp"
#include "whatsapp/model/message.hpp"
#include "whatsapp/model/send_result.hpp"

namespace whatsapp::detail {

/// One message to send: its sending number and the message (null: there are no more).
using MessageRef = std::pair<std::string_view, const Message*>;
/// Gives message i, valid until it is asked for the next one.
using MessageSource = FunctionRef<MessageRef(std::size_t i)>;

/// Makes `spec` the request that sends `m` from `phone_number_id` (viewed, not copied): the send
/// route, m's body, and its addressee (`to`, else its BSUID) as the per-recipient interval's key.
/// send() and the batches build their requests here.
WHATSAPP_DECL void set_send_request(RequestSpec& spec, std::string_view phone_number_id, const Message& m);

/// Sends the messages `get` gives; `on_result` gets each message's result as soon as it is
/// known. Returns how many messages get gave.
WHATSAPP_DECL std::size_t send_messages(const Core& core, MessageSource get, SendSink on_result,
                                        const BatchOptions& options);

/// send_batch(): the results of messages 0..n-1 in input order.
WHATSAPP_DECL std::vector<Result<SendResult>> send_message_batch(const Core& core, std::size_t n,
                                                                 MessageSource get,
                                                                 const BatchOptions& options);

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/client/detail/impl/message_batch.ipp"
#endif
