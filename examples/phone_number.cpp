// Prints what WhatsApp knows about the business phone number.
// Settings from the environment, see example_env.hpp.

#include <iostream>
#include <string>

#include "example_env.hpp"

int main() {
  const std::string phone_number_id = example::require_env("WHATSAPP_PHONE_NUMBER_ID");
  whatsapp::Client<> client(example::client_options());

  auto phone = client.phone_numbers().get(phone_number_id, {"display_phone_number", "verified_name",
                                                            "quality_rating", "code_verification_status"});
  if (!phone) return example::fail("get phone number", phone.error());

  std::cout << "phone number " << phone->id << "\n"
            << "  display:       " << phone->display_phone_number << "\n"
            << "  verified name: " << phone->verified_name << "\n"
            << "  quality:       " << phone->quality_rating << "\n"
            << "  verification:  " << phone->code_verification_status << "\n"
            << "URL format that worked: "
            << example::format_name(client.confirmed_format(whatsapp::RouteId::kGetPhoneNumber)) << "\n";
  return 0;
}
