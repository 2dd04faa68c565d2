// analytics(): query parameters in both URL formats, typed data points out.
// (No shared fixture belongs to this endpoint; the answer follows Meta's analytics reference.)

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api_test_support.hpp"

namespace api_analytics_test {

using whatsapp::HttpMethod;
using whatsapp::transport::FakeTransport;
using whatsapp_test::api_options;
using whatsapp_test::FakeClient;
using whatsapp_test::in_both_formats;
using whatsapp_test::kBase;
using json = nlohmann::json;

TEST(AnalyticsApi, QueryAndDataPoints) {
  const json answer{{"analytics",
                     {{"phone_numbers", {"16505550111"}},
                      {"granularity", "DAY"},
                      {"data_points",
                       {{{"start", 1543536000}, {"end", 1543622400}, {"sent", 196093}, {"delivered", 179715}},
                        {{"start", "1543622400"}, {"end", 1543708800}, {"sent", 0}, {"delivered", 0}}}}}},
                    {"id", "102290129340398"}};
  whatsapp::AnalyticsQuery q;
  q.start = 1543536000;
  q.end = 1543708800;
  q.granularity = whatsapp::Granularity::kDay;
  q.phone_numbers = {"16505550111"};
  q.metric_types = {"SENT", "DELIVERED"};
  auto reqs = in_both_formats(answer, [&](const FakeClient& c) {
    auto r = c.analytics().get("102290129340398", q);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->granularity, "DAY");
    EXPECT_EQ(r->phone_numbers, (std::vector<std::string>{"16505550111"}));
    ASSERT_EQ(r->data_points.size(), 2u);
    EXPECT_EQ(r->data_points[0].start, 1543536000);
    EXPECT_EQ(r->data_points[0].end, 1543622400);
    EXPECT_EQ(r->data_points[0].sent, 196093);
    EXPECT_EQ(r->data_points[0].delivered, 179715);
    EXPECT_EQ(r->data_points[1].start, 1543622400);
  });
  EXPECT_EQ(reqs.new_format.method, HttpMethod::kGet);
  const std::string query =
      "start=1543536000&end=1543708800&granularity=DAY&phone_numbers=%5B%2216505550111%22%5D&metric_types=%"
      "5B%22SENT%22%2C%22DELIVERED%22%5D";
  EXPECT_EQ(reqs.new_format.url, kBase + "/102290129340398/analytics?api_token=tok&" + query);
  EXPECT_EQ(reqs.old_format.url, kBase +
                                     "/whatsapp_business_account_id/"
                                     "analytics?WHATSAPP_BUSINESS_ACCOUNT_ID=102290129340398&api_token=tok&" +
                                     query);
}

TEST(AnalyticsApi, EndMustFollowStart) {
  FakeTransport t;
  FakeClient client(api_options(), t);
  whatsapp::AnalyticsQuery q;
  q.start = 10;
  q.end = 10;
  EXPECT_EQ(client.analytics().get("w", q).error().field(), "end");
  EXPECT_EQ(t.request_count(), 0u);
  q.end = 20;
  // An answer without data points (a range with no traffic) has none; it used to be a kParse
  // error "may have been processed" for a read.
  t.push(200, R"({"data":{"analytics":{}}})");
  auto none = client.analytics().get("w", q);
  ASSERT_TRUE(none.ok()) << none.error().to_string();
  EXPECT_TRUE(none->data_points.empty());
  t.push(200, R"({"data":{"id":"102290129340398"}})");
  ASSERT_TRUE(client.analytics().get("w", q).ok());
  t.push(200, R"({"data":[]})");  // not an object: still refused
  EXPECT_EQ(client.analytics().get("w", q).error().kind(), whatsapp::ErrorKind::kParse);
}

// Meta types phone_numbers "list<numeric string>" and its example gives numbers.
TEST(AnalyticsApi, PhoneNumbersGivenAsNumbersAreKept) {
  FakeTransport t;
  FakeClient client(api_options(), t);
  t.push(200, R"({"data":{"analytics":{"phone_numbers":[16505550111,"16505550112"],"granularity":"DAY",)"
              R"("data_points":[{"start":1543536000,"end":1543622400,"sent":3,"delivered":2}]}}})");
  whatsapp::AnalyticsQuery q;
  q.start = 1543536000;
  q.end = 1543622400;
  auto r = client.analytics().get("102290129340398", q);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->phone_numbers, (std::vector<std::string>{"16505550111", "16505550112"}));
}

}  // namespace api_analytics_test
