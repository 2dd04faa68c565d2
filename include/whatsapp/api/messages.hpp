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
#include "whatsapp/detail/send_answer.hpp"
#include "whatsapp/model/message.hpp"
#include "whatsapp/model/send_result.hpp"
#include "whatsapp/model/success.hpp"

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
    return core_->template call<detail::SendAnswer>(spec);
  }

  /// Sends `messages` from `phone_number_id` with up to `options.max_in_flight` requests at once
  /// (curl multi over kept-alive connections; see BatchOptions). Each message goes through what
  /// send() does (validation, format fallback, envelope, retries, rate limits) and gets its own
  /// Result, in the order of `messages`. An invalid message gets its kInvalidArgument error and
  /// sends nothing; the others go anyway. Blocks until every message has its result.
  std::vector<Result<SendResult>> send_batch(std::string_view phone_number_id,
                                             const std::vector<Message>& messages,
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

  /// Marks the incoming message `message_id` as read (blue ticks), optionally showing a typing
  /// indicator. By default uses Meta's documented body form on the send route; `options.form =
  /// MarkReadForm::kPath` uses LowCodeAPI's own route `POST /<PHONE>/messages/<MESSAGE_ID>`.
  /// Returns nothing on `{"success":true}`. Errors: kInvalidArgument for an empty id or a typing
  /// indicator with the path form; kApi; kParse when the answer is not a success. Safe to repeat.
  Result<void> mark_read(std::string_view phone_number_id, std::string_view message_id,
                         const MarkReadOptions& options = {}) const {
    if (message_id.empty()) return Error::invalid_argument("message_id", "must not be empty");
    nlohmann::json body{{"status", "read"}};
    detail::RequestSpec spec{&route(RouteId::kSendMessage), {phone_number_id}, {}, {}, {}};
    if (options.form == MarkReadForm::kPath) {
      if (options.typing_indicator) {
        return Error::invalid_argument("typing_indicator", "needs the body form (MarkReadForm::kBody)");
      }
      spec.route = &route(RouteId::kMarkMessageRead);
      spec.path = {phone_number_id, message_id};
    } else {
      body["messaging_product"] = "whatsapp";
      body["message_id"] = message_id;
      if (options.typing_indicator) body["typing_indicator"] = {{"type", "text"}};
    }
    spec.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return detail::expect_success(core_->call(spec), "mark as read");
  }

 private:
  std::shared_ptr<const detail::Core<Transport>> core_;
};

}  // namespace whatsapp::api
