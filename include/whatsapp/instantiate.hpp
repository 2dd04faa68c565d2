#pragma once

/// @file instantiate.hpp
/// Include in exactly one .cpp of a program whose files are all built with
/// WHATSAPP_SEPARATE_COMPILATION (detail/config.hpp): the SDK's functions are compiled there,
/// once, for every other translation unit. The CMake option WHATSAPP_BUILD_LIBRARY does this
/// for you (the target whatsapp::whatsapp then links the compiled library).

#ifndef WHATSAPP_SEPARATE_COMPILATION
#error "whatsapp/instantiate.hpp is for programs built with WHATSAPP_SEPARATE_COMPILATION defined"
#endif

#include "whatsapp/whatsapp.hpp"

#include "whatsapp/api/detail/impl/query.ipp"
#include "whatsapp/api/impl/analytics.ipp"
#include "whatsapp/api/impl/business.ipp"
#include "whatsapp/api/impl/conversations.ipp"
#include "whatsapp/api/impl/media.ipp"
#include "whatsapp/api/impl/messages.ipp"
#include "whatsapp/api/impl/phone_numbers.ipp"
#include "whatsapp/api/impl/subscriptions.ipp"
#include "whatsapp/api/impl/templates.ipp"
#include "whatsapp/client/detail/impl/batch_engine.ipp"
#include "whatsapp/client/detail/impl/call.ipp"
#include "whatsapp/client/detail/impl/core.ipp"
#include "whatsapp/client/detail/impl/exchange.ipp"
#include "whatsapp/client/detail/impl/message_batch.ipp"
#include "whatsapp/client/detail/impl/rate_limiter.ipp"
#include "whatsapp/client/impl/client.ipp"
#include "whatsapp/client/impl/rate_limit.ipp"
#include "whatsapp/client/impl/retry.ipp"
#include "whatsapp/detail/impl/json_read.ipp"
#include "whatsapp/detail/impl/redact.ipp"
#include "whatsapp/detail/impl/sha256.ipp"
#include "whatsapp/impl/error.ipp"
#include "whatsapp/model/detail/impl/emoji.ipp"
#include "whatsapp/model/detail/impl/validate.ipp"
#include "whatsapp/model/impl/analytics.ipp"
#include "whatsapp/model/impl/business.ipp"
#include "whatsapp/model/impl/contacts.ipp"
#include "whatsapp/model/impl/conversation.ipp"
#include "whatsapp/model/impl/interactive.ipp"
#include "whatsapp/model/impl/location.ipp"
#include "whatsapp/model/impl/media.ipp"
#include "whatsapp/model/impl/media_message.ipp"
#include "whatsapp/model/impl/message.ipp"
#include "whatsapp/model/impl/order.ipp"
#include "whatsapp/model/impl/phone_number.ipp"
#include "whatsapp/model/impl/send_result.ipp"
#include "whatsapp/model/impl/success.ipp"
#include "whatsapp/model/impl/template.ipp"
#include "whatsapp/model/impl/template_builders.ipp"
#include "whatsapp/model/impl/template_example.ipp"
#include "whatsapp/model/impl/template_message.ipp"
#include "whatsapp/protocol/detail/impl/send_answer.ipp"
#include "whatsapp/protocol/detail/impl/send_body.ipp"
#include "whatsapp/protocol/detail/impl/send_body_content.ipp"
#include "whatsapp/protocol/detail/impl/send_body_interactive.ipp"
#include "whatsapp/protocol/detail/impl/send_body_writer.ipp"
#include "whatsapp/protocol/impl/envelope.ipp"
#include "whatsapp/protocol/impl/graph.ipp"
#include "whatsapp/protocol/impl/retry_after.ipp"
#include "whatsapp/protocol/impl/url.ipp"
#include "whatsapp/transport/impl/curl.ipp"

namespace whatsapp {
// Declared extern in client/client.hpp.
template class Client<transport::CurlTransport>;
template class transport::TransportAdapter<transport::CurlTransport>;
}  // namespace whatsapp
