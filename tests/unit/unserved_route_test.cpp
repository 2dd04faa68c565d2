// A route LowCodeAPI serves in neither URL format (issue 12, item 4): found once (New, then Old,
// both 404), then remembered for kUnservedRouteTtl so each call makes one request, not two, and
// says the route is not served; by single calls, by batches and from many threads.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "fake_time.hpp"
#include "test_support.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/transport/fake.hpp"

namespace unserved_route_test {

using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::ErrorSource;
using whatsapp::HttpRequest;
using whatsapp::HttpResponse;
using whatsapp::Message;
using whatsapp::Result;
using whatsapp::transport::FakeTransport;
using whatsapp_test::FakeTime;

const char* const kWaba = "102290129340398";

/// A self-hosted LowCodeAPI without the route: 404 {"message":"Not Found"} in both formats. The
/// template route is served, and its every answer is Graph's 404 (a template that does not exist).
FakeTransport server_without_route() {
  FakeTransport t;
  t.on_request([](const HttpRequest& req) -> Result<HttpResponse> {
    HttpResponse r;
    r.status = 404;
    r.body =
        req.url.find("7300000000001") != std::string::npos
            ? R"({"message":"Error received from the whatsapp API","provider":"whatsapp","error":{"error":{"message":"(#132001) Template name does not exist in the translation","type":"OAuthException","code":132001}},"headers":{}})"
            : R"({"message":"Not Found"})";
    return r;
  });
  return t;
}

ClientOptions options(const FakeTime& time) {
  ClientOptions o;
  o.base_url = "http://127.0.0.1:3456/whatsapp";
  o.api_token = "at_TEST_unserved_not_a_real_token";
  o.time = time.source(0.5);
  return o;  // FormatPolicy::kNewThenOld, the default
}

TEST(UnservedRoute, NeitherFormatIsRememberedSoTheNextCallsMakeOneRequest) {
  FakeTime time;
  FakeTransport t = server_without_route();
  Client<FakeTransport> client(options(time), t);
  auto first = client.phone_numbers().list(kWaba);
  ASSERT_FALSE(first.ok());
  EXPECT_EQ(t.request_count(), 2u);  // New, then Old
  EXPECT_EQ(first.error().attempts(), 2);
  EXPECT_NE(first.error().message().find("in neither URL format"), std::string::npos)
      << first.error().message();
  EXPECT_NE(first.error().message().find("List Phone Numbers"), std::string::npos);
  EXPECT_EQ(first.error().source(), ErrorSource::kLowCodeApi);
  EXPECT_EQ(first.error().http_status(), 404);

  for (int i = 0; i < 10; ++i) {
    auto again = client.phone_numbers().list(kWaba);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().attempts(), 1);
    EXPECT_NE(again.error().message().find("in neither URL format"), std::string::npos);
    EXPECT_NE(again.error().to_string().find("what to do: "), std::string::npos);
  }
  EXPECT_EQ(t.request_count(), 2u + 10u);  // one request per call, not two
  const auto reqs = t.requests();
  for (std::size_t i = 2; i < reqs.size(); ++i) {
    EXPECT_EQ(reqs[i].url.find("WHATSAPP_BUSINESS_ACCOUNT_ID="), std::string::npos) << "New Format first";
  }

  // After the TTL both formats are asked again: a server given the route is found.
  time.advance(whatsapp::detail::kUnservedRouteTtl);
  (void)client.phone_numbers().list(kWaba);
  EXPECT_EQ(t.request_count(), 12u + 2u);

  // Other routes are still asked in both formats.
  (void)client.conversations().list(kWaba);
  EXPECT_EQ(t.request_count(), 14u + 2u);
  // A 404 that carries a Graph error comes from a served route: it never counts as missing.
  for (int i = 0; i < 3; ++i) {
    auto r = client.templates().get("7300000000001");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code(), 132001);
    EXPECT_EQ(r.error().message().find("neither"), std::string::npos);
  }
  EXPECT_EQ(t.request_count(), 16u + 6u);  // both formats each time
}

TEST(UnservedRoute, ABatchHonoursTheMemoryAndFillsIt) {
  FakeTime time;
  FakeTransport t = server_without_route();
  Client<FakeTransport> client(options(time), t);
  std::vector<Message> messages;
  for (int i = 0; i < 5; ++i) messages.push_back(Message::text("15550001111", "m" + std::to_string(i)));
  auto results = client.messages().send_batch("106540352242922", messages);
  ASSERT_EQ(results.size(), 5u);
  // The first message probes both formats; the other four are sent once each.
  EXPECT_EQ(t.request_count(), 2u + 4u);
  for (const auto& r : results) {
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message().find("in neither URL format"), std::string::npos) << r.error().message();
  }
  // A single send now makes one request too.
  (void)client.messages().send("106540352242922", messages[0]);
  EXPECT_EQ(t.request_count(), 7u);
}

TEST(UnservedRoute, ASingleCallsFindingIsUsedByABatch) {
  FakeTime time;
  FakeTransport t = server_without_route();
  Client<FakeTransport> client(options(time), t);
  (void)client.messages().send("106540352242922", Message::text("15550001111", "probe"));
  ASSERT_EQ(t.request_count(), 2u);
  std::vector<Message> messages(3, Message::text("15550001111", "m"));
  (void)client.messages().send_batch("106540352242922", messages);
  EXPECT_EQ(t.request_count(), 2u + 3u);
}

TEST(UnservedRoute, ManyThreadsShareTheMemory) {
  FakeTime time;
  FakeTransport t = server_without_route();
  Client<FakeTransport> client(options(time), t);
  (void)client.phone_numbers().list(kWaba);
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      for (int k = 0; k < 25; ++k) {
        auto r = client.phone_numbers().list(kWaba);
        if (!r.ok() && r.error().attempts() == 1) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 100);
  EXPECT_EQ(t.request_count(), 2u + 100u);
}

}  // namespace unserved_route_test
