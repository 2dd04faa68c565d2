// Retries: the transient classifier, idempotency, backoff and Retry-After, the loop in the client
// (attempts, deadline, per-call overrides, log lines), all with a fake clock.

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "fake_time.hpp"
#include "test_support.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/client/retry.hpp"
#include "whatsapp/transport/fake.hpp"

namespace retry_test {

using std::chrono::milliseconds;
using whatsapp::CallOptions;
using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::Delivery;
using whatsapp::Error;
using whatsapp::ErrorCategory;
using whatsapp::ErrorKind;
using whatsapp::GraphError;
using whatsapp::HttpResponse;
using whatsapp::Idempotency;
using whatsapp::Message;
using whatsapp::Result;
using whatsapp::RetryPolicy;
using whatsapp::RouteId;
using whatsapp::transport::FakeTransport;
using whatsapp_test::FakeTime;
using whatsapp_test::in_data_envelope;
using whatsapp_test::read_json;

using ms = milliseconds;
const std::string kToken = "at_retry_s3cret";

// ---- backoff and Retry-After ---------------------------------------------------------------

TEST(Backoff, DoublesFromInitialUpToTheCapWithoutJitter) {
  RetryPolicy p;
  p.jitter = false;
  std::vector<ms> got;
  for (int retry = 1; retry <= 9; ++retry) got.push_back(whatsapp::backoff_delay(p, retry, 0.3));
  EXPECT_EQ(got, (std::vector<ms>{ms(500), ms(1000), ms(2000), ms(4000), ms(8000), ms(16000), ms(30000),
                                  ms(30000), ms(30000)}));
}

TEST(Backoff, FullJitterScalesTheCeilingByTheRandomNumber) {
  RetryPolicy p;
  EXPECT_EQ(whatsapp::backoff_delay(p, 1, 0.5), ms(250));
  EXPECT_EQ(whatsapp::backoff_delay(p, 3, 0.25), ms(500));
  EXPECT_EQ(whatsapp::backoff_delay(p, 20, 0.5), ms(15000));
  EXPECT_EQ(whatsapp::backoff_delay(p, 1, 0.0), ms(0));
  // Out-of-range randomness is clamped, never negative or above the ceiling.
  EXPECT_EQ(whatsapp::backoff_delay(p, 1, -3.0), ms(0));
  EXPECT_EQ(whatsapp::backoff_delay(p, 1, 7.0), ms(500));
  // A huge retry number does not overflow.
  EXPECT_EQ(whatsapp::backoff_delay(p, 100000, 0.999), ms(29970));
}

TEST(Backoff, AnUnboundedCapSaturatesInsteadOfOverflowing) {
  RetryPolicy p;
  p.jitter = false;
  p.initial_backoff = ms::max();
  p.max_backoff = ms::max();  // 2^63 - 1 rounds up to 2^63 as a double
  EXPECT_EQ(whatsapp::backoff_delay(p, 1, 0.5), ms::max());
  EXPECT_EQ(whatsapp::backoff_delay(p, 1000, 0.5), ms::max());
}

TEST(Backoff, RetryAfterWinsOverBackoffAndIsCapped) {
  RetryPolicy p;
  p.max_retry_after = ms(5000);
  Error e(ErrorKind::kHttp, "x");
  e.with_retry_after(ms(2000));
  EXPECT_EQ(whatsapp::retry_delay(p, 3, e, 0.5), ms(2000));
  e.with_retry_after(ms(3'600'000));
  EXPECT_EQ(whatsapp::retry_delay(p, 1, e, 0.5), ms(5000));
  EXPECT_EQ(whatsapp::retry_delay(p, 2, Error(ErrorKind::kHttp, "no header"), 0.5), ms(500));
}

TEST(RetryAfter, DeltaSeconds) {
  const std::int64_t now = FakeTime::kEpoch;
  EXPECT_EQ(whatsapp::parse_retry_after("120", now), ms(120000));
  EXPECT_EQ(whatsapp::parse_retry_after("0", now), ms(0));
  EXPECT_EQ(whatsapp::parse_retry_after(" 3 ", now), ms(3000));
  EXPECT_EQ(whatsapp::parse_retry_after("99999999999999999999999999", now), ms(100LL * 365 * 86400 * 1000));
  for (const char* bad : {"", " ", "-1", "1.5", "2s", "+2", "0x10", "1 2", "\xff"}) {
    EXPECT_FALSE(whatsapp::parse_retry_after(bad, now).has_value()) << bad;
  }
}

TEST(RetryAfter, HttpDatesInAllThreeForms) {
  const std::int64_t t = 784111777;  // Sun, 06 Nov 1994 08:49:37 GMT
  EXPECT_EQ(whatsapp::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), t);
  EXPECT_EQ(whatsapp::parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), t);
  EXPECT_EQ(whatsapp::parse_http_date("Sun Nov  6 08:49:37 1994"), t);
  EXPECT_EQ(whatsapp::parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), 0);
  EXPECT_EQ(whatsapp::parse_http_date("Tue, 29 Feb 2000 23:59:59 GMT"), 951868799);
  EXPECT_EQ(whatsapp::parse_http_date("Fri, 31 Dec 9999 23:59:59 GMT"), 253402300799);
  EXPECT_EQ(whatsapp::parse_retry_after("Sun, 06 Nov 1994 08:49:39 GMT", t), ms(2000));
  EXPECT_EQ(whatsapp::parse_retry_after("Sun, 06 Nov 1994 08:49:00 GMT", t), ms(0));  // past
  for (const char* bad :
       {"Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 31 Nov 1994 08:49:37 GMT", "Mon, 29 Feb 1900 00:00:00 GMT",
        "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:49 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT trailing", "Sun,", "S", "Sun Nov  6 08:49:37",
        "Sun, 06 Nov 1969 08:49:37 GMT", "Sun, 123 Nov 1994 08:49:37 GMT",
        "Sat,31 Dec 9999 23:59:60 GMT"}) {  // a leap second into year 10000 (found by fuzz_retry_after)
    EXPECT_FALSE(whatsapp::parse_http_date(bad).has_value()) << bad;
  }
}

// ---- classification ------------------------------------------------------------------------

Error api(int status, std::int64_t code, std::optional<bool> transient = std::nullopt) {
  GraphError g;
  g.code = code;
  g.is_transient = transient;
  Error e(ErrorKind::kApi, "api");
  e.with_http_status(status).with_graph(g);
  return e;
}
Error http(int status) { return Error(ErrorKind::kHttp, "http").with_http_status(status); }
Error transport(Delivery d, ErrorKind k = ErrorKind::kTransport) { return Error(k, "t").with_delivery(d); }

TEST(Transient, Classifier) {
  EXPECT_TRUE(transport(Delivery::kNotSent).is_transient());
  EXPECT_TRUE(transport(Delivery::kMaybeSent).is_transient());
  EXPECT_TRUE(transport(Delivery::kMaybeSent, ErrorKind::kTimeout).is_transient());
  EXPECT_FALSE(transport(Delivery::kMaybeSent).with_transient(false).is_transient());
  EXPECT_FALSE(Error::invalid_argument("to", "empty").is_transient());
  EXPECT_FALSE(Error(ErrorKind::kCancelled, "c").is_transient());
  EXPECT_FALSE(Error(ErrorKind::kParse, "p").with_http_status(200).is_transient());
  for (int s : {408, 429, 500, 502, 503, 504}) EXPECT_TRUE(http(s).is_transient()) << s;
  for (int s : {400, 401, 403, 404, 413}) EXPECT_FALSE(http(s).is_transient()) << s;
  for (std::int64_t c : {2, 4, 80007, 130429, 131000, 131016, 131056, 133000, 133004}) {
    EXPECT_TRUE(api(400, c).is_transient()) << c;
  }
  for (std::int64_t c : {0, 1, 3, 10, 33, 100, 190, 200, 368, 131008, 131026, 131030, 131047, 131048, 131049,
                         132001, 133010, 133016}) {
    EXPECT_FALSE(api(400, c).is_transient()) << c;
  }
  EXPECT_TRUE(api(400, 100, true).is_transient());  // Graph's flag counts
  EXPECT_FALSE(api(500, 2, false).is_transient());  // ... both ways
  EXPECT_TRUE(api(429, 4, false).is_transient());   // a throttle is always transient
  EXPECT_TRUE(api(500, 0).is_transient());          // 5xx without a known code
}

TEST(Transient, Throttling) {
  for (std::int64_t c : {4, 80007, 130429, 131056}) EXPECT_TRUE(api(400, c).is_throttling()) << c;
  for (std::int64_t c : {131048, 133016, 2, 131000}) EXPECT_FALSE(api(400, c).is_throttling()) << c;
  EXPECT_TRUE(http(429).is_throttling());
  EXPECT_FALSE(http(503).is_throttling());
  EXPECT_FALSE(transport(Delivery::kNotSent).with_http_status(429).is_throttling());
}

TEST(Idempotency, ByRoute) {
  using whatsapp::idempotency;
  for (auto id : {RouteId::kSendMessage, RouteId::kUploadMedia, RouteId::kRequestCode, RouteId::kVerifyCode,
                  RouteId::kRegister, RouteId::kDeregister, RouteId::kCreateTemplate}) {
    EXPECT_EQ(idempotency(id), Idempotency::kNotIdempotent) << whatsapp::route(id).name;
  }
  for (const auto& r : whatsapp::kRoutes) {
    if (r.method != whatsapp::HttpMethod::kPost) {
      EXPECT_EQ(idempotency(r.id), Idempotency::kIdempotent) << r.name;
    }
  }
  EXPECT_EQ(idempotency(RouteId::kMarkMessageRead), Idempotency::kIdempotent);
  EXPECT_EQ(idempotency(RouteId::kUpdateBusinessProfile), Idempotency::kIdempotent);
}

TEST(Idempotency, SendsRepeatOnlyWhenCertainlyNotProcessed) {
  const auto no = Idempotency::kNotIdempotent;
  const auto yes = Idempotency::kIdempotent;
  EXPECT_TRUE(whatsapp::may_retry(transport(Delivery::kNotSent), no));
  EXPECT_FALSE(whatsapp::may_retry(transport(Delivery::kMaybeSent), no));
  EXPECT_FALSE(whatsapp::may_retry(transport(Delivery::kMaybeSent, ErrorKind::kTimeout), no));
  EXPECT_TRUE(whatsapp::may_retry(http(429), no));
  EXPECT_TRUE(whatsapp::may_retry(api(400, 130429), no));
  EXPECT_TRUE(whatsapp::may_retry(api(400, 131056), no));
  EXPECT_FALSE(whatsapp::may_retry(api(500, 131000), no));
  EXPECT_FALSE(whatsapp::may_retry(http(503), no));
  EXPECT_FALSE(whatsapp::may_retry(Error::invalid_argument("to", "x"), no));
  EXPECT_TRUE(whatsapp::may_retry(transport(Delivery::kMaybeSent), yes));
  EXPECT_TRUE(whatsapp::may_retry(http(503), yes));
  EXPECT_TRUE(whatsapp::may_retry(api(500, 131000), yes));
  EXPECT_FALSE(whatsapp::may_retry(api(400, 131030), yes));
  EXPECT_FALSE(whatsapp::may_retry(Error(ErrorKind::kParse, "p"), yes));
}

TEST(Categories, MatchErrorCodesTable) {
  using whatsapp::error_category;
  struct Row {
    std::int64_t code;
    ErrorCategory cat;
  };
  const Row rows[] = {
      {0, ErrorCategory::kAuthorization},
      {3, ErrorCategory::kAuthorization},
      {10, ErrorCategory::kAuthorization},
      {190, ErrorCategory::kAuthorization},
      {200, ErrorCategory::kAuthorization},
      {299, ErrorCategory::kAuthorization},
      {131005, ErrorCategory::kAuthorization},
      {4, ErrorCategory::kThrottling},
      {80007, ErrorCategory::kThrottling},
      {130429, ErrorCategory::kThrottling},
      {131048, ErrorCategory::kThrottling},
      {131056, ErrorCategory::kThrottling},
      {133016, ErrorCategory::kThrottling},
      {368, ErrorCategory::kIntegrity},
      {130497, ErrorCategory::kIntegrity},
      {131031, ErrorCategory::kIntegrity},
      {132000, ErrorCategory::kTemplate},
      {132001, ErrorCategory::kTemplate},
      {132015, ErrorCategory::kTemplate},
      {132069, ErrorCategory::kTemplate},
      {131063, ErrorCategory::kTemplate},
      {2388019, ErrorCategory::kTemplate},
      {131052, ErrorCategory::kMedia},
      {131053, ErrorCategory::kMedia},
      {131021, ErrorCategory::kRecipient},
      {131026, ErrorCategory::kRecipient},
      {131030, ErrorCategory::kRecipient},
      {131050, ErrorCategory::kRecipient},
      {131051, ErrorCategory::kRecipient},
      {137000, ErrorCategory::kRecipient},
      {131047, ErrorCategory::kReengagement},
      {1, ErrorCategory::kParameter},
      {33, ErrorCategory::kParameter},
      {100, ErrorCategory::kParameter},
      {131008, ErrorCategory::kParameter},
      {131009, ErrorCategory::kParameter},
      {135000, ErrorCategory::kParameter},
      {131045, ErrorCategory::kRegistration},
      {133005, ErrorCategory::kRegistration},
      {133010, ErrorCategory::kRegistration},
      {2, ErrorCategory::kServer},
      {131000, ErrorCategory::kServer},
      {131016, ErrorCategory::kServer},
      {131057, ErrorCategory::kServer},
      {999999, ErrorCategory::kUnknown},
  };
  for (const Row& r : rows) EXPECT_EQ(error_category(r.code), r.cat) << r.code;
}

// ---- the loop in the client ----------------------------------------------------------------

const std::string kSendOk =
    R"({"data":{"messaging_product":"whatsapp","contacts":[{"input":"1555","wa_id":"1555"}],"messages":[{"id":"wamid.OK"}]}})";
const Message kHello = Message::text("15551234567", "hello");

HttpResponse answer(int status, std::string body, whatsapp::Headers headers = {}) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  r.headers.emplace_back("Content-Type", "application/json");
  return r;
}
const std::string kGraph503 = R"({"message":"Service Unavailable"})";
std::string graph(int code) {
  return R"({"data":{"error":{"message":"(#)" + std::to_string(code) +
         R"( x","type":"OAuthException","code":)" + std::to_string(code) + "}}}";
}

struct RetryLoop : ::testing::Test {
  FakeTransport t;
  FakeTime time;
  std::mutex log_m;
  std::vector<std::string> log;

  ClientOptions options(bool jitter = false) {
    ClientOptions o;
    o.base_url = "http://emulator.test/whatsapp";
    o.api_token = kToken;
    o.format_policy = whatsapp::FormatPolicy::kNewOnly;
    o.retry.jitter = jitter;
    o.time = time.source(0.5);
    o.log_level = whatsapp::LogLevel::kDebug;
    o.log_sink = [this](whatsapp::LogLevel, std::string_view line) {
      std::lock_guard<std::mutex> lock(log_m);
      log.emplace_back(line);
    };
    return o;
  }
  Client<FakeTransport> client(ClientOptions o) { return Client<FakeTransport>(std::move(o), t); }
  Result<whatsapp::PhoneNumber> read(const Client<FakeTransport>& c) { return c.phone_numbers().get("1065"); }
  void push_phone_ok() { t.push(200, in_data_envelope(read_json("fixtures/phone_number.json"))); }
};

TEST_F(RetryLoop, ReadRetriesTransientAnswersWithJitteredBackoff) {
  auto c = client(options(/*jitter=*/true));
  t.push(503, kGraph503).push(500, graph(131000));
  push_phone_ok();
  auto r = read(c);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(t.request_count(), 3u);
  EXPECT_EQ(time.sleeps(), (std::vector<ms>{ms(250), ms(500)}));
}

TEST_F(RetryLoop, TheWholeBackoffIsSleptWhateverTheClockDidMeanwhile) {
  // A clock that moves 5 ms each time it is read (a slow machine, a sanitizer build) and a
  // sleep that only records: the backoff asked of the TimeSource is the policy's, in full, not
  // what is left of it by the time the driver gets to sleep.
  ClientOptions o = options();
  auto clock = std::make_shared<std::chrono::steady_clock::time_point>(
      std::chrono::steady_clock::time_point{} + std::chrono::hours(1));
  o.time.now = [clock] { return *clock += ms(5); };
  auto sleeps = std::make_shared<std::vector<ms>>();
  o.time.sleep = [sleeps](ms d) { sleeps->push_back(d); };
  o.retry.initial_backoff = ms(1);
  auto c = client(o);
  t.push(503, kGraph503).push(503, kGraph503);
  push_phone_ok();
  auto r = read(c);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(t.request_count(), 3u);
  EXPECT_EQ(*sleeps, (std::vector<ms>{ms(1), ms(2)}));
}

TEST_F(RetryLoop, ReadGivesUpAfterMaxAttemptsAndCountsThem) {
  auto c = client(options());
  for (int i = 0; i < 5; ++i) t.push(502, R"({"message":"Bad Gateway"})");
  auto r = read(c);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kHttp);
  EXPECT_EQ(r.error().http_status(), 502);
  EXPECT_EQ(r.error().attempts(), 4);
  EXPECT_EQ(t.request_count(), 4u);
  EXPECT_EQ(time.sleeps(), (std::vector<ms>{ms(500), ms(1000), ms(2000)}));
  // One warning per retry, token-free.
  ASSERT_EQ(log.size(), 4u + 3u);  // 4 debug request lines, 3 retry lines
  int retries = 0;
  for (const auto& line : log) {
    EXPECT_EQ(line.find(kToken), std::string::npos) << line;
    if (line.rfind("retrying \"Get Phone Number Information\" in ", 0) == 0) ++retries;
  }
  EXPECT_EQ(retries, 3);
  EXPECT_NE(
      std::find(
          log.begin(), log.end(),
          "retrying \"Get Phone Number Information\" in 1000 ms (try 2 of 4 failed: "
          "http error (LowCodeAPI, HTTP 502): Bad Gateway - what to do: LowCodeAPI failed; the request may "
          "have reached Meta: retried as the call allows)"),
      log.end());
}

TEST_F(RetryLoop, ReadNotRetriedOnPermanentErrors) {
  auto c = client(options());
  t.push(400, graph(131030)).push(200, "").push(200, "{trunc");
  for (int i = 0; i < 3; ++i) {
    auto r = read(c);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().attempts(), 1);
  }
  EXPECT_EQ(t.request_count(), 3u);
  EXPECT_TRUE(time.sleeps().empty());
}

TEST_F(RetryLoop, SendNotRepeatedAfterAnAnswerThatMayHaveBeenProcessed) {
  auto c = client(options());
  t.push(503, kGraph503);
  t.push(500, graph(131000));
  t.push(Error(ErrorKind::kTransport, "reset").with_delivery(Delivery::kMaybeSent));
  t.push(Error(ErrorKind::kTimeout, "timed out").with_delivery(Delivery::kMaybeSent));
  t.push(200, "");
  t.push(200, R"({"data":"oops"})");
  const Delivery expected[] = {Delivery::kMaybeSent, Delivery::kAnswered,  Delivery::kMaybeSent,
                               Delivery::kMaybeSent, Delivery::kMaybeSent, Delivery::kMaybeSent};
  for (Delivery d : expected) {
    auto r = c.messages().send("1065", kHello);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().delivery(), d) << r.error().to_string();
    EXPECT_LE(r.error().attempts(), 1);
  }
  EXPECT_EQ(t.request_count(), 6u);
  EXPECT_TRUE(time.sleeps().empty());
}

TEST_F(RetryLoop, SendRepeatedAfterRefusedConnection) {
  auto c = client(options());
  for (int i = 0; i < 4; ++i) {
    t.push(Error(ErrorKind::kTransport, "connection refused").with_delivery(Delivery::kNotSent));
  }
  auto r = c.messages().send("1065", kHello);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().delivery(), Delivery::kNotSent);
  EXPECT_EQ(r.error().attempts(), 4);
  EXPECT_EQ(time.sleeps(), (std::vector<ms>{ms(500), ms(1000), ms(2000)}));
  t.push(Error(ErrorKind::kTransport, "refused").with_delivery(Delivery::kNotSent)).push(200, kSendOk);
  auto ok = c.messages().send("1065", kHello);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->message_id(), "wamid.OK");
}

TEST_F(RetryLoop, SendRepeatedAfterThrottlingHonouringRetryAfter) {
  auto c = client(options());
  t.push(answer(429, graph(4), {{"Retry-After", "2"}}));
  t.push(answer(429, graph(4), {{"retry-after", "Tue, 14 Nov 2023 22:13:25 GMT"}}));  // epoch+5 s, 2 s later
  t.push(400, graph(130429));
  t.push(400, graph(131056));
  t.push(200, kSendOk);
  CallOptions more;
  more.retry = RetryPolicy{};
  more.retry->max_attempts = 5;
  more.retry->jitter = false;
  auto r = c.with_options(more).messages().send("1065", kHello);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(t.request_count(), 5u);
  EXPECT_EQ(time.sleeps(), (std::vector<ms>{ms(2000), ms(3000), ms(2000), ms(4000)}));
}

TEST_F(RetryLoop, RetryAfterIsCappedAndKeptOnTheError) {
  auto o = options();
  o.retry.deadline = whatsapp::kNoDeadline;  // with one, an hour's wait ends the call at once
  o.retry.max_retry_after = ms(10'000);
  o.retry.max_attempts = 2;
  auto c = client(o);
  t.push(answer(429, graph(4), {{"Retry-After", "3600"}}));
  t.push(answer(429, graph(4), {{"Retry-After", "3600"}}));
  auto r = c.messages().send("1065", kHello);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().is_throttling());
  EXPECT_EQ(r.error().category(), ErrorCategory::kThrottling);
  EXPECT_EQ(r.error().retry_after(), ms(3'600'000));
  EXPECT_EQ(r.error().attempts(), 2);
  EXPECT_EQ(time.sleeps(), (std::vector<ms>{ms(10'000)}));
}

TEST_F(RetryLoop, DeadlineStopsWaitsThatWouldCrossItAndShortensTimeouts) {
  auto o = options();
  o.retry.deadline = ms(1500);
  o.timeout = ms(30'000);
  auto c = client(o);
  for (int i = 0; i < 4; ++i) t.push(503, kGraph503);
  auto r = read(c);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().attempts(), 2);  // waits 500 (t=500), then 1000 would end at the deadline
  EXPECT_EQ(time.sleeps(), (std::vector<ms>{ms(500)}));
  const auto reqs = t.requests();
  ASSERT_EQ(reqs.size(), 2u);
  EXPECT_EQ(reqs[0].timeout, ms(1500));
  EXPECT_EQ(reqs[1].timeout, ms(1000));
}

TEST_F(RetryLoop, PerCallOverridesShareTheClientState) {
  auto c = client(options());
  CallOptions once;
  once.retry = RetryPolicy::none();
  once.timeout = ms(1234);
  auto quick = c.with_options(once);
  t.push(503, kGraph503);
  auto r = read(quick);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().attempts(), 1);
  EXPECT_EQ(t.last_request().timeout, ms(1234));
  EXPECT_EQ(&quick.transport(), &c.transport());
  // The base client still retries.
  t.push(503, kGraph503);
  push_phone_ok();
  EXPECT_TRUE(read(c).ok());
  // A caller that de-duplicates sends itself may make them idempotent.
  CallOptions dedup;
  dedup.idempotency = Idempotency::kIdempotent;
  t.push(503, kGraph503).push(200, kSendOk);
  EXPECT_TRUE(c.with_options(dedup).messages().send("1065", kHello).ok());
  EXPECT_EQ(t.requests().back().idempotent, true);
  t.push(200, kSendOk);
  EXPECT_TRUE(c.messages().send("1065", kHello).ok());
  EXPECT_EQ(t.requests().back().idempotent, false);
}

TEST_F(RetryLoop, FormatFallbackIsNotARetryButCountsInAttempts) {
  auto o = options();
  o.format_policy = whatsapp::FormatPolicy::kNewThenOld;
  o.retry.max_attempts = 2;
  auto c = client(o);
  t.push(404, R"({"message":"Not Found"})").push(503, kGraph503).push(503, kGraph503);
  auto r = read(c);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().attempts(), 3);
  EXPECT_EQ(r.error().url_format(), whatsapp::UrlFormat::kOld);
  EXPECT_EQ(time.sleeps(), (std::vector<ms>{ms(500)}));
}

TEST_F(RetryLoop, InvalidArgumentsAreNeverSent) {
  auto c = client(options());
  auto r = c.messages().send("1065", Message::text("", "hi"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(t.request_count(), 0u);
}

TEST_F(RetryLoop, ResponseSizeCapTravelsWithTheRequest) {
  auto o = options();
  o.max_response_bytes = 4096;
  auto c = client(o);
  t.push(200, kSendOk);
  ASSERT_TRUE(c.messages().send("1065", kHello).ok());
  EXPECT_EQ(t.last_request().max_response_bytes, 4096u);
}

}  // namespace retry_test
