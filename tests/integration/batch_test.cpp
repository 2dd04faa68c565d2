// send_batch through curl (CurlTransport::send_many, 8 in flight) against the in-process emulator.

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "emulator_fixture.hpp"

namespace {

using whatsapp::BatchOptions;
using whatsapp::Message;
using whatsapp_test::EmulatorTest;
using whatsapp_test::kPhoneId;
using whatsapp_test::kRecipient;

class BatchIntegration : public EmulatorTest {};

TEST_F(BatchIntegration, ThousandMessagesEightInFlightAllProcessedOnceInOrder) {
  start();
  auto client = this->client();
  std::vector<Message> messages;
  for (int i = 0; i < 1000; ++i)
    messages.push_back(Message::text(kRecipient, "batch message " + std::to_string(i)));
  BatchOptions o;
  o.max_in_flight = 8;
  const auto results = client.messages().send_batch(kPhoneId, messages, o);
  ASSERT_EQ(results.size(), 1000u);

  const auto processed = emulator().processed_messages();
  ASSERT_EQ(processed.size(), 1000u);
  std::map<std::string, std::string> id_by_text;
  for (const auto& p : processed) {
    const auto text = p["body"]["text"]["body"].get<std::string>();
    EXPECT_TRUE(id_by_text.emplace(text, p["id"].get<std::string>()).second) << "processed twice: " << text;
  }
  std::set<std::string> ids;
  for (int i = 0; i < 1000; ++i) {
    ASSERT_TRUE(results[i].ok()) << i << ": " << results[i].error().to_string();
    const std::string text = "batch message " + std::to_string(i);
    ASSERT_TRUE(id_by_text.count(text)) << text;
    EXPECT_EQ(results[i]->message_id(), id_by_text[text]) << "result " << i << " is not its message's";
    ids.insert(results[i]->message_id());
  }
  EXPECT_EQ(ids.size(), 1000u);
  EXPECT_EQ(client.confirmed_format(whatsapp::RouteId::kSendMessage), whatsapp::UrlFormat::kNew);
}

TEST_F(BatchIntegration, OldFormatOnlyServerOneFallbackForTheWholeBatch) {
  whatsapp_emulator::Options eo;
  eo.formats = whatsapp_emulator::Formats::kOld;
  start(eo);
  auto client = this->client();
  std::vector<Message> messages;
  for (int i = 0; i < 200; ++i) messages.push_back(Message::text(kRecipient, "old " + std::to_string(i)));
  const auto results = client.messages().send_batch(kPhoneId, messages);
  for (const auto& r : results) ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(emulator().processed_messages().size(), 200u);
  EXPECT_EQ(emulator().stats().requests, 201);  // the probe's New Format 404, then 200 sends
  EXPECT_EQ(client.confirmed_format(whatsapp::RouteId::kSendMessage), whatsapp::UrlFormat::kOld);
}

}  // namespace
