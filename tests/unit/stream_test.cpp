// messages().send_stream: messages pulled only when they can go, each result handed over as soon
// as it is known with its message's index, a bound on the calls under way, per-item sending
// numbers, the format probe, and exceptions from the caller's callbacks.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "batch_fakes.hpp"
#include "fake_time.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/transport/fake.hpp"

namespace stream_test {

using whatsapp::BatchItem;
using whatsapp::BatchOptions;
using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::ErrorKind;
using whatsapp::HttpRequest;
using whatsapp::HttpResponse;
using whatsapp::Message;
using whatsapp::Result;
using whatsapp::SendResult;
using whatsapp::transport::FakeTransport;
using whatsapp_test::batch::is_old;
using whatsapp_test::batch::options;
using whatsapp_test::batch::server;
using whatsapp_test::batch::StreamingTransport;
using whatsapp_test::batch::text_of;

/// Gives "m0", "m1", ... up to `count` messages (the one at `invalid`, if any, has no text) and
/// counts how many were taken.
struct Numbered {
  std::size_t count;
  std::size_t invalid = static_cast<std::size_t>(-1);
  std::size_t taken = 0;
  std::optional<Message> operator()() {
    if (taken == count) return std::nullopt;
    const std::size_t i = taken++;
    return Message::text("15551234567", i == invalid ? "" : "m" + std::to_string(i));
  }
};

/// A client over StreamingTransport, on the fake time `time`, whose requests go to `fake`.
Client<StreamingTransport> streaming_client(const FakeTransport& fake, const whatsapp_test::FakeTime& time,
                                            ClientOptions o = options()) {
  o.time = time.source();
  return Client<StreamingTransport>(o, StreamingTransport(fake, time));
}

TEST(Stream, EachResultComesWithItsIndexAndMessagesArePulledOnlyWhenASlotIsFree) {
  FakeTransport fake = server();
  whatsapp_test::FakeTime time;
  auto client = streaming_client(fake, time);
  BatchOptions b;
  b.max_in_flight = 3;
  Numbered next{50, 7};
  std::vector<int> seen(50, 0);
  std::size_t results = 0;
  std::size_t most_ahead = 0;  // messages taken and without a result, at most
  const std::size_t given = client.messages().send_stream(
      "106540352242922", next,
      [&](std::size_t i, Result<SendResult>&& r) {
        ASSERT_LT(i, 50u);
        ++seen[i];
        ++results;
        most_ahead = std::max(most_ahead, next.taken - results);
        if (i == 7) {
          ASSERT_FALSE(r.ok());
          EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
          return;
        }
        ASSERT_TRUE(r.ok()) << i << ": " << r.error().to_string();
        EXPECT_EQ(r->message_id(), "wamid.m" + std::to_string(i));
      },
      b);
  EXPECT_EQ(given, 50u);
  EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
  EXPECT_EQ(fake.request_count(), 49u);  // not the invalid one
  // Three in flight, one more taken for the slot its answer frees: never the whole stream.
  EXPECT_LE(most_ahead, 4u);
  EXPECT_EQ(client.transport().most_in_flight, 3u);
}

TEST(Stream, ThrottledMessagesWaitingForTheirRetryAreBoundedAndTheRestStillGoes) {
  // Every message is refused once with Retry-After: 30. With 2 in flight at most 4 x 2 messages
  // are under way at once; each gets its id in the end.
  FakeTransport ok = server();
  std::vector<std::string> refused;
  FakeTransport fake;
  fake.on_request([&](const HttpRequest& req) -> Result<HttpResponse> {
    const std::string text = text_of(req);
    if (std::find(refused.begin(), refused.end(), text) != refused.end()) return ok.send(req);
    refused.push_back(text);
    HttpResponse r;
    r.status = 429;
    r.headers.emplace_back("Retry-After", "30");
    r.body = R"({"data":{"error":{"message":"Rate limit hit","type":"OAuthException","code":130429}}})";
    return r;
  });
  whatsapp_test::FakeTime time;
  ClientOptions o = options();
  o.retry.max_attempts = 2;
  auto client = streaming_client(fake, time, o);
  BatchOptions b;
  b.max_in_flight = 2;
  b.probe_format = false;
  Numbered next{20};
  std::size_t results = 0, ok_results = 0, most_ahead = 0;
  client.messages().send_stream(
      "106540352242922", next,
      [&](std::size_t i, Result<SendResult>&& r) {
        ++results;
        most_ahead = std::max(most_ahead, next.taken - results + 1);
        if (r.ok() && r->message_id() == "wamid.m" + std::to_string(i)) ++ok_results;
      },
      b);
  EXPECT_EQ(ok_results, 20u);
  EXPECT_EQ(fake.request_count(), 40u);
  EXPECT_EQ(most_ahead, 8u);
}

TEST(Stream, BatchItemsGoFromTheirOwnNumbers) {
  FakeTransport fake = server();
  Client<FakeTransport> client(options(), fake);
  std::vector<BatchItem> items{{"106540352242922", Message::text("1555", "a")},
                               {"", Message::text("1555", "b")},
                               {"206540352242922", Message::text("1555", "c")}};
  std::size_t at = 0;
  std::vector<std::optional<Result<SendResult>>> results(3);
  const std::size_t given = client.messages().send_stream(
      [&]() -> std::optional<BatchItem> {
        if (at == items.size()) return std::nullopt;
        return items[at++];
      },
      [&](std::size_t i, Result<SendResult> r) { results.at(i) = std::move(r); });
  EXPECT_EQ(given, 3u);
  ASSERT_TRUE(results[0] && results[0]->ok());
  ASSERT_TRUE(results[1] && !results[1]->ok());
  EXPECT_EQ(results[1]->error().kind(), ErrorKind::kInvalidArgument);
  ASSERT_TRUE(results[2] && results[2]->ok());
  const auto requests = fake.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_NE(requests[0].url.find("/106540352242922/messages"), std::string::npos);
  EXPECT_NE(requests[1].url.find("/206540352242922/messages"), std::string::npos);
  EXPECT_FALSE(requests[0].success_headers);  // the client reads no header of a 2xx answer
}

TEST(Stream, TheFormatProbeGoesAloneThenTheOthersUseTheConfirmedFormat) {
  FakeTransport fake = server(/*knows_new=*/false);
  whatsapp_test::FakeTime time;
  auto client = streaming_client(fake, time);
  Numbered next{30};
  std::size_t ok_results = 0;
  client.messages().send_stream("106540352242922", next,
                                [&](std::size_t, Result<SendResult>&& r) { ok_results += r.ok() ? 1 : 0; });
  EXPECT_EQ(ok_results, 30u);
  const auto requests = fake.requests();
  ASSERT_EQ(requests.size(), 31u);  // the probe's New Format 404, then 30 Old Format sends
  EXPECT_FALSE(is_old(requests[0].url));
  EXPECT_TRUE(
      std::all_of(requests.begin() + 1, requests.end(), [](const HttpRequest& r) { return is_old(r.url); }));
  EXPECT_EQ(client.transport().started[0], "m0");
  EXPECT_EQ(client.transport().started[1], "m0");  // its fallback, before any other message
}

TEST(Stream, MaxInFlightIsCappedAt1024AndZeroMeansOne) {
  FakeTransport fake = server();
  whatsapp_test::FakeTime time;
  auto client = streaming_client(fake, time);
  BatchOptions b;
  b.max_in_flight = static_cast<std::size_t>(-1);
  Numbered many{1100};
  std::size_t ok_results = 0;
  const auto count_ok = [&](std::size_t, Result<SendResult>&& r) { ok_results += r.ok() ? 1 : 0; };
  client.messages().send_stream("106540352242922", many, count_ok, b);
  EXPECT_EQ(ok_results, 1100u);
  EXPECT_EQ(client.transport().most_in_flight, 1024u);

  auto one = streaming_client(fake, time);
  b.max_in_flight = 0;
  Numbered few{5};
  one.messages().send_stream("106540352242922", few, count_ok, b);
  EXPECT_EQ(ok_results, 1105u);
  EXPECT_EQ(one.transport().most_in_flight, 1u);
}

TEST(Stream, AnEmptyStreamSendsNothing) {
  FakeTransport fake = server();
  Client<FakeTransport> client(options(), fake);
  int results = 0;
  EXPECT_EQ(client.messages().send_stream(
                "106540352242922", [] { return std::optional<Message>(); },
                [&](std::size_t, const Result<SendResult>&) { ++results; }),
            0u);
  EXPECT_EQ(results, 0);
  EXPECT_EQ(fake.request_count(), 0u);
}

TEST(Stream, AnExceptionFromTheCallerPropagatesAndTheClientStaysUsable) {
  FakeTransport fake = server();
  whatsapp_test::FakeTime time;
  auto client = streaming_client(fake, time);
  Numbered next{100};
  EXPECT_THROW(client.messages().send_stream("106540352242922", next,
                                             [](std::size_t i, Result<SendResult>&&) {
                                               if (i == 5) throw std::runtime_error("stop");
                                             }),
               std::runtime_error);
  EXPECT_LT(next.taken, 100u);
  Numbered throws_at_3{10};
  EXPECT_THROW(client.messages().send_stream(
                   "106540352242922",
                   [&]() {
                     if (throws_at_3.taken == 3) throw std::runtime_error("source");
                     return throws_at_3();
                   },
                   [](std::size_t, Result<SendResult>&&) {}),
               std::runtime_error);
  const auto r = client.messages().send("106540352242922", Message::text("15551234567", "after"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->message_id(), "wamid.after");
}

}  // namespace stream_test
