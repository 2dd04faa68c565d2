// The Graph backend's behaviour beyond the shape of its requests: the default base URL, Meta's
// answers read without an envelope (the typed API over our fixtures in Meta's shapes), no URL
// format probing, the read receipt by path, and the calls that fail before anything is sent.

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/transport/fake.hpp"

namespace graph_backend_test {

using whatsapp::Backend;
using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::ErrorKind;
using whatsapp::Message;
using whatsapp::transport::FakeTransport;
using whatsapp_test::read_data;

const std::string kToken = "EAAGbackend0wnT0ken42";

Client<FakeTransport> graph_client(FakeTransport& t) {
  auto o = ClientOptions::graph(kToken);
  o.base_url = "http://127.0.0.1:9/";  // a trailing slash is dropped
  o.retry = whatsapp::RetryPolicy::none();
  return Client<FakeTransport>(o, t);
}

TEST(GraphBackend, DefaultBaseUrlIsGraphNeverLowCodeApi) {
  FakeTransport t;
  t.push(200, read_data("fixtures/send_response.json"));
  ClientOptions o;  // base_url left at LowCodeAPI's default
  o.backend = Backend::kGraph;
  o.access_token = kToken;
  Client<FakeTransport> client(o, t);
  EXPECT_EQ(client.options().base_url, whatsapp::kDefaultGraphBaseUrl);
  ASSERT_TRUE(client.messages().send("1065000000001", Message::text("15550001111", "hi")).ok());
  EXPECT_EQ(t.last_request().url, "https://graph.facebook.com/v22.0/1065000000001/messages");
  o.base_url = std::string(whatsapp::kDefaultBaseUrl) + "/";  // the default with a slash: the same
  EXPECT_EQ(Client<FakeTransport>(o, t).options().base_url, whatsapp::kDefaultGraphBaseUrl);

  const auto f = ClientOptions::graph(kToken);
  EXPECT_EQ(f.backend, Backend::kGraph);
  EXPECT_EQ(f.base_url, whatsapp::kDefaultGraphBaseUrl);
  EXPECT_EQ(f.access_token, kToken);
  EXPECT_EQ(ClientOptions().backend, Backend::kLowCodeApi);
}

TEST(GraphBackend, SendReadsMetasAnswerWithoutEnvelope) {
  FakeTransport t;
  const std::string meta = read_data("fixtures/send_response.json");
  t.push(
      200,
      R"({"messaging_product":"whatsapp","contacts":[{"input":"15550001111","wa_id":"15550001111"}],"messages":[{"id":"wamid.G1"}]})");
  t.push(200, meta);  // pretty-printed, keys in another order: the general reader
  auto client = graph_client(t);
  auto fast = client.messages().send("1065000000001", Message::text("15550001111", "hi"));
  ASSERT_TRUE(fast.ok()) << fast.error().to_string();
  EXPECT_EQ(fast->messages.at(0).id, "wamid.G1");
  auto general = client.messages().send("1065000000001", Message::text("16035550177", "hi"));
  ASSERT_TRUE(general.ok()) << general.error().to_string();
  EXPECT_EQ(general->messages.at(0).id, "wamid.SGFyYm9yTGFuZS5zZW50LjAwNQ==");
  EXPECT_EQ(general->contacts.at(0).wa_id, "16035550177");
  EXPECT_EQ(t.last_request().url, "http://127.0.0.1:9/v22.0/1065000000001/messages");
}

TEST(GraphBackend, EnvelopedAnswerIsNotMistakenForMetas) {
  FakeTransport t;
  t.push(200,
         whatsapp_test::in_data_envelope(nlohmann::json::parse(read_data("fixtures/send_response.json"))));
  auto client = graph_client(t);
  auto r = client.messages().send("1065000000001", Message::text("16035550177", "hi"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kParse);
}

TEST(GraphBackend, TypedReadsDecodeMetasDirectAnswers) {
  FakeTransport t;
  t.push(200, read_data("fixtures/phone_numbers_list.json"));
  t.push(200, read_data("fixtures/media_url_response.json"));
  t.push(200, read_data("fixtures/templates_list_response.json"));
  t.push(200, read_data("fixtures/business_profile_response_nested.json"));
  t.push(200, read_data("fixtures/template_create_response.json"));
  auto client = graph_client(t);

  auto numbers = client.phone_numbers().list("2020000000002");
  ASSERT_TRUE(numbers.ok()) << numbers.error().to_string();
  ASSERT_EQ(numbers->items.size(), 2u);
  EXPECT_EQ(numbers->items[0].id, "208811457730913");
  EXPECT_EQ(numbers->after, "QUZURVJfMDAwMTI=");

  auto media = client.media().retrieve("781204456390231");
  ASSERT_TRUE(media.ok()) << media.error().to_string();
  EXPECT_EQ(media->id, "781204456390231");
  EXPECT_EQ(media->file_size.value_or(0), 48211u);

  auto templates = client.templates().list("2020000000002");
  ASSERT_TRUE(templates.ok()) << templates.error().to_string();
  EXPECT_FALSE(templates->items.empty());

  auto profile = client.business().get_profile("1065000000001");
  ASSERT_TRUE(profile.ok()) << profile.error().to_string();
  EXPECT_EQ(profile->about, "Fresh bread every morning");

  whatsapp::NewTemplate nt;
  nt.name = "order_ready";
  nt.language = "en_US";
  nt.category = "UTILITY";
  whatsapp::TemplateComponentDef body;
  body.type = "BODY";
  body.text = "Your order is ready";
  nt.components.push_back(body);
  auto created = client.templates().create("2020000000002", nt);
  ASSERT_TRUE(created.ok()) << created.error().to_string();
  EXPECT_FALSE(created->id.empty());
}

TEST(GraphBackend, BatchSendsNeedNoFormatProbe) {
  FakeTransport t;
  t.on_request([](const whatsapp::HttpRequest& req) -> whatsapp::Result<whatsapp::HttpResponse> {
    whatsapp::HttpResponse r;
    r.status = 200;
    const auto to = nlohmann::json::parse(req.body).at("to").get<std::string>();
    r.body = R"({"messaging_product":"whatsapp","contacts":[{"input":")" + to + R"(","wa_id":")" + to +
             R"("}],"messages":[{"id":"wamid.)" + to + R"("}]})";
    return r;
  });
  auto client = graph_client(t);
  const std::vector<Message> batch = {Message::text("15550000001", "a"), Message::text("15550000002", "b"),
                                      Message::text("15550000003", "c")};
  const auto results = client.messages().send_batch("1065000000001", batch);
  ASSERT_EQ(results.size(), 3u);
  for (std::size_t i = 0; i < results.size(); ++i) {
    ASSERT_TRUE(results[i].ok()) << results[i].error().to_string();
    EXPECT_EQ(results[i]->message_id(), "wamid.1555000000" + std::to_string(i + 1));
  }
  EXPECT_EQ(t.request_count(), 3u);
  for (const auto& req : t.requests()) {
    EXPECT_EQ(req.url, "http://127.0.0.1:9/v22.0/1065000000001/messages");
    ASSERT_EQ(req.headers.size(), 1u);
    EXPECT_EQ(req.headers[0].second, "Bearer " + kToken);
  }
}

TEST(GraphBackend, A404IsAskedOnceWithoutOldFormatFallback) {
  FakeTransport t;
  t.push(
      404,
      R"({"error":{"message":"Unsupported get request.","type":"GraphMethodException","code":100,"error_subcode":33}})");
  auto client = graph_client(t);
  auto r = client.phone_numbers().get("1065000000001");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(t.request_count(), 1u);
  EXPECT_EQ(r.error().kind(), ErrorKind::kApi);
  EXPECT_EQ(r.error().source(), whatsapp::ErrorSource::kGraph);
  EXPECT_EQ(r.error().code(), 100);
  EXPECT_FALSE(client.confirmed_format(whatsapp::RouteId::kGetPhoneNumber).has_value());
  EXPECT_FALSE(r.error().url_format().has_value());
}

TEST(GraphBackend, ExpiredTokenIsAnAuthorizationErrorThatNamesAccessToken) {
  FakeTransport t;
  t.push(401, read_data("fixtures/error_190_expired_token.json"));
  auto client = graph_client(t);
  auto r = client.messages().send("1065000000001", Message::text("15550001111", "hi"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), 190);
  EXPECT_EQ(r.error().category(), whatsapp::ErrorCategory::kAuthorization);
  EXPECT_NE(r.error().hint().find("access_token"), std::string::npos) << r.error().hint();
  EXPECT_EQ(r.error().hint().find("LowCodeAPI"), std::string::npos) << r.error().hint();
}

TEST(GraphBackend, MarkReadByPathBecomesMetasBodyForm) {
  FakeTransport t;
  t.push(200, R"({"success":true})").push(200, R"({"success":true})");
  auto client = graph_client(t);
  whatsapp::MarkReadOptions path_form;
  path_form.form = whatsapp::MarkReadForm::kPath;
  ASSERT_TRUE(client.messages().mark_read("1065000000001", "wamid.IN1", path_form).ok());
  ASSERT_TRUE(client.messages().mark_read("1065000000001", "wamid.IN1").ok());
  const auto reqs = t.requests();
  ASSERT_EQ(reqs.size(), 2u);
  for (const auto& req : reqs) {
    EXPECT_EQ(req.url, "http://127.0.0.1:9/v22.0/1065000000001/messages");
    EXPECT_EQ(nlohmann::json::parse(req.body),
              nlohmann::json::parse(
                  R"({"messaging_product":"whatsapp","status":"read","message_id":"wamid.IN1"})"));
  }
}

TEST(GraphBackend, ReadReceiptKeepsOtherMembersOfTheBody) {
  FakeTransport t;
  t.push(200, R"({"success":true})");
  auto client = graph_client(t);
  auto r = client.call(whatsapp::RouteId::kMarkMessageRead, {"1065000000001", "wamid.IN2"}, {},
                       {{"typing_indicator", {{"type", "text"}}}, {"status", "unread"}});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const auto body = nlohmann::json::parse(t.last_request().body);
  EXPECT_EQ(body.at("status"), "read");
  EXPECT_EQ(body.at("message_id"), "wamid.IN2");
  EXPECT_EQ(body.at("typing_indicator").at("type"), "text");
}

TEST(GraphBackend, CallsThatCannotBeMadeAreNotSent) {
  FakeTransport t;
  auto o = ClientOptions::graph("");
  o.api_token = "at_set_but_not_for_graph";
  Client<FakeTransport> no_token(o, t);
  auto r = no_token.messages().send("1065000000001", Message::text("15550001111", "hi"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(r.error().field(), "access_token");

  o = ClientOptions::graph("EAAG\r\nX-Injected: yes");
  auto crlf = Client<FakeTransport>(o, t).phone_numbers().get("1065000000001");
  ASSERT_FALSE(crlf.ok());
  EXPECT_EQ(crlf.error().field(), "access_token");
  EXPECT_EQ(crlf.error().to_string().find("Injected"), std::string::npos);
  for (const char* lowcodeapi : {"https://api.lowcodeapi.com/", "https://API.LowCodeAPI.com/whatsapp/v2",
                                 "http://lowcodeapi.com:3456"}) {
    o = ClientOptions::graph(kToken);
    o.base_url = lowcodeapi;
    auto refused =
        Client<FakeTransport>(o, t).messages().send("1065000000001", Message::text("15550001111", "hi"));
    ASSERT_FALSE(refused.ok()) << lowcodeapi;
    EXPECT_EQ(refused.error().field(), "base_url") << lowcodeapi;
  }

  auto client = graph_client(t);
  auto empty_id = client.call(whatsapp::RouteId::kMarkMessageRead, {"1065000000001", ""});
  ASSERT_FALSE(empty_id.ok());
  EXPECT_EQ(empty_id.error().kind(), ErrorKind::kInvalidArgument);
  auto bad_body = client.call(whatsapp::RouteId::kMarkMessageRead, {"1065000000001", "wamid.X"}, {},
                              nlohmann::json::array({1, 2}));
  ASSERT_FALSE(bad_body.ok());
  EXPECT_EQ(bad_body.error().field(), "body");

  whatsapp::MediaInfo info;
  for (const char* url : {"ftp://lookaside.fbsbx.com/x", "https://lookaside.fbsbx.com/a b", "/relative/path",
                          "https://lookaside.fbsbx.com/x\r\nHost: other"}) {
    info.url = url;
    auto d = client.media().download(info, [](std::string_view) { return true; });
    ASSERT_FALSE(d.ok()) << url;
    EXPECT_EQ(d.error().kind(), ErrorKind::kInvalidArgument) << url;
  }
  EXPECT_EQ(t.request_count(), 0u);
}

}  // namespace graph_backend_test
