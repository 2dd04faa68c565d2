// Groups end to end (issue 14, item 2): the emulator delivers signed Groups API webhooks (group
// created, a member joined, a message written in the group) to a receiver that verifies, parses
// and dispatches them; the client sends to the group, and the emulator's group statuses come back
// with recipient_type "group", the group id and the member they are about.

#include <gtest/gtest.h>

#include <mutex>
#include <string>
#include <vector>

#include "emulator_fixture.hpp"
#include "local_server.hpp"
#include "whatsapp/webhook/webhook.hpp"

namespace emulator_groups_test {

namespace wh = whatsapp::webhook;
using whatsapp::Message;
using whatsapp_test::EmulatorTest;
using whatsapp_test::kPhoneId;
using whatsapp_test::LocalServer;

const std::string kSecret = "groups_app_secret";

// A receiver that dispatches group events, group messages and group statuses to lines.
struct GroupReceiver {
  LocalServer http;
  // The server is the first member, so it would be destroyed last: stop it first, so that no
  // request in flight reaches the handlers' state once it is gone.
  ~GroupReceiver() { http.stop(); }
  std::mutex m;
  std::vector<std::string> lines;
  wh::Dispatcher dispatcher{std::make_shared<wh::DuplicateFilter>()};

  GroupReceiver() {
    dispatcher
        .on_group_lifecycle([this](const wh::Event&, const wh::GroupUpdate& g) {
          add("lifecycle " + g.type + " " + g.group_id + " " + g.subject.value_or("") +
              (g.invite_link ? " link" : ""));
        })
        .on_group_participants([this](const wh::Event&, const wh::GroupUpdate& g) {
          std::string who;
          for (const auto& p : g.added_participants) who += " +" + std::string(p.id());
          for (const auto& p : g.removed_participants) who += " -" + std::string(p.id());
          add("participants " + g.type + " " + g.group_id + who);
        })
        .on_group([this](const wh::Event& e, const wh::GroupUpdate& g) {
          add("group " + std::string(wh::to_string(e.kind)) + " " + g.type);
        })
        .on_text([this](const wh::Event&, const wh::Message& msg) {
          add("text " + msg.group_id.value_or("-") + " " + msg.from + " " + msg.text->body);
        })
        .on_status([this](const wh::Event&, const wh::Status& s) {
          add("status " + s.status + " " + s.recipient_type.value_or("-") + " " + s.recipient_id + " " +
              s.recipient_participant_id.value_or("-"));
        });
    http.server().Post("/webhook", [this](const httplib::Request& req, httplib::Response& res) {
      if (!wh::verify_signature(req.body, req.get_header_value("X-Hub-Signature-256"), kSecret)) {
        res.status = 403;
        return;
      }
      auto parsed = wh::parse(req.body);
      if (!parsed) {
        res.status = 400;
        return;
      }
      res.status = dispatcher.dispatch(*parsed).ok() ? 200 : 500;
    });
    http.start();
  }

  void add(std::string line) {
    std::lock_guard<std::mutex> lock(m);
    lines.push_back(std::move(line));
  }
  std::vector<std::string> snapshot() {
    std::lock_guard<std::mutex> lock(m);
    return lines;
  }
};

class EmulatorGroups : public EmulatorTest {
 protected:
  void start_with(GroupReceiver& rx) {
    whatsapp_emulator::Options o;
    o.webhook_url = rx.http.url("/webhook");
    o.app_secret = kSecret;
    start(o);
  }
};

TEST_F(EmulatorGroups, GroupWebhooksAreSignedTypedAndDispatched) {
  GroupReceiver rx;
  start_with(rx);
  const std::string group = "Y2FwaV9ncm91cDplbXVsYXRvcjp0ZXN0OjE";
  std::string error;
  ASSERT_TRUE(emulator().inject_group_event({{"phone_number_id", kPhoneId},
                                             {"event", "created"},
                                             {"group_id", group},
                                             {"subject", "Harbor orders"}},
                                            &error))
      << error;
  ASSERT_TRUE(emulator().inject_group_event({{"phone_number_id", kPhoneId},
                                             {"event", "joined"},
                                             {"group_id", group},
                                             {"participants", {"15550001111"}}},
                                            &error))
      << error;
  ASSERT_TRUE(emulator().inject_group_event(
      {{"phone_number_id", kPhoneId}, {"event", "suspended"}, {"group_id", group}}, &error))
      << error;
  ASSERT_TRUE(emulator().inject_inbound(
      {{"phone_number_id", kPhoneId}, {"from", "15550001111"}, {"group_id", group}, {"text", "hello group"}},
      &error))
      << error;
  ASSERT_TRUE(emulator().wait_for_webhooks(4, std::chrono::seconds(20)));
  const std::vector<std::string> expected = {
      "lifecycle group_create " + group + " Harbor orders link",
      "participants group_participants_add " + group + " +15550001111",
      "group group_status group_suspend",
      "text " + group + " 15550001111 hello group",
  };
  EXPECT_EQ(rx.snapshot(), expected);
}

TEST_F(EmulatorGroups, ASendToAGroupIsAcceptedAndItsStatusesNameTheGroup) {
  GroupReceiver rx;
  start_with(rx);
  const std::string group = "Y2FwaV9ncm91cDplbXVsYXRvcjp0ZXN0OjI";
  auto client = this->client();
  auto r = client.messages().send(kPhoneId, Message::text(group, "Order ready for pick-up").to_group());
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_EQ(r->contacts.size(), 1u);
  EXPECT_EQ(r->contacts[0].input, group);
  ASSERT_TRUE(emulator().wait_for_webhooks(3, std::chrono::seconds(20)));
  const std::vector<std::string> expected = {"status sent group " + group + " -",
                                             "status delivered group " + group + " 15551234567",
                                             "status read group " + group + " 15551234567"};
  EXPECT_EQ(rx.snapshot(), expected);
  const auto processed = emulator().processed_messages();
  ASSERT_EQ(processed.size(), 1u);
  EXPECT_EQ(processed[0]["body"]["recipient_type"], "group");
  EXPECT_EQ(processed[0]["body"]["to"], group);
}

TEST_F(EmulatorGroups, TheEmulatorRefusesWhatMetaRefusesForGroups) {
  start();
  // Bypasses the SDK's own checks (Client::call with a raw body) to test the emulator itself.
  auto client = this->client();
  auto phone = client.call(whatsapp::RouteId::kSendMessage, {kPhoneId}, {},
                           nlohmann::json{{"messaging_product", "whatsapp"},
                                          {"recipient_type", "group"},
                                          {"to", "15551234567"},
                                          {"type", "text"},
                                          {"text", {{"body", "hi"}}}});
  ASSERT_FALSE(phone.ok());
  EXPECT_NE(phone.error().message().find("group id"), std::string::npos) << phone.error().to_string();
  std::string error;
  EXPECT_FALSE(emulator().inject_group_event({{"phone_number_id", kPhoneId}, {"event", "created"}}, &error));
  EXPECT_EQ(error, "no webhook_url configured");
}

TEST_F(EmulatorGroups, BadGroupEventBodiesAreRefusedWithAReason) {
  GroupReceiver rx;
  start_with(rx);
  std::string error;
  EXPECT_FALSE(emulator().inject_group_event({{"event", "created"}}, &error));
  EXPECT_EQ(error, "phone_number_id (string) is required");
  EXPECT_FALSE(emulator().inject_group_event({{"phone_number_id", kPhoneId}, {"event", "exploded"}}, &error));
  EXPECT_NE(error.find("event must be one of"), std::string::npos);
  EXPECT_FALSE(emulator().inject_group_event(
      {{"phone_number_id", kPhoneId}, {"field", "groups"}, {"groups", {1}}}, &error));
  EXPECT_NE(error.find("\"field\" (group_...)"), std::string::npos);
  EXPECT_TRUE(emulator().inject_group_event(
      {{"phone_number_id", kPhoneId}, {"event", "join_request"}, {"participants", 7}, {"group_id", 12}},
      &error))
      << error;  // wrong types fall back to defaults, never an exception
}

}  // namespace emulator_groups_test
