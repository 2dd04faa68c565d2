// Issue 14, item 3 against the emulator: order_details / order_status sent as built, registration
// with local storage, typed template definitions accepted, and the malformed template example the
// SDK's own example used to send refused with Meta's error shape.

#include <gtest/gtest.h>

#include <string>

#include "api_fixture.hpp"

namespace api_kinds_test {

using whatsapp::Amount;
using whatsapp::Interactive;
using whatsapp::Message;
using whatsapp::NewTemplate;
using whatsapp::Order;
using whatsapp::OrderDetailsAction;
using whatsapp::OrderItem;
using whatsapp::RouteId;
using whatsapp::TemplateButtonDef;
using whatsapp::TemplateComponentDef;
using whatsapp::TemplateExample;
using whatsapp_test::ApiEmulatorTest;
using whatsapp_test::kPhone;
using whatsapp_test::kWaba;
using json = nlohmann::json;

using KindsEmulator = ApiEmulatorTest;

TEST_F(KindsEmulator, OrderDetailsThenOrderStatus) {
  OrderDetailsAction bill;
  bill.reference_id = "hl-order-2001";
  bill.payment_configuration = "harbor_lane_upi";
  bill.total_amount = Amount::of(52000);
  bill.order = Order::of({OrderItem::of("sku-rye-800g", "Rye loaf, 800 g", 26000, 2)});
  auto sent = client->messages().send(
      kPhone, Message::interactive("16505551234", Interactive::order_details("Your order", bill)));
  ASSERT_TRUE(sent.ok()) << sent.error().to_string();
  EXPECT_FALSE(sent->message_id().empty());
  auto status = client->messages().send(
      kPhone, Message::interactive("16505551234",
                                   Interactive::order_status("On its way", {"hl-order-2001", "shipped"})));
  ASSERT_TRUE(status.ok()) << status.error().to_string();

  // A raw body with the wrong action name is what the emulator, like Meta, refuses.
  json raw = json(Message::interactive("16505551234", Interactive::order_details("Your order", bill)));
  raw["interactive"]["action"]["name"] = "review_order";
  auto refused = client->call(RouteId::kSendMessage, {kPhone}, {}, raw);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code(), 100);
}

TEST_F(KindsEmulator, RegisterWithLocalStorage) {
  whatsapp::RegisterOptions o;
  o.data_localization_region = "DE";
  auto ok = client->phone_numbers().register_number(kPhone, "123456", o);
  ASSERT_TRUE(ok.ok()) << ok.error().to_string();
  o.data_localization_region = "US";  // well formed, but not a local storage region
  auto refused = client->phone_numbers().register_number(kPhone, "123456", o);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind(), whatsapp::ErrorKind::kApi);
  EXPECT_EQ(refused.error().code(), 100);
}

TEST_F(KindsEmulator, TypedTemplateIsAcceptedAndReadBack) {
  NewTemplate t{
      "pickup_ready_typed",
      "en_US",
      "UTILITY",
      {TemplateComponentDef::header_image("4::aW1hZ2UvanBlZw==:ARbHarborLaneSampleBasketHandle0002"),
       TemplateComponentDef::body("Order {{1}} is ready on {{2}}.")
           .with_example(TemplateExample::body({"#1234", "Monday"})),
       TemplateComponentDef::button_list({TemplateButtonDef::url_button(
           "Track it", "https://harborlane.example.com/t/{{1}}", "https://harborlane.example.com/t/1")})},
      std::nullopt,
      std::nullopt};
  auto created = client->templates().create(kWaba, t);
  ASSERT_TRUE(created.ok()) << created.error().to_string();
  auto back = client->templates().get(created->id);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  ASSERT_NE(back->component("BODY"), nullptr);
  ASSERT_TRUE(back->component("BODY")->example.has_value());
  EXPECT_EQ(back->component("BODY")->example->body_text[0][1], "Monday");
  EXPECT_EQ(back->component("BUTTONS")->buttons[0].example[0], "https://harborlane.example.com/t/1");
}

TEST_F(KindsEmulator, TheMalformedExampleIsRefusedWithMetasErrorShape) {
  // The body examples/templates.cpp sent before the typed examples: a brace list made the
  // two samples an object. Sent raw, around the SDK's own check, the server refuses it.
  json body{{"name", "order_shipped_raw"},
            {"language", "en_US"},
            {"category", "UTILITY"},
            {"components", json::array({{{"type", "BODY"},
                                         {"text", "Your order {{1}} ships on {{2}}."},
                                         {"example", {{"body_text", {{"#1234", "Monday"}}}}}}})}};
  ASSERT_TRUE(body["components"][0]["example"]["body_text"].is_object());
  auto r = client->call(RouteId::kCreateTemplate, {kWaba}, {}, body);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), whatsapp::ErrorKind::kApi);
  EXPECT_EQ(r.error().code(), 100);
  ASSERT_TRUE(r.error().graph().has_value());
  EXPECT_NE(r.error().to_string().find("body_text"), std::string::npos) << r.error().to_string();

  // The same samples as the typed path writes them are accepted.
  body["components"][0]["example"] = json(TemplateExample::body({"#1234", "Monday"}));
  auto ok = client->call(RouteId::kCreateTemplate, {kWaba}, {}, body);
  EXPECT_TRUE(ok.ok()) << ok.error().to_string();
}

}  // namespace api_kinds_test
