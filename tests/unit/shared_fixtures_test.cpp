// Meta's own example payloads, read from the project's shared fixture set when it sits beside the
// repository (../shared/fixtures, WHATSAPP_SHARED_FIXTURES_DIR; the repository keeps no copy of
// them, see tests/data/fixtures/README.md): request bodies our builders must reproduce, answers
// and errors our readers must read. The inputs are taken from each payload itself. Without the
// directory every test here is skipped.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <system_error>

#include "api_test_support.hpp"
#include "whatsapp/protocol/envelope.hpp"
#include "whatsapp/webhook/parse.hpp"
#include "whatsapp/webhook/signature.hpp"

namespace shared_fixtures_test {

using whatsapp::HttpResponse;
using whatsapp::Media;
using whatsapp::Message;
using whatsapp::transport::FakeTransport;
using whatsapp_test::api_options;
using whatsapp_test::FakeClient;
using whatsapp_test::in_data_envelope;
using json = nlohmann::json;

const std::filesystem::path kShared = WHATSAPP_SHARED_FIXTURES_DIR;

bool have_shared() {
  std::error_code ec;
  return std::filesystem::is_directory(kShared, ec);
}

#define REQUIRE_SHARED_FIXTURES() \
  if (!have_shared()) GTEST_SKIP() << "no shared fixture set at " << kShared.string()

std::string shared_text(const std::string& name) {
  std::ifstream in(kShared / name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

json shared(const std::string& name) { return json::parse(shared_text(name)); }

std::string str(const json& j) { return j.get<std::string>(); }

TEST(SharedFixtures, MessageBodiesAreReproduced) {
  REQUIRE_SHARED_FIXTURES();
  const auto text = shared("send_text_request.json");
  EXPECT_EQ(whatsapp_test::sent_body(
                Message::text(str(text["to"]), str(text["text"]["body"]), text["text"]["preview_url"])),
            text);

  const auto reply = shared("send_text_reply_context_request.json");
  EXPECT_EQ(whatsapp_test::sent_body(Message::text(str(reply["to"]), str(reply["text"]["body"]))
                                         .reply_to(str(reply["context"]["message_id"]))),
            reply);

  const auto image = shared("send_image_link_request.json");
  EXPECT_EQ(
      whatsapp_test::sent_body(Message::image(str(image["to"]), Media::link(str(image["image"]["link"])))),
      image);

  const auto doc = shared("send_document_id_request.json");
  const auto& d = doc["document"];
  EXPECT_EQ(whatsapp_test::sent_body(Message::document(str(doc["to"]), Media::id(str(d["id"])),
                                                       str(d["caption"]), str(d["filename"]))),
            doc);

  const auto loc = shared("send_location_request.json");
  const auto& l = loc["location"];
  EXPECT_EQ(whatsapp_test::sent_body(
                Message::location(str(loc["to"]), {l["latitude"].get<double>(), l["longitude"].get<double>(),
                                                   str(l["name"]), str(l["address"])})),
            loc);

  const auto react = shared("send_reaction_request.json");
  EXPECT_EQ(whatsapp_test::sent_body(Message::reaction(str(react["to"]), str(react["reaction"]["message_id"]),
                                                       str(react["reaction"]["emoji"]))),
            react);

  const auto buttons = shared("send_interactive_button_request.json");
  std::vector<whatsapp::ReplyButton> rows;
  for (const auto& b : buttons["interactive"]["action"]["buttons"]) {
    rows.push_back({str(b["reply"]["id"]), str(b["reply"]["title"])});
  }
  EXPECT_EQ(whatsapp_test::sent_body(Message::interactive_buttons(
                str(buttons["to"]), str(buttons["interactive"]["body"]["text"]), rows)),
            buttons);

  const auto hello = shared("send_template_hello_world_request.json");
  auto t = Message::template_message(str(hello["to"]), str(hello["template"]["name"]),
                                     str(hello["template"]["language"]["code"]));
  t.recipient_type.clear();  // Meta's example leaves it out
  EXPECT_EQ(whatsapp_test::sent_body(t), hello);
}

// The contact card and the flows of Meta's examples, built through the SDK's API: their bodies
// are written by the SDK's own writer (no JSON tree since 2026-12-05), so these hold that writer
// to Meta's documented shapes, not only to nlohmann's output.
TEST(SharedFixtures, ContactAndFlowBodiesAreReproduced) {
  REQUIRE_SHARED_FIXTURES();
  const auto opt = [](const json& j, const char* key) -> std::optional<std::string> {
    if (!j.contains(key)) return std::nullopt;
    return str(j[key]);
  };
  const auto contacts = shared("send_contacts_request.json");
  const json& card = contacts["contacts"][0];
  whatsapp::Contact c;
  c.name = {str(card["name"]["formatted_name"]), opt(card["name"], "first_name"),
            opt(card["name"], "last_name"),      opt(card["name"], "middle_name"),
            opt(card["name"], "suffix"),         opt(card["name"], "prefix")};
  for (const auto& a : card["addresses"]) {
    c.addresses.push_back({opt(a, "street"), opt(a, "city"), opt(a, "state"), opt(a, "zip"),
                           opt(a, "country"), opt(a, "country_code"), opt(a, "type")});
  }
  for (const auto& e : card["emails"]) c.emails.push_back({str(e["email"]), opt(e, "type")});
  for (const auto& ph : card["phones"])
    c.phones.push_back({str(ph["phone"]), opt(ph, "type"), opt(ph, "wa_id")});
  for (const auto& u : card["urls"]) c.urls.push_back({str(u["url"]), opt(u, "type")});
  c.org = whatsapp::ContactOrg{opt(card["org"], "company"), opt(card["org"], "department"),
                               opt(card["org"], "title")};
  c.birthday = opt(card, "birthday");
  auto m = Message::contacts(str(contacts["to"]), {c});
  m.recipient_type.clear();  // Meta's example leaves it out
  EXPECT_EQ(whatsapp_test::sent_body(m), contacts);

  for (const char* name :
       {"send_interactive_flow_request.json", "send_interactive_flow_draft_request.json"}) {
    const auto flow = shared(name);
    const json& i = flow["interactive"];
    const json& p = i["action"]["parameters"];
    whatsapp::FlowAction f;
    f.flow_message_version = str(p["flow_message_version"]);
    f.flow_token = str(p["flow_token"]);
    f.flow_id = str(p["flow_id"]);
    f.flow_cta = str(p["flow_cta"]);
    f.flow_action = opt(p, "flow_action");
    f.screen = opt(p["flow_action_payload"], "screen");
    f.data = p["flow_action_payload"]["data"];
    f.mode = opt(p, "mode");
    auto interactive = whatsapp::Interactive::flow(str(i["body"]["text"]), std::move(f))
                           .with_header(whatsapp::InteractiveHeader::text(str(i["header"]["text"])))
                           .with_footer(str(i["footer"]["text"]));
    EXPECT_EQ(whatsapp_test::sent_body(Message::interactive(str(flow["to"]), std::move(interactive))), flow)
        << name;
  }
}

TEST(SharedFixtures, MarkReadWithTypingIndicatorBodyIsReproduced) {
  REQUIRE_SHARED_FIXTURES();
  const auto expected = shared("mark_read_with_typing_indicator_request.json");
  FakeTransport t;
  t.push(200, in_data_envelope({{"success", true}}));
  FakeClient client(api_options(), t);
  ASSERT_TRUE(client.messages().mark_read("1", str(expected["message_id"]), {true}).ok());
  EXPECT_EQ(json::parse(t.last_request().body), expected);
}

TEST(SharedFixtures, SendAnswersAreRead) {
  REQUIRE_SHARED_FIXTURES();
  for (const char* name : {"send_response.json", "send_response_placeholder_ids.json",
                           "send_response_with_message_status.json"}) {
    SCOPED_TRACE(name);
    const auto answer = shared(name);
    FakeTransport t;
    t.push(200, in_data_envelope(answer));
    FakeClient client(api_options(), t);
    auto r = client.messages().send("1", Message::text("15550104477", "hi"));
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->message_id(), str(answer["messages"][0]["id"]));
    EXPECT_EQ(r->contacts[0].wa_id, str(answer["contacts"][0]["wa_id"]));  // trailing space kept
    EXPECT_EQ(r->messages[0].message_status.value_or(""), answer["messages"][0].value("message_status", ""));
    EXPECT_EQ(r->raw(), answer);
  }
}

// The open-source LowCodeAPI server's own success answer, as it sends it: Meta's body under
// "result", beside "message", "provider" and "response_headers" (not the compact shape the send
// reader takes first, so the general reader reads it).
TEST(SharedFixtures, TheOpenSourceServersSendAnswerIsRead) {
  REQUIRE_SHARED_FIXTURES();
  const std::string body = shared_text("lowcodeapi_success_envelope_opensource.json");
  const json answer = json::parse(body);
  FakeTransport t;
  t.push(200, body);
  FakeClient client(api_options(), t);
  auto r = client.messages().send("1", Message::text("15550104477", "hi"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->message_id(), str(answer["result"]["messages"][0]["id"]));
  EXPECT_EQ(r->contacts.at(0).wa_id, str(answer["result"]["contacts"][0]["wa_id"]));
  EXPECT_EQ(r->raw(), answer["result"]);
}

// The texts of Meta's examples, sent and received, pass the checks a send makes (the UTF-8
// count, the control characters read eight bytes at a time, blankness).
TEST(SharedFixtures, MetasExampleTextsPassValidation) {
  REQUIRE_SHARED_FIXTURES();
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kShared)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("send_text", 0) != 0 && name.rfind("webhook_text", 0) != 0) continue;
    const json j = shared(name);
    for (const auto& text :
         {j.value("/text/body"_json_pointer, std::string()),
          j.value("/entry/0/changes/0/value/messages/0/text/body"_json_pointer, std::string())}) {
      if (text.empty()) continue;
      SCOPED_TRACE(name);
      SCOPED_TRACE(text);
      EXPECT_TRUE(whatsapp::validate(Message::text("15550104477", text)).ok());
      ++checked;
    }
  }
  EXPECT_GE(checked, 5);
}

TEST(SharedFixtures, PhoneNumberMediaAndTemplateAnswersAreRead) {
  REQUIRE_SHARED_FIXTURES();
  FakeTransport t;
  FakeClient client(api_options(), t);

  const auto number = shared("phone_number.json");
  t.push(200, in_data_envelope(number));
  auto n = client.phone_numbers().get(str(number["id"]));
  ASSERT_TRUE(n.ok()) << n.error().to_string();
  EXPECT_EQ(n->verified_name, str(number["verified_name"]));
  EXPECT_EQ(n->code_verification_status, str(number["code_verification_status"]));

  const auto numbers = shared("phone_numbers_list.json");
  t.push(200, in_data_envelope(numbers));
  auto list = client.phone_numbers().list("1");
  ASSERT_TRUE(list.ok()) << list.error().to_string();
  ASSERT_EQ(list->items.size(), numbers["data"].size());
  EXPECT_EQ(list->items[1].id, str(numbers["data"][1]["id"]));
  EXPECT_EQ(list->after, str(numbers["paging"]["cursors"]["after"]));

  const auto media = shared("media_url_response.json");
  t.push(200, in_data_envelope(media));
  auto m = client.media().retrieve(str(media["id"]));
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  EXPECT_EQ(m->url, str(media["url"]));
  EXPECT_EQ(m->file_size.value_or(0), std::stoull(str(media["file_size"])));  // a number in a string

  const auto templates = shared("templates_list_response.json");
  t.push(200, in_data_envelope(templates));
  auto tl = client.templates().list("1");
  ASSERT_TRUE(tl.ok()) << tl.error().to_string();
  ASSERT_EQ(tl->items.size(), templates["data"].size());
  EXPECT_EQ(tl->items[1].name, str(templates["data"][1]["name"]));

  for (const char* name : {"business_profile_response.json", "business_profile_response_openapi.json"}) {
    SCOPED_TRACE(name);
    const auto profile = shared(name);
    const auto& fields = profile["data"][0].contains("business_profile")
                             ? profile["data"][0]["business_profile"]
                             : profile["data"][0];
    t.push(200, in_data_envelope(profile));
    auto p = client.business().get_profile("1");
    ASSERT_TRUE(p.ok()) << p.error().to_string();
    EXPECT_EQ(p->about, str(fields["about"]));
    EXPECT_EQ(p->websites.size(), fields["websites"].size());
  }
}

TEST(SharedFixtures, GraphErrorsAreTyped) {
  REQUIRE_SHARED_FIXTURES();
  for (const char* name :
       {"error_100_invalid_parameter.json", "error_131030_recipient_not_allowed.json",
        "error_131056_pair_rate_limit.json", "error_132001_template_not_found.json",
        "error_190_expired_token.json", "error_190_invalid_oauth_token.json", "error_200_permission.json",
        "error_2_service_unavailable_transient.json", "error_4_app_rate_limit.json"}) {
    SCOPED_TRACE(name);
    const std::string body = shared_text(name);
    const auto error = json::parse(body)["error"];
    HttpResponse answer;
    answer.status = 400;
    answer.body = body;
    auto r = whatsapp::unwrap_envelope(answer);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind(), whatsapp::ErrorKind::kApi);
    const auto code = error["code"].is_string() ? std::stol(str(error["code"])) : error["code"].get<long>();
    EXPECT_EQ(r.error().code(), code);
    ASSERT_TRUE(r.error().graph().has_value());
    EXPECT_EQ(r.error().graph()->fbtrace_id, str(error["fbtrace_id"]));
    if (error.contains("error_data")) {
      EXPECT_EQ(r.error().graph()->details, str(error["error_data"]["details"]));
    }
  }
}

TEST(SharedFixtures, EveryWebhookNotificationParses) {
  REQUIRE_SHARED_FIXTURES();
  int parsed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kShared)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("webhook_", 0) != 0 || entry.path().extension() != ".json") continue;
    const auto j = shared(name);
    if (!j.contains("entry")) continue;  // signature vectors, verify parameters, a bare value
    SCOPED_TRACE(name);
    auto r = whatsapp::webhook::parse(shared_text(name));
    EXPECT_TRUE(r.ok()) << r.error().message();
    ++parsed;
  }
  EXPECT_GT(parsed, 40);
}

TEST(SharedFixtures, WebhookSignatureVectorsVerify) {
  REQUIRE_SHARED_FIXTURES();
  const auto v = shared("webhook_signature_vectors.json")["vectors"];
  ASSERT_GE(v.size(), 2u);
  EXPECT_TRUE(whatsapp::webhook::verify_signature(str(v[0]["body_as_escaped"]), str(v[0]["header"]),
                                                  str(v[0]["app_secret"]))
                  .ok());
  EXPECT_EQ(whatsapp::webhook::sign(str(v[1]["body"]), str(v[1]["app_secret"])), str(v[1]["header"]));
}

}  // namespace shared_fixtures_test
