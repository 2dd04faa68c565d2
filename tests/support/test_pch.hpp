#pragma once

// The precompiled header of the test binaries: the heavy headers parsed once per binary, and
// the client over the two transports the tests use declared as compiled in client_instances.cpp
// (whatsapp/extern_templates.hpp) instead of in every test file.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "whatsapp/whatsapp.hpp"

WHATSAPP_EXTERN_CLIENT(::whatsapp::transport::FakeTransport)
WHATSAPP_EXTERN_CLIENT(::whatsapp::transport::CurlTransport)
