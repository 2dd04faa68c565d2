// RateLimitOptions::store: a client books each send's slot in the store it is given (with the
// limits, the recipient and the call's deadline), waits what the store says, and a store that
// cannot answer fails the send as not sent (retried within the deadline) without sending it.

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "whatsapp/client/client.hpp"
#include "whatsapp/client/rate_limit.hpp"
#include "whatsapp/transport/fake.hpp"

namespace rate_limit_store_test {

using namespace std::chrono_literals;
using whatsapp::Error;
using whatsapp::ErrorKind;
using whatsapp::RateLimitOptions;
using whatsapp::RateLimitStore;
using whatsapp::Result;

constexpr const char* kAnswer =
    R"({"data":{"messaging_product":"whatsapp","contacts":[{"input":"15550007777","wa_id":"15550007777"}],"messages":[{"id":"wamid.STORE1"}]}})";

/// A store that records what it is asked and answers from a script.
class ScriptedStore final : public RateLimitStore {
 public:
  struct Ask {
    double rate;
    std::string number, recipient;
    Clock::time_point now, deadline;
  };
  std::vector<Result<std::chrono::nanoseconds>> answers;
  std::vector<Ask> asked;

  Result<std::chrono::nanoseconds> reserve(const RateLimitOptions& limits, std::string_view number,
                                           std::string_view recipient, Clock::time_point now,
                                           Clock::time_point deadline) override {
    std::lock_guard<std::mutex> lock(mu_);
    asked.push_back({limits.messages_per_second, std::string(number), std::string(recipient), now, deadline});
    if (answers.empty()) return std::chrono::nanoseconds(0);
    auto a = answers.front();
    answers.erase(answers.begin());
    return a;
  }

 private:
  std::mutex mu_;
};

Error unavailable() {
  Error e(ErrorKind::kTransport, "store: unreachable");
  e.with_delivery(whatsapp::Delivery::kNotSent).with_transient(true);
  return e;
}

struct Harness {
  whatsapp::transport::FakeTransport fake;
  std::shared_ptr<ScriptedStore> store = std::make_shared<ScriptedStore>();
  std::vector<std::chrono::milliseconds> slept;
  whatsapp::ClientOptions options() {
    whatsapp::ClientOptions o;
    o.base_url = "http://127.0.0.1:9/whatsapp";
    o.api_token = "at_store_test_token_0123456789";
    o.format_policy = whatsapp::FormatPolicy::kNewOnly;
    o.rate_limit.messages_per_second = 7;
    o.rate_limit.per_recipient_interval = 6s;
    o.rate_limit.store = store;
    o.time.sleep = [this](std::chrono::milliseconds d) { slept.push_back(d); };
    return o;
  }
};

TEST(RateLimitStore, TheClientBooksEachSendInTheStoreAndWaitsWhatItSays) {
  Harness h;
  h.fake.push(200, kAnswer);
  h.store->answers.push_back(std::chrono::nanoseconds(1500ms));
  whatsapp::Client<whatsapp::transport::FakeTransport> client(h.options(), h.fake);
  auto sent = client.messages().send("106540352247777", whatsapp::Message::text("15550007777", "hi"));
  ASSERT_TRUE(sent) << sent.error().to_string();
  ASSERT_EQ(h.store->asked.size(), 1U);
  EXPECT_EQ(h.store->asked[0].rate, 7);
  EXPECT_EQ(h.store->asked[0].number, "106540352247777");
  EXPECT_EQ(h.store->asked[0].recipient, "15550007777");
  EXPECT_EQ(h.store->asked[0].deadline - h.store->asked[0].now, whatsapp::RetryPolicy{}.deadline);
  ASSERT_EQ(h.slept.size(), 1U);
  EXPECT_EQ(h.slept[0], 1500ms);
  EXPECT_EQ(h.fake.request_count(), 1U);
}

TEST(RateLimitStore, AStoreThatCannotAnswerIsRetriedThenTheSendFailsUnsent) {
  Harness h;
  h.fake.push(200, kAnswer);
  auto o = h.options();
  o.retry.max_attempts = 3;
  o.retry.initial_backoff = 10ms;
  o.retry.jitter = false;
  for (int i = 0; i < 3; ++i) h.store->answers.push_back(unavailable());
  whatsapp::Client<whatsapp::transport::FakeTransport> client(o, h.fake);
  auto r = client.messages().send("106540352247777", whatsapp::Message::text("15550007777", "hi"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kTransport);
  EXPECT_EQ(r.error().delivery(), whatsapp::Delivery::kNotSent);
  EXPECT_EQ(r.error().attempts(), 0);
  EXPECT_EQ(h.store->asked.size(), 3U);   // one booking per try
  EXPECT_EQ(h.slept.size(), 2U);          // the backoff between them
  EXPECT_EQ(h.fake.request_count(), 0U);  // nothing sent unpaced
}

TEST(RateLimitStore, AShortOutageIsRetriedAndTheSendGoes) {
  Harness h;
  h.fake.push(200, kAnswer);
  auto o = h.options();
  o.retry.initial_backoff = 10ms;
  h.store->answers.push_back(unavailable());
  whatsapp::Client<whatsapp::transport::FakeTransport> client(o, h.fake);
  auto r = client.messages().send("106540352247777", whatsapp::Message::text("15550007777", "hi"));
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(h.store->asked.size(), 2U);
  EXPECT_EQ(h.fake.request_count(), 1U);
}

TEST(RateLimitStore, NotAskedWhenTheLimitsAreOff) {
  Harness h;
  h.fake.push(200, kAnswer);
  auto o = h.options();
  o.rate_limit.messages_per_second = 0;
  o.rate_limit.per_recipient_interval = 0ms;
  whatsapp::Client<whatsapp::transport::FakeTransport> client(o, h.fake);
  ASSERT_TRUE(client.messages().send("106540352247777", whatsapp::Message::text("15550007777", "hi")));
  EXPECT_TRUE(h.store->asked.empty());
}

TEST(RateLimitStore, InProcessStoreIsTheDefaultBucket) {
  whatsapp::InProcessRateLimitStore s;
  RateLimitOptions l;
  l.messages_per_second = 2;
  l.burst = 1;
  const auto now = std::chrono::steady_clock::now();
  auto a = s.reserve(l, "1065", "", now, now + 1s);
  auto b = s.reserve(l, "1065", "", now, now + 1s);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, 0ns);
  EXPECT_EQ(*b, std::chrono::nanoseconds(500ms));
}

}  // namespace rate_limit_store_test
