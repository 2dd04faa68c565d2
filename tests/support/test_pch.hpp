#pragma once

// The precompiled header of the test binaries: the heavy headers parsed once per binary. The
// binaries are built with WHATSAPP_SEPARATE_COMPILATION: the SDK's functions are compiled once,
// in the project's compiled copy of the SDK (WHATSAPP_PROJECT_SDK).

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "whatsapp/whatsapp.hpp"
