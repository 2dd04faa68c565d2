// Who refused, over curl against the emulator (issue 12, item 4): LowCodeAPI's own token check,
// a route served in neither URL format (remembered: one request per call), and the self-hosted
// server's Retry-After inside the body. The fault matrix has one row per self-hosted answer.

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "emulator_fixture.hpp"

namespace refusals_test {

using whatsapp::ErrorCategory;
using whatsapp::ErrorSource;
using whatsapp_emulator::Fault;
using whatsapp_test::kPhoneId;

class Refusals : public whatsapp_test::EmulatorTest {};

TEST_F(Refusals, AWrongApiTokenIsLowCodeApisAuthorizationRefusal) {
  start();
  auto o = client_options();
  o.api_token = "at_not_the_emulators_token_7777";
  whatsapp::Client<> client(o);
  auto r = client.phone_numbers().get(kPhoneId);
  ASSERT_FALSE(r.ok());
  const auto& e = r.error();
  EXPECT_EQ(e.category(), ErrorCategory::kAuthorization) << e.to_string();
  EXPECT_EQ(e.source(), ErrorSource::kLowCodeApi);
  EXPECT_EQ(e.http_status(), 401);
  EXPECT_EQ(e.attempts(), 1);  // not retried
  EXPECT_NE(e.to_string().find("api_token"), std::string::npos) << e.to_string();
  EXPECT_EQ(e.to_string().find("7777"), std::string::npos) << e.to_string();
}

TEST_F(Refusals, ARouteServedInNeitherFormatCostsOneRequestPerCallAfterTheFirst) {
  start();
  Fault missing;
  missing.kind = "route_missing";
  missing.count = 3;  // the first call's New and Old request, and the second call's
  emulator().set_faults({missing});
  auto client = this->client();  // FormatPolicy::kNewThenOld

  auto first = client.phone_numbers().get(kPhoneId);
  ASSERT_FALSE(first.ok());
  EXPECT_EQ(emulator().stats().requests, 2);
  EXPECT_NE(first.error().message().find("in neither URL format"), std::string::npos)
      << first.error().message();

  auto second = client.phone_numbers().get(kPhoneId);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(emulator().stats().requests, 3);  // one request, not two
  EXPECT_EQ(second.error().attempts(), 1);

  // The server serves the route again: the first answer confirms the format at once.
  auto third = client.phone_numbers().get(kPhoneId);
  ASSERT_TRUE(third.ok()) << third.error().to_string();
  EXPECT_EQ(emulator().stats().requests, 4);
  EXPECT_EQ(client.confirmed_format(whatsapp::RouteId::kGetPhoneNumber), whatsapp::UrlFormat::kNew);
}

TEST_F(Refusals, TheSelfHostedRetryAfterInTheBodyIsWaitedFor) {
  whatsapp_emulator::Options eo;
  eo.envelope = whatsapp_emulator::Envelope::kResult;
  start(eo);
  Fault throttled;
  throttled.kind = "selfhosted_429";
  throttled.retry_after = "3";
  emulator().set_faults({throttled});
  std::mutex m;
  std::vector<std::chrono::milliseconds> sleeps;
  auto o = client_options();
  o.format_policy = whatsapp::FormatPolicy::kNewOnly;
  o.time.sleep = [&](std::chrono::milliseconds d) {
    std::lock_guard<std::mutex> lock(m);
    sleeps.push_back(d);
  };
  whatsapp::Client<> client(o);
  auto r = client.messages().send(kPhoneId, whatsapp::Message::text(whatsapp_test::kRecipient, "after 3 s"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  std::lock_guard<std::mutex> lock(m);
  EXPECT_EQ(sleeps, (std::vector<std::chrono::milliseconds>{std::chrono::seconds(3)}));
  EXPECT_EQ(emulator().processed_messages().size(), 1u);
}

}  // namespace refusals_test
