// Client-side pacing of sends: the token bucket per business number, the interval per recipient,
// thread safety, and how the client waits (fake clock: exact, instant).

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>
#include <vector>

#include "fake_time.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/client/detail/rate_limiter.hpp"
#include "whatsapp/client/rate_limit.hpp"
#include "whatsapp/transport/fake.hpp"

namespace rate_limit_test {

using std::chrono::milliseconds;
using ms = milliseconds;
using whatsapp::RateLimitOptions;
using whatsapp::detail::RateLimiter;
using Clock = std::chrono::steady_clock;

ms as_ms(std::chrono::nanoseconds d) { return std::chrono::duration_cast<ms>(d); }

// A transport that accepts every send.
whatsapp::transport::FakeTransport accepting_transport() {
  whatsapp::transport::FakeTransport t;
  t.on_request([](const whatsapp::HttpRequest&) -> whatsapp::Result<whatsapp::HttpResponse> {
    whatsapp::HttpResponse r;
    r.status = 200;
    r.body = R"({"data":{"messaging_product":"whatsapp","messages":[{"id":"wamid.X"}]}})";
    return r;
  });
  return t;
}

// Client options whose waits go to `time` (rate limits still to set).
whatsapp::ClientOptions paced_options(whatsapp_test::FakeTime& time) {
  whatsapp::ClientOptions o;
  o.base_url = "http://emulator.test/whatsapp";
  o.api_token = "tok";
  o.time = time.source();
  return o;
}

TEST(RateLimiter, OffByDefault) { EXPECT_FALSE(RateLimitOptions{}.enabled()); }

TEST(RateLimiter, TokenBucketPerNumberWithBurst) {
  RateLimitOptions o;
  o.messages_per_second = 4;
  o.burst = 2;
  RateLimiter l(o);
  const Clock::time_point t0{std::chrono::hours(1)};
  std::vector<ms> waits;
  for (int i = 0; i < 5; ++i) waits.push_back(as_ms(l.reserve("A", "", t0)));
  EXPECT_EQ(waits, (std::vector<ms>{ms(0), ms(0), ms(250), ms(500), ms(750)}));
  // Another number has its own bucket.
  EXPECT_EQ(as_ms(l.reserve("B", "", t0)), ms(0));
  // One second later A has paid back its debt (3 booked ahead) and earned one token.
  EXPECT_EQ(as_ms(l.reserve("A", "", t0 + ms(1000))), ms(0));
  EXPECT_EQ(as_ms(l.reserve("A", "", t0 + ms(1000))), ms(250));
}

TEST(RateLimiter, BurstDefaultsToTheRate) {
  RateLimitOptions o;
  o.messages_per_second = 80;
  RateLimiter l(o);
  const Clock::time_point t0{std::chrono::hours(1)};
  for (int i = 0; i < 80; ++i) ASSERT_EQ(l.reserve("A", "", t0).count(), 0) << i;
  EXPECT_EQ(as_ms(l.reserve("A", "", t0)), ms(12));  // 1/80 s = 12.5 ms
}

TEST(RateLimiter, IntervalPerRecipientPair) {
  RateLimitOptions o;
  o.per_recipient_interval = ms(6000);
  RateLimiter l(o);
  const Clock::time_point t0{std::chrono::hours(1)};
  EXPECT_EQ(as_ms(l.reserve("A", "1555", t0)), ms(0));
  EXPECT_EQ(as_ms(l.reserve("A", "1555", t0)), ms(6000));
  EXPECT_EQ(as_ms(l.reserve("A", "1555", t0 + ms(1000))), ms(11000));
  EXPECT_EQ(as_ms(l.reserve("A", "1666", t0)), ms(0));
  EXPECT_EQ(as_ms(l.reserve("B", "1555", t0)), ms(0));
  EXPECT_EQ(as_ms(l.reserve("A", "1555", t0 + ms(20000))), ms(0));
}

TEST(RateLimiter, ManyRecipientsArePruned) {
  RateLimitOptions o;
  o.per_recipient_interval = ms(10);
  RateLimiter l(o);
  Clock::time_point t{std::chrono::hours(1)};
  for (int i = 0; i < 100000; ++i) {
    t += ms(1);
    ASSERT_EQ(l.reserve("A", std::to_string(i), t).count(), 0);
  }
  // Memory stays bounded: only recipients within the last interval are needed, and the map is
  // swept when it doubles; a repeat recipient long after is not delayed.
  EXPECT_EQ(l.reserve("A", "5", t).count(), 0);
}

TEST(RateLimiter, ThreadSafeBookingGivesEveryCallerItsOwnSlot) {
  RateLimitOptions o;
  o.messages_per_second = 100;
  o.burst = 1;
  RateLimiter l(o);
  const Clock::time_point t0{std::chrono::hours(1)};
  std::vector<std::vector<ms>> per_thread(4);
  std::vector<std::thread> threads;
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      for (int i = 0; i < 100; ++i) per_thread[k].push_back(as_ms(l.reserve("A", "", t0)));
    });
  }
  for (auto& th : threads) th.join();
  std::set<ms> all;
  for (auto& v : per_thread) all.insert(v.begin(), v.end());
  ASSERT_EQ(all.size(), 400u);  // 0, 10, 20, ... 3990 ms: no two callers share a slot
  EXPECT_EQ(*all.begin(), ms(0));
  EXPECT_EQ(*all.rbegin(), ms(3990));
}

TEST(RateLimiter, ClientPacesSendsWithTheInjectedSleep) {
  whatsapp::transport::FakeTransport t = accepting_transport();
  whatsapp_test::FakeTime time;
  whatsapp::ClientOptions o = paced_options(time);
  o.rate_limit.messages_per_second = 2;
  o.rate_limit.burst = 1;
  o.rate_limit.per_recipient_interval = ms(6000);
  whatsapp::Client<whatsapp::transport::FakeTransport> c(o, t);
  for (const char* to : {"1555", "1666", "1777", "1555"}) {
    ASSERT_TRUE(c.messages().send("1065", whatsapp::Message::text(to, "hi")).ok());
  }
  // 2/s: the 2nd and 3rd wait 500 ms each; the 4th goes to 1555 again, 6 s after the 1st.
  EXPECT_EQ(time.sleeps(), (std::vector<ms>{ms(500), ms(500), ms(5000)}));
  // Reads are not paced.
  t.clear();
  (void)c.phone_numbers().get("1065");
  EXPECT_EQ(time.sleeps().size(), 3u);
}

TEST(RateLimiter, APerRecipientIntervalKeysABsuidSendByItsUser) {
  whatsapp::transport::FakeTransport t = accepting_transport();
  whatsapp_test::FakeTime time;
  whatsapp::ClientOptions o = paced_options(time);
  o.rate_limit.per_recipient_interval = ms(6000);
  whatsapp::Client<whatsapp::transport::FakeTransport> c(o, t);
  // Sends to BSUIDs carry no `to`: two users are two recipients, the same user twice is one.
  for (const char* user : {"US.13491208655302741918", "US.27719304465821904412", "US.13491208655302741918"}) {
    ASSERT_TRUE(
        c.messages().send("1065", whatsapp::Message::text(whatsapp::Recipient::user_id(user), "hi")).ok());
  }
  EXPECT_EQ(time.sleeps(), (std::vector<ms>{ms(6000)}));
}

TEST(RateLimiter, WaitPastTheDeadlineFailsWithoutSending) {
  whatsapp::transport::FakeTransport t;
  whatsapp_test::FakeTime time;
  whatsapp::ClientOptions o;
  o.base_url = "http://emulator.test/whatsapp";
  o.api_token = "tok";
  o.time = time.source();
  o.rate_limit.per_recipient_interval = ms(6000);
  o.retry.deadline = ms(2000);
  whatsapp::Client<whatsapp::transport::FakeTransport> c(o, t);
  t.push(200, R"({"data":{"messaging_product":"whatsapp","messages":[{"id":"wamid.X"}]}})");
  ASSERT_TRUE(c.messages().send("1065", whatsapp::Message::text("1555", "a")).ok());
  auto r = c.messages().send("1065", whatsapp::Message::text("1555", "b"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), whatsapp::ErrorKind::kTimeout);
  EXPECT_EQ(r.error().delivery(), whatsapp::Delivery::kNotSent);
  EXPECT_EQ(r.error().source(), whatsapp::ErrorSource::kNone);  // the client's own limits, no server
  EXPECT_NE(r.error().hint().find("rate_limit"), std::string::npos);
  EXPECT_EQ(t.request_count(), 1u);
  EXPECT_TRUE(time.sleeps().empty());
}

}  // namespace rate_limit_test
