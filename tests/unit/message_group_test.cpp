// Sending to a group (issue 14, item 2): Message::to_group() sets recipient_type "group", both
// body writers (the direct text writer and nlohmann's) write Meta's group send body, validate()
// takes a group id as `to` and refuses what is no group id, an unknown recipient_type and an
// interactive message to a group, before any request. Bodies: tests/data/fixtures/send_*_group_*.

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "../support/message_from_bytes.hpp"
#include "test_support.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/protocol/detail/send_body.hpp"
#include "whatsapp/transport/fake.hpp"

namespace message_group_test {

using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::ErrorKind;
using whatsapp::Interactive;
using whatsapp::Media;
using whatsapp::Message;
using whatsapp::ReplyButton;
using whatsapp::transport::FakeTransport;
using whatsapp_test::read_json;

const std::string kGroup = "Y2FwaV9ncm91cDoxNjAzNTU1MDEwMDo0NDAyOTExODczMzA1NTIx";

ClientOptions options() {
  ClientOptions o;
  o.base_url = "https://api.lowcodeapi.com/whatsapp";
  o.api_token = "at_group_s3cret";
  return o;
}

Message group_text() {
  return Message::text(kGroup, "Saturday pick-up list: https://example.com/harbor/orders", true).to_group();
}

TEST(GroupMessage, ToGroupSetsTheRecipientType) {
  Message m = group_text();
  EXPECT_EQ(m.recipient_type, "group");
  EXPECT_TRUE(m.is_group());
  EXPECT_FALSE(Message::text("15551234567", "hi").is_group());
  Message lvalue = Message::image(kGroup, Media::link("https://example.com/a.jpg"));
  lvalue.to_group().with_callback_data("cb-1");
  EXPECT_TRUE(lvalue.is_group());
  EXPECT_EQ(lvalue.biz_opaque_callback_data, "cb-1");
}

TEST(GroupMessage, BothWritersWriteMetasGroupTextBody) {
  const Message m = group_text();
  const std::string fast = whatsapp::detail::message_body(m);
  EXPECT_EQ(fast, whatsapp_test::general_body(m));  // the SDK's writer and nlohmann agree byte for byte
  EXPECT_EQ(nlohmann::json::parse(fast), read_json("fixtures/send_text_group_request.json"));
  Message reply = group_text();
  reply.reply_to("wamid.SGFyYm9yV0guZ3JvdXAuMDAx").with_callback_data("order-17");
  EXPECT_EQ(whatsapp::detail::message_body(reply), whatsapp_test::general_body(reply));
  EXPECT_NE(whatsapp::detail::message_body(reply).find(R"("recipient_type":"group")"), std::string::npos);
}

TEST(GroupMessage, ImageToAGroupGoesThroughTheGeneralWriter) {
  const Message m =
      Message::image(kGroup, Media::link("https://example.com/harbor/loaves.jpg"), "This week's loaves")
          .to_group();
  EXPECT_EQ(nlohmann::json::parse(whatsapp::detail::message_body(m)),
            read_json("fixtures/send_image_group_request.json"));
}

TEST(GroupMessage, SendPostsTheGroupBody) {
  FakeTransport t;
  t.push(200, R"({"data":{"messaging_product":"whatsapp","contacts":[{"input":")" + kGroup +
                  R"("}],"messages":[{"id":"wamid.SGFyYm9yV0guZ3JvdXAuMDA0"}]}})");
  Client<FakeTransport> c(options(), t);
  auto r = c.messages().send("2088114577301", group_text());
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->message_id(), "wamid.SGFyYm9yV0guZ3JvdXAuMDA0");
  EXPECT_EQ(nlohmann::json::parse(t.last_request().body), read_json("fixtures/send_text_group_request.json"));
}

// The field a send refuses `m` for, or "" when it is accepted; refused sends make no request.
std::string refused_field(const Message& m) {
  FakeTransport t;
  t.push(200, R"({"data":{"messaging_product":"whatsapp","messages":[{"id":"wamid.X"}]}})");
  Client<FakeTransport> c(options(), t);
  auto r = c.messages().send("2088114577301", m);
  if (r.ok()) return "";
  EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument) << r.error().to_string();
  EXPECT_EQ(t.request_count(), 0u);
  EXPECT_EQ(r.error().message().find("s3cret"), std::string::npos);
  return r.error().field();
}

TEST(GroupMessage, AGroupIdIsAcceptedAndNonsenseIsRefused) {
  for (const std::string& id : {kGroup, std::string("SGFyYm9yV0guZ3JvdXAuMDAx"), std::string("abc-_+/=")}) {
    EXPECT_EQ(refused_field(Message::text(id, "hi").to_group()), "") << id;
  }
  for (const std::string& id : {std::string(), std::string("15551234567"), std::string("+15551234567"),
                                std::string("120363012345678901@g.us"), std::string("my group"),
                                std::string("grp\n1"), std::string("gr\xc3\xa9up"), std::string(257, 'a')}) {
    EXPECT_EQ(refused_field(Message::text(id, "hi").to_group()), "to") << id;
  }
  auto r = whatsapp::validate(Message::text("15551234567", "hi").to_group());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("looks like a phone number"), std::string::npos) << r.error().message();
  EXPECT_EQ(refused_field(Message::text(std::string(256, 'a'), "hi").to_group()), "");
}

TEST(GroupMessage, AGroupIdIsNoPhoneNumberForAnIndividualSend) {
  EXPECT_EQ(refused_field(Message::text(kGroup, "hi")), "to");  // to_group() forgotten
}

TEST(GroupMessage, AnUnknownRecipientTypeIsRefused) {
  for (const std::string type : {"Group", "groups", "broadcast", "individual "}) {
    Message m = Message::text("15551234567", "hi");
    m.recipient_type = type;
    EXPECT_EQ(refused_field(m), "recipient_type") << type;
    m.to.clear();  // the recipient_type is named first, whatever `to` holds
    EXPECT_EQ(refused_field(m), "recipient_type") << type;
  }
}

TEST(GroupMessage, InteractiveMessagesAreRefusedForGroupsOnly) {
  const Message buttons =
      Message::interactive_buttons(kGroup, "Pick-up day?", {ReplyButton{"sat", "Saturday"}});
  Message to_group = buttons;
  to_group.to_group();
  EXPECT_EQ(refused_field(to_group), "type");
  Message to_user =
      Message::interactive_buttons("15551234567", "Pick-up day?", {ReplyButton{"sat", "Saturday"}});
  EXPECT_EQ(refused_field(to_user), "");
  EXPECT_EQ(refused_field(Message::template_message(kGroup, "harbor_weekly", "en_US").to_group()), "");
}

}  // namespace message_group_test
