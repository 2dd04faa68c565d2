// Every message type: the body built for the input of each of Meta's examples equals the example.
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
// send_template_text_request, send_response_placeholder_ids,
// send_response_with_message_status_doc_placeholders.

#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "test_support.hpp"
#include "whatsapp/client.hpp"
#include "whatsapp/transport/fake.hpp"

namespace {

using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::Contact;
using whatsapp::Currency;
using whatsapp::DateTime;
using whatsapp::Interactive;
using whatsapp::InteractiveHeader;
using whatsapp::Media;
using whatsapp::Message;
using whatsapp::TemplateComponent;
using whatsapp::TemplateMessage;
using whatsapp::TemplateParameter;
using whatsapp::transport::FakeTransport;
using whatsapp_test::read_json;
using json = nlohmann::json;

constexpr const char* kTo = "{{Recipient-Phone-Number}}";

json body_of(const Message& m) { return json(m); }

void expect_valid(Message m) {
  // Meta's examples have a placeholder recipient and template names ("template-name",
  // "<TEMPLATE_NAME>") that validate() refuses: checked here with real ones.
  m.to = "15551234567";
  if (auto* t = std::get_if<TemplateMessage>(&m.content)) t->name = "doc_example";
  auto v = whatsapp::validate(m);
  EXPECT_TRUE(v.ok()) << v.error().to_string();
}

TEST(MessageTypes, MediaByIdAndByLink) {
  EXPECT_EQ(body_of(Message::audio(kTo, Media::id("<AUDIO_OBJECT_ID>"))),
            read_json("fixtures/send_audio_id_request.json"));
  EXPECT_EQ(body_of(Message::audio(kTo, Media::link("<http(s)://audio-url>"))),
            read_json("fixtures/send_audio_link_request.json"));
  EXPECT_EQ(body_of(Message::image(kTo, Media::id("<IMAGE_OBJECT_ID>"))),
            read_json("fixtures/send_image_id_request.json"));
  EXPECT_EQ(body_of(Message::image(kTo, Media::link("http(s)://image-url"))),
            read_json("fixtures/send_image_link_request.json"));
  EXPECT_EQ(body_of(Message::image(kTo, Media::id("<IMAGE_OBJECT_ID>")).reply_to("<MSGID_OF_PREV_MSG>")),
            read_json("fixtures/send_image_reply_context_request.json"));
  EXPECT_EQ(body_of(Message::video(kTo, Media::id("<VIDEO_OBJECT_ID>"), "<VIDEO_CAPTION_TEXT>")),
            read_json("fixtures/send_video_id_request.json"));
  EXPECT_EQ(body_of(Message::video(kTo, Media::link("<http(s)://video-url>"), "<VIDEO_CAPTION_TEXT>")),
            read_json("fixtures/send_video_link_request.json"));
  EXPECT_EQ(body_of(Message::document(kTo, Media::id("<DOCUMENT_OBJECT_ID>"), "<DOCUMENT_CAPTION_TO_SEND>",
                                      "<DOCUMENT_FILENAME>")),
            read_json("fixtures/send_document_id_request.json"));
  EXPECT_EQ(
      body_of(Message::document(kTo, Media::link("<http(s)://document-url>"), "<DOCUMENT-CAPTION-TEXT>")),
      read_json("fixtures/send_document_link_request.json"));
  EXPECT_EQ(body_of(Message::sticker(kTo, Media::id("<MEDIA_OBJECT_ID>"))),
            read_json("fixtures/send_sticker_id_request.json"));
  EXPECT_EQ(body_of(Message::sticker(kTo, Media::link("<http(s)://sticker-url>"))),
            read_json("fixtures/send_sticker_link_request.json"));
  expect_valid(Message::document(kTo, Media::id("1"), "c", "f.pdf"));
}

TEST(MessageTypes, Location) {
  auto m = Message::location(kTo, {37.758056, -122.425332, "META HQ", "1 Hacker Way, Menlo Park, CA 94025"});
  EXPECT_EQ(body_of(m), read_json("fixtures/send_location_request.json"));
  expect_valid(m);
}

TEST(MessageTypes, Contacts) {
  Contact c;
  c.name = {"John Smith", "John", "Smith", "D.", "Jr", "Dr"};
  c.birthday = "2012-08-18";
  c.addresses = {{"1 Hacker Way", "Menlo Park", "CA", "94025", "United States", "us", "HOME"},
                 {"200 Jefferson Dr", "Menlo Park", "CA", "94025", "United States", "us", "WORK"}};
  c.emails = {{"test@fb.com", "WORK"}, {"test@whatsapp.com", "HOME"}};
  c.org = whatsapp::ContactOrg{"WhatsApp", "Design", "Manager"};
  c.phones = {{"+1 (940) 555-1234", "HOME", std::nullopt}, {"+1 (650) 555-1234", "WORK", "16505551234"}};
  c.urls = {{"https://www.facebook.com", "WORK"}, {"https://www.whatsapp.com", "HOME"}};
  auto m = Message::contacts(kTo, {c});
  m.recipient_type.clear();  // Meta's example leaves recipient_type out
  EXPECT_EQ(body_of(m), read_json("fixtures/send_contacts_request.json"));
  expect_valid(m);
}

TEST(MessageTypes, Reaction) {
  auto m = Message::reaction(kTo, "wamid.HBgLM...", "\xF0\x9F\x98\x80");
  EXPECT_EQ(body_of(m), read_json("fixtures/send_reaction_request.json"));
  expect_valid(m);
  auto removal = body_of(Message::remove_reaction("1555", "wamid.X"));
  EXPECT_EQ(removal["reaction"], (json{{"message_id", "wamid.X"}, {"emoji", ""}}));
}

TEST(MessageTypes, InteractiveButtons) {
  auto m = Message::interactive_buttons(
      kTo, "<BUTTON_TEXT>",
      {{"<UNIQUE_BUTTON_ID_1>", "<BUTTON_TITLE_1>"}, {"<UNIQUE_BUTTON_ID_2>", "<BUTTON_TITLE_2>"}});
  EXPECT_EQ(body_of(m), read_json("fixtures/send_interactive_button_request.json"));
  expect_valid(m);
}

TEST(MessageTypes, InteractiveList) {
  auto m = Message::interactive(
      kTo, Interactive::list(
               "<BODY_TEXT>", "<BUTTON_TEXT>",
               {{"<LIST_SECTION_1_TITLE>",
                 {{"<LIST_SECTION_1_ROW_1_ID>", "<SECTION_1_ROW_1_TITLE>", "<SECTION_1_ROW_1_DESC>"},
                  {"<LIST_SECTION_1_ROW_2_ID>", "<SECTION_1_ROW_2_TITLE>", "<SECTION_1_ROW_2_DESC>"}}},
                {"<LIST_SECTION_2_TITLE>",
                 {{"<LIST_SECTION_2_ROW_1_ID>", "<SECTION_2_ROW_1_TITLE>", "<SECTION_2_ROW_1_DESC>"},
                  {"<LIST_SECTION_2_ROW_2_ID>", "<SECTION_2_ROW_2_TITLE>", "<SECTION_2_ROW_2_DESC>"}}}})
               .with_header(InteractiveHeader::text("<HEADER_TEXT>"))
               .with_footer("<FOOTER_TEXT>"));
  EXPECT_EQ(body_of(m), read_json("fixtures/send_interactive_list_request.json"));
  expect_valid(m);
}

TEST(MessageTypes, InteractiveCtaUrl) {
  InteractiveHeader untyped;  // Meta's example sends the header without "type"
  untyped.text_value = "Available Dates";
  auto m = Message::interactive(
      "+16505555555",
      Interactive::cta_url(
          "Tap the button below to see available dates.", "See Dates",
          "https://www.luckyshrub.com?clickID=kqDGWd24Q5TRwoEQTICY7W1JKoXvaZOXWAS7h1P76s0R7Paec4")
          .with_header(untyped)
          .with_footer("Dates subject to change."));
  EXPECT_EQ(body_of(m), read_json("fixtures/send_interactive_cta_url_request.json"));
  expect_valid(m);
  auto typed = body_of(Message::interactive_cta_url("1", "b", "Go", "https://x.example"));
  EXPECT_EQ(typed["interactive"]["action"]["parameters"]["display_text"], "Go");
}

whatsapp::FlowAction flow_action() {
  whatsapp::FlowAction f;
  f.flow_token = "<FLOW_TOKEN>";
  f.flow_cta = "Open Flow!";
  f.flow_action = "navigate";
  f.screen = "<SCREEN_ID>";
  f.data = json{{"<CUSTOM_KEY>", "<CUSTOM_VALUE>"}};
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
  by_id.flow_id = "{{Flow-ID}}";
  auto m = flow_message(by_id, "<BODY_TEXT>", "<FOOTER_TEXT>", "<HEADER_TEXT>");
  EXPECT_EQ(body_of(m), read_json("fixtures/send_interactive_flow_request.json"));
  expect_valid(m);

  auto by_name = flow_action();
  by_name.flow_name = "{{Flow-Name}}";
  EXPECT_EQ(body_of(flow_message(by_name, "<BODY_TEXT>", "<FOOTER_TEXT>", "<HEADER_TEXT>")),
            read_json("fixtures/send_interactive_flow_by_name_request.json"));

  auto draft = flow_action();
  draft.flow_id = "{{Flow-ID}}";
  draft.flow_cta = "Not shown in draft mode";
  draft.mode = "draft";
  auto d =
      flow_message(draft, "Not shown in draft mode", "Not shown in draft mode", "Not shown in draft mode");
  EXPECT_EQ(body_of(d), read_json("fixtures/send_interactive_flow_draft_request.json"));
  expect_valid(d);
}

TEST(MessageTypes, InteractiveLocationRequest) {
  auto m = Message::location_request("<WHATSAPP_USER_PHONE_NUMBER>", "<BODY_TEXT>");
  EXPECT_EQ(body_of(m), read_json("fixtures/send_interactive_location_request_message_request.json"));
  expect_valid(m);
}

TEST(MessageTypes, InteractiveProductsAndCatalog) {
  auto product = Message::interactive(kTo, Interactive::product("367025965434465", "<ID_TEST_ITEM_1>")
                                               .with_body("<OPTIONAL_BODY_TEXT>")
                                               .with_footer("<OPTIONAL_FOOTER_TEXT>"));
  EXPECT_EQ(body_of(product), read_json("fixtures/send_interactive_product_request.json"));
  expect_valid(product);

  InteractiveHeader header = InteractiveHeader::text("<YOUR_TEXT_HEADER_CONTENT>");
  header.type = "<HEADER_TYPE>";  // Meta's example keeps a placeholder here
  auto list = Message::interactive(
      kTo,
      Interactive::product_list(
          "<YOUR_TEXT_BODY_CONTENT>", "146265584024623",
          {{"<SECTION1_TITLE>", {"<YOUR_PRODUCT1_SKU_IN_CATALOG>", "<YOUR_SECOND_PRODUCT1_SKU_IN_CATALOG>"}},
           {"<SECTION2_TITLE>", {"<YOUR_PRODUCT2_SKU_IN_CATALOG>", "<YOUR_SECOND_PRODUCT2_SKU_IN_CATALOG>"}}})
          .with_header(header)
          .with_footer("<YOUR_TEXT_FOOTER_CONTENT>"));
  EXPECT_EQ(body_of(list), read_json("fixtures/send_interactive_product_list_request.json"));
  expect_valid(list);

  auto catalog = Message::interactive(
      "+16505551234", Interactive::catalog("Hello! Thanks for your interest. Ordering is easy. Just visit "
                                           "our catalog and add items to purchase.",
                                           "2lc20305pt")
                          .with_footer("Best grocery deals on WhatsApp!"));
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
  return {TemplateParameter::text("text-string"),
          TemplateParameter::currency(Currency{"$100.99", "USD", 100990}),
          TemplateParameter::date_time(DateTime{"February 25, 1977", 5, 1977, 2, 25, 15, 33, "GREGORIAN"})};
}

TEST(MessageTypes, TemplateHelloWorld) {
  auto m = Message::template_message(kTo, "hello_world", "en_US");
  m.recipient_type.clear();
  EXPECT_EQ(body_of(m), read_json("fixtures/send_template_hello_world_request.json"));
  expect_valid(m);
}

TEST(MessageTypes, TemplateTextMediaAndInteractive) {
  auto text = TemplateMessage("template-name", "language-and-locale-code").with_body(body_params());
  EXPECT_EQ(body_of(Message::template_message(kTo, text)),
            read_json("fixtures/send_template_text_request.json"));

  // Meta's example link "http(s)://the-image-url" is refused by validate(): checked with a real one.
  const auto media_with = [](const std::string& link) {
    return TemplateMessage("template-name", "language-and-locale-code")
        .with_header({TemplateParameter::image(Media::link(link))})
        .with_body(body_params());
  };
  const auto buttons = [](TemplateMessage t) {
    return t.with_button(TemplateComponent::quick_reply("0", "aGlzIHRoaXMgaXMgY29v"))
        .with_button(TemplateComponent::quick_reply("1", "9rwnB8RbYmPF5t2Mn09x4h"));
  };
  const std::string real = "https://example.com/the-image.png";
  EXPECT_EQ(body_of(Message::template_message(kTo, media_with("http(s)://the-image-url"))),
            read_json("fixtures/send_template_media_request.json"));
  expect_valid(Message::template_message(kTo, media_with(real)));

  EXPECT_EQ(body_of(Message::template_message(kTo, buttons(media_with("http(s)://the-image-url")))),
            read_json("fixtures/send_template_interactive_request.json"));
  expect_valid(Message::template_message(kTo, buttons(media_with(real))));
}

TEST(MessageTypes, TemplateCatalogFlowAndBooleanQuickReplies) {
  auto catalog = TemplateMessage("intro_catalog_offer", "en_US")
                     .with_body({TemplateParameter::text("100"), TemplateParameter::text("400"),
                                 TemplateParameter::text("3")})
                     .with_button(TemplateComponent::catalog_button(0, "2lc20305pt"));
  EXPECT_EQ(body_of(Message::template_message("+16505551234", catalog)),
            read_json("fixtures/send_template_catalog_request.json"));

  auto flow = TemplateMessage("<TEMPLATE_NAME>", "en_US")
                  .with_button(TemplateComponent::flow_button("0", "<FLOW_TOKEN>",
                                                              json{{"<CUSTOM_KEY>", "<CUSTOM_VALUE>"}}));
  auto fm = Message::template_message(kTo, flow);
  fm.recipient_type.clear();
  EXPECT_EQ(body_of(fm), read_json("fixtures/send_template_flow_button_request.json"));
  expect_valid(fm);

  // Meta's example sends booleans as "text" of quick-reply buttons: only raw() spells that.
  auto yes_no = TemplateMessage("sample_issue_resolution", "en_US")
                    .with_body({TemplateParameter::text("*Mr. Jones*")})
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
  // Meta's example leaves out "type" (it defaults to text); this library always sends it.
  auto m = Message::text(kTo, "Please visit https://youtu.be/hpltvTEiRrY.", true);
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
  t.push(200, whatsapp_test::in_data_envelope(read_json("fixtures/send_response_placeholder_ids.json")));
  auto a = client.messages().send("1", Message::text("48123456789", "hi"));
  ASSERT_TRUE(a.ok()) << a.error().to_string();
  EXPECT_EQ(a->contacts[0].wa_id, "48XXXXXXXXX ");  // kept exactly, trailing space included
  EXPECT_EQ(a->message_id(), "wamid.gBGGSFcCNEOPAgkO_KJ55r4w_ww");
  t.push(200, whatsapp_test::in_data_envelope(
                  read_json("fixtures/send_response_with_message_status_doc_placeholders.json")));
  auto b = client.messages().send("1", Message::location_request("1", "Where are you?"));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->messages[0].message_status, "<PACING_STATUS>");
  EXPECT_EQ(b->contacts[0].wa_id, "<WHATSAPP_USER_ID>");
}

}  // namespace
