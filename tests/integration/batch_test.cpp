// send_batch and send_stream through curl (CurlTransport::send_streamed, 8 in flight) against the
// in-process emulator.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "emulator_fixture.hpp"

namespace batch_test {

using whatsapp::BatchOptions;
using whatsapp::Message;
using whatsapp::Result;
using whatsapp::SendResult;
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

TEST_F(BatchIntegration, StreamOfThousandMessagesEachResultOnceAndNeverMoreThanTheSlotsAhead) {
  start();
  auto client = this->client();
  BatchOptions o;
  o.max_in_flight = 8;
  std::size_t taken = 0, results = 0, most_ahead = 0;
  std::vector<std::string> ids(1000);
  const std::size_t given = client.messages().send_stream(
      kPhoneId,
      [&]() -> std::optional<Message> {
        if (taken == 1000) return std::nullopt;
        return Message::text(kRecipient, "stream message " + std::to_string(taken++));
      },
      [&](std::size_t i, Result<SendResult>&& r) {
        ASSERT_TRUE(r.ok()) << i << ": " << r.error().to_string();
        ASSERT_TRUE(ids.at(i).empty()) << "two results for message " << i;
        ids[i] = r->message_id();
        ++results;
        most_ahead = std::max(most_ahead, taken - results + 1);
      },
      o);
  EXPECT_EQ(given, 1000u);
  EXPECT_EQ(results, 1000u);
  EXPECT_LE(most_ahead, 9u);  // the 8 in flight, and the one taken for the slot an answer frees

  std::map<std::string, std::string> id_by_text;
  for (const auto& p : emulator().processed_messages()) {
    id_by_text[p["body"]["text"]["body"].get<std::string>()] = p["id"].get<std::string>();
  }
  ASSERT_EQ(id_by_text.size(), 1000u);
  for (std::size_t i = 0; i < 1000; ++i) {
    EXPECT_EQ(ids[i], id_by_text["stream message " + std::to_string(i)])
        << "result " << i << " is not its message's";
  }
}

TEST_F(BatchIntegration, AnExceptionFromOnResultLeavesTheClientUsable) {
  start();
  auto client = this->client();
  std::size_t taken = 0;
  EXPECT_THROW(client.messages().send_stream(
                   kPhoneId,
                   [&]() -> std::optional<Message> {
                     return Message::text(kRecipient, "endless " + std::to_string(taken++));
                   },
                   [](std::size_t i, Result<SendResult>&&) {
                     if (i == 20) throw std::runtime_error("enough");
                   }),
               std::runtime_error);
  const auto r = client.messages().send(kPhoneId, Message::text(kRecipient, "after the exception"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_FALSE(r->message_id().empty());
}

}  // namespace batch_test
