// Typed template definitions: examples, media and location headers, every kind of button. The
// bodies built from typed values equal our payloads written in the shapes of Meta's "Message
// Templates" reference and its template guides (tests/data/fixtures/README.md); the nlohmann
// brace mistake of issue 14 cannot be written with the typed calls, and validate() refuses it
// when it comes in raw.
//
// Fixtures: template_create_media_buttons_request, template_create_named_location_request,
// template_create_auth_one_tap_request, send_template_lto_mpm_request.

#include <gtest/gtest.h>

#include <string>
#include <type_traits>
#include <utility>

#include "api_test_support.hpp"

namespace template_defs_test {

using whatsapp::NamedExample;
using whatsapp::NewTemplate;
using whatsapp::OtpApp;
using whatsapp::TemplateButtonDef;
using whatsapp::TemplateComponentDef;
using whatsapp::TemplateExample;
using whatsapp_test::read_json;
using json = nlohmann::json;

// with_example() takes a TemplateExample only: a JSON value (where a brace list turns
// [["#1234","Monday"]] into {"#1234":"Monday"}) does not compile.
template <class T, class = void>
struct TakesJsonExample : std::false_type {};
template <class T>
struct TakesJsonExample<T, std::void_t<decltype(std::declval<T&>().with_example(std::declval<json>()))>>
    : std::true_type {};
static_assert(!TakesJsonExample<TemplateComponentDef>::value, "with_example(json) must not compile");
static_assert(!std::is_aggregate_v<TemplateExample>, "a brace list must not initialise a TemplateExample");

std::string field_of(const NewTemplate& t) {
  auto v = validate(t);
  return v ? std::string("(valid)") : v.error().field();
}

NewTemplate order_ready() {
  return NewTemplate{
      "order_ready_pickup",
      "en_US",
      "UTILITY",
      {TemplateComponentDef::header_image("4::aW1hZ2UvanBlZw==:ARbHarborLaneSampleBasketHandle0001"),
       TemplateComponentDef::body("Your order {{1}} is ready for pickup on {{2}}.")
           .with_example(TemplateExample::body({"#1234", "Monday"})),
       TemplateComponentDef::footer("Harbor Lane Bakery"),
       TemplateComponentDef::button_list(
           {TemplateButtonDef::url_button("Track it", "https://harborlane.example.com/track/{{1}}",
                                          "https://harborlane.example.com/track/hl-1042"),
            TemplateButtonDef::call("Call the bakery", "+15550100123"),
            TemplateButtonDef::quick_reply("Change the day")})},
      std::nullopt,
      std::nullopt};
}

TEST(TemplateDefs, TwoBodySamplesAreAnArrayInAnArray) {
  // The very value of issue 14: two strings, which a brace list reads as a key/value pair.
  auto c = TemplateComponentDef::body("Your order {{1}} ships on {{2}}.")
               .with_example(TemplateExample::body({"#1234", "Monday"}));
  EXPECT_EQ(json(c)["example"], json::parse(R"({"body_text":[["#1234","Monday"]]})"));
  EXPECT_EQ(json(TemplateExample::header("Spring")), json::parse(R"({"header_text":["Spring"]})"));
}

TEST(TemplateDefs, MediaHeaderUrlPhoneAndQuickReplyButtons) {
  EXPECT_EQ(json(order_ready()), read_json("fixtures/template_create_media_buttons_request.json"));
  EXPECT_EQ(field_of(order_ready()), "(valid)");
}

TEST(TemplateDefs, NamedSamplesLocationHeaderCopyCodeAndFlow) {
  NewTemplate t{
      "table_booked",
      "en_GB",
      "MARKETING",
      {TemplateComponentDef::header_location(),
       TemplateComponentDef::body(
           "Hello {{first_name}}, your table for {{guests}} is booked. Show {{code}} for a free coffee.")
           .with_example(
               TemplateExample::body_named({{"first_name", "Ada"}, {"guests", "two"}, {"code", "RYE15"}})),
       TemplateComponentDef::button_list(
           {TemplateButtonDef::copy_code("RYE15"),
            TemplateButtonDef::flow("Change the booking", "7310000000000042", "BOOKING")})},
      "NAMED",
      std::nullopt};
  EXPECT_EQ(json(t), read_json("fixtures/template_create_named_location_request.json"));
  EXPECT_EQ(field_of(t), "(valid)");
}

TEST(TemplateDefs, AuthenticationOneTap) {
  NewTemplate t{
      "login_code_one_tap",
      "en_US",
      "AUTHENTICATION",
      {TemplateComponentDef::authentication_body(true), TemplateComponentDef::code_expiration_footer(10),
       TemplateComponentDef::button_list({TemplateButtonDef::otp_one_tap(
           {OtpApp{"com.example.harborlane", "K8a7AINcGX7"}}, "Copy code", "Autofill")})},
      std::nullopt,
      std::nullopt};
  EXPECT_EQ(json(t), read_json("fixtures/template_create_auth_one_tap_request.json"));
  EXPECT_EQ(field_of(t), "(valid)");
}

TEST(TemplateDefs, TheMalformedRawExampleIsRefusedBeforeSending) {
  auto t = order_ready();
  // Exactly what examples/templates.cpp used to send: the object {"#1234": "Monday"}.
  t.components[1] = TemplateComponentDef::body("Your order {{1}} is ready for pickup on {{2}}.")
                        .with_raw_example({{"body_text", {{"#1234", "Monday"}}}});
  ASSERT_TRUE(json(t)["components"][1]["example"]["body_text"].is_object());
  EXPECT_EQ(field_of(t), "components[1].example.body_text");
  whatsapp::transport::FakeTransport transport;
  whatsapp_test::FakeClient client(whatsapp_test::api_options(), transport);
  auto r = client.templates().create("102290129340398", t);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), whatsapp::ErrorKind::kInvalidArgument);
  EXPECT_NE(r.error().message().find("[[\"#1234\", \"Monday\"]]"), std::string::npos) << r.error().message();
  EXPECT_EQ(transport.request_count(), 0u);

  // A raw example of the right shape, and keys this library does not model, go as given.
  t.components[1].with_raw_example(json::parse(R"({"body_text":[["#1234","Monday"]],"future_key":[1]})"));
  EXPECT_EQ(field_of(t), "(valid)");
  EXPECT_EQ(json(t)["components"][1]["example"]["future_key"], json::array({1}));
}

TEST(TemplateDefs, MissingSamplesAreNamed) {
  auto t = order_ready();
  t.components[1].example = TemplateExample::body({"#1234"});  // two placeholders, one sample
  EXPECT_EQ(field_of(t), "components[1].example.body_text");
  t.components[1].example.reset();
  EXPECT_EQ(field_of(t), "components[1].example.body_text");
  t = order_ready();
  t.components[0].example.reset();  // an IMAGE header needs its sample's handle
  EXPECT_EQ(field_of(t), "components[0].example.header_handle");
  t = order_ready();
  t.components[3].buttons[0].example.clear();  // a {{1}} URL needs a sample URL
  EXPECT_EQ(field_of(t), "components[3].buttons[0].example");
  t = order_ready();
  t.components[3].buttons[1].phone_number.reset();
  EXPECT_EQ(field_of(t), "components[3].buttons[1].phone_number");
  t = order_ready();
  t.components[3].buttons.push_back(TemplateButtonDef::copy_code(""));
  t.components[3].buttons.back().example.clear();
  EXPECT_EQ(field_of(t), "components[3].buttons[3].example");
  t = order_ready();
  t.components.insert(t.components.begin(), TemplateComponentDef::header_text("The {{1}} sale"));
  EXPECT_EQ(field_of(t), "components[0].example.header_text");
  t.components[0].with_example(TemplateExample::header("Spring"));
  t.components.erase(t.components.begin() + 1);  // one header is enough for this check
  EXPECT_EQ(field_of(t), "(valid)");
}

TEST(TemplateDefs, FetchedDefinitionsReadTheTypedFields) {
  const json in = read_json("fixtures/template_create_named_location_request.json");
  TemplateComponentDef body = in["components"][1].get<TemplateComponentDef>();
  ASSERT_TRUE(body.example.has_value());
  ASSERT_EQ(body.example->body_text_named_params.size(), 3u);
  EXPECT_EQ(body.example->body_text_named_params[2].example, "RYE15");
  TemplateComponentDef buttons = in["components"][2].get<TemplateComponentDef>();
  EXPECT_EQ(buttons.buttons[0].example, std::vector<std::string>{"RYE15"});
  EXPECT_EQ(buttons.buttons[1].navigate_screen, "BOOKING");
  EXPECT_TRUE(buttons.buttons[1].extra.empty());
  EXPECT_EQ(json(buttons), in["components"][2]);  // read and written back unchanged

  // An example of a shape Meta does not document is kept as it came.
  auto odd = json::parse(R"({"type":"BODY","text":"x","example":{"body_text":{"a":"b"}}})")
                 .get<TemplateComponentDef>();
  EXPECT_EQ(json(odd)["example"], json::parse(R"({"body_text":{"a":"b"}})"));
  auto list = json::parse(R"({"type":"BODY","text":"x","example":["a"]})").get<TemplateComponentDef>();
  EXPECT_EQ(json(list)["example"], json::array({"a"}));
}

TEST(TemplateDefs, SendingALimitedTimeOfferWithAMultiProductButton) {
  using whatsapp::TemplateComponent;
  auto t = whatsapp::TemplateMessage("weekend_bundles_offer", "en_US")
               .with_button(TemplateComponent::limited_time_offer(1798761600000))
               .with_body({whatsapp::TemplateParameter::text("Ada")})
               .with_button(TemplateComponent::mpm_button(
                   0, "sku-rye-800g",
                   {{"Breads", {"sku-rye-800g", "sku-sourdough-1kg"}}, {"Pastries", {"sku-cinnamon-bun"}}}));
  const auto m = whatsapp::Message::template_message("15550104477", t);
  EXPECT_EQ(json(m), read_json("fixtures/send_template_lto_mpm_request.json"));
  auto v = whatsapp::validate(m);
  EXPECT_TRUE(v.ok()) << v.error().to_string();
}

}  // namespace template_defs_test
