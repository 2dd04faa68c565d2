#pragma once

/// @file whatsapp.hpp
/// Everything: include this one header.

#include "whatsapp/batch.hpp"
#include "whatsapp/client.hpp"
#include "whatsapp/envelope.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/extern_templates.hpp"
#include "whatsapp/format.hpp"
#include "whatsapp/http.hpp"
#include "whatsapp/logging.hpp"
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
#include "whatsapp/options.hpp"
#include "whatsapp/rate_limit.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/retry.hpp"
#include "whatsapp/routes.hpp"
#include "whatsapp/transport/curl.hpp"
#include "whatsapp/transport/fake.hpp"
#include "whatsapp/transport/transport.hpp"
#include "whatsapp/url.hpp"
#include "whatsapp/version.hpp"

#ifdef WHATSAPP_SEPARATE_COMPILATION
// The SDK's functions and the client over CurlTransport are compiled in the one .cpp that
// includes whatsapp/instantiate.hpp (detail/config.hpp).
WHATSAPP_EXTERN_CLIENT(::whatsapp::transport::CurlTransport)
#endif
