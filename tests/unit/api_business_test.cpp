// business(): profile (both answer shapes), update profile, compliance info, business account.
//
// Fixtures: business_profile_response_flat, business_profile_response_nested,
// business_profile_update_request, business_profile_update_response.

#include <gtest/gtest.h>

#include <string>

#include "api_test_support.hpp"

namespace api_business_test {

using whatsapp::HttpMethod;
using whatsapp::transport::FakeTransport;
using whatsapp_test::api_options;
using whatsapp_test::FakeClient;
using whatsapp_test::in_both_formats;
using whatsapp_test::in_data_envelope;
using whatsapp_test::kBase;
using whatsapp_test::read_json;
using json = nlohmann::json;

TEST(BusinessApi, GetProfileFlatShape) {
  auto reqs =
      in_both_formats(read_json("fixtures/business_profile_response_flat.json"), [](const FakeClient& c) {
        auto p = c.business().get_profile("106540352242922", {"about", "websites"});
        ASSERT_TRUE(p.ok()) << p.error().to_string();
        EXPECT_EQ(p->about, "Sourdough and pastries, baked daily");
        EXPECT_EQ(p->address, "12 Harbor Lane, Portsmouth, NH 03801");
        EXPECT_EQ(p->description, "A neighbourhood bakery by the harbour since 2009.");
        EXPECT_EQ(p->email, "hello@harborlane.example.com");
        EXPECT_EQ(p->profile_picture_url, "https://media.example.com/profile/harbor-lane.jpg");
        EXPECT_EQ(p->websites, (std::vector<std::string>{"https://harborlane.example.com",
                                                         "https://example.org/harbor-lane"}));
        EXPECT_EQ(p->vertical, "RESTAURANT");
        EXPECT_EQ(p->messaging_product, "whatsapp");
      });
  EXPECT_EQ(reqs.new_format.method, HttpMethod::kGet);
  EXPECT_EQ(reqs.new_format.url,
            kBase + "/106540352242922/whatsapp_business_profile?api_token=tok&fields=about%2Cwebsites");
  EXPECT_EQ(reqs.old_format.url, kBase +
                                     "/from_phone_number_id/"
                                     "whatsapp_business_profile?FROM_PHONE_NUMBER_ID=106540352242922&api_"
                                     "token=tok&fields=about%2Cwebsites");
}

TEST(BusinessApi, GetProfileNestedShape) {
  FakeTransport t;
  t.push(200, in_data_envelope(read_json("fixtures/business_profile_response_nested.json")));
  FakeClient client(api_options(), t);
  auto p = client.business().get_profile("1");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->about, "Fresh bread every morning");
  EXPECT_EQ(p->vertical, "FOOD_GROC");
  EXPECT_EQ(p->websites.size(), 2u);
  EXPECT_EQ(t.last_request().url, kBase + "/1/whatsapp_business_profile?api_token=tok");
  t.push(200, in_data_envelope({{"data", json::array()}}));
  EXPECT_EQ(client.business().get_profile("1").error().kind(), whatsapp::ErrorKind::kParse);
}

TEST(BusinessApi, UpdateProfileSendsOnlyWhatIsSet) {
  whatsapp::BusinessProfileUpdate u;
  u.description = "Open 7 to 3, closed on Mondays";
  u.email = "orders@harborlane.example.com";
  auto reqs = in_both_formats(
      read_json("fixtures/business_profile_update_response.json"),
      [&](const FakeClient& c) { ASSERT_TRUE(c.business().update_profile("106540352242922", u).ok()); });
  EXPECT_EQ(reqs.new_format.method, HttpMethod::kPost);
  EXPECT_EQ(reqs.new_format.url, kBase + "/106540352242922/whatsapp_business_profile?api_token=tok");
  EXPECT_EQ(reqs.old_format.url,
            kBase +
                "/from_phone_number_id/"
                "whatsapp_business_profile?FROM_PHONE_NUMBER_ID=106540352242922&api_token=tok");
  EXPECT_EQ(json::parse(reqs.new_format.body), read_json("fixtures/business_profile_update_request.json"));
  u.websites = std::vector<std::string>{"https://a.example"};
  EXPECT_EQ(json(u)["websites"], json::array({"https://a.example"}));
}

TEST(BusinessApi, ComplianceInfo) {
  const json info{
      {"messaging_product", "whatsapp"},
      {"entity_name", "Lucky Shrub"},
      {"entity_type", "PRIVATE_COMPANY"},
      {"is_registered", true},
      {"grievance_officer_details",
       {{"name", "Chandravati P."}, {"email", "g@example.com"}, {"mobile_number", "+913235556789"}}},
      {"customer_care_details", {{"email", "care@example.com"}, {"landline_number", "+911234567890"}}},
      {"whatsapp_business_account_id", "102290129340398"}};
  auto get = in_both_formats(json{{"data", json::array({info})}}, [&](const FakeClient& c) {
    auto r = c.business().get_compliance_info("106540352242922");
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->entity_name, "Lucky Shrub");
    EXPECT_EQ(r->is_registered, true);
    EXPECT_EQ(r->grievance_officer_details->name, "Chandravati P.");
    EXPECT_EQ(r->customer_care_details->landline_number, "+911234567890");
    EXPECT_FALSE(r->customer_care_details->mobile_number.has_value());
    EXPECT_EQ(r->whatsapp_business_account_id, "102290129340398");
  });
  EXPECT_EQ(get.new_format.method, HttpMethod::kGet);
  EXPECT_EQ(get.new_format.url, kBase + "/106540352242922/business_compliance_info?api_token=tok");
  EXPECT_EQ(get.old_format.url,
            kBase +
                "/from_phone_number_id/"
                "business_compliance_info?FROM_PHONE_NUMBER_ID=106540352242922&api_token=tok");

  whatsapp::ComplianceInfo update;
  update.entity_name = "Lucky Shrub";
  update.entity_type = "PRIVATE_COMPANY";
  update.is_registered = true;
  update.grievance_officer_details =
      whatsapp::ComplianceContact{"Chandravati P.", "g@example.com", std::nullopt, "+913235556789"};
  update.customer_care_details =
      whatsapp::ComplianceContact{std::nullopt, "care@example.com", "+911234567890", std::nullopt};
  update.whatsapp_business_account_id = "102290129340398";
  auto post = in_both_formats({{"success", true}}, [&](const FakeClient& c) {
    ASSERT_TRUE(c.business().update_compliance_info("106540352242922", update).ok());
  });
  EXPECT_EQ(post.new_format.method, HttpMethod::kPost);
  EXPECT_EQ(post.new_format.url, kBase + "/106540352242922/business_compliance_info?api_token=tok");
  EXPECT_EQ(post.old_format.url,
            kBase +
                "/from_phone_number_id/"
                "business_compliance_info?FROM_PHONE_NUMBER_ID=106540352242922&api_token=tok");
  json sent = info;
  sent.erase("whatsapp_business_account_id");  // read only: returned by Meta, never sent
  EXPECT_EQ(json::parse(post.new_format.body), sent);
}

TEST(BusinessApi, ComplianceInfoOfAnEntityTypeOtherSpellsItAsMetaDoes) {
  // Meta's field for a type outside its list is entity_type_custom, read and written as such.
  const json info{{"messaging_product", "whatsapp"},
                  {"entity_name", "Shrub Cooperative"},
                  {"entity_type", "OTHER"},
                  {"entity_type_custom", "Cooperative society"},
                  {"is_registered", false}};
  in_both_formats(json{{"data", json::array({info})}}, [&](const FakeClient& c) {
    auto r = c.business().get_compliance_info("106540352242922");
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->entity_type, "OTHER");
    EXPECT_EQ(r->entity_type_custom, "Cooperative society");
  });
  whatsapp::ComplianceInfo update;
  update.entity_name = "Shrub Cooperative";
  update.entity_type = "OTHER";
  update.entity_type_custom = "Cooperative society";
  update.is_registered = false;
  auto post = in_both_formats({{"success", true}}, [&](const FakeClient& c) {
    ASSERT_TRUE(c.business().update_compliance_info("106540352242922", update).ok());
  });
  EXPECT_EQ(json::parse(post.new_format.body), info);
}

TEST(BusinessApi, BusinessAccount) {
  const json account{{"id", "102290129340398"},
                     {"name", "Lucky Shrub"},
                     {"currency", "USD"},
                     {"timezone_id", "1"},
                     {"message_template_namespace", "c8ae5f90_307a_ca4c_b8f6_d1e2a2573ed4"},
                     {"country", "US"},
                     {"ownership_type", "CLIENT_OWNED"},
                     {"primary_business_location", "US"}};
  auto reqs = in_both_formats(account, [&](const FakeClient& c) {
    auto r = c.business().get_account("102290129340398", {"name", "currency"});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->id, "102290129340398");
    EXPECT_EQ(r->name, "Lucky Shrub");
    EXPECT_EQ(r->currency, "USD");
    EXPECT_EQ(r->timezone_id, "1");
    EXPECT_EQ(r->message_template_namespace, "c8ae5f90_307a_ca4c_b8f6_d1e2a2573ed4");
    EXPECT_EQ(r->country, "US");
    EXPECT_EQ(r->ownership_type, "CLIENT_OWNED");
    EXPECT_EQ(r->primary_business_location, "US");
  });
  EXPECT_EQ(reqs.new_format.method, HttpMethod::kGet);
  EXPECT_EQ(reqs.new_format.url, kBase + "/102290129340398?api_token=tok&fields=name%2Ccurrency");
  EXPECT_EQ(reqs.old_format.url, kBase +
                                     "/whatsapp_business_account_id?WHATSAPP_BUSINESS_ACCOUNT_ID="
                                     "102290129340398&api_token=tok&fields=name%2Ccurrency");
  // The id and timezone_id as JSON numbers read as the same text.
  FakeTransport t;
  FakeClient client(api_options(), t);
  t.push(200, in_data_envelope({{"id", 102290129340398}, {"timezone_id", 1}}));
  auto numeric = client.business().get_account("102290129340398");
  ASSERT_TRUE(numeric.ok()) << numeric.error().to_string();
  EXPECT_EQ(numeric->id, "102290129340398");
  EXPECT_EQ(numeric->timezone_id, "1");
}

}  // namespace api_business_test
