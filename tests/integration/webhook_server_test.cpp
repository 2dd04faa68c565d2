// The built-in webhook server over real sockets on 127.0.0.1: the handshake, the signature
// before parsing, and every refusal of the request framing (body limits for each transfer
// coding, smuggling, encodings, head limits, methods, HTTP/1.0, keep-alive, pipelining).

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "webhook_http_client.hpp"
#include "webhook_server_fixture.hpp"

namespace webhook_server_test {

using std::chrono::milliseconds;
using whatsapp_test::kWebhookSecret;
using whatsapp_test::RawAnswer;
using whatsapp_test::RawConnection;
using whatsapp_test::signed_post;
using whatsapp_test::webhook_status_body;
using whatsapp_test::webhook_test_options;
using whatsapp_test::WebhookServerThread;
using whatsapp_test::wrong_signature_line;

// Sends `request` on a new connection and reads one answer.
RawAnswer ask(int port, const std::string& request) {
  RawConnection c(port);
  EXPECT_TRUE(c.send_all(request));
  return c.read_answer();
}

std::string post_head(const std::string& extra) {
  return "POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

TEST(WebhookServer, HandshakeEchoesTheChallengeAsPlainTextWithNosniff) {
  WebhookServerThread s;
  const RawAnswer ok = ask(s.port(),
                           "GET /webhook?hub.mode=subscribe&hub.verify_token=server_test_verify_token"
                           "&hub.challenge=%3Cb%3E1158201444 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "<b>1158201444");
  EXPECT_EQ(ok.header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(ok.header("x-content-type-options"), "nosniff");

  const RawAnswer wrong = ask(s.port(),
                              "GET /webhook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=7"
                              " HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(wrong.body, "");
  EXPECT_EQ(wrong.header("x-content-type-options"), "nosniff");
}

TEST(WebhookServer, SignatureIsCheckedBeforeParsingAndDispatching) {
  WebhookServerThread s;
  const std::string body = webhook_status_body("wamid.SRV1");
  EXPECT_EQ(ask(s.port(), signed_post(body, kWebhookSecret)).status, 200);
  EXPECT_EQ(ask(s.port(), signed_post(body, "another_secret")).status, 403);
  const std::string cl = "Content-Length: " + std::to_string(body.size()) + "\r\n";
  EXPECT_EQ(ask(s.port(), post_head(cl) + body).status, 401);  // missing
  EXPECT_EQ(ask(s.port(), post_head(cl + "X-Hub-Signature-256: sha1=abc\r\n") + body).status, 401);
  // A signed body that is not JSON: the signature passes, the parse refuses.
  EXPECT_EQ(ask(s.port(), signed_post("not json", kWebhookSecret)).status, 400);
  EXPECT_EQ(s.events(), std::vector<std::string>{"status wamid.SRV1 delivered"});
}

TEST(WebhookServer, ContentLengthOverTheLimitIs413WithoutReadingTheBody) {
  auto o = webhook_test_options();
  o.max_body_bytes = 4096;
  WebhookServerThread s(o);
  RawConnection c(s.port());
  // Only the head is sent: the answer must come without waiting for the 4097 bytes.
  ASSERT_TRUE(c.send_all(post_head("Content-Length: 4097\r\n" + wrong_signature_line())));
  EXPECT_EQ(c.read_answer().status, 413);
  EXPECT_TRUE(c.closed_within(milliseconds(5000)));
}

TEST(WebhookServer, ChunkedBodyIsLimitedAsItIsDecoded) {
  auto o = webhook_test_options();
  o.max_body_bytes = 4096;
  WebhookServerThread s(o);
  RawConnection c(s.port());
  ASSERT_TRUE(c.send_all(post_head("Transfer-Encoding: chunked\r\n" + wrong_signature_line())));
  // 3000 + 3000 bytes: the second size line already passes the limit.
  const std::string chunk = "bb8\r\n" + std::string(3000, 'x') + "\r\n";
  ASSERT_TRUE(c.send_all(chunk));
  ASSERT_TRUE(c.send_all("bb8\r\n"));
  EXPECT_EQ(c.read_answer().status, 413);
  EXPECT_TRUE(c.closed_within(milliseconds(5000)));
  // A huge size line alone is refused too.
  EXPECT_EQ(ask(s.port(), post_head("Transfer-Encoding: chunked\r\n" + wrong_signature_line()) +
                              "fffffffffffffffffffffff\r\n")
                .status,
            413);
}

TEST(WebhookServer, ChunkedSignedDeliveryWithExtensionsAndTrailersIsHandled) {
  WebhookServerThread s;
  const std::string body = webhook_status_body("wamid.CHUNKED");
  const std::string a = body.substr(0, 40), b = body.substr(40);
  char size_a[16], size_b[16];
  std::snprintf(size_a, sizeof(size_a), "%zx", a.size());
  std::snprintf(size_b, sizeof(size_b), "%zX", b.size());
  const std::string request = post_head("Transfer-Encoding: chunked\r\nX-Hub-Signature-256: " +
                                        whatsapp::webhook::sign(body, kWebhookSecret) + "\r\n") +
                              size_a + ";ext=1\r\n" + a + "\r\n" + size_b + "\r\n" + b +
                              "\r\n0\r\nX-Trailer: t\r\n\r\n";
  EXPECT_EQ(ask(s.port(), request).status, 200);
  EXPECT_EQ(s.events(), std::vector<std::string>{"status wamid.CHUNKED delivered"});
}

TEST(WebhookServer, ABodyOfExactlyTheLimitPassesInBothFramings) {
  const std::string body = webhook_status_body("wamid.EXACT");
  const std::string sig = "X-Hub-Signature-256: " + whatsapp::webhook::sign(body, kWebhookSecret) + "\r\n";
  char size[16];
  std::snprintf(size, sizeof(size), "%zx", body.size());
  const std::string chunked =
      post_head("Transfer-Encoding: chunked\r\n" + sig) + size + "\r\n" + body + "\r\n0\r\n\r\n";
  for (std::size_t limit : {body.size(), body.size() - 1}) {
    auto o = webhook_test_options();
    o.max_body_bytes = limit;
    WebhookServerThread s(o);
    const int expected = limit == body.size() ? 200 : 413;
    EXPECT_EQ(ask(s.port(), signed_post(body, kWebhookSecret)).status, expected) << limit;
    EXPECT_EQ(ask(s.port(), chunked).status, expected) << limit;
  }
}

TEST(WebhookServer, AmbiguousOrUnknownFramingIsRefused) {
  WebhookServerThread s;
  const std::string sig = wrong_signature_line();
  // Request smuggling: both framings.
  EXPECT_EQ(
      ask(s.port(), post_head("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n" + sig) + "0\r\n\r\n")
          .status,
      400);
  EXPECT_EQ(ask(s.port(), post_head("Transfer-Encoding: gzip\r\n" + sig)).status, 501);
  EXPECT_EQ(ask(s.port(), post_head("Transfer-Encoding: gzip, chunked\r\n" + sig)).status, 501);
  EXPECT_EQ(ask(s.port(), post_head("Transfer-Encoding: chunked, chunked\r\n" + sig)).status, 400);
  EXPECT_EQ(ask(s.port(), post_head("Content-Length: 5\r\nContent-Length: 6\r\n" + sig)).status, 400);
  EXPECT_EQ(ask(s.port(), post_head("Content-Length: -1\r\n" + sig)).status, 400);
  EXPECT_EQ(ask(s.port(), post_head("Content-Length: 0x10\r\n" + sig)).status, 400);
  // Bad chunk syntax.
  const std::string chunked = post_head("Transfer-Encoding: chunked\r\n" + sig);
  EXPECT_EQ(ask(s.port(), chunked + "zz\r\n").status, 400);
  EXPECT_EQ(ask(s.port(), chunked + "3\r\nabcX\r\n").status, 400);
  EXPECT_EQ(ask(s.port(), chunked + "3\nabc\r\n").status, 400);
  EXPECT_EQ(ask(s.port(), chunked + "-3\r\nabc\r\n").status, 400);
}

TEST(WebhookServer, EncodedBodiesAreRefusedWith415AndNeverDecompressed) {
  WebhookServerThread s;
  for (const char* coding : {"gzip", "deflate", "br", "identity, gzip"}) {
    RawConnection c(s.port());
    ASSERT_TRUE(c.send_all(post_head(std::string("Content-Encoding: ") + coding +
                                     "\r\nContent-Length: 100000\r\n" + wrong_signature_line())));
    EXPECT_EQ(c.read_answer().status, 415) << coding;
  }
  const std::string body = webhook_status_body("wamid.IDENTITY");
  std::string request = signed_post(body, kWebhookSecret);
  request.insert(request.find("\r\n") + 2, "Content-Encoding: identity\r\n");
  EXPECT_EQ(ask(s.port(), request).status, 200);
}

TEST(WebhookServer, HeadLimitsAre431) {
  auto o = webhook_test_options();
  o.max_head_bytes = 2048;
  o.max_headers = 10;
  WebhookServerThread s(o);
  RawConnection big(s.port());
  ASSERT_TRUE(big.send_all("GET / HTTP/1.1\r\nX-Long: " + std::string(4000, 'a')));  // no end of head
  EXPECT_EQ(big.read_answer().status, 431);
  std::string many = "GET / HTTP/1.1\r\n";
  for (int i = 0; i < 11; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
  EXPECT_EQ(ask(s.port(), many + "\r\n").status, 431);
}

TEST(WebhookServer, OtherMethodsAre405AndOtherVersions505) {
  WebhookServerThread s;
  const RawAnswer put = ask(s.port(), "PUT /webhook HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(put.status, 405);
  EXPECT_EQ(put.header("allow"), "GET, POST");
  EXPECT_EQ(ask(s.port(), "GET / HTTP/2.0\r\n\r\n").status, 505);
  EXPECT_EQ(ask(s.port(), "GET / HTTP/1.1\r\n Folded: x\r\n\r\n").status, 400);
  EXPECT_EQ(ask(s.port(), "GET / HTTP/1.1\r\nBad Name: x\r\n\r\n").status, 400);
  EXPECT_EQ(ask(s.port(), "GET / HTTP/1.1\nHost: x\n\n\r\n\r\n").status, 400);
}

TEST(WebhookServer, Http10ClosesUnlessKeepAliveAndHttp11KeepsTheConnection) {
  WebhookServerThread s;
  RawConnection one_zero(s.port());
  ASSERT_TRUE(one_zero.send_all("GET /?hub.mode=subscribe HTTP/1.0\r\n\r\n"));
  EXPECT_EQ(one_zero.read_answer().header("connection"), "close");
  EXPECT_TRUE(one_zero.closed_within(milliseconds(5000)));

  RawConnection kept(s.port());
  const std::string body = webhook_status_body("wamid.KEEP");
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(kept.send_all(signed_post(body, kWebhookSecret)));
    const RawAnswer a = kept.read_answer();
    EXPECT_EQ(a.status, 200);
    EXPECT_EQ(a.header("connection"), "keep-alive");
  }
  ASSERT_TRUE(kept.send_all("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
  EXPECT_EQ(kept.read_answer().header("connection"), "keep-alive");
  ASSERT_TRUE(kept.send_all(signed_post(body, kWebhookSecret, /*keep_alive=*/false)));
  EXPECT_EQ(kept.read_answer().status, 200);
  EXPECT_TRUE(kept.closed_within(milliseconds(5000)));
}

TEST(WebhookServer, PipelinedRequestsAreAnsweredInOrder) {
  WebhookServerThread s;
  RawConnection c(s.port());
  std::string all;
  for (int i = 0; i < 20; ++i)
    all += signed_post(webhook_status_body("wamid.P" + std::to_string(i)), kWebhookSecret);
  all += "PUT / HTTP/1.1\r\n\r\n";
  ASSERT_TRUE(c.send_all(all));
  for (int i = 0; i < 20; ++i) EXPECT_EQ(c.read_answer().status, 200) << i;
  EXPECT_EQ(c.read_answer().status, 405);
  EXPECT_EQ(s.events().size(), 20u);
}

TEST(WebhookServer, ExpectContinueGetsAnInterimAnswer) {
  WebhookServerThread s;
  const std::string body = webhook_status_body("wamid.EXPECT");
  RawConnection c(s.port());
  ASSERT_TRUE(c.send_all(
      post_head("Expect: 100-continue\r\nContent-Length: " + std::to_string(body.size()) +
                "\r\nX-Hub-Signature-256: " + whatsapp::webhook::sign(body, kWebhookSecret) + "\r\n")));
  ASSERT_TRUE(c.readable_within(milliseconds(5000)));  // the 100 comes before the body is sent
  ASSERT_TRUE(c.send_all(body));
  const RawAnswer a = c.read_answer();
  EXPECT_TRUE(a.saw_continue);
  EXPECT_EQ(a.status, 200);
}

TEST(WebhookServer, GarbageBytesNeverCrashIt) {
  WebhookServerThread s;
  std::mt19937 rng(12);
  for (int i = 0; i < 300; ++i) {
    std::string junk(1 + rng() % 600, '\0');
    for (char& ch : junk) ch = static_cast<char>(rng());
    if (i % 3 == 0)
      junk = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n" + wrong_signature_line() + "\r\n" + junk;
    RawConnection c(s.port());
    ASSERT_TRUE(c.send_all(junk + "\r\n\r\n"));
    const RawAnswer a = c.read_answer(milliseconds(1000));
    // Either a refusal or nothing yet (an unfinished chunked body): never a success.
    EXPECT_TRUE(a.status == 0 || (a.status >= 400 && a.status < 600)) << a.status;
  }
  EXPECT_EQ(ask(s.port(), signed_post(webhook_status_body("wamid.AFTER"), kWebhookSecret)).status, 200);
}

TEST(WebhookServer, OnlyTheConfiguredPathIsServed) {
  auto o = webhook_test_options();
  o.path = "/hooks/wa";
  WebhookServerThread s(o);
  std::string request = signed_post(webhook_status_body("wamid.PATH"), kWebhookSecret);
  EXPECT_EQ(ask(s.port(), request).status, 404);
  request.replace(request.find("/webhook"), 8, "/hooks/wa");
  EXPECT_EQ(ask(s.port(), request).status, 200);
}

TEST(WebhookServer, ListenRefusesAMissingSecretOrABadHost) {
  whatsapp::webhook::Dispatcher d;
  whatsapp::webhook::Server no_secret(whatsapp::webhook::ServerOptions{}, d);
  auto r = no_secret.listen();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), whatsapp::ErrorKind::kInvalidArgument);
  auto o = webhook_test_options();
  o.host = "localhost";  // a name, not an address
  whatsapp::webhook::Server bad_host(o, d);
  EXPECT_EQ(bad_host.listen().error().kind(), whatsapp::ErrorKind::kInvalidArgument);
  WebhookServerThread s;
  o.host = "127.0.0.1";
  o.port = static_cast<std::uint16_t>(s.port());
  whatsapp::webhook::Server taken(o, d);
  EXPECT_EQ(taken.run().error().kind(), whatsapp::ErrorKind::kTransport);
}

}  // namespace webhook_server_test
