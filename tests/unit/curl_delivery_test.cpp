// Whether a failed curl transfer's request may have reached the server (transport/detail/curl_errors.hpp):
// judged by the wire, not by the CURLcode, which libcurl uses both before and after sending.

#include <gtest/gtest.h>

#include "whatsapp/transport/curl.hpp"
#include "whatsapp/transport/detail/curl_errors.hpp"

namespace curl_delivery_test {

using whatsapp::transport::detail::curl_answer_not_http;
using whatsapp::transport::detail::curl_request_went_out;

TEST(CurlDelivery, WithPrereqTheWireDecidesWhateverTheCode) {
  for (const CURLcode code : {CURLE_UNSUPPORTED_PROTOCOL, CURLE_WEIRD_SERVER_REPLY, CURLE_OPERATION_TIMEDOUT,
                              CURLE_COULDNT_CONNECT, CURLE_READ_ERROR, CURLE_GOT_NOTHING, CURLE_SEND_ERROR}) {
    EXPECT_TRUE(curl_request_went_out(code, 1, 0, true)) << code;
    EXPECT_TRUE(curl_request_went_out(code, 2, 120, true)) << code;
    EXPECT_FALSE(curl_request_went_out(code, 0, 0, true)) << code;
  }
}

TEST(CurlDelivery, WithoutPrereqOnlyCodesThatPrecedeAConnectionAreTrusted) {
  // An HTTP/0.9 or garbage answer (CURLE_UNSUPPORTED_PROTOCOL) follows a request that went out.
  EXPECT_TRUE(curl_request_went_out(CURLE_UNSUPPORTED_PROTOCOL, 0, 180, false));
  EXPECT_TRUE(curl_request_went_out(CURLE_READ_ERROR, 0, 180, false));
  EXPECT_FALSE(curl_request_went_out(CURLE_UNSUPPORTED_PROTOCOL, 0, 0, false));
  EXPECT_FALSE(curl_request_went_out(CURLE_COULDNT_CONNECT, 0, 180, false));
  EXPECT_FALSE(curl_request_went_out(CURLE_COULDNT_RESOLVE_HOST, 0, 180, false));
}

TEST(CurlDelivery, NamesAnswersThatAreNotHttp) {
  EXPECT_TRUE(curl_answer_not_http(CURLE_UNSUPPORTED_PROTOCOL));
  EXPECT_TRUE(curl_answer_not_http(CURLE_WEIRD_SERVER_REPLY));
  EXPECT_FALSE(curl_answer_not_http(CURLE_GOT_NOTHING));
}

}  // namespace curl_delivery_test
