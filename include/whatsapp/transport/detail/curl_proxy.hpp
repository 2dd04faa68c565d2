#pragma once

/// @file transport/detail/curl_proxy.hpp
/// Whether the environment names a proxy, read once per transport: when it does not, requests
/// tell libcurl "no proxy" rather than have it read five environment variables on every request.

#include <cstdlib>
#include <initializer_list>

namespace whatsapp::transport::detail {

/// True when the environment names a proxy libcurl would use for an http or https URL.
inline bool curl_environment_names_proxy() {
  for (const char* name : {"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

}  // namespace whatsapp::transport::detail
