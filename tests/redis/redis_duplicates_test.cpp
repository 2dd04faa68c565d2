// RedisDuplicateStore against a real redis-server: one memory for several receivers, claims
// that keep an event being handled from being handled twice, and what happens when Redis is
// stopped (kDefer: deliver again later; kProcess: handle and log) and back.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "redis_fixture.hpp"

namespace redis_duplicates_test {

using namespace std::chrono_literals;
using whatsapp::redis::FilterFailure;
using whatsapp::redis::RedisDuplicateStore;
using whatsapp::webhook::Claim;
using whatsapp_redis_test::RedisTest;

constexpr const char* kKey = "message:wamid.HBgLMTU1NTAwMDExMTEVAgASGBRSRURJU19ERURVUF9URVNUXzAwMQA";

TEST_F(RedisTest, OneReceiverHandlesAnEventTheOthersSkipIt) {
  RedisDuplicateStore a(connect()), b(connect());
  EXPECT_EQ(a.claim(kKey), Claim::kFirst);
  EXPECT_EQ(b.claim(kKey), Claim::kUnavailable);  // a handles it now: b answers 503, Meta comes back
  a.done(kKey);
  EXPECT_EQ(b.claim(kKey), Claim::kDuplicate);
  EXPECT_EQ(a.claim(kKey), Claim::kDuplicate);
  EXPECT_EQ(a.claim(""), Claim::kFirst);  // no key: always handled
  // The documented key, remembered for RedisFilterOptions::remember.
  auto conn = connect();
  auto ttl =
      conn->command({"PTTL", std::string("whatsapp:dedup:") + kKey}, std::chrono::steady_clock::now() + 1s);
  ASSERT_TRUE(ttl);
  EXPECT_GT((*ttl)->integer, 23 * 3600 * 1000LL);
}

TEST_F(RedisTest, AFailedHandlerFreesTheEventForARedelivery) {
  RedisDuplicateStore a(connect()), b(connect());
  EXPECT_EQ(a.claim(kKey), Claim::kFirst);
  a.forget(kKey);
  EXPECT_EQ(b.claim(kKey), Claim::kFirst);
}

TEST_F(RedisTest, DeferWhileRedisIsDownAndRecordWhatWasHandledWhenBack) {
  RedisDuplicateStore a(connect()), b(connect());
  EXPECT_EQ(a.claim(kKey), Claim::kFirst);
  server().stop();
  a.done(kKey);  // handled, but Redis cannot record it now: kept to be written again
  EXPECT_EQ(a.pending(), 1U);
  EXPECT_EQ(a.claim("message:wamid.other"), Claim::kUnavailable);
  EXPECT_EQ(b.claim(kKey), Claim::kUnavailable);
  ASSERT_TRUE(server().start());
  EXPECT_TRUE(
      whatsapp_redis_test::wait_until([&] { return a.claim("message:wamid.other") == Claim::kFirst; }, 10s));
  EXPECT_EQ(a.pending(), 0U);
  EXPECT_EQ(b.claim(kKey), Claim::kDuplicate);  // the mark made it after the restart
}

TEST_F(RedisTest, ProcessPolicyHandlesWhenRedisIsDown) {
  whatsapp::redis::RedisFilterOptions fo;
  fo.on_failure = FilterFailure::kProcess;
  std::vector<std::string> lines;
  auto o = redis_options();
  o.log = [&](std::string_view l) { lines.emplace_back(l); };
  RedisDuplicateStore s(std::make_shared<whatsapp::redis::RedisConnection>(o), fo);
  server().stop();
  EXPECT_EQ(s.claim(kKey), Claim::kFirst);
  EXPECT_FALSE(lines.empty());
}

}  // namespace redis_duplicates_test
