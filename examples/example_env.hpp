#pragma once

// Settings shared by the examples, read from the environment so that the same programs talk to
// hosted LowCodeAPI, a self-hosted one or the emulator unchanged:
//   LOWCODEAPI_BASE_URL           default https://api.lowcodeapi.com/whatsapp
//   LOWCODEAPI_API_TOKEN          required
//   WHATSAPP_PHONE_NUMBER_ID      the business phone number id that sends
//   WHATSAPP_TO                   the recipient, e.g. 15551234567
//   WHATSAPP_BUSINESS_ACCOUNT_ID  default "102290129340398" only against a local emulator

#include <cstdlib>
#include <initializer_list>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <whatsapp/whatsapp.hpp>

namespace example {

inline std::string env(const char* name, const std::string& fallback = {}) {
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

/// Client options from the environment, with log lines (token-free) on stderr.
inline whatsapp::ClientOptions client_options() {
  whatsapp::ClientOptions o;
  o.base_url = env("LOWCODEAPI_BASE_URL", whatsapp::kDefaultBaseUrl);
  o.api_token = require_env("LOWCODEAPI_API_TOKEN");
  o.log_sink = [](whatsapp::LogLevel level, std::string_view line) {
    std::cerr << "[whatsapp " << whatsapp::to_string(level) << "] " << line << "\n";
  };
  return o;
}

/// All settings at once, for the examples that need several.
struct Settings {
  std::string base_url = env("LOWCODEAPI_BASE_URL", whatsapp::kDefaultBaseUrl);
  std::string api_token = env("LOWCODEAPI_API_TOKEN");
  std::string phone_number_id = env("WHATSAPP_PHONE_NUMBER_ID");
  std::string to = env("WHATSAPP_TO");
  std::string waba_id = env("WHATSAPP_BUSINESS_ACCOUNT_ID",
                            base_url.find("://127.0.0.1") != std::string::npos ? "102290129340398" : "");

  /// Prints what is missing and returns false when a required setting is empty.
  bool require(std::initializer_list<std::pair<const char*, const std::string*>> needed) const {
    bool ok = true;
    for (const auto& [name, value] : needed) {
      if (value->empty()) {
        std::cerr << "missing environment variable " << name << "\n";
        ok = false;
      }
    }
    return ok;
  }

  whatsapp::ClientOptions client_options() const {
    whatsapp::ClientOptions o = example::client_options();
    o.base_url = base_url;
    return o;
  }
};

/// Prints the typed error of a failed step and returns the exit code for it.
inline int fail(const char* step, const whatsapp::Error& e) {
  std::cerr << step << " failed: " << e.to_string() << "\n";
  if (!e.field().empty()) std::cerr << "  field: " << e.field() << "\n";
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
