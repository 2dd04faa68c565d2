#pragma once

/// @file version.hpp
/// The library version. CMake reads the three numbers below when it configures the package,
/// so this file is the one place the version is written.

#define WHATSAPP_VERSION_MAJOR 0
#define WHATSAPP_VERSION_MINOR 1
#define WHATSAPP_VERSION_PATCH 0

#define WHATSAPP_DETAIL_STR2(x) #x
#define WHATSAPP_DETAIL_STR(x) WHATSAPP_DETAIL_STR2(x)

/// "MAJOR.MINOR.PATCH", e.g. "0.1.0".
#define WHATSAPP_VERSION_STRING               \
  WHATSAPP_DETAIL_STR(WHATSAPP_VERSION_MAJOR) \
  "." WHATSAPP_DETAIL_STR(WHATSAPP_VERSION_MINOR) "." WHATSAPP_DETAIL_STR(WHATSAPP_VERSION_PATCH)

namespace whatsapp {

/// The library version as "MAJOR.MINOR.PATCH".
inline constexpr const char* kVersion = WHATSAPP_VERSION_STRING;

}  // namespace whatsapp
