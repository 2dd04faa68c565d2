// Validation before sending: every limit refused with the field named, counted in characters;
// mark as read in both forms.
//
// Fixtures: mark_read_request, mark_read_with_typing_indicator_request, mark_read_response,
// template_response (definition for validate_against).

#include <gtest/gtest.h>

#include <string>

#include "test_support.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/transport/fake.hpp"

namespace message_validation_test {

using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::ErrorKind;
using whatsapp::HttpMethod;
using whatsapp::Interactive;
using whatsapp::InteractiveHeader;
using whatsapp::ListRow;
using whatsapp::ListSection;
using whatsapp::Media;
using whatsapp::Message;
using whatsapp::ReplyButton;
using whatsapp::TemplateComponent;
using whatsapp::TemplateMessage;
using whatsapp::TemplateParameter;
using whatsapp::transport::FakeTransport;
using whatsapp_test::read_json;
using json = nlohmann::json;

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}
const std::string kCheck = "\xE2\x9C\x93";  // one character, three bytes

struct Case {
  const char* name;
  Message message;
  const char* field;
};

class Refused : public ::testing::TestWithParam<Case> {};

TEST_P(Refused, BeforeSendingNamingTheField) {
  FakeTransport t;
  ClientOptions o;
  o.api_token = "t";
  Client<FakeTransport> client(o, t);
  auto r = client.messages().send("1", GetParam().message);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(r.error().field(), GetParam().field) << r.error().message();
  EXPECT_EQ(t.request_count(), 0u);
}

std::vector<ReplyButton> buttons(std::size_t n) {
  std::vector<ReplyButton> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back({"id" + std::to_string(i), "B" + std::to_string(i)});
  return out;
}

std::vector<ListSection> sections(std::size_t n, std::size_t rows_each) {
  std::vector<ListSection> out;
  int id = 0;
  for (std::size_t s = 0; s < n; ++s) {
    ListSection sec{"S" + std::to_string(s), {}};
    for (std::size_t r = 0; r < rows_each; ++r)
      sec.rows.push_back({"r" + std::to_string(id++), "Row", std::nullopt});
    out.push_back(sec);
  }
  return out;
}

Message list_with_row(ListRow row) {
  return Message::interactive_list("1", "body", "Menu", {{std::nullopt, {std::move(row)}}});
}

Media both() {
  Media m = Media::id("1");
  m.url = "https://x";
  return m;
}

const std::vector<Case>& cases() {
  static const std::vector<Case> kCases = {
      {"fourButtons", Message::interactive_buttons("1", "b", buttons(4)), "interactive.action.buttons"},
      {"noButtons", Message::interactive_buttons("1", "b", {}), "interactive.action.buttons"},
      {"buttonTitle21", Message::interactive_buttons("1", "b", {{"a", repeat(kCheck, 21)}}),
       "interactive.action.buttons[0].title"},
      {"buttonId257", Message::interactive_buttons("1", "b", {{std::string(257, 'i'), "t"}}),
       "interactive.action.buttons[0].id"},
      {"duplicateButtonIds", Message::interactive_buttons("1", "b", {{"a", "x"}, {"a", "y"}}),
       "interactive.action.buttons[1].id"},
      {"elevenSections", Message::interactive_list("1", "b", "Menu", sections(11, 1)),
       "interactive.action.sections"},
      {"elevenRows", Message::interactive_list("1", "b", "Menu", sections(2, 6)),
       "interactive.action.sections"},
      {"rowTitle25", list_with_row({"r", repeat(kCheck, 25), std::nullopt}),
       "interactive.action.sections[0].rows[0].title"},
      {"rowDescription73", list_with_row({"r", "t", repeat(kCheck, 73)}),
       "interactive.action.sections[0].rows[0].description"},
      {"listButton21", Message::interactive_list("1", "b", repeat(kCheck, 21), sections(1, 1)),
       "interactive.action.button"},
      {"untitledSections",
       Message::interactive_list(
           "1", "b", "M",
           {{std::nullopt, {{"a", "A", std::nullopt}}}, {std::nullopt, {{"b", "B", std::nullopt}}}}),
       "interactive.action.sections[0].title"},
      {"body1025", Message::interactive_buttons("1", repeat(kCheck, 1025), buttons(1)),
       "interactive.body.text"},
      {"header61",
       Message::interactive(
           "1",
           Interactive::buttons("b", buttons(1)).with_header(InteractiveHeader::text(repeat(kCheck, 61)))),
       "interactive.header.text"},
      {"footer61",
       Message::interactive("1", Interactive::buttons("b", buttons(1)).with_footer(repeat(kCheck, 61))),
       "interactive.footer.text"},
      {"ctaText21", Message::interactive_cta_url("1", "b", repeat("x", 21), "https://x"),
       "interactive.action.parameters.display_text"},
      {"text4097", Message::text("1", repeat(kCheck, 4097)), "text.body"},
      {"caption1025", Message::image("1", Media::id("1"), repeat(kCheck, 1025)), "image.caption"},
      {"videoCaption1025", Message::video("1", Media::id("1"), repeat(kCheck, 1025)), "video.caption"},
      {"documentCaption1025", Message::document("1", Media::id("1"), repeat(kCheck, 1025)),
       "document.caption"},
      {"mediaWithoutSource", Message::image("1", Media{}), "image"},
      {"mediaWithBoth", Message::audio("1", both()), "audio"},
      {"stickerWithoutSource", Message::sticker("1", Media{}), "sticker"},
      {"reactionWithoutMessage", Message::reaction("1", "", "x"), "reaction.message_id"},
      {"latitude91", Message::location("1", {91, 0, std::nullopt, std::nullopt}), "location.latitude"},
      {"noContacts", Message::contacts("1", {}), "contacts"},
      {"templateWithoutName", Message::template_message("1", "", "en_US"), "template.name"},
      {"templateMediaWithoutSource",
       Message::template_message("1",
                                 TemplateMessage("t", "en").with_header({TemplateParameter::image(Media{})})),
       "template.components[0].parameters[0]"},
      {"callbackData513", Message::text("1", "hi").with_callback_data(std::string(513, 'x')),
       "biz_opaque_callback_data"},
  };
  return kCases;
}

INSTANTIATE_TEST_SUITE_P(Limits, Refused, ::testing::ValuesIn(cases()),
                         [](const auto& test) { return std::string(test.param.name); });

TEST(Limits, ExactlyAtTheLimitIsAccepted) {
  EXPECT_TRUE(validate(Message::interactive_buttons(
                           "1", repeat(kCheck, 1024),
                           {{std::string(256, 'i'), repeat(kCheck, 20)}, {"b", "B"}, {"c", "C"}}))
                  .ok());
  EXPECT_TRUE(validate(Message::interactive_list("1", "b", repeat(kCheck, 20), sections(10, 1))).ok());
  EXPECT_TRUE(validate(Message::interactive_list("1", "b", "M", sections(2, 5))).ok());
  EXPECT_TRUE(validate(list_with_row({"r", repeat(kCheck, 24), repeat(kCheck, 72)})).ok());
  EXPECT_TRUE(validate(Message::interactive("1", Interactive::buttons("b", buttons(1))
                                                     .with_header(InteractiveHeader::text(repeat(kCheck, 60)))
                                                     .with_footer(repeat(kCheck, 60))))
                  .ok());
  EXPECT_TRUE(validate(Message::image("1", Media::id("1"), repeat(kCheck, 1024))).ok());
  EXPECT_TRUE(validate(Message::remove_reaction("1", "wamid.X")).ok());
}

TEST(TemplateValidation, ParameterCountAgainstTheDefinition) {
  auto def = whatsapp::detail::decode<whatsapp::Template>(read_json("fixtures/template_response.json"), "t");
  ASSERT_TRUE(def.ok());
  auto good = TemplateMessage("weekend_bake_sale", "en_US")
                  .with_body({TemplateParameter::text("Maria"), TemplateParameter::text("RYE15")})
                  .with_button(TemplateComponent::quick_reply(0, "stop"));
  EXPECT_TRUE(good.validate_against(*def).ok());

  auto short_body =
      TemplateMessage("weekend_bake_sale", "en_US").with_body({TemplateParameter::text("Maria")});
  auto r = short_body.validate_against(*def);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field(), "template.components[body].parameters");
  EXPECT_EQ(r.error().message(),
            "template.components[body].parameters: template \"weekend_bake_sale\" expects 2 body parameters, "
            "got 1");

  auto header_params = TemplateMessage("weekend_bake_sale", "en_US")
                           .with_header({TemplateParameter::text("x")})
                           .with_body({TemplateParameter::text("a"), TemplateParameter::text("b")});
  EXPECT_EQ(header_params.validate_against(*def).error().field(), "template.components[header].parameters");

  auto bad_button = TemplateMessage(good).with_button(TemplateComponent::quick_reply(1, "x"));
  EXPECT_EQ(bad_button.validate_against(*def).error().field(), "template.components[button].index");
}

TEST(TemplateValidation, NamedParametersMustMatchByName) {
  whatsapp::Template def;
  def.name = "greet";
  def.parameter_format = "NAMED";
  def.components = {
      whatsapp::TemplateComponentDef::body("Hi {{first_name}}, order {{order_id}} ships {{ first_name }}")};
  EXPECT_EQ(whatsapp::template_placeholders(*def.components[0].text),
            (std::vector<std::string>{"first_name", "order_id"}));
  auto ok = TemplateMessage("greet", "en")
                .with_body({TemplateParameter::named("order_id", "7"),
                            TemplateParameter::named("first_name", "Ana")});
  EXPECT_TRUE(ok.validate_against(def).ok());
  auto wrong =
      TemplateMessage("greet", "en")
          .with_body({TemplateParameter::named("first", "Ana"), TemplateParameter::named("order_id", "7")});
  auto r = wrong.validate_against(def);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("\"first\" is not one of them"), std::string::npos);
}

TEST(TemplateValidation, MediaHeaderTakesOneParameter) {
  whatsapp::Template def;
  def.name = "promo";
  whatsapp::TemplateComponentDef header;
  header.type = "HEADER";
  header.format = "IMAGE";
  def.components = {header, whatsapp::TemplateComponentDef::body("Hello")};
  EXPECT_TRUE(TemplateMessage("promo", "en")
                  .with_header({TemplateParameter::image(Media::id("1"))})
                  .validate_against(def)
                  .ok());
  EXPECT_FALSE(TemplateMessage("promo", "en").validate_against(def).ok());
}

struct MarkRead : ::testing::Test {
  FakeTransport t;
  Client<FakeTransport> client{opts(), t};
  static ClientOptions opts(whatsapp::FormatPolicy p = whatsapp::FormatPolicy::kNewThenOld) {
    ClientOptions o;
    o.api_token = "at";
    o.format_policy = p;
    return o;
  }
};

TEST_F(MarkRead, BodyFormIsTheDefault) {
  t.push(200, whatsapp_test::in_data_envelope(nlohmann::json{{"success", true}}));
  ASSERT_TRUE(client.messages().mark_read("106540352242922", "wamid.SGFyYm9yTGFuZS5yZWFkLjAwMw==").ok());
  const auto req = t.last_request();
  EXPECT_EQ(req.method, HttpMethod::kPost);
  EXPECT_EQ(req.url, "https://api.lowcodeapi.com/whatsapp/v22.0/106540352242922/messages?api_token=at");
  EXPECT_EQ(json::parse(req.body), read_json("fixtures/mark_read_request.json"));
}

TEST_F(MarkRead, TypingIndicator) {
  t.push(200, whatsapp_test::in_data_envelope(nlohmann::json{{"success", true}}));
  const std::string id = "wamid.SGFyYm9yTGFuZS50eXBpbmcuMDA0";
  ASSERT_TRUE(client.messages().mark_read("1", id, {true}).ok());
  EXPECT_EQ(json::parse(t.last_request().body),
            read_json("fixtures/mark_read_with_typing_indicator_request.json"));
}

TEST_F(MarkRead, PathFormInBothUrlFormats) {
  t.push(200, R"({"data":{"success":true}})");
  whatsapp::MarkReadOptions path;
  path.form = whatsapp::MarkReadForm::kPath;
  ASSERT_TRUE(client.messages().mark_read("106540352242922", "wamid.A/B", path).ok());
  EXPECT_EQ(t.last_request().url,
            "https://api.lowcodeapi.com/whatsapp/v22.0/106540352242922/messages/wamid.A%2FB?api_token=at");
  EXPECT_EQ(json::parse(t.last_request().body), (json{{"status", "read"}}));

  FakeTransport old;
  Client<FakeTransport> old_client(opts(whatsapp::FormatPolicy::kOldOnly), old);
  old.push(200, R"({"data":{"success":true}})");
  ASSERT_TRUE(old_client.messages().mark_read("106540352242922", "wamid.A", path).ok());
  EXPECT_EQ(old.last_request().url,
            "https://api.lowcodeapi.com/whatsapp/v22.0/from_phone_number_id/messages/message_id"
            "?FROM_PHONE_NUMBER_ID=106540352242922&MESSAGE_ID=wamid.A&api_token=at");
  old.push(200, R"({"data":{"success":true}})");
  ASSERT_TRUE(old_client.messages().mark_read("106540352242922", "wamid.A").ok());
  EXPECT_EQ(old.last_request().url,
            "https://api.lowcodeapi.com/whatsapp/v22.0/from_phone_number_id/"
            "messages?FROM_PHONE_NUMBER_ID=106540352242922&api_token=at");
}

TEST_F(MarkRead, RefusalsAndNonSuccessAnswers) {
  whatsapp::MarkReadOptions bad{true, whatsapp::MarkReadForm::kPath};
  EXPECT_EQ(client.messages().mark_read("1", "w", bad).error().field(), "typing_indicator");
  EXPECT_EQ(client.messages().mark_read("1", "").error().field(), "message_id");
  EXPECT_EQ(t.request_count(), 0u);
  t.push(200, R"({"data":{"success":false}})");
  auto r = client.messages().mark_read("1", "w");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kParse);
  t.push(400, R"({"data":{"error":{"message":"(#100) Invalid parameter","code":100}}})");
  EXPECT_EQ(client.messages().mark_read("1", "w").error().code(), 100);
}

}  // namespace message_validation_test
