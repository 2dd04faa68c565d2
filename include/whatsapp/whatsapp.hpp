#pragma once

/// @file whatsapp.hpp
/// Everything: include this one header.

#include "whatsapp/client/batch.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/client/extern_templates.hpp"
#include "whatsapp/client/logging.hpp"
#include "whatsapp/client/options.hpp"
#include "whatsapp/client/rate_limit.hpp"
#include "whatsapp/client/retry.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/model/analytics.hpp"
#include "whatsapp/model/business.hpp"
#include "whatsapp/model/contacts.hpp"
#include "whatsapp/model/conversation.hpp"
#include "whatsapp/model/interactive.hpp"
#include "whatsapp/model/location.hpp"
#include "whatsapp/model/media.hpp"
#include "whatsapp/model/media_message.hpp"
#include "whatsapp/model/message.hpp"
#include "whatsapp/model/page.hpp"
#include "whatsapp/model/phone_number.hpp"
#include "whatsapp/model/send_result.hpp"
#include "whatsapp/model/success.hpp"
#include "whatsapp/model/template.hpp"
#include "whatsapp/model/template_message.hpp"
#include "whatsapp/protocol/envelope.hpp"
#include "whatsapp/protocol/format.hpp"
#include "whatsapp/protocol/routes.hpp"
#include "whatsapp/protocol/url.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/transport/curl.hpp"
#include "whatsapp/transport/fake.hpp"
#include "whatsapp/transport/http.hpp"
#include "whatsapp/transport/transport.hpp"
#include "whatsapp/version.hpp"

#ifdef WHATSAPP_SEPARATE_COMPILATION
// The SDK's functions and the client over CurlTransport are compiled in the one .cpp that
// includes whatsapp/instantiate.hpp (detail/config.hpp).
WHATSAPP_EXTERN_CLIENT(::whatsapp::transport::CurlTransport)
#endif
