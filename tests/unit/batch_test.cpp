// messages().send_batch: results in input order, the format fallback per unconfirmed request,
// validation per message, the retry decisions and rate limits of a single send, and transports
// with send_streamed(), with send_many() and with neither.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "batch_fakes.hpp"
#include "fake_time.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/transport/fake.hpp"

namespace batch_test {

using whatsapp::BatchItem;
using whatsapp::BatchOptions;
using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::ErrorKind;
using whatsapp::HttpRequest;
using whatsapp::HttpResponse;
using whatsapp::Message;
using whatsapp::Result;
using whatsapp::RouteId;
using whatsapp::UrlFormat;
using whatsapp::transport::FakeTransport;
using ms = std::chrono::milliseconds;
using whatsapp_test::batch::is_old;
using whatsapp_test::batch::options;
using whatsapp_test::batch::ReversingTransport;
using whatsapp_test::batch::server;
using whatsapp_test::batch::StreamingTransport;
using whatsapp_test::batch::text_of;
using whatsapp_test::batch::texts;

TEST(Batch, ResultsAreInInputOrderWhenAnswersComeOutOfOrder) {
  FakeTransport fake = server();
  Client<ReversingTransport> client(options(), ReversingTransport(fake));
  BatchOptions bo;
  bo.max_in_flight = 3;
  auto results = client.messages().send_batch("106540352242922", texts(20), bo);
  ASSERT_EQ(results.size(), 20u);
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(results[i].ok()) << results[i].error().to_string();
    EXPECT_EQ(results[i]->message_id(), "wamid.m" + std::to_string(i));
  }
  // The format probe went alone, then the other 19 in send_many waves with max_in_flight 3, at
  // most 4 x 3 messages under way at once.
  ASSERT_EQ(client.transport().calls.size(), 3u);
  EXPECT_EQ(client.transport().calls[0], std::make_pair(std::size_t{1}, std::size_t{3}));
  EXPECT_EQ(client.transport().calls[1], std::make_pair(std::size_t{12}, std::size_t{3}));
  EXPECT_EQ(client.transport().calls[2], std::make_pair(std::size_t{7}, std::size_t{3}));
  EXPECT_EQ(fake.request_count(), 20u);
}

TEST(Batch, WithoutSendManyTheClientSendsOneAtATime) {
  FakeTransport fake = server();
  Client<FakeTransport> client(options(), fake);
  auto results = client.messages().send_batch("106540352242922", texts(10));
  ASSERT_EQ(results.size(), 10u);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(results[i]->message_id(), "wamid.m" + std::to_string(i));
  const auto requests = fake.requests();
  ASSERT_EQ(requests.size(), 10u);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(text_of(requests[i]), "m" + std::to_string(i));
}

TEST(Batch, FallbackMakesOneOldFormatRequestPerUnconfirmedRequestAndConfirms) {
  FakeTransport fake = server(/*knows_new=*/false);
  Client<ReversingTransport> client(options(), ReversingTransport(fake));
  BatchOptions bo;
  bo.probe_format = false;  // every message of the first wave is sent while unconfirmed
  auto results = client.messages().send_batch("106540352242922", texts(6), bo);
  for (int i = 0; i < 6; ++i) {
    ASSERT_TRUE(results[i].ok()) << results[i].error().to_string();
    EXPECT_EQ(results[i]->message_id(), "wamid.m" + std::to_string(i));
  }
  EXPECT_EQ(client.confirmed_format(RouteId::kSendMessage), UrlFormat::kOld);
  const auto requests = fake.requests();
  ASSERT_EQ(requests.size(), 12u);
  for (int i = 0; i < 6; ++i) {
    int news = 0, olds = 0;
    for (const auto& r : requests) {
      if (text_of(r) != "m" + std::to_string(i)) continue;
      (is_old(r.url) ? olds : news) += 1;
    }
    EXPECT_EQ(news, 1) << i;
    EXPECT_EQ(olds, 1) << i;
  }
  // Confirmed: the next batch goes straight to the Old Format.
  fake.clear();
  results = client.messages().send_batch("106540352242922", texts(6, "n"), bo);
  EXPECT_TRUE(std::all_of(results.begin(), results.end(), [](const auto& r) { return r.ok(); }));
  const auto again = fake.requests();
  ASSERT_EQ(again.size(), 6u);
  EXPECT_TRUE(std::all_of(again.begin(), again.end(), [](const HttpRequest& r) { return is_old(r.url); }));
}

TEST(Batch, TheFormatProbeCostsOneExtraRequestPerBatchOnlyWhileUnconfirmed) {
  FakeTransport fake = server(/*knows_new=*/false);
  Client<ReversingTransport> client(options(), ReversingTransport(fake));
  auto results = client.messages().send_batch("106540352242922", texts(100));
  EXPECT_TRUE(std::all_of(results.begin(), results.end(), [](const auto& r) { return r.ok(); }));
  EXPECT_EQ(fake.request_count(), 101u);  // the probe's New Format 404, then 100 Old Format sends
  EXPECT_EQ(client.confirmed_format(RouteId::kSendMessage), UrlFormat::kOld);
  results = client.messages().send_batch("106540352242922", texts(100));
  EXPECT_EQ(fake.request_count(), 201u);
}

TEST(Batch, ValidationErrorsArePerMessageAndSendNothingForThatMessage) {
  FakeTransport fake = server();
  Client<ReversingTransport> client(options(), ReversingTransport(fake));
  auto messages = texts(5);
  messages[1] = Message::text("15551234567", "");   // empty body
  messages[3] = Message::text("", "no recipient");  // empty to
  auto results = client.messages().send_batch("106540352242922", messages);
  ASSERT_EQ(results.size(), 5u);
  EXPECT_TRUE(results[0].ok());
  EXPECT_TRUE(results[2].ok());
  EXPECT_TRUE(results[4].ok());
  ASSERT_FALSE(results[1].ok());
  EXPECT_EQ(results[1].error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_NE(results[1].error().message().find("text.body"), std::string::npos);
  ASSERT_FALSE(results[3].ok());
  EXPECT_EQ(results[3].error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(fake.request_count(), 3u);
  for (const auto& r : fake.requests()) {
    EXPECT_NE(text_of(r), "");
    EXPECT_NE(text_of(r), "no recipient");
  }
  EXPECT_EQ(results[4]->message_id(), "wamid.m4");
}

TEST(Batch, EmptyPhoneIdFailsThatMessageOnly) {
  FakeTransport fake = server();
  Client<ReversingTransport> client(options(), ReversingTransport(fake));
  std::vector<BatchItem> items{{"106540352242922", Message::text("1555", "a")},
                               {"", Message::text("1555", "b")},
                               {"206540352242922", Message::text("1555", "c")}};
  auto results = client.messages().send_batch(items);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_TRUE(results[0].ok());
  ASSERT_FALSE(results[1].ok());
  EXPECT_EQ(results[1].error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(results[1].error().attempts(), 0);
  EXPECT_TRUE(results[2].ok());
  const auto requests = fake.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_NE(requests[0].url.find("/106540352242922/messages"), std::string::npos);
  EXPECT_NE(requests[1].url.find("/206540352242922/messages"), std::string::npos);
}

TEST(Batch, ThrottledMessagesAreRetriedWithTheSingleSendDecisions) {
  // "m2" is refused with 130429 and Retry-After: 2 once; "m4" with a 500 from a gateway (may
  // have been processed: a send is not retried). The others succeed at once.
  FakeTransport ok = server();
  int throttled = 0;
  FakeTransport fake;
  fake.on_request([&](const HttpRequest& req) -> Result<HttpResponse> {
    const std::string text = text_of(req);
    HttpResponse r;
    if (text == "m2" && throttled++ == 0) {
      r.status = 429;
      r.headers.emplace_back("Retry-After", "2");
      r.body = R"({"data":{"error":{"message":"Rate limit hit","type":"OAuthException","code":130429}}})";
      return r;
    }
    if (text == "m4") {
      r.status = 500;
      r.body = "<html>bad gateway</html>";
      return r;
    }
    return ok.send(req);
  });
  whatsapp_test::FakeTime time;
  ClientOptions o = options();
  o.time = time.source();
  Client<ReversingTransport> client(o, ReversingTransport(fake));
  auto results = client.messages().send_batch("106540352242922", texts(6));
  ASSERT_TRUE(results[2].ok()) << results[2].error().to_string();
  EXPECT_EQ(results[2]->message_id(), "wamid.m2");
  ASSERT_FALSE(results[4].ok());
  EXPECT_EQ(results[4].error().kind(), ErrorKind::kHttp);
  EXPECT_EQ(results[4].error().delivery(), whatsapp::Delivery::kMaybeSent);
  EXPECT_EQ(results[4].error().attempts(), 1);
  for (int i : {0, 1, 3, 5}) EXPECT_TRUE(results[i].ok());
  EXPECT_EQ(fake.request_count(), 7u);
  EXPECT_EQ(time.sleeps(), (std::vector<ms>{ms(2000)}));
}

TEST(Batch, RateLimitsPaceABatchLikeSingleSends) {
  FakeTransport fake = server();
  whatsapp_test::FakeTime time;
  ClientOptions o = options();
  o.time = time.source();
  o.rate_limit.messages_per_second = 10;
  o.rate_limit.burst = 5;
  Client<ReversingTransport> client(o, ReversingTransport(fake));
  auto results = client.messages().send_batch("106540352242922", texts(25));
  EXPECT_TRUE(std::all_of(results.begin(), results.end(), [](const auto& r) { return r.ok(); }));
  EXPECT_EQ(fake.request_count(), 25u);
  // 5 at once, then 10 a second: the last of the 20 others goes 2 s after the start.
  EXPECT_GE(time.elapsed(), ms(1900));
  EXPECT_LE(time.elapsed(), ms(2100));
}

TEST(Batch, AStreamingTransportGetsEachRequestWhenASlotFreesAndARetryGoesWhenItsBackoffEnds) {
  // "m2" is refused once with Retry-After: 2. Two in flight, one answer a second: its retry is
  // due while m4 and m5 are still on the wire, and goes then; the engine never sleeps.
  FakeTransport ok = server();
  int throttled = 0;
  FakeTransport fake;
  fake.on_request([&](const HttpRequest& req) -> Result<HttpResponse> {
    if (text_of(req) == "m2" && throttled++ == 0) {
      HttpResponse r;
      r.status = 429;
      r.headers.emplace_back("Retry-After", "2");
      r.body = R"({"data":{"error":{"message":"Rate limit hit","type":"OAuthException","code":130429}}})";
      return r;
    }
    return ok.send(req);
  });
  whatsapp_test::FakeTime time;
  ClientOptions o = options();
  o.time = time.source();
  Client<StreamingTransport> client(o, StreamingTransport(fake, time));
  client.transport().started.clear();
  BatchOptions b;
  b.max_in_flight = 2;
  b.probe_format = false;
  auto results = client.messages().send_batch("106540352242922", texts(6), b);
  ASSERT_EQ(results.size(), 6u);
  for (int i = 0; i < 6; ++i) {
    ASSERT_TRUE(results[i].ok()) << i << ": " << results[i].error().to_string();
    EXPECT_EQ(results[i]->message_id(), "wamid.m" + std::to_string(i));
  }
  EXPECT_EQ(results[2].value().messages.size(), 1u);
  // t=1 m0 done, m2 starts; t=3 m2 throttled (retry due at t=5), m4 starts; t=4 m5 starts;
  // t=5 m4 done and m2's retry starts.
  EXPECT_EQ(client.transport().started, (std::vector<std::string>{"m0", "m1", "m2", "m3", "m4", "m5", "m2"}));
  EXPECT_EQ(client.transport().most_in_flight, 2u);
  EXPECT_TRUE(time.sleeps().empty());
  EXPECT_EQ(time.elapsed(), ms(7000));
}

/// A streaming transport that breaks its contract: it never answers the second request it is
/// given, answers the first one twice and also answers a tag it never got.
class LosingTransport {
 public:
  explicit LosingTransport(FakeTransport inner) : inner_(std::move(inner)) {}
  Result<HttpResponse> send(const HttpRequest& r) { return inner_.send(r); }
  template <class Next, class Done>
  void send_streamed(Next&& next, Done&& done, std::size_t /*max_in_flight*/) {
    int given = 0;
    for (whatsapp::transport::StreamedRequest item = next(); item.request != nullptr; item = next()) {
      if (++given == 2) continue;  // lost
      const std::size_t tag = item.tag;
      const Result<HttpResponse> answer = inner_.send(*item.request);
      done(tag, Result<HttpResponse>(answer));
      if (given == 1) {
        done(tag, Result<HttpResponse>(answer));         // again
        done(tag + 1000, Result<HttpResponse>(answer));  // never given
      }
    }
  }

 private:
  FakeTransport inner_;
};

TEST(Batch, ATransportThatLosesOrRepeatsAnswersGivesAnErrorForTheLostOneAndNoCrash) {
  FakeTransport fake = server();
  Client<LosingTransport> client(options(), LosingTransport(fake));
  BatchOptions b;
  b.probe_format = false;
  auto results = client.messages().send_batch("106540352242922", texts(4), b);
  ASSERT_EQ(results.size(), 4u);
  EXPECT_TRUE(results[0].ok());
  ASSERT_FALSE(results[1].ok());
  EXPECT_EQ(results[1].error().kind(), ErrorKind::kTransport);
  EXPECT_EQ(results[1].error().delivery(), whatsapp::Delivery::kMaybeSent);
  EXPECT_TRUE(results[2].ok());
  EXPECT_TRUE(results[3].ok());
}

TEST(Batch, EmptyBatch) {
  FakeTransport fake = server();
  Client<ReversingTransport> client(options(), ReversingTransport(fake));
  EXPECT_TRUE(client.messages().send_batch("106540352242922", {}).empty());
  EXPECT_EQ(fake.request_count(), 0u);
}

}  // namespace batch_test
