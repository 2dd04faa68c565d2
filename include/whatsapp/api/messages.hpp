#pragma once

/// @file api/messages.hpp
/// Sending messages.

#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/batch.hpp"
#include "whatsapp/detail/batch.hpp"
#include "whatsapp/detail/core.hpp"
#include "whatsapp/detail/decode.hpp"
#include "whatsapp/model/message.hpp"
#include "whatsapp/model/send_result.hpp"

namespace whatsapp::api {

/// `client.messages()`. Cheap to copy; shares the client's connection and state.
template <class Transport>
class Messages {
 public:
  explicit Messages(std::shared_ptr<const detail::Core<Transport>> core) : core_(std::move(core)) {}

  /// Sends `message` from the business number `phone_number_id`.
  /// Errors: kInvalidArgument (naming the field) before anything is sent when the message
  /// breaks a limit Meta documents; kApi with the Graph error when Meta refuses it; kTransport
  /// or kTimeout (check Error::may_have_been_sent() before sending again).
  Result<SendResult> send(std::string_view phone_number_id, const Message& message) const {
    if (auto v = validate(message); !v) return v.error();
    detail::RequestSpec spec{&route(RouteId::kSendMessage), {phone_number_id}, {}, {}, {}};
    spec.body = detail::message_body(message);
    auto payload = core_->call(spec);
    if (!payload) return std::move(payload).error();
    return detail::decode_send_result(std::move(*payload));
  }

  /// Sends `messages` from `phone_number_id` with up to `options.max_in_flight` requests at once
  /// (curl multi over kept-alive connections; see BatchOptions). Each message goes through what
  /// send() does (validation, format fallback, envelope, retries, rate limits) and gets its own
  /// Result, in the order of `messages`. An invalid message gets its kInvalidArgument error and
  /// sends nothing; the others go anyway. Blocks until every message has its result.
  std::vector<Result<SendResult>> send_batch(std::string_view phone_number_id, const std::vector<Message>& messages,
                                             const BatchOptions& options = {}) const {
    return detail::send_message_batch(
        *core_, messages.size(), [&](std::size_t) { return phone_number_id; },
        [&](std::size_t i) -> const Message& { return messages[i]; }, options);
  }

  /// As above, each message with its own sending business number.
  std::vector<Result<SendResult>> send_batch(const std::vector<BatchItem>& items,
                                             const BatchOptions& options = {}) const {
    return detail::send_message_batch(
        *core_, items.size(), [&](std::size_t i) { return std::string_view(items[i].phone_number_id); },
        [&](std::size_t i) -> const Message& { return items[i].message; }, options);
  }

 private:
  std::shared_ptr<const detail::Core<Transport>> core_;
};

}  // namespace whatsapp::api
