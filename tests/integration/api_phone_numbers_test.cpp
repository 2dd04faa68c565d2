// Phone numbers through the curl transport against the emulator.

#include <gtest/gtest.h>

#include <set>

#include "api_fixture.hpp"

namespace api_phone_numbers_test {

using whatsapp_test::ApiEmulatorTest;
using whatsapp_test::kPhone;
using whatsapp_test::kWaba;

using PhoneNumbersEmulator = ApiEmulatorTest;

TEST_F(PhoneNumbersEmulator, VerificationRegistrationAndPin) {
  auto pn = client->phone_numbers();
  ASSERT_TRUE(pn.request_code(kPhone, whatsapp::CodeMethod::kSms, "en_US").ok());
  EXPECT_EQ(pn.get(kPhone, {"code_verification_status"})->code_verification_status, "NOT_VERIFIED");
  auto wrong = pn.verify_code(kPhone, "000000");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code(), 136025);
  auto verified = pn.verify_code(kPhone, "123456");
  ASSERT_TRUE(verified.ok()) << verified.error().to_string();
  EXPECT_EQ(verified->id, kPhone);
  EXPECT_EQ(pn.get(kPhone, {"code_verification_status"})->code_verification_status, "VERIFIED");
  ASSERT_TRUE(pn.register_number(kPhone, "123456", whatsapp::RegisterBackup{"data", "pw"}).ok());
  ASSERT_TRUE(pn.set_two_step_pin(kPhone, "654321").ok());
  EXPECT_EQ(pn.get(kPhone, {"is_pin_enabled"})->is_pin_enabled, true);
  ASSERT_TRUE(pn.deregister(kPhone).ok());
  EXPECT_EQ(pn.get(kPhone, {"status"})->status, "DISCONNECTED");
  EXPECT_EQ(pn.exists(kPhone).value(), true);
}

TEST_F(PhoneNumbersEmulator, ListAllPages) {
  whatsapp::PhoneNumberListOptions o;
  o.limit = 2;
  std::set<std::string> ids;
  auto all = client->phone_numbers().list_all(kWaba, o);
  for (auto& n : all) {
    ASSERT_TRUE(n.ok()) << n.error().to_string();
    ids.insert(n->id);
  }
  EXPECT_EQ(ids, (std::set<std::string>{"106853218861309", "1906385232743451", "1913623884432103"}));
  EXPECT_EQ(all.pages_fetched(), 2u);
}

}  // namespace api_phone_numbers_test
