#pragma once

/// @file webhook.hpp
/// Everything for receiving webhooks: signature check, handshake, parsing, events, dispatching
/// and duplicate filtering. Independent of the client; needs nlohmann/json and OpenSSL's libcrypto.

#include "whatsapp/webhook/challenge.hpp"
#include "whatsapp/webhook/dispatcher.hpp"
#include "whatsapp/webhook/duplicate_filter.hpp"
#include "whatsapp/webhook/events.hpp"
#include "whatsapp/webhook/notification.hpp"
#include "whatsapp/webhook/parse.hpp"
#include "whatsapp/webhook/reply.hpp"
#include "whatsapp/webhook/signature.hpp"
