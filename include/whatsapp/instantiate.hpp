#pragma once

/// @file instantiate.hpp
/// Include in exactly one .cpp of a program built with WHATSAPP_EXTERN_TEMPLATES: the client
/// over CurlTransport is compiled there, once, for every other translation unit.

#include "whatsapp/extern_templates.hpp"
#include "whatsapp/transport/curl.hpp"

WHATSAPP_INSTANTIATE_CLIENT(::whatsapp::transport::CurlTransport)
