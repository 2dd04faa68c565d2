// The typed calls whose Graph request is not LowCodeAPI's path under another base: deleting a
// template (Meta: on the account, by name and hsm_id) and analytics (Meta: a field expansion of
// the account), and what each does over LowCodeAPI.

#include <gtest/gtest.h>

#include <string>

#include "whatsapp/client/client.hpp"
#include "whatsapp/transport/fake.hpp"

namespace graph_typed_requests_test {

using whatsapp::ErrorKind;
using whatsapp::HttpMethod;
using whatsapp::transport::FakeTransport;

const std::string kBase = "https://graph.example.test";

whatsapp::ClientOptions graph_options() {
  auto o = whatsapp::ClientOptions::graph("EAAGtypedRequestsT0ken");
  o.base_url = kBase;
  return o;
}

whatsapp::ClientOptions lowcodeapi_options() {
  whatsapp::ClientOptions o;
  o.base_url = "https://lowcodeapi.example.test/whatsapp";
  o.api_token = "at_typed_requests";
  return o;
}

TEST(GraphTypedRequests, DeletingATemplateIsMetasRequestOnTheAccount) {
  FakeTransport t;
  t.push(200, R"({"success":true})");
  whatsapp::Client<FakeTransport> c(graph_options(), t);
  auto r = c.templates().remove("2020000000002", "order_ready", "4040000000004");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_EQ(t.request_count(), 1u);
  EXPECT_EQ(t.last_request().method, HttpMethod::kDelete);
  EXPECT_EQ(t.last_request().url,
            kBase + "/v22.0/2020000000002/message_templates?name=order_ready&hsm_id=4040000000004");

  t.push(200, R"({"success":true})");  // by name only: every language of it
  ASSERT_TRUE(c.templates().remove("2020000000002", "order_ready").ok());
  EXPECT_EQ(t.last_request().url, kBase + "/v22.0/2020000000002/message_templates?name=order_ready");

  // By id alone Graph has no request: refused before anything is sent, saying what to call.
  auto by_id = c.templates().remove("4040000000004");
  ASSERT_FALSE(by_id.ok());
  EXPECT_EQ(by_id.error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_NE(by_id.error().message().find("remove(waba_id, name, template_id)"), std::string::npos);
  EXPECT_EQ(c.templates().remove("2020000000002", "").error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(t.request_count(), 2u);
}

TEST(GraphTypedRequests, OverLowCodeApiTheTemplateIsDeletedByItsId) {
  FakeTransport t;
  t.push(200, R"({"data":{"success":true}})");
  whatsapp::Client<FakeTransport> c(lowcodeapi_options(), t);
  ASSERT_TRUE(c.templates().remove("2020000000002", "order_ready", "4040000000004").ok());
  EXPECT_EQ(t.last_request().method, HttpMethod::kDelete);
  EXPECT_EQ(t.last_request().url,
            "https://lowcodeapi.example.test/whatsapp/v22.0/4040000000004?api_token=at_typed_requests");
  auto no_id = c.templates().remove("2020000000002", "order_ready");
  EXPECT_EQ(no_id.error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(t.request_count(), 1u);
}

TEST(GraphTypedRequests, AnalyticsIsAFieldExpansionOfTheAccount) {
  FakeTransport t;
  t.push(200, R"({"analytics":{"phone_numbers":["16505550111"],"granularity":"DAY",)"
              R"("data_points":[{"start":1765000000,"end":1765086400,"sent":3,"delivered":2}]},)"
              R"("id":"2020000000002"})");
  whatsapp::Client<FakeTransport> c(graph_options(), t);
  whatsapp::AnalyticsQuery q;
  q.start = 1765000000;
  q.end = 1765086400;
  q.granularity = whatsapp::Granularity::kDay;
  q.phone_numbers = {"16505550111"};
  auto a = c.analytics().get("2020000000002", q);
  ASSERT_TRUE(a.ok()) << a.error().to_string();
  ASSERT_EQ(a->data_points.size(), 1u);
  EXPECT_EQ(a->data_points[0].sent, 3);
  EXPECT_EQ(t.last_request().method, HttpMethod::kGet);
  // fields=analytics.start(1765000000).end(1765086400).granularity(DAY).phone_numbers(["16505550111"])
  EXPECT_EQ(t.last_request().url,
            kBase +
                "/v22.0/2020000000002?fields=analytics.start%281765000000%29.end%"
                "281765086400%29.granularity%28DAY%29.phone_numbers%28%5B%2216505550111%"
                "22%5D%29");
}

}  // namespace graph_typed_requests_test
