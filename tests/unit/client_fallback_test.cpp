// The New -> Old URL format fallback, its memory per route, and the format policies.

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/transport/fake.hpp"

namespace client_fallback_test {

using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::FormatPolicy;
using whatsapp::HttpRequest;
using whatsapp::HttpResponse;
using whatsapp::Message;
using whatsapp::Result;
using whatsapp::RouteId;
using whatsapp::UrlFormat;
using whatsapp::transport::FakeTransport;

const std::string kSendOk =
    R"({"data":{"messaging_product":"whatsapp","contacts":[{"input":"1555","wa_id":"1555"}],"messages":[{"id":"wamid.OK"}]}})";

bool is_old(const std::string& url) { return url.find("/from_phone_number_id/") != std::string::npos; }

/// A server that knows the New Format, the Old Format, or both.
FakeTransport server(bool knows_new, bool knows_old) {
  FakeTransport t;
  t.on_request([=](const HttpRequest& req) -> Result<HttpResponse> {
    const bool old = req.url.find("FROM_PHONE_NUMBER_ID=") != std::string::npos;
    HttpResponse r;
    if ((old && knows_old) || (!old && knows_new)) {
      r.status = 200;
      r.body = kSendOk;
    } else {
      r.status = 404;
      r.body = R"({"message":"Not Found"})";
    }
    return r;
  });
  return t;
}

ClientOptions options(FormatPolicy policy = FormatPolicy::kNewThenOld) {
  ClientOptions o;
  o.base_url = "http://emulator.test/whatsapp";
  o.api_token = "at_0123456789";
  o.format_policy = policy;
  return o;
}

const Message kHello = Message::text("15551234567", "hello");

TEST(FormatFallback, OldOnlyServer1000SendsMake1001Requests) {
  FakeTransport t = server(false, true);
  Client<FakeTransport> client(options(), t);
  for (int i = 0; i < 1000; ++i) {
    auto r = client.messages().send("106540352242922", kHello);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->message_id(), "wamid.OK");
  }
  const auto reqs = t.requests();
  ASSERT_EQ(reqs.size(), 1001u);
  EXPECT_FALSE(is_old(reqs[0].url));
  for (std::size_t i = 1; i < reqs.size(); ++i) ASSERT_TRUE(is_old(reqs[i].url)) << i;
  EXPECT_EQ(client.confirmed_format(RouteId::kSendMessage), UrlFormat::kOld);
}

TEST(FormatFallback, BothFormatsServer1000SendsMake1000NewRequests) {
  FakeTransport t = server(true, true);
  Client<FakeTransport> client(options(), t);
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(client.messages().send("1065", kHello).ok());
  const auto reqs = t.requests();
  ASSERT_EQ(reqs.size(), 1000u);
  for (const auto& r : reqs) ASSERT_FALSE(is_old(r.url));
  EXPECT_EQ(client.confirmed_format(RouteId::kSendMessage), UrlFormat::kNew);
}

TEST(FormatFallback, NewOnlyPolicyNeverSendsAnOldFormatRequest) {
  FakeTransport t = server(false, true);
  Client<FakeTransport> client(options(FormatPolicy::kNewOnly), t);
  for (int i = 0; i < 50; ++i) {
    auto r = client.messages().send("1065", kHello);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().http_status(), 404);
    EXPECT_EQ(r.error().attempts(), 1);
    EXPECT_EQ(r.error().url_format(), UrlFormat::kNew);
  }
  for (const auto& r : t.requests()) ASSERT_FALSE(is_old(r.url));
  EXPECT_EQ(t.request_count(), 50u);
}

TEST(FormatFallback, OldOnlyPolicyGoesStraightToOldFormat) {
  FakeTransport t = server(false, true);
  Client<FakeTransport> client(options(FormatPolicy::kOldOnly), t);
  ASSERT_TRUE(client.messages().send("1065", kHello).ok());
  ASSERT_EQ(t.request_count(), 1u);
  EXPECT_TRUE(is_old(t.last_request().url));
}

TEST(FormatFallback, NotFoundOnAConfirmedFormatIsTheAnswer) {
  FakeTransport t;
  t.push(200, kSendOk);  // confirms New
  t.push(404, R"({"data":{"error":{"message":"(#100) Unknown object","code":100}}})");
  Client<FakeTransport> client(options(), t);
  ASSERT_TRUE(client.messages().send("1065", kHello).ok());
  auto r = client.messages().send("1065", kHello);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().http_status(), 404);
  EXPECT_EQ(r.error().code(), 100);
  EXPECT_EQ(r.error().attempts(), 1);
  EXPECT_EQ(t.request_count(), 2u);
}

TEST(FormatFallback, BothFormatsNotFoundLeavesTheRouteUnconfirmed) {
  FakeTransport t = server(false, false);
  Client<FakeTransport> client(options(), t);
  auto r = client.messages().send("1065", kHello);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().attempts(), 2);
  EXPECT_EQ(r.error().url_format(), UrlFormat::kOld);
  EXPECT_FALSE(client.confirmed_format(RouteId::kSendMessage).has_value());
}

TEST(FormatFallback, MemoryIsPerRoute) {
  FakeTransport t;
  t.on_request([](const HttpRequest& req) -> Result<HttpResponse> {
    HttpResponse r;
    const bool old = req.url.find("FROM_PHONE_NUMBER_ID=") != std::string::npos;
    const bool is_send = req.url.find("messages") != std::string::npos;
    // Sends work only in Old Format; phone number reads only in New.
    if (is_send == old) {
      r.status = 200;
      r.body = is_send ? kSendOk : R"({"data":{"id":"1065"}})";
    } else {
      r.status = 404;
      r.body = "{}";
    }
    return r;
  });
  Client<FakeTransport> client(options(), t);
  ASSERT_TRUE(client.messages().send("1065", kHello).ok());
  ASSERT_TRUE(client.phone_numbers().get("1065").ok());
  EXPECT_EQ(client.confirmed_format(RouteId::kSendMessage), UrlFormat::kOld);
  EXPECT_EQ(client.confirmed_format(RouteId::kGetPhoneNumber), UrlFormat::kNew);
  EXPECT_FALSE(client.confirmed_format(RouteId::kRequestCode).has_value());
  EXPECT_EQ(t.request_count(), 3u);
}

TEST(FormatFallback, LoggedOnceWithTheRouteName) {
  std::vector<std::string> lines;
  std::mutex m;
  ClientOptions o = options();
  o.log_sink = [&](whatsapp::LogLevel, std::string_view line) {
    std::lock_guard<std::mutex> lock(m);
    lines.emplace_back(line);
  };
  FakeTransport t = server(false, true);
  Client<FakeTransport> client(o, t);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(client.messages().send("1065", kHello).ok());
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find("\"Send a message\""), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("old"), std::string::npos);
}

TEST(FormatFallback, ConcurrentFirstCallsAgreeAndLogOnce) {
  std::atomic<int> logged{0};
  ClientOptions o = options();
  o.log_sink = [&](whatsapp::LogLevel, std::string_view) { ++logged; };
  FakeTransport t = server(false, true);
  Client<FakeTransport> client(o, t);
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      for (int k = 0; k < 100; ++k) ok += client.messages().send("1065", kHello).ok() ? 1 : 0;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 800);
  EXPECT_EQ(logged.load(), 1);
  // Every thread may probe New once before the route is confirmed; never more.
  EXPECT_GE(t.request_count(), 801u);
  EXPECT_LE(t.request_count(), 808u);
}

}  // namespace client_fallback_test
