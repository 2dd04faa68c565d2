// Tests for webhook::answer_challenge() with tests/data/webhook/webhook_verify_get_params.json.

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "whatsapp/webhook/challenge.hpp"

namespace webhook_challenge_test {

using whatsapp::webhook::answer_challenge;
using whatsapp::webhook::ChallengeOutcome;

nlohmann::json params() {
  std::ifstream in(std::string(WHATSAPP_TEST_DATA_DIR) + "/webhook/webhook_verify_get_params.json");
  return nlohmann::json::parse(in);
}

std::string q(const nlohmann::json& query, const char* key) {
  return query.contains(key) ? query[key].get<std::string>() : std::string();
}

TEST(WebhookChallenge, EchoesTheChallengeWhenTheTokenMatches) {
  auto p = params();
  const auto& query = p["query"];
  auto a = answer_challenge(q(query, "hub.mode"), q(query, "hub.verify_token"), q(query, "hub.challenge"),
                            p["configured_verify_token"].get<std::string>());
  EXPECT_TRUE(a.accepted());
  EXPECT_EQ(a.http_status, 200);
  EXPECT_EQ(a.body, p["expected_response_body"].get<std::string>());
  EXPECT_EQ(a.body, "hub-challenge-5519");
}

TEST(WebhookChallenge, NegativeCasesFromTheFixtureAreRefused) {
  auto p = params();
  const std::string token = p["configured_verify_token"];
  const ChallengeOutcome expected[] = {ChallengeOutcome::kMissingParameter,
                                       ChallengeOutcome::kMissingParameter,
                                       ChallengeOutcome::kMissingParameter, ChallengeOutcome::kTokenMismatch};
  ASSERT_EQ(p["negative_cases"].size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    const auto& query = p["negative_cases"][i]["query"];
    auto a = answer_challenge(q(query, "hub.mode"), q(query, "hub.verify_token"), q(query, "hub.challenge"),
                              token);
    EXPECT_FALSE(a.accepted()) << i;
    EXPECT_EQ(a.outcome, expected[i]) << i;
    EXPECT_EQ(a.http_status, 403) << i;
    EXPECT_TRUE(a.body.empty()) << i;
  }
}

TEST(WebhookChallenge, WrongModePrefixAndEmptyConfiguredToken) {
  EXPECT_EQ(answer_challenge("unsubscribe", "tok", "123", "tok").outcome, ChallengeOutcome::kWrongMode);
  // A prefix or an extension of the token is not the token.
  EXPECT_EQ(answer_challenge("subscribe", "to", "123", "tok").outcome, ChallengeOutcome::kTokenMismatch);
  EXPECT_EQ(answer_challenge("subscribe", "tokk", "123", "tok").outcome, ChallengeOutcome::kTokenMismatch);
  EXPECT_EQ(answer_challenge("subscribe", "Tok", "123", "tok").outcome, ChallengeOutcome::kTokenMismatch);
  // Without a configured token nothing is accepted, not even an empty one.
  EXPECT_EQ(answer_challenge("subscribe", "", "123", "").outcome, ChallengeOutcome::kNoVerifyToken);
  EXPECT_EQ(answer_challenge("subscribe", "x", "123", "").http_status, 403);
  auto ok = answer_challenge("subscribe", "tok", "1158201444", "tok");
  EXPECT_EQ(ok.body, "1158201444");
  EXPECT_EQ(whatsapp::webhook::to_string(ok.outcome), "accepted");
}

}  // namespace webhook_challenge_test
