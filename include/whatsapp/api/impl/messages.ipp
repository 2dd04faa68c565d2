// Definitions of what api/messages.hpp declares: included by it (header-only), or compiled once
// with WHATSAPP_SEPARATE_COMPILATION.

#pragma once

#include "whatsapp/api/messages.hpp"

namespace whatsapp::api {

WHATSAPP_DECL Result<SendResult> Messages::send(std::string_view phone_number_id,
                                                const Message& message) const {
  if (auto v = validate(message); !v) return v.error();
  detail::RequestSpec spec;
  detail::set_send_request(spec, phone_number_id, message);
  return core_->send(std::move(spec));
}

WHATSAPP_DECL std::vector<Result<SendResult>> Messages::send_batch(std::string_view phone_number_id,
                                                                   const std::vector<Message>& messages,
                                                                   const BatchOptions& options) const {
  auto get = [&](std::size_t i) { return detail::MessageRef(phone_number_id, &messages[i]); };
  return detail::send_message_batch(*core_, messages.size(), get, options);
}

WHATSAPP_DECL std::vector<Result<SendResult>> Messages::send_batch(const std::vector<BatchItem>& items,
                                                                   const BatchOptions& options) const {
  auto get = [&](std::size_t i) { return detail::MessageRef(items[i].phone_number_id, &items[i].message); };
  return detail::send_message_batch(*core_, items.size(), get, options);
}

WHATSAPP_DECL Result<void> Messages::mark_read(std::string_view phone_number_id, std::string_view message_id,
                                               const MarkReadOptions& options) const {
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
  return core_->call_success(spec, "mark as read");
}

}  // namespace whatsapp::api
