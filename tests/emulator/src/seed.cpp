// The initial account: phone numbers, templates, conversations, profile defaults.
#include "state.hpp"
#include "util.hpp"

namespace whatsapp_emulator {

namespace {

json tmpl(const std::string& id, const std::string& name, const std::string& category,
          const std::string& status, json components) {
  return {{"id", id},
          {"name", name},
          {"language", "en_US"},
          {"status", status},
          {"category", category},
          {"parameter_format", "POSITIONAL"},
          {"components", std::move(components)}};
}

}  // namespace

void State::seed() {
  // Phone numbers of the WABA (fixture phone_numbers_list.json / phone_number.json).
  json& a = phone("106853218861309");
  a["display_phone_number"] = "+1 555-555-5555";
  a["verified_name"] = "Jaspers Market";
  json& b = phone("1906385232743451");
  b["display_phone_number"] = "+1 631-555-5555";
  b["verified_name"] = "Jasper's Market";
  b["is_official_business_account"] = true;
  json& c = phone("1913623884432103");
  c["display_phone_number"] = "+1 631-555-5556";
  c["verified_name"] = "Jasper's Ice Cream";
  c["status"] = "PENDING";
  c["quality_rating"] = "UNKNOWN";
  c["code_verification_status"] = "NOT_VERIFIED";
  c["account_mode"] = "SANDBOX";
  c["messaging_limit_tier"] = "TIER_50";

  templates_.push_back(
      tmpl("1192339204654487", "hello_world", "MARKETING", "APPROVED",
           json::array({{{"type", "HEADER"}, {"format", "TEXT"}, {"text", "Hello World"}},
                        {{"type", "BODY"},
                         {"text",
                          "Welcome and congratulations!! This message demonstrates your "
                          "ability to send a message notification from WhatsApp Business "
                          "Platform's Cloud API. Thank you for taking the time to test with us."}},
                        {{"type", "FOOTER"}, {"text", "WhatsApp Business API Team"}}})));
  templates_.push_back(tmpl(
      "920070352646140", "2023_april_promo", "MARKETING", "APPROVED",
      json::array({{{"type", "HEADER"}, {"format", "TEXT"}, {"text", "Fall Sale"}},
                   {{"type", "BODY"},
                    {"text",
                     "Hi {{1}}, our Fall Sale is on! Use promo code {{2}} Get an extra "
                     "25% off every order above $350!"},
                    {"example", {{"body_text", json::array({json::array({"Mark", "FALL25"})})}}}},
                   {{"type", "FOOTER"}, {"text", "Not interested in any of our sales? Tap Stop Promotions"}},
                   {{"type", "BUTTONS"},
                    {"buttons", json::array({{{"type", "QUICK_REPLY"}, {"text", "Stop promotions"}}})}}})));
  templates_.push_back(
      tmpl("1689556908129832", "order_update", "UTILITY", "PENDING",
           json::array({{{"type", "BODY"},
                         {"text", "Your order {{1}} has shipped and will arrive on {{2}}."},
                         {"example", {{"body_text", json::array({json::array({"#1234", "Monday"})})}}}}})));

  conversations_.push_back({{"id", "7270432eae37498234f4444b35ffc5"},
                            {"phone_number_id", "106853218861309"},
                            {"user_id", "16505551234"},
                            {"origin", {{"type", "service"}}},
                            {"expiration_timestamp", std::to_string(util::now_epoch() + 86400)},
                            {"unread_count", 2}});
  conversations_.push_back({{"id", "3c3b1e7f3a2d4f0b9c8e6a5d4c3b2a19"},
                            {"phone_number_id", "106853218861309"},
                            {"user_id", "16315551181"},
                            {"origin", {{"type", "marketing"}}},
                            {"expiration_timestamp", std::to_string(util::now_epoch() + 86400)},
                            {"unread_count", 0}});
}

}  // namespace whatsapp_emulator
