// The built-in webhook server under slow and idle clients, in-process on 127.0.0.1: a request
// has a total deadline however it trickles, idle connections time out, a full server closes
// its oldest idle connection instead of refusing a new one, and 16 trickling plus 200 idle
// connections do not delay a signed delivery.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "webhook_http_client.hpp"
#include "webhook_server_fixture.hpp"

namespace webhook_server_limits_test {

using std::chrono::milliseconds;
using whatsapp_test::kWebhookSecret;
using whatsapp_test::RawAnswer;
using whatsapp_test::RawConnection;
using whatsapp_test::signed_post;
using whatsapp_test::webhook_status_body;
using whatsapp_test::webhook_test_options;
using whatsapp_test::WebhookClock;
using whatsapp_test::WebhookServerThread;

TEST(WebhookServerLimits, TricklingHeaderLinesDoNotExtendTheRequestDeadline) {
  auto o = webhook_test_options();
  o.request_timeout = milliseconds(600);
  WebhookServerThread s(o);
  RawConnection c(s.port());
  const auto start = WebhookClock::now();
  ASSERT_TRUE(c.send_all("POST /webhook HTTP/1.1\r\n"));
  // One header line every 100 ms (each wait is a poll for the answer) until the server answers.
  int line = 0;
  while (!c.readable_within(milliseconds(100)) && WebhookClock::now() - start < std::chrono::seconds(10)) {
    c.send_all("X-Slow-" + std::to_string(line++) + ": v\r\n");
  }
  const RawAnswer a = c.read_answer();
  EXPECT_EQ(a.status, 408);
  EXPECT_LT(WebhookClock::now() - start, std::chrono::seconds(5));
  EXPECT_TRUE(c.closed_within(milliseconds(5000)));
}

TEST(WebhookServerLimits, ASlowBodyGets408Too) {
  auto o = webhook_test_options();
  o.request_timeout = milliseconds(400);
  WebhookServerThread s(o);
  RawConnection c(s.port());
  ASSERT_TRUE(c.send_all("POST /webhook HTTP/1.1\r\nContent-Length: 100\r\n" +
                         whatsapp_test::wrong_signature_line() + "\r\nonly part of it"));
  EXPECT_EQ(c.read_answer().status, 408);
}

TEST(WebhookServerLimits, IdleConnectionsAreClosed) {
  auto o = webhook_test_options();
  o.idle_timeout = milliseconds(300);
  WebhookServerThread s(o);
  RawConnection fresh(s.port());  // never sends anything
  RawConnection used(s.port());
  ASSERT_TRUE(used.send_all(signed_post(webhook_status_body("wamid.IDLE"), kWebhookSecret)));
  EXPECT_EQ(used.read_answer().status, 200);
  EXPECT_TRUE(fresh.closed_within(milliseconds(5000)));
  EXPECT_TRUE(used.closed_within(milliseconds(5000)));
}

TEST(WebhookServerLimits, WhenFullTheOldestIdleConnectionMakesRoom) {
  auto o = webhook_test_options();
  o.max_connections = 4;
  WebhookServerThread s(o);
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < 4; ++i) {
    idle.push_back(std::make_unique<RawConnection>(s.port()));
    // Make each one known to the server, in order, before the next connects.
    ASSERT_TRUE(idle.back()->send_all("GET / HTTP/1.1\r\n\r\n"));
    ASSERT_EQ(idle.back()->read_answer().status, 403);
  }
  RawConnection newcomer(s.port());
  ASSERT_TRUE(newcomer.send_all(signed_post(webhook_status_body("wamid.FULL"), kWebhookSecret)));
  EXPECT_EQ(newcomer.read_answer().status, 200);
  EXPECT_TRUE(idle[0]->closed_within(milliseconds(5000)));
  // The others are still served.
  ASSERT_TRUE(idle[3]->send_all("GET / HTTP/1.1\r\n\r\n"));
  EXPECT_EQ(idle[3]->read_answer().status, 403);
}

// A connection stopped in the middle of a request head, once the server has read that much (no
// answer within 50 ms: it waits for the rest).
std::unique_ptr<RawConnection> mid_head(int port) {
  auto c = std::make_unique<RawConnection>(port);
  EXPECT_TRUE(c->send_all("POST /webhook HTTP/1.1\r\n"));
  EXPECT_FALSE(c->readable_within(milliseconds(50)));
  return c;
}

TEST(WebhookServerLimits, WhenFullOfSlowRequestsTheOldestGivesWay) {
  auto o = webhook_test_options();
  o.max_connections = 2;
  WebhookServerThread s(o);
  const auto oldest = mid_head(s.port());
  const auto younger = mid_head(s.port());
  RawConnection delivery(s.port());
  ASSERT_TRUE(delivery.send_all(signed_post(webhook_status_body("wamid.SLOWFULL"), kWebhookSecret)));
  EXPECT_EQ(delivery.read_answer().status, 200);
  EXPECT_TRUE(oldest->closed_within(milliseconds(5000)));
  EXPECT_FALSE(younger->eof());
}

TEST(WebhookServerLimits, TooManyBodiesAtOnceAre503) {
  auto o = webhook_test_options();
  o.max_buffered_bytes = 10000;
  WebhookServerThread s(o);
  RawConnection first(s.port());
  ASSERT_TRUE(first.send_all("POST /webhook HTTP/1.1\r\nContent-Length: 8000\r\n" +
                             whatsapp_test::wrong_signature_line() + "\r\n" + std::string(6000, 'x')));
  ASSERT_FALSE(first.readable_within(milliseconds(50)));  // 6000 bytes held, waiting for the rest
  RawConnection second(s.port());
  ASSERT_TRUE(second.send_all("POST /webhook HTTP/1.1\r\nContent-Length: 8000\r\n" +
                              whatsapp_test::wrong_signature_line() + "\r\n" + std::string(6000, 'y')));
  const RawAnswer a = second.read_answer();
  EXPECT_EQ(a.status, 503);
  EXPECT_EQ(a.header("retry-after"), "1");
}

// Bodies are booked as their bytes arrive: heads announcing large bodies that never come cannot
// fill max_buffered_bytes and turn a delivery away (they booked the announced length before).
TEST(WebhookServerLimits, AnnouncedBodiesBookNothingUntilTheyArrive) {
  auto o = webhook_test_options();
  o.max_buffered_bytes = 10000;
  WebhookServerThread s(o);
  std::vector<std::unique_ptr<RawConnection>> announced;
  for (int i = 0; i < 3; ++i) {
    announced.push_back(std::make_unique<RawConnection>(s.port()));
    ASSERT_TRUE(announced.back()->send_all("POST /webhook HTTP/1.1\r\nContent-Length: 9000\r\n" +
                                           whatsapp_test::wrong_signature_line() + "\r\n"));
    ASSERT_FALSE(announced.back()->readable_within(milliseconds(50)));  // waiting for its body
  }
  RawConnection delivery(s.port());
  ASSERT_TRUE(delivery.send_all(signed_post(webhook_status_body("wamid.BOOKED"), kWebhookSecret)));
  EXPECT_EQ(delivery.read_answer().status, 200);
}

// A new connection that has sent nothing yet is not the first to go when the server is full:
// it was, as an "idle" one, so every newcomer could be pushed out by the next.
TEST(WebhookServerLimits, WhenFullANewcomerIsNotPushedOutByTheNext) {
  auto o = webhook_test_options();
  o.max_connections = 3;
  WebhookServerThread s(o);
  const auto oldest = mid_head(s.port());
  const auto younger = mid_head(s.port());
  RawConnection newcomer(s.port());      // accepted before the next: connections queue in order
  const auto next = mid_head(s.port());  // accepted, so one connection had to make room
  ASSERT_TRUE(newcomer.send_all(signed_post(webhook_status_body("wamid.NEWCOMER"), kWebhookSecret)));
  EXPECT_EQ(newcomer.read_answer().status, 200);
  EXPECT_TRUE(oldest->closed_within(milliseconds(5000)));
}

TEST(WebhookServerLimits, EmptyLinesBeforeTheRequestLineAreSkipped) {
  WebhookServerThread s(webhook_test_options());
  RawConnection c(s.port());
  ASSERT_TRUE(c.send_all("\r\n\r\n\r\nGET / HTTP/1.1\r\n\r\n"));
  EXPECT_EQ(c.read_answer().status, 403);  // the handshake without its parameters
}

TEST(WebhookServerLimits, ABareLineFeedIsRefusedAtOnceNotAfterTheTimeout) {
  auto o = webhook_test_options();
  o.request_timeout = milliseconds(60000);
  WebhookServerThread s(o);
  for (const char* head : {"GET / HTTP/1.1\nHost: x\n\n", "GET / HTTP/1.1\r\nHost: x\n", "\n"}) {
    RawConnection c(s.port());
    ASSERT_TRUE(c.send_all(head));
    const RawAnswer a = c.read_answer(milliseconds(5000));
    EXPECT_EQ(a.status, 400) << head;
  }
}

TEST(WebhookServerLimits, SixteenTricklingAndTwoHundredIdleDoNotDelayADelivery) {
  WebhookServerThread s;
  std::vector<std::unique_ptr<RawConnection>> idle, slow;
  for (int i = 0; i < 200; ++i) idle.push_back(std::make_unique<RawConnection>(s.port()));
  for (int i = 0; i < 16; ++i) {
    slow.push_back(std::make_unique<RawConnection>(s.port()));
    ASSERT_TRUE(slow.back()->send_all("POST /webhook HTTP/1.1\r\nX-Slow: 1\r\n"));
  }
  const auto start = WebhookClock::now();
  RawConnection delivery(s.port());
  ASSERT_TRUE(delivery.send_all(signed_post(webhook_status_body("wamid.BUSY"), kWebhookSecret)));
  const RawAnswer a = delivery.read_answer(milliseconds(2000));
  EXPECT_EQ(a.status, 200);
  EXPECT_LT(WebhookClock::now() - start, std::chrono::seconds(2));
  EXPECT_EQ(s.events(), std::vector<std::string>{"status wamid.BUSY delivered"});
}

TEST(WebhookServerLimits, StopFromAHandlerEndsRunAfterAnswering) {
  whatsapp::webhook::Server* server = nullptr;
  whatsapp::webhook::Dispatcher d;
  d.on_status([&](const whatsapp::webhook::Event&, const whatsapp::webhook::Status&) { server->stop(); });
  whatsapp::webhook::Server srv(webhook_test_options(), d);
  server = &srv;
  auto port = srv.listen();
  ASSERT_TRUE(port.ok());
  bool ok = false;
  std::thread t([&] { ok = srv.run().ok(); });
  RawConnection c(*port);
  ASSERT_TRUE(c.send_all(signed_post(webhook_status_body("wamid.STOP"), kWebhookSecret)));
  EXPECT_EQ(c.read_answer().status, 200);
  t.join();
  EXPECT_TRUE(ok);
}

}  // namespace webhook_server_limits_test
