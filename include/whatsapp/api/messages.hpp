#pragma once

/// @file api/messages.hpp
/// Sending messages.

#include <memory>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

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
    spec.body = nlohmann::json(message).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    auto payload = core_->call(spec);
    if (!payload) return std::move(payload).error();
    return detail::decode<SendResult>(*payload, "send response");
  }

 private:
  std::shared_ptr<const detail::Core<Transport>> core_;
};

}  // namespace whatsapp::api
