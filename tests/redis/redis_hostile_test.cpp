// whatsapp::redis against a Redis that misbehaves: an impostor (fake_redis.hpp) that trickles its
// replies, announces huge ones, fails every command, or knows no SCRIPT command; and a real
// redis-server whose keys hold values the stores did not write.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "fake_redis.hpp"
#include "redis_fixture.hpp"

namespace redis_hostile_test {

using namespace std::chrono_literals;
using whatsapp::RateLimitOptions;
using whatsapp::redis::FilterFailure;
using whatsapp::redis::RedisConnection;
using whatsapp::redis::RedisDuplicateStore;
using whatsapp::redis::RedisRateLimitStore;
using whatsapp::webhook::Claim;
using whatsapp_redis_test::Clock;
using whatsapp_redis_test::FakeRedis;
using whatsapp_redis_test::RedisTest;

constexpr const char* kNumber = "106540352242923";
constexpr const char* kSha = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";  // 40 hex digits: a SHA1

RateLimitOptions limits(double rate) {
  RateLimitOptions o;
  o.messages_per_second = rate;
  o.burst = 1;
  return o;
}

// A connection to `fake`, its log lines kept in `lines`.
std::shared_ptr<RedisConnection> connect_to(const FakeRedis& fake,
                                            std::vector<std::string>* lines = nullptr) {
  whatsapp::redis::RedisOptions o;
  o.server.host = "127.0.0.1";
  o.server.port = static_cast<std::uint16_t>(fake.port());
  if (lines != nullptr) o.log = [lines](std::string_view l) { lines->emplace_back(l); };
  return std::make_shared<RedisConnection>(o);
}

std::string bulk(const std::string& s) { return "$" + std::to_string(s.size()) + "\r\n" + s + "\r\n"; }

// The time one reserve() takes, and its result.
template <class Store>
auto timed_reserve(Store& s, std::chrono::milliseconds deadline) {
  const auto start = Clock::now();
  auto r = s.reserve(limits(10), kNumber, "", Clock::now(), Clock::now() + deadline);
  return std::make_pair(std::move(r), Clock::now() - start);
}

// The command timeout (250 ms) bounds the whole reply: it bounded each read, and a server that
// trickled a byte every 50 ms held the call past its deadline, or for ever.
TEST(HostileRedis, ATrickledReplyEndsAtTheCommandTimeout) {
  FakeRedis fake([](const std::vector<std::string>& c) -> FakeRedis::Answer {
    if (c[0] == "SCRIPT") return {bulk(kSha), 50ms};
    return {"+OK\r\n", 100ms};
  });
  RedisRateLimitStore s(connect_to(fake));
  auto [r, took] = timed_reserve(s, 5000ms);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), whatsapp::ErrorKind::kTimeout) << r.error().to_string();
  EXPECT_LT(took, 1s);

  RedisDuplicateStore d(connect_to(fake));
  const auto start = Clock::now();
  EXPECT_EQ(d.claim("message:wamid.TRICKLE"), Claim::kUnavailable);
  EXPECT_LT(Clock::now() - start, 1s);
}

// hiredis 0.14 reserves the array a header announces: `*2147483647` took 9 s to give up.
TEST(HostileRedis, AHugeArrayOrBulkReplyIsRefusedAtOnce) {
  for (const std::string& reply :
       {std::string("*2147483647\r\n"), "$999999999999\r\n" + std::string(3 << 20, 'x')}) {
    FakeRedis fake([&](const std::vector<std::string>& c) -> FakeRedis::Answer {
      if (c[0] == "SCRIPT") return {bulk(kSha)};
      return {reply};
    });
    RedisRateLimitStore s(connect_to(fake));
    auto [r, took] = timed_reserve(s, 5000ms);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind(), whatsapp::ErrorKind::kTransport) << r.error().to_string();
    EXPECT_LT(took, 1s) << reply.substr(0, 14);
  }
}

// A Redis that accepts connections and then fails every command costs one connect per
// (growing) pause and one log line, not one connect and two lines per send.
TEST(HostileRedis, ARedisFailingEveryCommandIsNotReconnectedPerSend) {
  FakeRedis fake([](const std::vector<std::string>& c) -> FakeRedis::Answer {
    if (c[0] == "SCRIPT") return {bulk(kSha)};
    return {};  // close
  });
  std::vector<std::string> lines;
  RedisRateLimitStore s(connect_to(fake, &lines));
  for (int i = 0; i < 100; ++i)
    EXPECT_FALSE(s.reserve(limits(10), kNumber, "", Clock::now(), Clock::now() + 5s));
  EXPECT_LE(fake.connections(), 3);
  EXPECT_EQ(lines.size(), 1U);
}

// With SCRIPT renamed away (or refused by an ACL) the script goes by EVAL every time.
TEST(HostileRedis, WithoutScriptLoadTheScriptGoesByEval) {
  FakeRedis fake([](const std::vector<std::string>& c) -> FakeRedis::Answer {
    if (c[0] == "SCRIPT") return {"-ERR unknown command 'SCRIPT'\r\n"};
    if (c[0] == "EVAL") return {":0\r\n"};
    return {"-ERR unexpected\r\n"};
  });
  RedisRateLimitStore s(connect_to(fake));
  for (int i = 0; i < 2; ++i) {
    auto r = s.reserve(limits(10), kNumber, "", Clock::now(), Clock::now() + 5s);
    ASSERT_TRUE(r) << r.error().to_string();
    EXPECT_EQ(r->count(), 0);
  }
  EXPECT_EQ(fake.commands(), (std::vector<std::string>{"SCRIPT", "EVAL", "EVAL"}));
}

// A wait no script gives is a failure, not a number multiplied into an overflow.
TEST(HostileRedis, AnImpossibleWaitIsRefused) {
  FakeRedis fake([](const std::vector<std::string>& c) -> FakeRedis::Answer {
    if (c[0] == "SCRIPT") return {bulk(kSha)};
    return {":9223372036854775807\r\n"};
  });
  RedisRateLimitStore s(connect_to(fake));
  auto r = s.reserve(limits(10), kNumber, "", Clock::now(), Clock::now() + 5s);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("answered a wait of 9223372036854775807 us"), std::string::npos)
      << r.error().to_string();
}

// Values the script did not write read as no time and are overwritten: 1e19 switched the
// limit off (and kept for 317 years), a hash in the recipient's key refused every booking.
TEST_F(RedisTest, StrayValuesInTheLimiterKeysReadAsNoTime) {
  const std::string rate_key = std::string("whatsapp:{") + kNumber + "}:rate";
  const std::string to_key = std::string("whatsapp:{") + kNumber + "}:to:15550001111";
  RateLimitOptions l = limits(10);
  l.per_recipient_interval = 200ms;
  for (const std::vector<std::string>& stray : {std::vector<std::string>{"SET", rate_key, "1e19"},
                                                {"SET", rate_key, "1e17"},
                                                {"SET", rate_key, "nan"},
                                                {"SET", rate_key, "inf"},
                                                {"RPUSH", rate_key, "x"},
                                                {"HSET", to_key, "a", "b"},
                                                {"SET", to_key, "9e99"}}) {
    ASSERT_TRUE(server().command_ok({"DEL", rate_key, to_key}));
    ASSERT_TRUE(server().command_ok(stray)) << stray[0] << " " << stray[2];
    RedisRateLimitStore s(connect());
    auto first = s.reserve(l, kNumber, "15550001111", Clock::now(), Clock::now() + 5s);
    ASSERT_TRUE(first) << stray[2] << ": " << first.error().to_string();
    EXPECT_EQ(first->count(), 0) << stray[2];
    auto second = s.reserve(l, kNumber, "15550001111", Clock::now(), Clock::now() + 5s);  // the limits hold
    ASSERT_TRUE(second) << stray[2] << ": " << second.error().to_string();
    EXPECT_GE(*second, 150ms) << stray[2];
    EXPECT_LE(*second, 200ms) << stray[2];
  }
}

// A value in an event's key that the filter did not write goes by the failure policy, and
// says so; it was deferred in silence until Meta gave up.
TEST_F(RedisTest, AStrayValueInAnEventKeyFollowsTheFailurePolicy) {
  const std::string key = "message:wamid.STRAY";
  for (const std::vector<std::string>& stray :
       {std::vector<std::string>{"RPUSH", "whatsapp:dedup:" + key, "x"},
        {"SET", "whatsapp:dedup:" + key, "garbage"}}) {
    ASSERT_TRUE(server().command_ok({"DEL", "whatsapp:dedup:" + key}));
    ASSERT_TRUE(server().command_ok(stray));
    for (const FilterFailure policy : {FilterFailure::kDefer, FilterFailure::kProcess}) {
      std::vector<std::string> lines;
      auto o = redis_options();
      o.log = [&](std::string_view l) { lines.emplace_back(l); };
      whatsapp::redis::RedisFilterOptions fo;
      fo.on_failure = policy;
      RedisDuplicateStore s(std::make_shared<RedisConnection>(o), fo);
      const Claim expected = policy == FilterFailure::kDefer ? Claim::kUnavailable : Claim::kFirst;
      EXPECT_EQ(s.claim(key), expected) << stray[0];
      EXPECT_EQ(s.claim(key), policy == FilterFailure::kDefer ? Claim::kUnavailable : Claim::kFirst);
      ASSERT_FALSE(lines.empty()) << stray[0];
      // Deferring is said once; handling anyway each time.
      EXPECT_EQ(lines.size(), policy == FilterFailure::kDefer ? 1U : 2U) << stray[0];
    }
  }
}

}  // namespace redis_hostile_test
