#pragma once

// Runs one call against a FakeTransport in both URL formats and returns the requests it made.

#include <functional>
#include <string>
#include <utility>

#include "test_support.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/transport/fake.hpp"

namespace whatsapp_test {

using FakeClient = whatsapp::Client<whatsapp::transport::FakeTransport>;

inline whatsapp::ClientOptions api_options(whatsapp::FormatPolicy policy = whatsapp::FormatPolicy::kNewOnly) {
  whatsapp::ClientOptions o;
  o.base_url = "https://api.lowcodeapi.com/whatsapp";
  o.api_token = "tok";
  o.format_policy = policy;
  return o;
}

/// The request one call made in the New and in the Old Format, each answered with `answer`
/// (status 200 in the data envelope).
struct BothFormats {
  whatsapp::HttpRequest new_format;
  whatsapp::HttpRequest old_format;
};

inline BothFormats in_both_formats(const nlohmann::json& answer,
                                   const std::function<void(const FakeClient&)>& call) {
  BothFormats out;
  for (const auto policy : {whatsapp::FormatPolicy::kNewOnly, whatsapp::FormatPolicy::kOldOnly}) {
    whatsapp::transport::FakeTransport t;
    t.push(200, in_data_envelope(answer));
    FakeClient client(api_options(policy), t);
    call(client);
    (policy == whatsapp::FormatPolicy::kNewOnly ? out.new_format : out.old_format) = t.last_request();
  }
  return out;
}

inline const std::string kBase = "https://api.lowcodeapi.com/whatsapp/v22.0";

}  // namespace whatsapp_test
