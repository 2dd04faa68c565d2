// Phone number and business administration: list the account's numbers, read one, read and
// update the business profile, set the two-step PIN.
//
//   phone_admin [new-6-digit-pin]   (without a PIN, the PIN is left unchanged)

#include <iostream>
#include <string>

#include "example_env.hpp"

int main(int argc, char** argv) {
  const example::Settings s;
  if (!s.require({{example::kTokenNames, &s.token},
                  {"WHATSAPP_BUSINESS_ACCOUNT_ID", &s.waba_id},
                  {"WHATSAPP_PHONE_NUMBER_ID", &s.phone_number_id}})) {
    return 2;
  }
  whatsapp::Client<> client(s.client_options());

  // 1. Every number of the business account, page by page.
  for (auto& number : client.phone_numbers().list_all(s.waba_id)) {
    if (!number) return example::fail("list phone numbers", number.error());
    std::cout << "number " << number->id << " " << number->display_phone_number << " ("
              << number->verified_name << "), quality " << number->quality_rating << "\n";
  }

  // 2. One number in detail.
  auto phone = client.phone_numbers().get(s.phone_number_id, {"display_phone_number", "verified_name",
                                                              "code_verification_status", "quality_rating"});
  if (!phone) return example::fail("get phone number", phone.error());
  std::cout << "sending number " << phone->display_phone_number << ": verification "
            << phone->code_verification_status << "\n";

  // 3. The business profile, then a change to its "about" text.
  auto profile = client.business().get_profile(s.phone_number_id);
  if (!profile) return example::fail("get business profile", profile.error());
  std::cout << "profile: about \"" << profile->about << "\", vertical " << profile->vertical << "\n";
  whatsapp::BusinessProfileUpdate update;
  update.about = "Open every day, 9 to 5";
  if (auto r = client.business().update_profile(s.phone_number_id, update); !r) {
    return example::fail("update business profile", r.error());
  }
  std::cout << "updated the profile's about text\n";

  // 4. Two-step verification PIN, when one was given.
  if (argc > 1) {
    if (auto r = client.phone_numbers().set_two_step_pin(s.phone_number_id, argv[1]); !r) {
      return example::fail("set two-step PIN", r.error());
    }
    std::cout << "two-step verification PIN set\n";
  }
  return 0;
}
