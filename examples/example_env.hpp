#pragma once

// Settings shared by the examples, read from the environment so that the same programs talk to
// hosted LowCodeAPI, a self-hosted one, Meta's Graph API or the emulator unchanged. The backend:
// LOWCODEAPI_API_TOKEN set -> LowCodeAPI; otherwise WHATSAPP_ACCESS_TOKEN set -> Graph API.
//   LOWCODEAPI_API_TOKEN          LowCodeAPI's api_token
//   LOWCODEAPI_BASE_URL           default https://api.lowcodeapi.com/whatsapp
//   WHATSAPP_ACCESS_TOKEN         Meta's access token (used when LOWCODEAPI_API_TOKEN is unset)
//   WHATSAPP_GRAPH_BASE_URL       default https://graph.facebook.com
//   WHATSAPP_APP_SECRET           Graph only, optional: sends appsecret_proof on every call
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

/// The backend the environment picks: LowCodeAPI when LOWCODEAPI_API_TOKEN is set, else Graph
/// when WHATSAPP_ACCESS_TOKEN is, else LowCodeAPI (whose missing token is then reported).
inline whatsapp::Backend backend_from_env() {
  if (env("LOWCODEAPI_API_TOKEN").empty() && !env("WHATSAPP_ACCESS_TOKEN").empty()) {
    return whatsapp::Backend::kGraph;
  }
  return whatsapp::Backend::kLowCodeApi;
}

/// What a missing token is called in messages.
inline constexpr const char* kTokenNames =
    "LOWCODEAPI_API_TOKEN (LowCodeAPI) or WHATSAPP_ACCESS_TOKEN (Graph API)";

/// All settings at once, for the examples that need several.
struct Settings {
  whatsapp::Backend backend = backend_from_env();
  bool graph = backend == whatsapp::Backend::kGraph;
  std::string base_url = graph ? env("WHATSAPP_GRAPH_BASE_URL", whatsapp::kDefaultGraphBaseUrl)
                               : env("LOWCODEAPI_BASE_URL", whatsapp::kDefaultBaseUrl);
  std::string token = graph ? env("WHATSAPP_ACCESS_TOKEN") : env("LOWCODEAPI_API_TOKEN");
  std::string app_secret = graph ? env("WHATSAPP_APP_SECRET") : std::string();
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

  /// Client options for the chosen backend, with log lines (token-free) on stderr.
  whatsapp::ClientOptions client_options() const {
    whatsapp::ClientOptions o;
    o.backend = backend;
    o.base_url = base_url;
    if (graph) {
      o.access_token = token;
      o.app_secret = app_secret;
    } else {
      o.api_token = token;
    }
    o.log_sink = [](whatsapp::LogLevel level, std::string_view line) {
      std::cerr << "[whatsapp " << whatsapp::to_string(level) << "] " << line << "\n";
    };
    return o;
  }
};

/// Client options from the environment; exits with a message when no token is set.
inline whatsapp::ClientOptions client_options() {
  const Settings s;
  if (s.token.empty()) {
    std::cerr << "error: set " << kTokenNames
              << " (see the comment at the top of examples/example_env.hpp)\n";
    std::exit(2);
  }
  return s.client_options();
}

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

/// LowCodeAPI's URL format that worked; the Graph API has just one.
inline const char* format_name(const std::optional<whatsapp::UrlFormat>& f) {
  if (backend_from_env() == whatsapp::Backend::kGraph) return "Graph API (one format)";
  if (!f) return "unknown";
  return *f == whatsapp::UrlFormat::kNew ? "New Format" : "Old Format";
}

}  // namespace example
