// RedisRateLimitStore against a real redis-server: one budget for several connections (as for
// several processes), the server's clock, the per-recipient interval, and what happens when
// Redis is stopped, slow or back (docs/deployment.md, "When Redis fails").

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "redis_fixture.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/transport/fake.hpp"

namespace redis_limiter_test {

using namespace std::chrono_literals;
using whatsapp::RateLimitOptions;
using whatsapp::redis::LimiterFailure;
using whatsapp::redis::RedisRateLimitStore;
using whatsapp_redis_test::Clock;
using whatsapp_redis_test::RedisTest;

constexpr const char* kNumber = "106540352242922";

RateLimitOptions limits(double rate, std::size_t burst = 0) {
  RateLimitOptions o;
  o.messages_per_second = rate;
  o.burst = burst;
  return o;
}

long long ms(std::chrono::nanoseconds d) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
}

Clock::time_point in(std::chrono::milliseconds d) { return Clock::now() + d; }

TEST_F(RedisTest, TwoConnectionsShareOneBudget) {
  RedisRateLimitStore a(connect()), b(connect());
  const auto l = limits(10, 1);  // one message every 100 ms, no burst
  ASSERT_TRUE(a.reserve(limits(10, 1), "106540352240000", "", Clock::now(), in(5s)));  // connected
  ASSERT_TRUE(b.reserve(limits(10, 1), "106540352240000", "", Clock::now(), in(5s)));
  // The slot each booking got, on this machine's clock: between (call, answer) + its wait.
  std::vector<std::pair<Clock::time_point, Clock::time_point>> slots;
  for (int i = 0; i < 10; ++i) {
    const auto before = Clock::now();
    auto w = (i % 2 == 0 ? a : b).reserve(l, kNumber, "", before, in(5s));
    const auto after = Clock::now();
    ASSERT_TRUE(w) << w.error().to_string();
    slots.emplace_back(before + *w, after + *w);
  }
  // Each booking is 100 ms after the one before, whichever connection made it: the script
  // reads the server's clock.
  for (int i = 1; i < 10; ++i) {
    const auto earliest = slots[i].first - slots[0].second;
    const auto latest = slots[i].second - slots[0].first;
    EXPECT_LE(earliest, i * 100ms + 2ms) << "booking " << i;
    EXPECT_GE(latest, i * 100ms - 2ms) << "booking " << i;
  }
}

TEST_F(RedisTest, BurstGoesAtOnceThenTheRate) {
  RedisRateLimitStore s(connect());
  const auto l = limits(1, 10);  // ten at once, then one a second
  for (int i = 0; i < 10; ++i) {
    auto w = s.reserve(l, kNumber, "", Clock::now(), in(5s));
    ASSERT_TRUE(w);
    EXPECT_EQ(ms(*w), 0) << i;
  }
  auto w = s.reserve(l, kNumber, "", Clock::now(), in(5s));
  ASSERT_TRUE(w);
  EXPECT_GT(ms(*w), 500);
  EXPECT_LE(ms(*w), 1000);
  // Another number has a budget of its own.
  auto other = s.reserve(l, "106540352249999", "", Clock::now(), in(5s));
  ASSERT_TRUE(other);
  EXPECT_EQ(ms(*other), 0);
}

TEST_F(RedisTest, PerRecipientIntervalIsSharedAndKeyedByNumber) {
  RedisRateLimitStore a(connect()), b(connect());
  RateLimitOptions l;
  l.per_recipient_interval = 6000ms;
  auto first = a.reserve(l, kNumber, "15550001111", Clock::now(), in(5s));
  auto second = b.reserve(l, kNumber, "15550001111", Clock::now(), in(5s));
  auto elsewhere = b.reserve(l, kNumber, "15550002222", Clock::now(), in(5s));
  ASSERT_TRUE(first && second && elsewhere);
  EXPECT_EQ(ms(*first), 0);
  EXPECT_GE(ms(*second), 5900);
  EXPECT_LE(ms(*second), 6000);
  EXPECT_EQ(ms(*elsewhere), 0);
  // The documented keys: the number in a hash tag, both expiring.
  EXPECT_TRUE(server().command_ok({"GET", "whatsapp:{106540352242922}:to:15550001111"}));
  auto conn = connect();
  auto ttl = conn->command({"PTTL", "whatsapp:{106540352242922}:to:15550001111"}, in(1s));
  ASSERT_TRUE(ttl);
  EXPECT_GT((*ttl)->integer, 6000);  // until the next allowed time, plus a second
}

TEST_F(RedisTest, RefusesWhileRedisIsDownThenReconnectsOnItsOwn) {
  auto o = redis_options();
  o.reconnect_pause = 2s;  // longer than this test's calls take
  RedisRateLimitStore s(std::make_shared<whatsapp::redis::RedisConnection>(o));
  const auto l = limits(1000);
  ASSERT_TRUE(s.reserve(l, kNumber, "", Clock::now(), in(5s)));
  server().stop();

  const auto start = Clock::now();
  auto refused = s.reserve(l, kNumber, "", Clock::now(), in(5s));
  ASSERT_FALSE(refused);
  EXPECT_LT(Clock::now() - start, 1s);  // one command timeout at most, never a hang
  const whatsapp::Error& e = refused.error();
  EXPECT_TRUE(e.kind() == whatsapp::ErrorKind::kTransport || e.kind() == whatsapp::ErrorKind::kTimeout)
      << e.to_string();
  EXPECT_EQ(e.delivery(), whatsapp::Delivery::kNotSent);
  EXPECT_EQ(e.source(), whatsapp::ErrorSource::kNone);
  EXPECT_TRUE(e.is_transient());
  EXPECT_NE(e.message().find("127.0.0.1:" + std::to_string(server().port())), std::string::npos)
      << e.message();

  // The connection broke: the next call connects again at once, which fails; while the pause
  // after it lasts, calls fail at once, without a connect attempt each.
  auto reconnect = s.reserve(l, kNumber, "", Clock::now(), in(5s));
  ASSERT_FALSE(reconnect);
  EXPECT_NE(reconnect.error().message().find("connect failed"), std::string::npos)
      << reconnect.error().message();
  auto again = s.reserve(l, kNumber, "", Clock::now(), in(5s));
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().message().find("next connect attempt"), std::string::npos)
      << again.error().message();

  ASSERT_TRUE(server().start());
  EXPECT_TRUE(whatsapp_redis_test::wait_until(
      [&] { return bool(s.reserve(l, kNumber, "", Clock::now(), in(5s))); }, 10s));
}

TEST_F(RedisTest, LocalLimitPacesWhileRedisIsDown) {
  whatsapp::redis::RedisLimiterOptions lo;
  lo.on_failure = LimiterFailure::kLocalLimit;
  lo.local_share = 0.5;  // two senders: each takes half while Redis is away
  RedisRateLimitStore s(connect(), lo);
  const auto l = limits(20, 1);
  server().stop();
  const auto now = Clock::now();
  auto first = s.reserve(l, kNumber, "", now, in(5s));
  auto second = s.reserve(l, kNumber, "", now, in(5s));
  ASSERT_TRUE(first) << first.error().to_string();
  ASSERT_TRUE(second) << second.error().to_string();
  EXPECT_EQ(ms(*first), 0);
  EXPECT_EQ(ms(*second), 100);  // 20/s x 0.5: one every 100 ms
}

TEST_F(RedisTest, SlowRedisNeverHoldsACallPastItsTimeoutOrDeadline) {
  RedisRateLimitStore s(connect());
  const auto l = limits(1000);
  ASSERT_TRUE(s.reserve(l, kNumber, "", Clock::now(), in(5s)));
  ASSERT_TRUE(server().command_ok({"CLIENT", "PAUSE", "3000", "ALL"}));
  auto start = Clock::now();
  auto slow = s.reserve(l, kNumber, "", Clock::now(), in(5s));  // command_timeout: 250 ms
  ASSERT_FALSE(slow);
  EXPECT_EQ(slow.error().kind(), whatsapp::ErrorKind::kTimeout) << slow.error().to_string();
  EXPECT_LT(Clock::now() - start, 1s);

  start = Clock::now();
  auto tight = s.reserve(l, kNumber, "", Clock::now(), in(40ms));  // the call's deadline is nearer
  ASSERT_FALSE(tight);
  EXPECT_LT(Clock::now() - start, 240ms);
}

TEST_F(RedisTest, ClientSendIsNotSentWhenTheStoreRefuses) {
  whatsapp::transport::FakeTransport fake;
  fake.push(
      200,
      R"({"data":{"messaging_product":"whatsapp","contacts":[{"input":"15550001111","wa_id":"15550001111"}],"messages":[{"id":"wamid.REDIS1"}]}})");
  whatsapp::ClientOptions o;
  o.base_url = "http://127.0.0.1:9/whatsapp";
  o.api_token = "at_redis_test_token_0123456789";
  o.format_policy = whatsapp::FormatPolicy::kNewOnly;
  o.retry.max_attempts = 2;
  o.retry.initial_backoff = 1ms;
  o.rate_limit.messages_per_second = 5;
  o.rate_limit.store = std::make_shared<RedisRateLimitStore>(connect());
  whatsapp::Client<whatsapp::transport::FakeTransport> client(o, fake);
  auto ok = client.messages().send(kNumber, whatsapp::Message::text("15550001111", "through Redis"));
  ASSERT_TRUE(ok) << ok.error().to_string();
  EXPECT_EQ(fake.request_count(), 1U);

  server().stop();
  auto refused = client.messages().send(kNumber, whatsapp::Message::text("15550001111", "Redis is down"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().delivery(), whatsapp::Delivery::kNotSent);
  EXPECT_EQ(refused.error().attempts(), 0);
  EXPECT_NE(refused.error().hint().find("Redis"), std::string::npos);
  EXPECT_EQ(fake.request_count(), 1U);  // nothing went out unpaced
}

}  // namespace redis_limiter_test
