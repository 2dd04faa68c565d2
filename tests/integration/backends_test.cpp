// The typed API over both backends against the emulator on 127.0.0.1, route group by route group
// (all 29 routes): LowCodeAPI (the /whatsapp shape, api_token, envelope, URL formats) and Meta's
// Graph API (Bearer token, appsecret_proof required, no envelope). Also Graph's refusals: a
// wrong token (401, code 190), a wrong or missing appsecret_proof (400, code 100).

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "whatsapp/client/client.hpp"
#include "whatsapp_emulator/emulator.hpp"

namespace backends_test {

using whatsapp::Backend;
using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::ErrorKind;
using whatsapp::Message;

const std::string kPhone = "106853218861309";
const std::string kWaba = "102290129340398";
const std::string kApp = "1234567890";
const std::string kApiToken = "at_backends_lowcode_token";
const std::string kAccessToken = "EAAGbackendsGraphT0ken";
const std::string kAppSecret = "backends-app-s3cret";

struct Backends : ::testing::TestWithParam<Backend> {
  std::unique_ptr<whatsapp_emulator::Emulator> emu;

  void SetUp() override {
    whatsapp_emulator::Options o;
    o.api_token = kApiToken;
    o.access_token = kAccessToken;
    o.app_secret = kAppSecret;
    o.require_appsecret_proof = true;
    o.log_requests = false;
    emu = std::make_unique<whatsapp_emulator::Emulator>(o);
    emu->start();
  }
  void TearDown() override {
    // Every request went the chosen way: Graph's routes, or LowCodeAPI's.
    const auto stats = emu->stats();
    if (GetParam() == Backend::kGraph) {
      EXPECT_EQ(stats.new_format + stats.old_format, 0);
    } else {
      EXPECT_EQ(stats.graph, 0);
    }
    emu->stop();
  }

  ClientOptions options() const {
    ClientOptions o;
    if (GetParam() == Backend::kGraph) {
      o = ClientOptions::graph(kAccessToken);
      o.base_url = emu->graph_base_url();
      o.app_secret = kAppSecret;
    } else {
      o.base_url = emu->base_url();
      o.api_token = kApiToken;
    }
    o.timeout = std::chrono::seconds(10);
    return o;
  }
  Client<> client() const { return Client<>(options()); }
};

TEST_P(Backends, MessagesAndReadReceipts) {
  auto c = client();
  auto sent = c.messages().send(kPhone, Message::text("16505551234", "hello"));
  ASSERT_TRUE(sent.ok()) << sent.error().to_string();
  const auto processed = emu->processed_messages();
  ASSERT_EQ(processed.size(), 1u);
  EXPECT_EQ(processed[0]["id"], sent->message_id());
  EXPECT_EQ(processed[0]["format"], GetParam() == Backend::kGraph ? "graph" : "new");
  EXPECT_TRUE(c.messages().mark_read(kPhone, sent->message_id()).ok());
  whatsapp::MarkReadOptions path;
  path.form = whatsapp::MarkReadForm::kPath;
  auto r = c.messages().mark_read(kPhone, sent->message_id(), path);
  EXPECT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(emu->processed_messages().size(), 1u);  // read receipts are not sends
}

TEST_P(Backends, MediaRoundTrip) {
  auto c = client();
  std::string bytes("\x89PNG\r\n\x1a\n", 8);
  for (int i = 0; bytes.size() < 70000; ++i) bytes.push_back(static_cast<char>(i * 7));
  auto up = c.media().upload(kPhone, whatsapp::MediaUpload::from_memory(bytes, "photo.png"));
  ASSERT_TRUE(up.ok()) << up.error().to_string();
  auto info = c.media().retrieve(up->id, kPhone);
  ASSERT_TRUE(info.ok()) << info.error().to_string();
  EXPECT_EQ(info->mime_type, "image/png");
  std::string got;
  auto dl = c.media().download(*info, [&](std::string_view chunk) {
    got.append(chunk);
    return true;
  });
  ASSERT_TRUE(dl.ok()) << dl.error().to_string();
  EXPECT_EQ(got, bytes);
  EXPECT_TRUE(dl->verified);
  ASSERT_TRUE(c.media().remove(up->id, kPhone).ok());
  auto gone = c.media().retrieve(up->id);
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().kind(), ErrorKind::kApi);
}

TEST_P(Backends, PhoneNumbers) {
  auto pn = client().phone_numbers();
  ASSERT_TRUE(pn.request_code(kPhone, whatsapp::CodeMethod::kSms, "en_US").ok());
  auto wrong = pn.verify_code(kPhone, "000000");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code(), 136025);
  ASSERT_TRUE(pn.verify_code(kPhone, "123456").ok());
  EXPECT_EQ(pn.get(kPhone, {"code_verification_status"})->code_verification_status, "VERIFIED");
  ASSERT_TRUE(pn.register_number(kPhone, "123456").ok());
  ASSERT_TRUE(pn.set_two_step_pin(kPhone, "654321").ok());
  ASSERT_TRUE(pn.deregister(kPhone).ok());
  EXPECT_EQ(pn.get(kPhone, {"status"})->status, "DISCONNECTED");
  whatsapp::PhoneNumberListOptions o;
  o.limit = 2;
  std::set<std::string> ids;
  auto all = pn.list_all(kWaba, o);
  for (auto& n : all) {
    ASSERT_TRUE(n.ok()) << n.error().to_string();
    ids.insert(n->id);
  }
  EXPECT_EQ(ids.size(), 3u);
  EXPECT_EQ(all.pages_fetched(), 2u);
}

TEST_P(Backends, BusinessProfileComplianceAndAccount) {
  auto b = client().business();
  whatsapp::BusinessProfileUpdate u;
  u.about = "Open 9 to 5";
  ASSERT_TRUE(b.update_profile(kPhone, u).ok());
  auto profile = b.get_profile(kPhone, {"about"});
  ASSERT_TRUE(profile.ok()) << profile.error().to_string();
  EXPECT_EQ(profile->about, "Open 9 to 5");
  whatsapp::ComplianceInfo info;
  info.entity_name = "Lucky Shrub";
  info.is_registered = false;
  ASSERT_TRUE(b.update_compliance_info(kPhone, info).ok());
  auto got = b.get_compliance_info(kPhone);
  ASSERT_TRUE(got.ok()) << got.error().to_string();
  EXPECT_EQ(got->entity_name, "Lucky Shrub");
  auto account = b.get_account(kWaba, {"name", "currency"});
  ASSERT_TRUE(account.ok()) << account.error().to_string();
  EXPECT_EQ(account->id, kWaba);
}

TEST_P(Backends, Templates) {
  auto tp = client().templates();
  whatsapp::NewTemplate t;
  t.name = "order_shipped_both";
  t.language = "en_US";
  t.category = "UTILITY";
  t.components = {whatsapp::TemplateComponentDef::body("Order {{1}} ships on {{2}}.")
                      .with_example(whatsapp::TemplateExample::body({"#1", "Monday"}))};
  auto created = tp.create(kWaba, t);
  ASSERT_TRUE(created.ok()) << created.error().to_string();
  whatsapp::TemplateFilter f;
  f.limit = 2;
  std::size_t n = 0;
  for (auto& one : tp.list_all(kWaba, f)) {
    ASSERT_TRUE(one.ok()) << one.error().to_string();
    ++n;
  }
  EXPECT_EQ(n, 4u);  // 3 seeded + 1
  auto one = tp.get(created->id);
  ASSERT_TRUE(one.ok()) << one.error().to_string();
  EXPECT_EQ(one->name, "order_shipped_both");
  if (GetParam() == Backend::kGraph) {  // Meta deletes on the account, by name: refused unsent
    EXPECT_EQ(tp.remove(created->id).error().kind(), ErrorKind::kInvalidArgument);
  }
  auto removed = tp.remove(kWaba, "order_shipped_both", created->id);  // both backends
  ASSERT_TRUE(removed.ok()) << removed.error().to_string();
  EXPECT_EQ(tp.get(created->id).error().kind(), ErrorKind::kApi);
}

TEST_P(Backends, ConversationsSubscriptionsAnalytics) {
  auto c = client();
  ASSERT_TRUE(c.messages().send(kPhone, Message::text("15550001111", "hi")).ok());
  whatsapp::ConversationFilter f;
  f.user_id = "15550001111";
  auto mine = c.conversations().list(kWaba, f);
  ASSERT_TRUE(mine.ok()) << mine.error().to_string();
  ASSERT_EQ(mine->items.size(), 1u);
  auto conv = c.conversations().get(mine->items[0].id);
  ASSERT_TRUE(conv.ok()) << conv.error().to_string();
  EXPECT_EQ(conv->user_id, "15550001111");
  ASSERT_TRUE(c.conversations().mark_read(kWaba, "7270432eae37498234f4444b35ffc5").ok());

  whatsapp::NewSubscription sub;
  sub.callback_url = "https://bot.example/webhook";
  sub.fields = {"messages"};
  sub.verify_token = "vt";
  ASSERT_TRUE(c.subscriptions().create(kApp, sub).ok());
  auto subs = c.subscriptions().list(kApp);
  ASSERT_TRUE(subs.ok()) << subs.error().to_string();
  ASSERT_EQ(subs->size(), 1u);
  ASSERT_TRUE(c.subscriptions().remove(kApp).ok());

  const auto now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  whatsapp::AnalyticsQuery q;
  q.start = now - 86400;
  q.end = now + 86400;
  q.granularity = whatsapp::Granularity::kDay;
  auto a = c.analytics().get(kWaba, q);
  ASSERT_TRUE(a.ok()) << a.error().to_string();
  EXPECT_EQ(a->granularity, "DAY");
  ASSERT_EQ(a->data_points.size(), 2u);  // two days, the send above in one of them
  EXPECT_GE(a->data_points[0].sent + a->data_points[1].sent, 1);
}

std::string backend_name(const ::testing::TestParamInfo<Backend>& p) {
  return p.param == Backend::kGraph ? "Graph" : "LowCodeApi";
}

INSTANTIATE_TEST_SUITE_P(, Backends, ::testing::Values(Backend::kLowCodeApi, Backend::kGraph), backend_name);

// Meta's refusals of the credentials, as the emulator gives them.
struct GraphRefusals : Backends {};

TEST_P(GraphRefusals, WrongTokenWrongProofMissingProof) {
  auto o = options();
  o.access_token = "EAAGnotTheEmulatorsT0ken";
  auto wrong_token = Client<>(o).messages().send(kPhone, Message::text("16505551234", "x"));
  ASSERT_FALSE(wrong_token.ok());
  EXPECT_EQ(wrong_token.error().http_status(), 401);
  EXPECT_EQ(wrong_token.error().code(), 190);
  EXPECT_EQ(wrong_token.error().category(), whatsapp::ErrorCategory::kAuthorization);
  EXPECT_EQ(wrong_token.error().to_string().find("notTheEmulators"), std::string::npos);

  o = options();
  o.app_secret = "another-apps-secret";
  auto wrong_proof = Client<>(o).phone_numbers().get(kPhone);
  ASSERT_FALSE(wrong_proof.ok());
  EXPECT_EQ(wrong_proof.error().http_status(), 400);
  EXPECT_EQ(wrong_proof.error().code(), 100);

  o.app_secret.clear();  // the emulator's app requires the proof
  auto missing = Client<>(o).phone_numbers().get(kPhone);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code(), 100);
  EXPECT_TRUE(emu->processed_messages().empty());
}

INSTANTIATE_TEST_SUITE_P(, GraphRefusals, ::testing::Values(Backend::kGraph), backend_name);

}  // namespace backends_test
