#pragma once

// Settings shared by the examples, read from the environment so that the same programs talk to
// hosted LowCodeAPI, a self-hosted one or the emulator unchanged:
//   LOWCODEAPI_BASE_URL       default https://api.lowcodeapi.com/whatsapp
//   LOWCODEAPI_API_TOKEN      required
//   WHATSAPP_PHONE_NUMBER_ID  the business phone number id to send from
//   WHATSAPP_TO               the recipient, e.g. 15551234567

#include <cstdlib>
#include <iostream>
#include <string>

#include <whatsapp/whatsapp.hpp>

namespace example {

inline std::string env(const char* name, const std::string& fallback = "") {
  const char* v = std::getenv(name);
  return (v != nullptr && *v != '\0') ? std::string(v) : fallback;
}

/// Exits with a message when a required variable is missing.
inline std::string require_env(const char* name) {
  std::string v = env(name);
  if (v.empty()) {
    std::cerr << "error: set " << name << " (see the comment at the top of examples/example_env.hpp)\n";
    std::exit(2);
  }
  return v;
}

inline whatsapp::ClientOptions client_options() {
  whatsapp::ClientOptions o;
  o.base_url = env("LOWCODEAPI_BASE_URL", whatsapp::kDefaultBaseUrl);
  o.api_token = require_env("LOWCODEAPI_API_TOKEN");
  o.log_sink = [](whatsapp::LogLevel level, std::string_view line) {
    std::cerr << "[whatsapp " << whatsapp::to_string(level) << "] " << line << "\n";
  };
  return o;
}

/// Prints the typed error and returns the exit code for it.
inline int fail(const char* what, const whatsapp::Error& e) {
  std::cerr << what << " failed: " << e.to_string() << "\n";
  if (e.category() != whatsapp::ErrorCategory::kNone) {
    std::cerr << "  category: " << whatsapp::to_string(e.category()) << "\n";
  }
  if (e.may_have_been_sent()) std::cerr << "  the request may have been processed\n";
  return 1;
}

inline const char* format_name(const std::optional<whatsapp::UrlFormat>& f) {
  if (!f) return "unknown";
  return *f == whatsapp::UrlFormat::kNew ? "New Format" : "Old Format";
}

}  // namespace example
