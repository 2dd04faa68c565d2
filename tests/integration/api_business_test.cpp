// Business profile, compliance info and the business account against the emulator.

#include <gtest/gtest.h>

#include "api_fixture.hpp"

namespace api_business_test {

using whatsapp_test::ApiEmulatorTest;
using whatsapp_test::kPhone;
using whatsapp_test::kWaba;

using BusinessEmulator = ApiEmulatorTest;

TEST_F(BusinessEmulator, ProfileRoundTrip) {
  auto b = client->business();
  auto before = b.get_profile(kPhone);
  ASSERT_TRUE(before.ok()) << before.error().to_string();
  EXPECT_EQ(before->vertical, "RETAIL");
  whatsapp::BusinessProfileUpdate u;
  u.about = "Open 9 to 5";
  u.websites = std::vector<std::string>{"https://shop.example"};
  ASSERT_TRUE(b.update_profile(kPhone, u).ok());
  auto after = b.get_profile(kPhone, {"about", "websites"});
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->about, "Open 9 to 5");
  EXPECT_EQ(after->websites, (std::vector<std::string>{"https://shop.example"}));
  u.vertical = "NOT_A_VERTICAL";
  EXPECT_EQ(b.update_profile(kPhone, u).error().kind(), whatsapp::ErrorKind::kApi);
}

TEST_F(BusinessEmulator, ComplianceAndAccount) {
  auto b = client->business();
  whatsapp::ComplianceInfo info;
  info.entity_name = "Lucky Shrub";
  info.is_registered = false;
  ASSERT_TRUE(b.update_compliance_info(kPhone, info).ok());
  auto got = b.get_compliance_info(kPhone);
  ASSERT_TRUE(got.ok()) << got.error().to_string();
  EXPECT_EQ(got->entity_name, "Lucky Shrub");
  EXPECT_EQ(got->is_registered, false);
  auto account = b.get_account(kWaba, {"name", "currency"});
  ASSERT_TRUE(account.ok()) << account.error().to_string();
  EXPECT_EQ(account->id, kWaba);
  EXPECT_EQ(account->currency, "USD");
  auto where = b.get_account(kWaba, {"country", "ownership_type", "primary_business_location"});
  ASSERT_TRUE(where.ok()) << where.error().to_string();
  EXPECT_EQ(where->country, "US");
  EXPECT_EQ(where->ownership_type, "SELF");
  EXPECT_EQ(where->primary_business_location, "US");
}

}  // namespace api_business_test
