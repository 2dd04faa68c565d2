#pragma once

// Settings shared by the examples, read from the environment:
//   LOWCODEAPI_BASE_URL           default: the hosted https://api.lowcodeapi.com/whatsapp
//   LOWCODEAPI_API_TOKEN          required
//   WHATSAPP_PHONE_NUMBER_ID      the business number that sends
//   WHATSAPP_TO                   the recipient
//   WHATSAPP_BUSINESS_ACCOUNT_ID  default "102290129340398" only against a local emulator

#include <cstdlib>
#include <iostream>
#include <string>

#include <whatsapp/whatsapp.hpp>

namespace example {

inline std::string env(const char* name, const std::string& fallback = {}) {
  const char* v = std::getenv(name);
  return (v != nullptr && *v != '\0') ? std::string(v) : fallback;
}

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
    whatsapp::ClientOptions o;
    o.base_url = base_url;
    o.api_token = api_token;
    return o;
  }
};

/// Prints the typed error of a failed step and returns 1.
inline int fail(const char* step, const whatsapp::Error& e) {
  std::cerr << step << " failed: " << e.to_string() << "\n";
  if (!e.field().empty()) std::cerr << "  field: " << e.field() << "\n";
  return 1;
}

}  // namespace example
