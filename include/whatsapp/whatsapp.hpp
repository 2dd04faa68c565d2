#pragma once

/// @file whatsapp.hpp
/// Everything: include this one header.

#include "whatsapp/version.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/format.hpp"
#include "whatsapp/http.hpp"
#include "whatsapp/routes.hpp"
#include "whatsapp/url.hpp"
#include "whatsapp/envelope.hpp"
#include "whatsapp/logging.hpp"
#include "whatsapp/options.hpp"
#include "whatsapp/retry.hpp"
#include "whatsapp/rate_limit.hpp"
#include "whatsapp/model/message.hpp"
#include "whatsapp/model/send_result.hpp"
#include "whatsapp/model/phone_number.hpp"
#include "whatsapp/transport/transport.hpp"
#include "whatsapp/transport/curl.hpp"
#include "whatsapp/transport/fake.hpp"
#include "whatsapp/batch.hpp"
#include "whatsapp/client.hpp"
