// Interactive order_details (review and pay) and order_status: the bodies built from typed values
// equal our payloads written in the shapes of Meta's Payments API guides (tests/data/fixtures/
// README.md), they go through messages().send() as written, and validate() refuses what Meta
// documents as wrong before anything is sent.
//
// Fixtures: send_interactive_order_details_request, send_interactive_order_details_pix_request,
// send_interactive_order_status_request, send_response.

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "test_support.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/protocol/detail/send_body.hpp"
#include "whatsapp/transport/fake.hpp"

namespace order_messages_test {

using whatsapp::Amount;
using whatsapp::GoodsType;
using whatsapp::Interactive;
using whatsapp::InteractiveHeader;
using whatsapp::Media;
using whatsapp::Message;
using whatsapp::Order;
using whatsapp::OrderDetailsAction;
using whatsapp::OrderExpiration;
using whatsapp::OrderItem;
using whatsapp::OrderStatusAction;
using whatsapp::PaymentSetting;
using whatsapp_test::read_json;
using json = nlohmann::json;

OrderDetailsAction harbor_lane_bill() {
  OrderDetailsAction a;
  a.reference_id = "hl-order-1042";
  a.type = GoodsType::kPhysical;
  a.payment_type = "upi";
  a.payment_configuration = "harbor_lane_upi";
  a.currency = "INR";
  a.total_amount = Amount::of(62500);
  auto bun = OrderItem::of("sku-cinnamon-bun", "Cinnamon bun", 9000);
  bun.sale_amount = Amount::of(7500);
  Order o = Order::of({OrderItem::of("sku-rye-800g", "Rye loaf, 800 g", 26000, 2), bun});
  o.catalog_id = "512093377184026";
  o.expiration = OrderExpiration{1798761600, "This bill has expired; ask us for a new one"};
  o.tax = Amount::of(3000).with_description("GST 5%");
  o.shipping = Amount::of(2000).with_description("Bicycle courier");
  o.discount = Amount::of(2000).with_description("Loyalty card");
  o.discount_program_name = "Harbor Lane Regulars";
  a.order = std::move(o);
  return a;
}

Message bill_message(OrderDetailsAction a = harbor_lane_bill()) {
  return Message::interactive(
      "15550104477", Interactive::order_details("Your Harbor Lane order is ready to pay", std::move(a))
                         .with_header(InteractiveHeader::image(
                             Media::link("https://media.example.com/harbor-lane/basket.jpg")))
                         .with_footer("Pickup at the counter from 8am"));
}

std::string field_of(const Message& m) {
  auto v = whatsapp::validate(m);
  return v ? std::string("(valid)") : v.error().field();
}

TEST(OrderMessages, OrderDetailsMatchesTheDocumentedShape) {
  const Message m = bill_message();
  EXPECT_EQ(json(m), read_json("fixtures/send_interactive_order_details_request.json"));
  EXPECT_EQ(field_of(m), "(valid)");
  // The fast body writer hands interactive messages to nlohmann: both give the same bytes.
  EXPECT_EQ(whatsapp::detail::message_body(m), json(m).dump());
}

TEST(OrderMessages, OrderDetailsWithPixAndALinkAndNoOrder) {
  OrderDetailsAction a;
  a.reference_id = "hl.br.2207";
  a.payment_type = "br";
  a.currency = "BRL";
  a.total_amount = Amount::of(1290);
  a.payment_settings = {
      PaymentSetting::pix("00020101021226700014br.gov.bcb.pix2548pix.example.org/qr/v2/"
                          "hl2207520400005303986540512.905802BR5910HARBORLANE6009SAOPAULO62070503***6304ABCD",
                          "Harbor Lane Padaria", "pix@harborlane.example.com", "EMAIL"),
      PaymentSetting::payment_link("https://pay.example.org/harbor-lane/hl.br.2207")};
  const auto m =
      Message::interactive("5521955501234", Interactive::order_details("Seu pedido da Harbor Lane", a));
  EXPECT_EQ(json(m), read_json("fixtures/send_interactive_order_details_pix_request.json"));
  EXPECT_EQ(field_of(m), "(valid)");
}

TEST(OrderMessages, OrderStatusMatchesTheDocumentedShape) {
  const auto m = Message::interactive(
      "15550104477",
      Interactive::order_status("Your order hl-order-1042 is on its way",
                                {"hl-order-1042", "shipped", "Handed to the bicycle courier at 9:40"}));
  EXPECT_EQ(json(m), read_json("fixtures/send_interactive_order_status_request.json"));
  EXPECT_EQ(field_of(m), "(valid)");
  EXPECT_EQ(whatsapp::detail::message_body(m), json(m).dump());
}

TEST(OrderMessages, SentAsBuilt) {
  whatsapp::transport::FakeTransport t;
  whatsapp::ClientOptions o;
  o.base_url = "https://api.lowcodeapi.com/whatsapp";
  o.api_token = "at_abc";
  whatsapp::Client<whatsapp::transport::FakeTransport> client(o, t);
  t.push(200, whatsapp_test::in_data_envelope(read_json("fixtures/send_response.json")));
  auto r = client.messages().send("106540352242922", bill_message());
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(json::parse(t.last_request().body),
            read_json("fixtures/send_interactive_order_details_request.json"));
}

TEST(OrderMessages, AmountsAndSumsAreChecked) {
  const std::string p = "interactive.action.parameters.";
  auto a = harbor_lane_bill();
  a.total_amount.value = 62400;  // one rupee short of subtotal + tax + shipping - discount
  EXPECT_EQ(field_of(bill_message(a)), p + "total_amount.value");
  a = harbor_lane_bill();
  a.order->subtotal.value = 60000;  // the bun's sale price is what counts
  EXPECT_EQ(field_of(bill_message(a)), p + "order.subtotal.value");
  a = harbor_lane_bill();
  a.order->tax.offset = 1000;  // one offset per order
  EXPECT_EQ(field_of(bill_message(a)), p + "order.tax.offset");
  a = harbor_lane_bill();
  a.total_amount.offset = 10;
  EXPECT_EQ(field_of(bill_message(a)), p + "total_amount.offset");
  a = harbor_lane_bill();
  a.order->items[0].quantity = 0;
  EXPECT_EQ(field_of(bill_message(a)), p + "order.items[0].quantity");
  a = harbor_lane_bill();
  a.order->items[1].amount.value = -1;
  EXPECT_EQ(field_of(bill_message(a)), p + "order.items[1].amount.value");
  a = harbor_lane_bill();
  a.order->items.clear();
  EXPECT_EQ(field_of(bill_message(a)), p + "order.items");
  a = harbor_lane_bill();
  a.order->items[0].amount.value = std::numeric_limits<std::int64_t>::max();  // no overflow, an error
  EXPECT_EQ(field_of(bill_message(a)), p + "order.items[0].quantity");
  a = harbor_lane_bill();
  a.order->tax.value = std::numeric_limits<std::int64_t>::max();
  a.order->tax.description.reset();
  EXPECT_EQ(field_of(bill_message(a)), p + "order.tax.value");
  EXPECT_EQ(Order::of({OrderItem::of("x", "x", std::numeric_limits<std::int64_t>::max(), 3)}).items.size(),
            1u);
  a = harbor_lane_bill();
  a.order.reset();  // without an order only the total is checked
  EXPECT_EQ(field_of(bill_message(a)), "(valid)");
  a.total_amount.value = 0;
  EXPECT_EQ(field_of(bill_message(a)), p + "total_amount.value");
}

TEST(OrderMessages, RequiredFieldsAndDocumentedValues) {
  const std::string p = "interactive.action.parameters.";
  auto a = harbor_lane_bill();
  a.reference_id = "";
  EXPECT_EQ(field_of(bill_message(a)), p + "reference_id");
  a.reference_id = "order #1042";  // space and '#' are not allowed
  EXPECT_EQ(field_of(bill_message(a)), p + "reference_id");
  a.reference_id = std::string(36, 'a');
  EXPECT_EQ(field_of(bill_message(a)), p + "reference_id");
  a = harbor_lane_bill();
  a.currency = "inr";
  EXPECT_EQ(field_of(bill_message(a)), p + "currency");
  a = harbor_lane_bill();
  a.payment_configuration.reset();
  EXPECT_EQ(field_of(bill_message(a)), p + "payment_settings");
  a = harbor_lane_bill();
  a.order->status = "shipped";
  EXPECT_EQ(field_of(bill_message(a)), p + "order.status");
  a = harbor_lane_bill();
  a.order->items[0].name = std::string(61, 'x');
  EXPECT_EQ(field_of(bill_message(a)), p + "order.items[0].name");
  auto no_body = Interactive::order_details("", harbor_lane_bill());
  no_body.body.reset();
  EXPECT_EQ(field_of(Message::interactive("15550104477", no_body)), "interactive.body.text");

  auto status = [](std::string s) {
    return Message::interactive("15550104477",
                                Interactive::order_status("Update", {"hl-order-1042", std::move(s)}));
  };
  EXPECT_EQ(field_of(status("completed")), "(valid)");
  EXPECT_EQ(field_of(status("partially-shipped")), "(valid)");
  EXPECT_EQ(field_of(status("delivered")), p + "order.status");
  EXPECT_EQ(field_of(status("")), p + "order.status");
}

}  // namespace order_messages_test
