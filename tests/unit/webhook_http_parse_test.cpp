// Tests for the built-in webhook server's request parsing (webhook/detail/http_head.hpp and
// webhook/detail/chunked.hpp): exact limits, every split of the input, the framing rules.

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "whatsapp/webhook/detail/chunked.hpp"
#include "whatsapp/webhook/detail/http_head.hpp"

namespace webhook_http_parse_test {

namespace d = whatsapp::detail;
using Status = d::WebhookChunkedDecoder::Status;

struct Decoded {
  Status status = Status::kNeedMore;
  std::string body;
  std::size_t consumed = 0;
};

Decoded decode_all(std::string_view in, std::size_t limit) {
  d::WebhookChunkedDecoder dec(limit);
  Decoded r;
  r.status = dec.feed(in, r.consumed, r.body);
  return r;
}

TEST(WebhookChunked, TheLimitIsExact) {
  const std::string ten = "a\r\n0123456789\r\n0\r\n\r\n";
  EXPECT_EQ(decode_all(ten, 10).status, Status::kDone);
  EXPECT_EQ(decode_all(ten, 10).body, "0123456789");
  EXPECT_EQ(decode_all(ten, 9).status, Status::kTooLarge);
  // Refused on the size line, before any data is appended.
  Decoded big = decode_all("6\r\nabcdef\r\n5\r\nxxxxx", 10);
  EXPECT_EQ(big.status, Status::kTooLarge);
  EXPECT_EQ(big.body, "abcdef");
  EXPECT_EQ(decode_all("00000000000000000000000000001\r\nx\r\n0\r\n\r\n", 10).status, Status::kDone);
  EXPECT_EQ(decode_all("ffffffffffffffffffffffffffff\r\n", std::string::npos).status, Status::kTooLarge);
}

TEST(WebhookChunked, EverySplitDecodesAlike) {
  const std::string in =
      "4;name=\"v\"\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nExpires: x\r\n\r\nNEXT";
  const Decoded whole = decode_all(in, 1000);
  ASSERT_EQ(whole.status, Status::kDone);
  EXPECT_EQ(whole.body, "Wikipedia in\r\n\r\nchunks.");
  EXPECT_EQ(in.substr(whole.consumed), "NEXT");  // the next pipelined request is left alone
  for (std::size_t cut = 0; cut <= in.size(); ++cut) {
    d::WebhookChunkedDecoder dec(1000);
    std::string body;
    std::size_t used = 0;
    Status st = dec.feed(std::string_view(in).substr(0, cut), used, body);
    std::string rest = in.substr(used);
    if (st == Status::kNeedMore) {
      std::size_t used2 = 0;
      st = dec.feed(rest, used2, body);
      used += used2;
    }
    EXPECT_EQ(st, Status::kDone) << cut;
    EXPECT_EQ(body, whole.body) << cut;
    EXPECT_EQ(used, whole.consumed) << cut;
  }
}

TEST(WebhookChunked, BadSyntaxIsRefused) {
  for (const char* bad : {"\r\n", "g\r\n", "3\nabc\r\n", "3\r\nabcd", "3\r\nabc\n", "3;\nx", "0\r\nT\nx",
                          "0\r\n\n", "-1\r\n", "0x3\r\n"}) {
    EXPECT_EQ(decode_all(bad, 100).status, Status::kBad) << bad;
  }
  const std::string long_ext = "1;" + std::string(d::WebhookChunkedDecoder::kMaxLine, 'e') + "\r\n";
  EXPECT_EQ(decode_all(long_ext, 100).status, Status::kBad);
  const std::string long_trailer = "0\r\nT: " + std::string(d::WebhookChunkedDecoder::kMaxTrailer, 't');
  EXPECT_EQ(decode_all(long_trailer, 100).status, Status::kBad);
}

d::HttpBodyFraming framing_of(const std::string& head_text) {
  d::HttpRequestHead head;
  EXPECT_TRUE(d::webhook_parse_head(head_text, head, 64).ok()) << head_text;
  return d::webhook_body_framing(head);
}

TEST(WebhookHttpHead, FramingRules) {
  EXPECT_EQ(framing_of("POST / HTTP/1.1\r\nContent-Length: 12\r\n\r\n").length, 12u);
  EXPECT_EQ(framing_of("POST / HTTP/1.1\r\nContent-Length: 12, 12\r\nContent-Length: 12\r\n\r\n").status, 0);
  EXPECT_EQ(framing_of("POST / HTTP/1.1\r\nContent-Length: 12, 13\r\n\r\n").status, 400);
  EXPECT_EQ(framing_of("POST / HTTP/1.1\r\nContent-Length: \r\n\r\n").status, 400);
  EXPECT_EQ(framing_of("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n").length,
            UINT64_MAX);
  EXPECT_EQ(framing_of("POST / HTTP/1.1\r\ntransfer-encoding: CHUNKED\r\n\r\n").kind,
            d::HttpBodyFraming::Kind::kChunked);
  EXPECT_EQ(framing_of("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n").status, 400);
  EXPECT_EQ(framing_of("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\ncontent-length: 3\r\n\r\n").status,
            400);
  EXPECT_EQ(
      framing_of("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: x\r\n\r\n").status,
      501);
  EXPECT_EQ(framing_of("GET / HTTP/1.1\r\n\r\n").kind, d::HttpBodyFraming::Kind::kNone);
}

TEST(WebhookHttpHead, StrictGrammar) {
  d::HttpRequestHead h;
  EXPECT_TRUE(d::webhook_parse_head("\r\nGET /a?b=c HTTP/1.0\r\nX-A:  v w \r\n\r\n", h, 64).ok());
  EXPECT_EQ(h.method, "GET");
  EXPECT_EQ(h.target, "/a?b=c");
  EXPECT_EQ(h.minor_version, 0);
  ASSERT_EQ(h.headers.size(), 1u);
  EXPECT_EQ(h.headers[0].value, "v w");
  for (const char* bad : {"GET  / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1 \r\n\r\n", "GET /\x01 HTTP/1.1\r\n\r\n",
                          "G(T / HTTP/1.1\r\n\r\n", "GET / HTTP/1.x\r\n\r\n", "GET / http/1.1\r\n\r\n",
                          "GET / HTTP/1.1\r\nA : b\r\n\r\n", "GET / HTTP/1.1\r\n: b\r\n\r\n",
                          "GET / HTTP/1.1\r\nA: b\x7f\r\n\r\n", "GET / HTTP/1.1\r\nA\r\n\r\n"}) {
    EXPECT_EQ(d::webhook_parse_head(bad, h, 64).status, 400) << bad;
  }
  EXPECT_EQ(d::webhook_parse_head("GET / HTTP/3.0\r\n\r\n", h, 64).status, 505);
  EXPECT_EQ(d::webhook_parse_head("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\n\r\n", h, 1).status, 431);
}

TEST(WebhookHttpHead, QueryValuesAreDecoded) {
  const std::string t = "/w?hub.mode=subscribe&hub.challenge=a%2Bb+c%zz&hub%2Everify_token=t&empty#frag";
  EXPECT_EQ(d::webhook_query_value(t, "hub.mode"), "subscribe");
  EXPECT_EQ(d::webhook_query_value(t, "hub.challenge"), "a+b c%zz");
  EXPECT_EQ(d::webhook_query_value(t, "hub.verify_token"), "t");
  EXPECT_EQ(d::webhook_query_value(t, "empty"), "");
  EXPECT_EQ(d::webhook_query_value(t, "missing"), "");
  EXPECT_EQ(d::webhook_target_path(t), "/w");
}

}  // namespace webhook_http_parse_test
