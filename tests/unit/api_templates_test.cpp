// templates(): create (with components), list with filters, list_all across pages (after
// cursors through the proxy, never paging.next), get, delete; both URL formats.
//
// Fixtures: template_create_request, template_create_auth_otp_request,
// template_create_response, templates_list_response, template_response,
// paging_with_next_example.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api_test_support.hpp"

namespace api_templates_test {

using whatsapp::ErrorKind;
using whatsapp::HttpMethod;
using whatsapp::NewTemplate;
using whatsapp::TemplateButtonDef;
using whatsapp::TemplateComponentDef;
using whatsapp::transport::FakeTransport;
using whatsapp_test::api_options;
using whatsapp_test::FakeClient;
using whatsapp_test::in_both_formats;
using whatsapp_test::in_data_envelope;
using whatsapp_test::kBase;
using whatsapp_test::read_json;
using json = nlohmann::json;

NewTemplate seasonal_promotion() {
  NewTemplate t;
  t.name = "spring_bake_sale";
  t.language = "en";
  t.category = "MARKETING";
  TemplateButtonDef promos;
  promos.type = "QUICK_REPLY";
  promos.text = "Fewer offers";
  TemplateButtonDef all = promos;
  all.text = "No offers";
  t.components = {
      TemplateComponentDef::header_text("The {{1}} bake sale starts today")
          .with_example(whatsapp::TemplateExample::header("Spring")),
      TemplateComponentDef::body("Until {{1}}, show code {{2}} at the counter for {{3}} off any loaf.")
          .with_example(whatsapp::TemplateExample::body({"Saturday", "RYE15", "15%"})),
      TemplateComponentDef::footer("Reply STOP to hear less from us"),
      TemplateComponentDef::button_list({promos, all})};
  return t;
}

TEST(TemplatesApi, CreateMatchesMetasExample) {
  auto reqs = in_both_formats(read_json("fixtures/template_create_response.json"), [](const FakeClient& c) {
    auto r = c.templates().create("102290129340398", seasonal_promotion());
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->id, "902215573300418");
    EXPECT_EQ(r->status, "PENDING");
    EXPECT_EQ(r->category, "MARKETING");
  });
  EXPECT_EQ(reqs.new_format.method, HttpMethod::kPost);
  EXPECT_EQ(reqs.new_format.url, kBase + "/102290129340398/message_templates?api_token=tok");
  EXPECT_EQ(reqs.old_format.url,
            kBase +
                "/whatsapp_business_account_id/"
                "message_templates?WHATSAPP_BUSINESS_ACCOUNT_ID=102290129340398&api_token=tok");
  EXPECT_EQ(json::parse(reqs.new_format.body), read_json("fixtures/template_create_request.json"));
}

TEST(TemplatesApi, CreateAuthenticationTemplate) {
  NewTemplate t;
  t.name = "login_code_copy";
  t.language = "en_GB";
  t.category = "AUTHENTICATION";
  TemplateComponentDef body;
  body.type = "BODY";
  body.add_security_recommendation = true;
  TemplateComponentDef footer;
  footer.type = "FOOTER";
  footer.code_expiration_minutes = 5;
  TemplateButtonDef otp;
  otp.type = "OTP";
  otp.otp_type = "COPY_CODE";
  otp.text = "Copy your code";
  t.components = {body, footer, TemplateComponentDef::button_list({otp})};
  EXPECT_EQ(json(t), read_json("fixtures/template_create_auth_otp_request.json"));
  EXPECT_TRUE(validate(t).ok());
}

TEST(TemplatesApi, CreateIsValidatedFirst) {
  FakeTransport t;
  FakeClient client(api_options(), t);
  auto bad = seasonal_promotion();
  bad.name = "Seasonal Promo";
  EXPECT_EQ(client.templates().create("1", bad).error().field(), "name");
  bad = seasonal_promotion();
  bad.components.erase(bad.components.begin() + 1);
  EXPECT_EQ(client.templates().create("1", bad).error().field(), "components");
  EXPECT_EQ(t.request_count(), 0u);
}

TEST(TemplatesApi, ListWithFiltersParsesThePage) {
  auto reqs = in_both_formats(read_json("fixtures/templates_list_response.json"), [](const FakeClient& c) {
    whatsapp::TemplateFilter f;
    f.fields = {"name", "status", "components"};
    f.limit = 2;
    f.name = "promo";
    f.status = "APPROVED";
    auto r = c.templates().list("102290129340398", f);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    ASSERT_EQ(r->items.size(), 2u);
    EXPECT_EQ(r->items[0].name, "hello_world");
    EXPECT_EQ(r->items[0].previous_category, "ACCOUNT_UPDATE");
    EXPECT_EQ(r->items[0].components.size(), 3u);
    EXPECT_EQ(r->items[0].components[0].format, "TEXT");
    EXPECT_EQ(r->items[1].id, "902215573300419");
    EXPECT_EQ(r->items[1].components[3].buttons[0].text, "No more offers");
    EXPECT_EQ(r->after, "QUZURVJfMDAwMjQ=");
    EXPECT_EQ(r->before, "QkVGT1JFXzAwMDAx");
    EXPECT_FALSE(r->has_next);
  });
  EXPECT_EQ(reqs.new_format.method, HttpMethod::kGet);
  EXPECT_EQ(reqs.new_format.url, kBase +
                                     "/102290129340398/"
                                     "message_templates?api_token=tok&fields=name%2Cstatus%2Ccomponents&"
                                     "limit=2&name=promo&status=APPROVED");
  EXPECT_EQ(reqs.old_format.url,
            kBase +
                "/whatsapp_business_account_id/"
                "message_templates?WHATSAPP_BUSINESS_ACCOUNT_ID=102290129340398&api_token=tok&fields=name%"
                "2Cstatus%2Ccomponents&limit=2&name=promo&status=APPROVED");
}

TEST(TemplatesApi, ListAllFollowsAfterCursorsThroughTheProxyNeverNext) {
  FakeTransport t;
  // Page 1 has a "next" pointing at graph.facebook.com: it must not be requested.
  auto page1 = read_json("fixtures/templates_list_response.json");
  page1["paging"]["next"] =
      "https://graph.facebook.com/v22.0/102290129340398/message_templates?after=QUZURVJfMDAwMjQ%3D";
  auto page2 = read_json("fixtures/templates_list_response.json");
  page2["data"] = json::array({read_json("fixtures/template_response.json")});
  page2["data"][0]["id"] = "3";
  page2["paging"] = read_json("fixtures/paging_with_next_example.json")["paging"];
  auto page3 = json{{"data", json::array()}, {"paging", {{"cursors", {{"after", "END"}}}}}};
  t.push(200, in_data_envelope(page1));
  t.push(200, in_data_envelope(page2));
  t.push(200, in_data_envelope(page3));
  FakeClient client(api_options(), t);
  whatsapp::TemplateFilter f;
  f.limit = 2;
  std::vector<std::string> ids;
  for (auto& item : client.templates().list_all("102290129340398", f)) {
    ASSERT_TRUE(item.ok()) << item.error().to_string();
    ids.push_back(item->id);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"902215573300420", "902215573300419", "3"}));
  const auto reqs = t.requests();
  ASSERT_EQ(reqs.size(), 3u);
  EXPECT_EQ(reqs[0].url, kBase + "/102290129340398/message_templates?api_token=tok&limit=2");
  EXPECT_EQ(reqs[1].url,
            kBase + "/102290129340398/message_templates?api_token=tok&limit=2&after=QUZURVJfMDAwMjQ%3D");
  EXPECT_EQ(reqs[2].url,
            kBase + "/102290129340398/message_templates?api_token=tok&limit=2&after=QUZURVJfMDAwMTI%3D");
  for (const auto& r : reqs) EXPECT_EQ(r.url.find("graph.facebook.com"), std::string::npos);
}

TEST(TemplatesApi, ListAllYieldsTheFirstErrorAndStops) {
  FakeTransport t;
  auto page1 = read_json("fixtures/templates_list_response.json");
  page1["paging"]["next"] = "https://graph.facebook.com/next";
  t.push(200, in_data_envelope(page1));
  t.push(400, R"({"data":{"error":{"message":"(#100) Invalid cursor","code":100}}})");
  FakeClient client(api_options(), t);
  int ok = 0;
  int errors = 0;
  for (auto& item : client.templates().list_all("w")) {
    if (item) {
      ++ok;
    } else {
      ++errors;
      EXPECT_EQ(item.error().code(), 100);
    }
  }
  EXPECT_EQ(ok, 2);
  EXPECT_EQ(errors, 1);
  EXPECT_EQ(t.request_count(), 2u);
  // A repeated cursor ends the walk instead of looping.
  t.clear();
  t.push(200, in_data_envelope(page1));
  t.push(200, in_data_envelope(page1));
  auto all = client.templates().list_all("w").collect();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 4u);
  EXPECT_EQ(t.request_count(), 2u);
}

TEST(TemplatesApi, GetAndDelete) {
  auto get = in_both_formats(read_json("fixtures/template_response.json"), [](const FakeClient& c) {
    auto r = c.templates().get("902215573300419", {"name", "components"});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->name, "weekend_bake_sale");
    EXPECT_EQ(r->status, "APPROVED");
    EXPECT_EQ(r->language, "en_US");
    ASSERT_NE(r->component("body"), nullptr);
    EXPECT_EQ(whatsapp::template_placeholders(*r->component("BODY")->text),
              (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(r->component("BODY")->example->body_text[0][1], "RYE15");
    EXPECT_EQ(json(r->components[3]), read_json("fixtures/template_response.json")["components"][3]);
  });
  EXPECT_EQ(get.new_format.method, HttpMethod::kGet);
  EXPECT_EQ(get.new_format.url, kBase + "/902215573300419?api_token=tok&fields=name%2Ccomponents");
  EXPECT_EQ(
      get.old_format.url,
      kBase +
          "/message_template_id?MESSAGE_TEMPLATE_ID=902215573300419&api_token=tok&fields=name%2Ccomponents");

  auto del = in_both_formats(nlohmann::json{{"success", true}}, [](const FakeClient& c) {
    ASSERT_TRUE(c.templates().remove("902215573300419").ok());
  });
  EXPECT_EQ(del.new_format.method, HttpMethod::kDelete);
  EXPECT_EQ(del.new_format.url, kBase + "/902215573300419?api_token=tok");
  EXPECT_EQ(del.old_format.url,
            kBase + "/message_template_id?MESSAGE_TEMPLATE_ID=902215573300419&api_token=tok");
}

}  // namespace api_templates_test
