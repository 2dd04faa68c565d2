// The overall deadline every call has by default: a Retry-After or a backoff that would end past
// it is not slept, the call fails at once with the throttling error (its retry_after() kept) and
// says why; in send(), send_batch() and send_stream() alike. All with a fake clock.

#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "batch_fakes.hpp"
#include "fake_time.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/client/retry.hpp"
#include "whatsapp/transport/fake.hpp"

namespace deadline_test {

using whatsapp::CallOptions;
using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::ErrorKind;
using whatsapp::HttpRequest;
using whatsapp::HttpResponse;
using whatsapp::Message;
using whatsapp::Result;
using whatsapp::RetryPolicy;
using whatsapp::SendResult;
using whatsapp::transport::FakeTransport;
using whatsapp_test::FakeTime;
using ms = std::chrono::milliseconds;

const std::string kThrottled =
    R"({"data":{"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429}}})";
const Message kHello = Message::text("15551234567", "hello");

HttpResponse throttled(const std::string& retry_after) {
  HttpResponse r;
  r.status = 429;
  r.body = kThrottled;
  r.headers = {{"Content-Type", "application/json"}, {"Retry-After", retry_after}};
  return r;
}

// The settings a user of the README gets: only the token, the URL and (for the test) the clock.
ClientOptions defaults(const FakeTime& time) {
  ClientOptions o;
  o.base_url = "http://emulator.test/whatsapp";
  o.api_token = "at_deadline_s3cret";
  o.format_policy = whatsapp::FormatPolicy::kNewOnly;
  o.time = time.source(0.5);
  return o;
}

bool says_past_deadline(const whatsapp::Error& e) {
  return e.message().find("past the call's deadline") != std::string::npos;
}

TEST(Deadline, EveryCallHasOneByDefault) {
  EXPECT_EQ(RetryPolicy{}.deadline, ms(90'000));
  EXPECT_EQ(ClientOptions{}.retry.deadline, ms(90'000));
  EXPECT_EQ(RetryPolicy::none().deadline, ms(90'000));
}

TEST(Deadline, ARetryAfterPastTheDeadlineIsNotSleptUnlessThereIsNone) {
  FakeTime time;
  FakeTransport t;
  for (int i = 0; i < 4; ++i) t.push(throttled("100000"));
  Client<FakeTransport> c(defaults(time), t);
  auto r = c.messages().send("1065", kHello);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().is_throttling());
  EXPECT_EQ(r.error().code(), 130429);
  EXPECT_EQ(r.error().retry_after(), ms(100'000'000));  // the server's value, not the cut one
  EXPECT_EQ(r.error().attempts(), 1);
  EXPECT_EQ(r.error().delivery(), whatsapp::Delivery::kAnswered);
  EXPECT_TRUE(time.sleeps().empty());  // before: 60 s, 60 s, 60 s and 4 requests
  EXPECT_EQ(time.elapsed(), ms(0));
  EXPECT_EQ(t.request_count(), 1u);
  EXPECT_TRUE(says_past_deadline(r.error())) << r.error().message();
  EXPECT_NE(
      r.error().message().find("the server asks to wait 100000 s (Retry-After), past the call's deadline "
                               "(90 s left)"),
      std::string::npos)
      << r.error().message();
  EXPECT_NE(r.error().to_string().find("Rate limit hit"), std::string::npos);  // the server's words kept

  // kNoDeadline asks for the waits, each cut to max_retry_after: for the client, and per call.
  FakeTime time2;
  FakeTransport t2;
  for (int i = 0; i < 4; ++i) t2.push(throttled("100000"));
  ClientOptions o2 = defaults(time2);
  o2.retry.deadline = whatsapp::kNoDeadline;
  auto r2 = Client<FakeTransport>(o2, t2).messages().send("1065", kHello);
  EXPECT_EQ(r2.error().attempts(), 4);
  EXPECT_EQ(time2.sleeps(), (std::vector<ms>{ms(60'000), ms(60'000), ms(60'000)}));
  EXPECT_FALSE(says_past_deadline(r2.error()));

  FakeTime time3;
  FakeTransport t3;
  for (int i = 0; i < 4; ++i) t3.push(throttled("100000"));
  CallOptions patient;
  patient.deadline = whatsapp::kNoDeadline;
  auto r3 = Client<FakeTransport>(defaults(time3), t3).with_options(patient).messages().send("1065", kHello);
  EXPECT_EQ(r3.error().attempts(), 4);
  EXPECT_EQ(time3.sleeps().size(), 3u);
}

TEST(Deadline, AWaitWithinTheDeadlineIsSleptAndTheNextOneThatIsNotEndsTheCall) {
  FakeTime time;
  FakeTransport t;
  for (int i = 0; i < 4; ++i) t.push(throttled("70"));  // asked 70 s, cut to max_retry_after 60 s
  Client<FakeTransport> c(defaults(time), t);
  auto r = c.messages().send("1065", kHello);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(time.sleeps(), (std::vector<ms>{ms(60'000)}));  // at 60 s, 30 s are left: 70 s do not fit
  EXPECT_EQ(r.error().attempts(), 2);
  EXPECT_EQ(r.error().retry_after(), ms(70'000));
  EXPECT_NE(r.error().message().find("wait 70 s (Retry-After), past the call's deadline (30 s left)"),
            std::string::npos)
      << r.error().message();
}

TEST(Deadline, ABackoffPastTheDeadlineEndsTheCallAndSaysSo) {
  FakeTime time;
  FakeTransport t;
  for (int i = 0; i < 4; ++i) t.push(503, R"({"message":"Service Unavailable"})");
  ClientOptions o = defaults(time);
  o.retry.jitter = false;
  o.retry.deadline = ms(1500);
  Client<FakeTransport> c(o, t);
  auto r = c.phone_numbers().get("1065");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().http_status(), 503);
  EXPECT_EQ(r.error().attempts(), 2);
  EXPECT_EQ(time.sleeps(), (std::vector<ms>{ms(500)}));
  EXPECT_FALSE(r.error().retry_after().has_value());
  EXPECT_NE(r.error().message().find("not retried: the wait before the next try (1 s) would end past the "
                                     "call's deadline (1 s left)"),
            std::string::npos)
      << r.error().message();
}

// A server where message "m1" is always throttled with Retry-After: 100000; the others succeed.
FakeTransport throttling_m1() {
  FakeTransport ok = whatsapp_test::batch::server();
  FakeTransport fake;
  fake.on_request([ok](const HttpRequest& req) mutable -> Result<HttpResponse> {
    if (whatsapp_test::batch::text_of(req) == "m1") return throttled("100000");
    return ok.send(req);
  });
  return fake;
}

void expect_failed_at_once(const Result<SendResult>& r) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kApi);
  EXPECT_TRUE(r.error().is_throttling());
  EXPECT_EQ(r.error().retry_after(), ms(100'000'000));
  EXPECT_EQ(r.error().attempts(), 1);
  EXPECT_TRUE(says_past_deadline(r.error())) << r.error().message();
}

TEST(Deadline, SendBatchFailsAThrottledMessageAtOnce) {
  FakeTime time;
  FakeTransport fake = throttling_m1();
  Client<FakeTransport> c(defaults(time), fake);
  auto results = c.messages().send_batch("106540352242922", whatsapp_test::batch::texts(3));
  ASSERT_EQ(results.size(), 3u);
  expect_failed_at_once(results[1]);
  EXPECT_TRUE(results[0].ok());
  EXPECT_TRUE(results[2].ok());
  EXPECT_TRUE(time.sleeps().empty());  // before: 3 waits of 60 s
  EXPECT_EQ(fake.request_count(), 3u);
}

TEST(Deadline, SendStreamFailsAThrottledMessageAtOnce) {
  FakeTime time;
  FakeTransport fake = throttling_m1();
  Client<whatsapp_test::batch::StreamingTransport> c(defaults(time),
                                                     whatsapp_test::batch::StreamingTransport(fake, time));
  int next = 0;
  std::vector<std::optional<Result<SendResult>>> got(3);
  const std::size_t n = c.messages().send_stream(
      "106540352242922",
      [&]() -> std::optional<Message> {
        if (next == 3) return std::nullopt;
        return Message::text("15551234567", "m" + std::to_string(next++));
      },
      [&](std::size_t i, Result<SendResult>&& r) { got[i] = std::move(r); });
  ASSERT_EQ(n, 3u);
  ASSERT_TRUE(got[1].has_value());
  expect_failed_at_once(*got[1]);
  EXPECT_TRUE(got[0].has_value() && got[0]->ok());
  EXPECT_TRUE(got[2].has_value() && got[2]->ok());
  EXPECT_EQ(fake.request_count(), 3u);
  EXPECT_LE(time.elapsed(), ms(10'000));  // one answer a second on the fake wire; no 60 s waits
}

}  // namespace deadline_test
