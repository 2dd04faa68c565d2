// phone_numbers(): request code, verify code, get/exists, list (paged), register (migrate),
// deregister, two-step PIN; exact requests in both URL formats and parsed answers.
//
// Fixtures: request_code_request, verify_code_request, verify_code_response, register_request,
// phone_numbers_list, phone_number_default_fields, paging_before_after_example,
// error_100_invalid_parameter.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api_test_support.hpp"

namespace api_phone_numbers_test {

using whatsapp::CodeMethod;
using whatsapp::ErrorKind;
using whatsapp::HttpMethod;
using whatsapp::transport::FakeTransport;
using whatsapp_test::api_options;
using whatsapp_test::FakeClient;
using whatsapp_test::in_both_formats;
using whatsapp_test::in_data_envelope;
using whatsapp_test::kBase;
using whatsapp_test::read_json;
using json = nlohmann::json;

TEST(PhoneNumbersApi, RequestCode) {
  auto reqs = in_both_formats(nlohmann::json{{"success", true}}, [](const FakeClient& c) {
    ASSERT_TRUE(c.phone_numbers().request_code("106540352242922", CodeMethod::kVoice, "pt_BR").ok());
  });
  EXPECT_EQ(reqs.new_format.method, HttpMethod::kPost);
  EXPECT_EQ(reqs.new_format.url, kBase + "/106540352242922/request_code?api_token=tok");
  EXPECT_EQ(reqs.old_format.url,
            kBase + "/from_phone_number_id/request_code?FROM_PHONE_NUMBER_ID=106540352242922&api_token=tok");
  EXPECT_EQ(json::parse(reqs.new_format.body), read_json("fixtures/request_code_request.json"));
  EXPECT_EQ(json::parse(reqs.old_format.body), read_json("fixtures/request_code_request.json"));
  auto voice = in_both_formats({{"success", true}}, [](const FakeClient& c) {
    ASSERT_TRUE(c.phone_numbers().request_code("1", CodeMethod::kVoice, "pt_BR").ok());
  });
  EXPECT_EQ(json::parse(voice.new_format.body), (json{{"code_method", "VOICE"}, {"language", "pt_BR"}}));
}

TEST(PhoneNumbersApi, VerifyCodeAcceptsAnExtraId) {
  auto reqs = in_both_formats(read_json("fixtures/verify_code_response.json"), [](const FakeClient& c) {
    auto r = c.phone_numbers().verify_code("106540352242922", "402716");
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->id, "330187265502941");
  });
  EXPECT_EQ(reqs.new_format.url, kBase + "/106540352242922/verify_code?api_token=tok");
  EXPECT_EQ(reqs.old_format.url,
            kBase + "/from_phone_number_id/verify_code?FROM_PHONE_NUMBER_ID=106540352242922&api_token=tok");
  EXPECT_EQ(json::parse(reqs.new_format.body), read_json("fixtures/verify_code_request.json"));
}

TEST(PhoneNumbersApi, GetAndExists) {
  auto reqs =
      in_both_formats(read_json("fixtures/phone_number_default_fields.json"), [](const FakeClient& c) {
        auto r = c.phone_numbers().get("208811457730912");
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(r->verified_name, "Harbor Lane Bakery");
      });
  EXPECT_EQ(reqs.new_format.url, kBase + "/208811457730912?api_token=tok");
  EXPECT_EQ(reqs.old_format.url,
            kBase + "/from_phone_number_id?FROM_PHONE_NUMBER_ID=208811457730912&api_token=tok");

  FakeTransport t;
  FakeClient client(api_options(), t);
  t.push(200, in_data_envelope({{"id", "1"}}));
  EXPECT_EQ(client.phone_numbers().exists("1").value(), true);
  EXPECT_EQ(t.last_request().url, kBase + "/1?api_token=tok&fields=id");
  const auto unknown = read_json("fixtures/error_100_invalid_parameter.json");
  t.push(400, json{{"data", unknown}}.dump());
  EXPECT_EQ(client.phone_numbers().exists("2").value(), false);
  t.push(403, json{{"data", {{"error", {{"code", 200}, {"message", "no"}}}}}}.dump());
  EXPECT_EQ(client.phone_numbers().exists("3").error().code(), 200);
}

// Ids arrive as strings and, from some sources, as JSON numbers: both read as the same text.
TEST(PhoneNumbersApi, IdsGivenAsNumbersAreRead) {
  FakeTransport t;
  FakeClient client(api_options(), t);
  t.push(200, in_data_envelope({{"id", 106853218861309}, {"verified_name", "Harbor Lane Bakery"}}));
  auto p = client.phone_numbers().get("106853218861309");
  ASSERT_TRUE(p.ok()) << p.error().to_string();
  EXPECT_EQ(p->id, "106853218861309");
  t.push(200, in_data_envelope({{"success", true}, {"id", 330187265502941}}));
  auto v = client.phone_numbers().verify_code("106853218861309", "402716");
  ASSERT_TRUE(v.ok()) << v.error().to_string();
  EXPECT_EQ(v->id, "330187265502941");
}

TEST(PhoneNumbersApi, ListOnePage) {
  auto reqs = in_both_formats(read_json("fixtures/phone_numbers_list.json"), [](const FakeClient& c) {
    whatsapp::PhoneNumberListOptions o;
    o.fields = {"id", "display_phone_number"};
    o.limit = 2;
    o.after = "QVFI";
    auto r = c.phone_numbers().list("102290129340398", o);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    ASSERT_EQ(r->items.size(), 2u);
    EXPECT_EQ(r->items[0].id, "208811457730913");
    EXPECT_EQ(r->items[0].verified_name, "Harbor Lane Bakery");
    EXPECT_EQ(r->items[0].is_official_business_account, true);
    EXPECT_EQ(r->items[1].code_verification_status, "NOT_VERIFIED");
    EXPECT_EQ(r->items[0].host_platform, "CLOUD_API");
    EXPECT_EQ(r->items[0].unified_cert_status, "APPROVED");
    EXPECT_EQ(r->items[0].username, "harborlanebakery");
    EXPECT_EQ(r->items[1].unified_cert_status, "NAME_PENDING_REVIEW");
    EXPECT_EQ(r->items[1].raw["username"], nullptr);
    EXPECT_FALSE(r->items[1].username);  // null: no username
    EXPECT_EQ(r->after, "QUZURVJfMDAwMTI=");
    EXPECT_EQ(r->before, "");
    EXPECT_FALSE(r->has_next);  // cursors but no "next": the last page
  });
  EXPECT_EQ(reqs.new_format.method, HttpMethod::kGet);
  EXPECT_EQ(
      reqs.new_format.url,
      kBase +
          "/102290129340398/phone_numbers?api_token=tok&fields=id%2Cdisplay_phone_number&limit=2&after=QVFI");
  EXPECT_EQ(reqs.old_format.url, kBase +
                                     "/whatsapp_business_account_id/"
                                     "phone_numbers?WHATSAPP_BUSINESS_ACCOUNT_ID=102290129340398&api_token="
                                     "tok&fields=id%2Cdisplay_phone_number&limit=2&after=QVFI");
}

TEST(PhoneNumbersApi, PagingCursorsOfOtherLists) {
  // The shape of Meta's paged answers: cursors before and after, with or without "next".
  auto page = whatsapp::detail::decode_page<whatsapp::PhoneNumber>(
      json{{"data", json::array({{{"id", "1"}}})},
           {"paging", read_json("fixtures/paging_before_after_example.json")["paging"]}},
      "x");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->before, "Y3Vyc29yLWJlZm9yZS0wMQ==");
  EXPECT_FALSE(page->has_next);
  auto bad = whatsapp::detail::decode_page<whatsapp::PhoneNumber>(
      read_json("fixtures/paging_before_after_example.json"), "phone number");
  EXPECT_EQ(bad.error().kind(), ErrorKind::kParse);  // its items have no id
}

TEST(PhoneNumbersApi, ListAllWalksPagesWithAfter) {
  FakeTransport t;
  t.push(200, in_data_envelope({{"data", {{{"id", "1"}}, {{"id", "2"}}}},
                                {"paging",
                                 {{"cursors", {{"before", "b0"}, {"after", "c2"}}},
                                  {"next", "https://graph.facebook.com/x?after=c2"}}}}));
  t.push(200, in_data_envelope({{"data", {{{"id", "3"}}}},
                                {"paging", {{"cursors", {{"before", "c3"}, {"after", "c3"}}}}}}));
  FakeClient client(api_options(), t);
  whatsapp::PhoneNumberListOptions o;
  o.limit = 2;
  std::vector<std::string> ids;
  auto all = client.phone_numbers().list_all("waba", o);
  for (auto& n : all) {
    ASSERT_TRUE(n.ok());
    ids.push_back(n->id);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(all.pages_fetched(), 2u);
  const auto reqs = t.requests();
  ASSERT_EQ(reqs.size(), 2u);
  EXPECT_EQ(reqs[0].url, kBase + "/waba/phone_numbers?api_token=tok&limit=2");
  EXPECT_EQ(reqs[1].url, kBase + "/waba/phone_numbers?api_token=tok&limit=2&after=c2");
}

TEST(PhoneNumbersApi, RegisterWithPinAndBackup) {
  auto reqs = in_both_formats(nlohmann::json{{"success", true}}, [](const FakeClient& c) {
    ASSERT_TRUE(c.phone_numbers().register_number("106540352242922", "830419").ok());
  });
  EXPECT_EQ(reqs.new_format.url, kBase + "/106540352242922/register?api_token=tok");
  EXPECT_EQ(reqs.old_format.url,
            kBase + "/from_phone_number_id/register?FROM_PHONE_NUMBER_ID=106540352242922&api_token=tok");
  EXPECT_EQ(json::parse(reqs.new_format.body), read_json("fixtures/register_request.json"));
  auto migrate = in_both_formats({{"success", true}}, [](const FakeClient& c) {
    ASSERT_TRUE(
        c.phone_numbers().register_number("1", "654321", whatsapp::RegisterBackup{"BLOB", "secret"}).ok());
  });
  EXPECT_EQ(json::parse(migrate.new_format.body),
            (json{{"messaging_product", "whatsapp"},
                  {"pin", "654321"},
                  {"backup", {{"data", "BLOB"}, {"password", "secret"}}}}));
  FakeTransport t;
  FakeClient client(api_options(), t);
  EXPECT_EQ(client.phone_numbers().register_number("1", "12345").error().field(), "pin");
  EXPECT_EQ(client.phone_numbers().register_number("1", "12345a").error().field(), "pin");
  EXPECT_EQ(t.request_count(), 0u);
}

TEST(PhoneNumbersApi, RegisterWithLocalStorageAndTier) {
  // Meta's "Register a business phone number": data_localization_region enables local storage.
  auto reqs = in_both_formats(nlohmann::json{{"success", true}}, [](const FakeClient& c) {
    whatsapp::RegisterOptions o;
    o.data_localization_region = "DE";
    ASSERT_TRUE(c.phone_numbers().register_number("106540352242922", "830419", o).ok());
  });
  EXPECT_EQ(reqs.new_format.url, kBase + "/106540352242922/register?api_token=tok");
  EXPECT_EQ(json::parse(reqs.new_format.body), read_json("fixtures/register_local_storage_request.json"));
  auto all = in_both_formats(nlohmann::json{{"success", true}}, [](const FakeClient& c) {
    whatsapp::RegisterOptions o;
    o.backup = whatsapp::RegisterBackup{"BLOB", "secret"};
    o.data_localization_region = "IN";
    o.tier = "UNLIMITED";
    ASSERT_TRUE(c.phone_numbers().register_number("1", "654321", o).ok());
  });
  EXPECT_EQ(json::parse(all.new_format.body), (json{{"messaging_product", "whatsapp"},
                                                    {"pin", "654321"},
                                                    {"backup", {{"data", "BLOB"}, {"password", "secret"}}},
                                                    {"data_localization_region", "IN"},
                                                    {"tier", "UNLIMITED"}}));
  FakeTransport t;
  FakeClient client(api_options(), t);
  whatsapp::RegisterOptions bad;
  for (const char* region : {"de", "DEU", "", "D1"}) {
    bad.data_localization_region = region;
    EXPECT_EQ(client.phone_numbers().register_number("1", "830419", bad).error().field(),
              "data_localization_region")
        << region;
  }
  bad.data_localization_region.reset();
  bad.tier = "";
  EXPECT_EQ(client.phone_numbers().register_number("1", "830419", bad).error().field(), "tier");
  EXPECT_EQ(client.phone_numbers().register_number("1", "8304", whatsapp::RegisterOptions{}).error().field(),
            "pin");
  EXPECT_EQ(t.request_count(), 0u);
}

TEST(PhoneNumbersApi, DeregisterAndTwoStep) {
  auto dereg = in_both_formats(nlohmann::json{{"success", true}}, [](const FakeClient& c) {
    ASSERT_TRUE(c.phone_numbers().deregister("106540352242922").ok());
  });
  EXPECT_EQ(dereg.new_format.method, HttpMethod::kPost);
  EXPECT_EQ(dereg.new_format.url, kBase + "/106540352242922/deregister?api_token=tok");
  EXPECT_EQ(dereg.old_format.url,
            kBase + "/from_phone_number_id/deregister?FROM_PHONE_NUMBER_ID=106540352242922&api_token=tok");
  EXPECT_EQ(json::parse(dereg.new_format.body), json::object());

  auto pin = in_both_formats({{"success", true}}, [](const FakeClient& c) {
    ASSERT_TRUE(c.phone_numbers().set_two_step_pin("106540352242922", "000111").ok());
  });
  EXPECT_EQ(pin.new_format.method, HttpMethod::kPost);
  EXPECT_EQ(pin.new_format.url, kBase + "/106540352242922?api_token=tok");
  EXPECT_EQ(pin.old_format.url,
            kBase + "/from_phone_number_id?FROM_PHONE_NUMBER_ID=106540352242922&api_token=tok");
  EXPECT_EQ(json::parse(pin.new_format.body), (json{{"pin", "000111"}}));
}

TEST(PhoneNumbersApi, FalseSuccessIsAnError) {
  FakeTransport t;
  t.push(200, in_data_envelope({{"success", false}}));
  FakeClient client(api_options(), t);
  auto r = client.phone_numbers().deregister("1");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kParse);
  EXPECT_EQ(r.error().message(), "deregister: the answer is not {\"success\": true} but {\"success\":false}");
}

}  // namespace api_phone_numbers_test
