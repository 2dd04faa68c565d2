// Security checks that belong to no single feature: CR/LF refused where they could split a
// request, and the insecure TLS switch named as such.

#include <gtest/gtest.h>

#include <string>
#include <type_traits>

#include "whatsapp/client/client.hpp"
#include "whatsapp/protocol/url.hpp"
#include "whatsapp/transport/curl.hpp"
#include "whatsapp/transport/fake.hpp"

namespace security_test {

using whatsapp::ErrorKind;

TEST(Security, QueryParameterNamesWithCrOrLfAreRefused) {
  const whatsapp::Endpoint ep{"https://api.lowcodeapi.com/whatsapp", "v22.0", "tok"};
  const auto& r = whatsapp::route(whatsapp::RouteId::kGetPhoneNumber);
  for (const char* name : {"fields\r\nX-Evil: 1", "a\nb", "a\rb"}) {
    auto u = whatsapp::build_url(ep, r, {"1065"}, {{name, "v"}}, whatsapp::UrlFormat::kNew);
    ASSERT_FALSE(u.ok()) << name;
    EXPECT_EQ(u.error().kind(), ErrorKind::kInvalidArgument);
    EXPECT_EQ(u.error().field(), "query");
  }
  // Values may hold them: they are percent-encoded.
  auto u = whatsapp::build_url(ep, r, {"1065"}, {{"fields", "a\r\nb"}}, whatsapp::UrlFormat::kNew);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(*u, "https://api.lowcodeapi.com/whatsapp/v22.0/1065?api_token=tok&fields=a%0D%0Ab");
}

TEST(Security, QueryRefusalReachesTheCallerUnsentAndUnretried) {
  whatsapp::transport::FakeTransport t;
  whatsapp::ClientOptions o;
  o.api_token = "tok";
  whatsapp::Client<whatsapp::transport::FakeTransport> c(o, t);
  auto r = c.call(whatsapp::RouteId::kGetPhoneNumber, {"1065"}, {{"x\r\nHost: evil", "1"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(r.error().delivery(), whatsapp::Delivery::kNotSent);
  EXPECT_EQ(t.request_count(), 0u);
}

TEST(Security, HeaderValuesWithCrOrLfAreRefusedByCurl) {
  whatsapp::transport::CurlTransport curl;
  for (const auto& h : {std::pair<std::string, std::string>{"X-A", "v\r\nX-Evil: 1"},
                        {"X-A", "v\nx"},
                        {"X-A\r\n", "v"},
                        {"", "v"}}) {
    whatsapp::HttpRequest req;
    req.url = "http://127.0.0.1:9/never";
    req.headers.push_back(h);
    auto r = curl.send(req);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
    EXPECT_EQ(r.error().delivery(), whatsapp::Delivery::kNotSent);
  }
}

TEST(Security, TlsVerificationIsOnUnlessTheInsecureOptionIsSet) {
  whatsapp::transport::CurlOptions o;
  EXPECT_FALSE(o.insecure_skip_tls_verify);
  EXPECT_EQ(o.max_response_bytes, 32u * 1024u * 1024u);
  EXPECT_EQ(whatsapp::ClientOptions{}.max_response_bytes, 0u);  // 0: the transport's limit
}

}  // namespace security_test
