// Every message type: the body built for the input of each of our request payloads (written in the
// shapes of Meta's Cloud API "Messages" reference, see tests/data/fixtures/README.md) equals it.
//
// Fixtures (tests/data/fixtures/): send_audio_id_request, send_audio_link_request,
// send_contacts_request, send_document_id_request, send_document_link_request,
// send_image_id_request, send_image_link_request, send_image_reply_context_request,
// send_interactive_button_request, send_interactive_catalog_request,
// send_interactive_cta_url_request, send_interactive_flow_by_name_request,
// send_interactive_flow_draft_request, send_interactive_flow_request,
// send_interactive_list_request, send_interactive_location_request_message_request,
// send_interactive_product_list_request, send_interactive_product_request,
// send_location_request, send_reaction_request, send_sticker_id_request,
// send_sticker_link_request, send_template_catalog_request, send_template_flow_button_request,
// send_template_hello_world_request, send_template_interactive_request,
// send_template_media_request, send_template_quick_reply_bool_text_request,
// send_template_text_request, send_response_wa_id_trailing_space,
// send_response_held_for_quality.

#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "test_support.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/transport/fake.hpp"

namespace message_types_test {

using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::Contact;
using whatsapp::Currency;
using whatsapp::DateTime;
using whatsapp::Interactive;
using whatsapp::InteractiveHeader;
using whatsapp::Location;
using whatsapp::Media;
using whatsapp::Message;
using whatsapp::TemplateComponent;
using whatsapp::TemplateMessage;
using whatsapp::TemplateParameter;
using whatsapp::transport::FakeTransport;
using whatsapp_test::read_json;
using json = nlohmann::json;

constexpr const char* kTo = "15550104477";

json body_of(const Message& m) { return whatsapp_test::sent_body(m); }

void expect_valid(Message m) {
  // The payloads use real-looking recipients and template names: validate() accepts them as they are.
  auto v = whatsapp::validate(m);
  EXPECT_TRUE(v.ok()) << v.error().to_string();
}

TEST(MessageTypes, MediaByIdAndByLink) {
  EXPECT_EQ(body_of(Message::audio(kTo, Media::id("781204456390217"))),
            read_json("fixtures/send_audio_id_request.json"));
  EXPECT_EQ(body_of(Message::audio(kTo, Media::link("https://media.example.com/voice/welcome.ogg"))),
            read_json("fixtures/send_audio_link_request.json"));
  EXPECT_EQ(body_of(Message::image(kTo, Media::id("781204456390218"))),
            read_json("fixtures/send_image_id_request.json"));
  EXPECT_EQ(body_of(Message::image(kTo, Media::link("https://media.example.com/img/rye-loaf.jpg"))),
            read_json("fixtures/send_image_link_request.json"));
  EXPECT_EQ(body_of(Message::image(kTo, Media::id("781204456390218"))
                        .reply_to("wamid.SGFyYm9yTGFuZS5wcmV2aW91cy4wMDE=")),
            read_json("fixtures/send_image_reply_context_request.json"));
  EXPECT_EQ(body_of(Message::video(kTo, Media::id("781204456390219"), "How we shape the morning loaves")),
            read_json("fixtures/send_video_id_request.json"));
  EXPECT_EQ(body_of(Message::video(kTo, Media::link("https://media.example.com/video/shaping.mp4"),
                                   "How we shape the morning loaves")),
            read_json("fixtures/send_video_link_request.json"));
  EXPECT_EQ(
      body_of(Message::document(kTo, Media::id("781204456390220"), "Your order summary", "order-1187.pdf")),
      read_json("fixtures/send_document_id_request.json"));
  EXPECT_EQ(body_of(Message::document(kTo, Media::link("https://media.example.com/docs/price-list-2026.pdf"),
                                      "Price list, spring 2026")),
            read_json("fixtures/send_document_link_request.json"));
  EXPECT_EQ(body_of(Message::sticker(kTo, Media::id("781204456390221"))),
            read_json("fixtures/send_sticker_id_request.json"));
  EXPECT_EQ(body_of(Message::sticker(kTo, Media::link("https://media.example.com/stickers/croissant.webp"))),
            read_json("fixtures/send_sticker_link_request.json"));
  expect_valid(Message::document(kTo, Media::id("1"), "c", "f.pdf"));
}

TEST(MessageTypes, Location) {
  auto m = Message::location(
      kTo, {43.077342, -70.757621, "Harbor Lane Bakery", "12 Harbor Lane, Portsmouth, NH 03801"});
  EXPECT_EQ(body_of(m), read_json("fixtures/send_location_request.json"));
  expect_valid(m);
}

TEST(MessageTypes, Contacts) {
  Contact c;
  c.name = {"Maria Costa", "Maria", "Costa", "L.", "II", "Ms"};
  c.birthday = "1990-04-23";
  c.addresses = {{"12 Harbor Lane", "Portsmouth", "NH", "03801", "USA", "US", "HOME"},
                 {"7 Dock Street", "Portsmouth", "NH", "03801", "USA", "US", "WORK"}};
  c.emails = {{"orders@example.com", "WORK"}, {"maria.costa@example.org", "HOME"}};
  c.org = whatsapp::ContactOrg{"Harbor Lane Bakery", "Pastry", "Head Baker"};
  c.phones = {{"+1 (603) 555-0142", "HOME", std::nullopt}, {"+1 (603) 555-0177", "WORK", "16035550177"}};
  c.urls = {{"https://harborlane.example.com", "WORK"}, {"https://example.org/maria", "HOME"}};
  auto m = Message::contacts(kTo, {c});
  m.recipient_type.clear();  // the documented example shape leaves recipient_type out
  EXPECT_EQ(body_of(m), read_json("fixtures/send_contacts_request.json"));
  expect_valid(m);
}

TEST(MessageTypes, Reaction) {
  auto m = Message::reaction(kTo, "wamid.SGFyYm9yTGFuZS5yZWFjdC4wMDI=", "\xF0\x9F\x91\x8D");
  EXPECT_EQ(body_of(m), read_json("fixtures/send_reaction_request.json"));
  expect_valid(m);
  auto removal = body_of(Message::remove_reaction("1555", "wamid.X"));
  EXPECT_EQ(removal["reaction"], (json{{"message_id", "wamid.X"}, {"emoji", ""}}));
}

TEST(MessageTypes, InteractiveButtons) {
  auto m = Message::interactive_buttons(kTo, "See the menu",
                                        {{"slice-yes", "Sliced"}, {"slice-no", "Whole loaf"}});
  EXPECT_EQ(body_of(m), read_json("fixtures/send_interactive_button_request.json"));
  expect_valid(m);
}

TEST(MessageTypes, InteractiveList) {
  auto m = Message::interactive(
      kTo, Interactive::list("Tap below to continue.", "See the menu",
                             {{"Breads",
                               {{"bread-rye", "Rye", "Dark rye with caraway"},
                                {"bread-spelt", "Spelt", "Whole spelt, long proof"}}},
                              {"Pastries",
                               {{"pastry-kouign", "Kouign-amann", "Butter and sugar layers"},
                                {"pastry-danish", "Cherry danish", "Sour cherries, almond cream"}}}})
               .with_header(InteractiveHeader::text("Weekend orders"))
               .with_footer("Harbor Lane Bakery"));
  EXPECT_EQ(body_of(m), read_json("fixtures/send_interactive_list_request.json"));
  expect_valid(m);
}

TEST(MessageTypes, InteractiveCtaUrl) {
  InteractiveHeader untyped;  // the documented CTA URL example sends the header without "type"
  untyped.text_value = "Opening hours";
  auto m = Message::interactive("+16035550123",
                                Interactive::cta_url("Tap below for this week's opening hours.", "See hours",
                                                     "https://harborlane.example.com/hours?src=wa")
                                    .with_header(untyped)
                                    .with_footer("Holiday hours may differ."));
  EXPECT_EQ(body_of(m), read_json("fixtures/send_interactive_cta_url_request.json"));
  expect_valid(m);
  auto typed = body_of(Message::interactive_cta_url("1", "b", "Go", "https://x.example"));
  EXPECT_EQ(typed["interactive"]["action"]["parameters"]["display_text"], "Go");
}

whatsapp::FlowAction flow_action() {
  whatsapp::FlowAction f;
  f.flow_token = "flowtok-5e1a-0042";
  f.flow_cta = "Book a table";
  f.flow_action = "navigate";
  f.screen = "BOOKING";
  f.data = json{{"shop", "harbor-lane"}};
  return f;
}

Message flow_message(whatsapp::FlowAction f, const std::string& text, const std::string& footer,
                     const std::string& header) {
  return Message::interactive(
      kTo,
      Interactive::flow(text, std::move(f)).with_header(InteractiveHeader::text(header)).with_footer(footer));
}

TEST(MessageTypes, InteractiveFlows) {
  auto by_id = flow_action();
  by_id.flow_id = "640218837715502";
  auto m = flow_message(by_id, "Tap below to continue.", "Harbor Lane Bakery", "Weekend orders");
  EXPECT_EQ(body_of(m), read_json("fixtures/send_interactive_flow_request.json"));
  expect_valid(m);

  auto by_name = flow_action();
  by_name.flow_name = "table_booking";
  EXPECT_EQ(body_of(flow_message(by_name, "Tap below to continue.", "Harbor Lane Bakery", "Weekend orders")),
            read_json("fixtures/send_interactive_flow_by_name_request.json"));

  auto draft = flow_action();
  draft.flow_id = "640218837715502";
  draft.flow_cta = "Draft preview";
  draft.mode = "draft";
  auto d = flow_message(draft, "Draft preview", "Draft preview", "Draft preview");
  EXPECT_EQ(body_of(d), read_json("fixtures/send_interactive_flow_draft_request.json"));
  expect_valid(d);
}

TEST(MessageTypes, InteractiveLocationRequest) {
  auto m = Message::location_request("16035550188", "Tap below to continue.");
  EXPECT_EQ(body_of(m), read_json("fixtures/send_interactive_location_request_message_request.json"));
  expect_valid(m);
}

TEST(MessageTypes, InteractiveProductsAndCatalog) {
  auto product = Message::interactive(kTo, Interactive::product("512093377184026", "sku-rye-800g")
                                               .with_body("Baked this morning.")
                                               .with_footer("While stocks last"));
  EXPECT_EQ(body_of(product), read_json("fixtures/send_interactive_product_request.json"));
  expect_valid(product);

  InteractiveHeader header = InteractiveHeader::text("Weekend menu");
  header.type = "text";
  auto list =
      Message::interactive(kTo, Interactive::product_list("Our weekend menu.", "512093377184027",
                                                          {{"Loaves", {"sku-spelt-750g", "sku-sour-1kg"}},
                                                           {"Sweet", {"sku-danish-cherry", "sku-kouign"}}})
                                    .with_header(header)
                                    .with_footer("Order by Friday noon"));
  EXPECT_EQ(body_of(list), read_json("fixtures/send_interactive_product_list_request.json"));
  expect_valid(list);

  auto catalog = Message::interactive(
      "+16035550177", Interactive::catalog("Browse our catalog and order for pickup.", "sku-croissant-4")
                          .with_footer("Fresh every morning"));
  EXPECT_EQ(body_of(catalog), read_json("fixtures/send_interactive_catalog_request.json"));
  expect_valid(catalog);
}

TEST(MessageTypes, InteractiveMediaHeader) {
  auto j = json(InteractiveHeader::document(Media::id("42"), "menu.pdf"));
  EXPECT_EQ(j, (json{{"type", "document"}, {"document", {{"id", "42"}, {"filename", "menu.pdf"}}}}));
  EXPECT_EQ(json(InteractiveHeader::image(Media::link("https://x/y.png"))),
            (json{{"type", "image"}, {"image", {{"link", "https://x/y.png"}}}}));
}

std::vector<TemplateParameter> body_params() {
  return {TemplateParameter::text("Maria"), TemplateParameter::currency(Currency{"$18.40", "USD", 18400}),
          TemplateParameter::date_time(DateTime{"Friday, May 8, 2026", 5, 2026, 5, 8, 7, 30, "GREGORIAN"})};
}

TEST(MessageTypes, TemplateHelloWorld) {
  auto m = Message::template_message(kTo, "hello_world", "en_US");
  m.recipient_type.clear();
  EXPECT_EQ(body_of(m), read_json("fixtures/send_template_hello_world_request.json"));
  expect_valid(m);
}

TEST(MessageTypes, TemplateTextMediaAndInteractive) {
  auto text = TemplateMessage("order_ready", "en_GB").with_body(body_params());
  EXPECT_EQ(body_of(Message::template_message(kTo, text)),
            read_json("fixtures/send_template_text_request.json"));

  // A second link checks that validate() accepts the same template with another header image.
  const auto media_with = [](const std::string& link) {
    return TemplateMessage("order_ready", "en_GB")
        .with_header({TemplateParameter::image(Media::link(link))})
        .with_body(body_params());
  };
  const auto buttons = [](TemplateMessage t) {
    return t.with_button(TemplateComponent::quick_reply("0", "cGlja3VwLWNvbmZpcm0="))
        .with_button(TemplateComponent::quick_reply("1", "cGlja3VwLWxhdGVy"));
  };
  const std::string real = "https://example.com/the-image.png";
  EXPECT_EQ(
      body_of(Message::template_message(kTo, media_with("https://media.example.com/img/order-ready.jpg"))),
      read_json("fixtures/send_template_media_request.json"));
  expect_valid(Message::template_message(kTo, media_with(real)));

  EXPECT_EQ(body_of(Message::template_message(
                kTo, buttons(media_with("https://media.example.com/img/order-ready.jpg")))),
            read_json("fixtures/send_template_interactive_request.json"));
  expect_valid(Message::template_message(kTo, buttons(media_with(real))));
}

// Meta's location-template example gives the header's coordinates as strings.
TEST(MessageTypes, TemplateLocationHeaderCoordinatesAreStrings) {
  const auto t = TemplateMessage("store_opening", "en_US")
                     .with_header({TemplateParameter::location(Location{
                         37.483307, -122.148981, "Harbor Lane Bakery", "14 Harbor Lane, Portsmouth"})})
                     .with_body({TemplateParameter::text("Maria")});
  const json location = {{"latitude", "37.483307"},
                         {"longitude", "-122.148981"},
                         {"name", "Harbor Lane Bakery"},
                         {"address", "14 Harbor Lane, Portsmouth"}};
  const auto m = Message::template_message(kTo, t);
  EXPECT_EQ(body_of(m)["template"]["components"][0]["parameters"][0]["location"], location);
  EXPECT_EQ(json(t)["components"][0]["parameters"][0]["location"], location);  // nlohmann's writer too
  expect_valid(m);
  // A location message keeps numbers.
  EXPECT_EQ(body_of(Message::location(kTo, Location{37.5, -122.25}))["location"]["latitude"], json(37.5));
}

TEST(MessageTypes, TemplateCatalogFlowAndBooleanQuickReplies) {
  auto catalog = TemplateMessage("weekend_catalog", "en_US")
                     .with_body({TemplateParameter::text("15"), TemplateParameter::text("60"),
                                 TemplateParameter::text("2")})
                     .with_button(TemplateComponent::catalog_button(0, "sku-croissant-4"));
  EXPECT_EQ(body_of(Message::template_message("+16035550177", catalog)),
            read_json("fixtures/send_template_catalog_request.json"));

  auto flow = TemplateMessage("table_booking_invite", "en_US")
                  .with_button(TemplateComponent::flow_button("0", "flowtok-5e1a-0042",
                                                              json{{"shop", "harbor-lane"}}));
  auto fm = Message::template_message(kTo, flow);
  fm.recipient_type.clear();
  EXPECT_EQ(body_of(fm), read_json("fixtures/send_template_flow_button_request.json"));
  expect_valid(fm);

  // The documented example sends booleans as "text" of quick-reply buttons: only raw() spells that.
  auto yes_no = TemplateMessage("delivery_feedback", "en_US")
                    .with_body({TemplateParameter::text("*Ms. Costa*")})
                    .with_button(TemplateComponent::button(
                        "quick_reply", 0, {TemplateParameter::raw({{"type", "text"}, {"text", true}})}))
                    .with_button(TemplateComponent::button(
                        "quick_reply", 1, {TemplateParameter::raw({{"type", "text"}, {"text", false}})}));
  yes_no.language_policy = "deterministic";
  auto ym = Message::template_message(kTo, yes_no);
  ym.recipient_type.clear();
  EXPECT_EQ(body_of(ym), read_json("fixtures/send_template_quick_reply_bool_text_request.json"));
}

TEST(MessageTypes, TemplateNamedParametersAndOtherButtons) {
  auto t = TemplateMessage("order", "en")
               .with_body({TemplateParameter::named("first_name", "Ana")})
               .with_button(TemplateComponent::url_button(0, "track/42"))
               .with_button(TemplateComponent::copy_code(1, "SAVE10"));
  const auto j = json(t);
  EXPECT_EQ(j["components"][0],
            (json{{"type", "body"},
                  {"parameters", {{{"type", "text"}, {"text", "Ana"}, {"parameter_name", "first_name"}}}}}));
  EXPECT_EQ(j["components"][1], (json{{"type", "button"},
                                      {"sub_type", "url"},
                                      {"index", 0},
                                      {"parameters", {{{"type", "text"}, {"text", "track/42"}}}}}));
  EXPECT_EQ(j["components"][2]["parameters"][0], (json{{"type", "coupon_code"}, {"coupon_code", "SAVE10"}}));
  auto doc = json(TemplateParameter::document(Media::id("9"), "invoice.pdf"));
  EXPECT_EQ(doc, (json{{"type", "document"}, {"document", {{"id", "9"}, {"filename", "invoice.pdf"}}}}));
}

TEST(MessageTypes, TextPreviewUrlMatchesExceptTheTypeField) {
  // The documented example leaves out "type" (it defaults to text); this library always sends it.
  auto m = Message::text(kTo, "Our new menu: https://harborlane.example.com/menu", true);
  m.recipient_type.clear();
  auto expected = read_json("fixtures/send_text_preview_url_request.json");
  expected["type"] = "text";
  EXPECT_EQ(body_of(m), expected);
}

TEST(MessageTypes, CallbackDataAndContextOnAnyType) {
  auto m = Message::sticker("1555", Media::id("5")).reply_to("wamid.A").with_callback_data("order-42");
  const auto j = body_of(m);
  EXPECT_EQ(j["context"], (json{{"message_id", "wamid.A"}}));
  EXPECT_EQ(j["biz_opaque_callback_data"], "order-42");
}

TEST(MessageTypes, NoNullsForUnsetFields) {
  std::function<void(const json&, const std::string&)> no_null = [&](const json& j, const std::string& at) {
    ASSERT_FALSE(j.is_null()) << at;
    if (j.is_structured()) {
      for (const auto& [k, v] : j.items()) no_null(v, at + "/" + k);
    }
  };
  no_null(body_of(Message::image("1", Media::id("1"))), "image");
  no_null(body_of(Message::document("1", Media::link("https://x"))), "document");
  no_null(body_of(Message::interactive("1", Interactive::product("c", "p"))), "product");
  no_null(body_of(Message::interactive("1", Interactive::catalog("b"))), "catalog");
  Contact card;
  card.name.formatted_name = "A";
  no_null(body_of(Message::contacts("1", {card})), "contacts");
  no_null(body_of(Message::location("1", {1, 2, std::nullopt, std::nullopt})), "location");
}

TEST(MessageTypes, SendResponseVariantsParse) {
  FakeTransport t;
  ClientOptions o;
  o.api_token = "t";
  Client<FakeTransport> client(o, t);
  t.push(200, whatsapp_test::in_data_envelope(read_json("fixtures/send_response_wa_id_trailing_space.json")));
  auto a = client.messages().send("1", Message::text("48500100200", "hi"));
  ASSERT_TRUE(a.ok()) << a.error().to_string();
  EXPECT_EQ(a->contacts[0].wa_id, "48500100200 ");  // kept exactly, trailing space included
  EXPECT_EQ(a->message_id(), "wamid.SGFyYm9yTGFuZS5hY2NlcHRlZC4wMDY=");
  t.push(200, whatsapp_test::in_data_envelope(read_json("fixtures/send_response_held_for_quality.json")));
  auto b = client.messages().send("1", Message::location_request("1", "Where are you?"));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->messages[0].message_status, "held_for_quality_assessment");
  EXPECT_EQ(b->contacts[0].wa_id, "16035550188");
}

}  // namespace message_types_test
