#pragma once

/// @file api/messages.hpp
/// Sending messages.

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/client/detail/core.hpp"
#include "whatsapp/client/detail/message_batch.hpp"
#include "whatsapp/client/options.hpp"
#include "whatsapp/detail/config.hpp"
#include "whatsapp/model/message.hpp"
#include "whatsapp/model/send_result.hpp"
#include "whatsapp/model/success.hpp"
#include "whatsapp/protocol/detail/send_answer.hpp"
#include "whatsapp/protocol/detail/send_body.hpp"

namespace whatsapp {

/// One message of a batch with its own sending business number.
struct BatchItem {
  std::string phone_number_id;
  Message message;
};

}  // namespace whatsapp

namespace whatsapp::api {

/// `client.messages()`. Cheap to copy; shares the client's connection and state.
class Messages {
 public:
  explicit Messages(std::shared_ptr<const detail::Core> core) : core_(std::move(core)) {}

  /// Sends `message` from the business number `phone_number_id`.
  /// Errors: kInvalidArgument (naming the field) before anything is sent when the message
  /// breaks a limit Meta documents or a rule of docs/messages.md (recipient in international
  /// digits-only form, no control characters or blank text, http(s) links, one emoji per
  /// reaction, template names); kApi with the Graph error when Meta refuses it; kTransport or
  /// kTimeout (check Error::may_have_been_sent() before sending again). Retried only when it
  /// certainly was not processed, and never past RetryPolicy::deadline (90 s by default): a
  /// Retry-After past it ends the call at once with the throttling error and its retry_after().
  WHATSAPP_DECL Result<SendResult> send(std::string_view phone_number_id, const Message& message) const;

  /// Sends `messages` from `phone_number_id` with up to `options.max_in_flight` requests at once
  /// (curl multi over kept-alive connections; see BatchOptions). Each message goes through what
  /// send() does (validation, format fallback, envelope, retries, rate limits) and gets its own
  /// Result, in the order of `messages`. An invalid message gets its kInvalidArgument error and
  /// sends nothing; the others go anyway. Blocks until every message has its result.
  WHATSAPP_DECL std::vector<Result<SendResult>> send_batch(std::string_view phone_number_id,
                                                           const std::vector<Message>& messages,
                                                           const BatchOptions& options = {}) const;

  /// As above, each message with its own sending business number.
  WHATSAPP_DECL std::vector<Result<SendResult>> send_batch(const std::vector<BatchItem>& items,
                                                           const BatchOptions& options = {}) const;

  /// Sends the messages `next()` gives from `phone_number_id`, with up to
  /// `options.max_in_flight` requests at once, and hands each message's result to `on_result`
  /// as soon as it is known: a stream of any length (a campaign read from a database, a queue)
  /// in memory that does not grow with it. Each message goes through what send() does.
  ///  - `next()` returns `std::optional<Message>`; std::nullopt ends the stream. It is called
  ///    only when the message can go (a slot is free), so the messages are never all in memory.
  ///  - `on_result(std::size_t index, Result<SendResult>&& result)`: `index` counts next()'s
  ///    messages from 0. Results come in the order they are known, not the order of the messages.
  ///  - Both run on the calling thread; the call blocks until every message has its result and
  ///    returns how many messages next() gave.
  ///  - If either throws, the exception propagates after the requests in flight are abandoned
  ///    (they may have been processed: their results are lost).
  template <class Next, class OnResult>
  std::size_t send_stream(std::string_view phone_number_id, Next&& next, OnResult&& on_result,
                          const BatchOptions& options = {}) const {
    static_assert(std::is_convertible_v<std::invoke_result_t<Next&>, std::optional<Message>>,
                  "send_stream: next() must return std::optional<Message>");
    std::optional<Message> current;
    auto get = [&](std::size_t) {
      current = next();
      return detail::MessageRef(phone_number_id, current ? &*current : nullptr);
    };
    return detail::send_messages(*core_, get, on_result, options);
  }

  /// As above, each message with its own sending number: `next()` returns
  /// `std::optional<BatchItem>`.
  template <class Next, class OnResult>
  std::size_t send_stream(Next&& next, OnResult&& on_result, const BatchOptions& options = {}) const {
    static_assert(std::is_convertible_v<std::invoke_result_t<Next&>, std::optional<BatchItem>>,
                  "send_stream: next() must return std::optional<BatchItem>");
    std::optional<BatchItem> current;
    auto get = [&](std::size_t) {
      current = next();
      return current ? detail::MessageRef(current->phone_number_id, &current->message) : detail::MessageRef();
    };
    return detail::send_messages(*core_, get, on_result, options);
  }

  /// Marks the incoming message `message_id` as read (blue ticks), optionally showing a typing
  /// indicator. By default uses Meta's documented body form on the send route; `options.form =
  /// MarkReadForm::kPath` uses LowCodeAPI's own route `POST /<PHONE>/messages/<MESSAGE_ID>`
  /// (under Backend::kGraph, which has no such route, it is sent in the body form).
  /// Returns nothing on `{"success":true}`. Errors: kInvalidArgument for an empty id or a typing
  /// indicator with the path form; kApi; kParse when the answer is not a success. Safe to repeat.
  WHATSAPP_DECL Result<void> mark_read(std::string_view phone_number_id, std::string_view message_id,
                                       const MarkReadOptions& options = {}) const;

 private:
  std::shared_ptr<const detail::Core> core_;
};

}  // namespace whatsapp::api

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/api/impl/messages.ipp"
#endif
