#pragma once

// Helpers shared by the unit tests.

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "whatsapp/model/message.hpp"
#include "whatsapp/protocol/detail/send_body.hpp"

namespace whatsapp_test {

/// The text of tests/data/<relative>.
inline std::string read_data(const std::string& relative) {
  std::ifstream in(std::string(WHATSAPP_TEST_DATA_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline nlohmann::json read_json(const std::string& relative) {
  return nlohmann::json::parse(read_data(relative));
}

/// `{"data": payload}` as LowCodeAPI's hosted service answers.
inline std::string in_data_envelope(const nlohmann::json& payload) {
  return nlohmann::json{{"data", payload}}.dump();
}

/// The JSON of `m` as nlohmann writes it (`nlohmann::json(m)`), after checking that the body a
/// send writes (detail::message_body) is the same JSON: so that every comparison with a
/// documented payload also covers what is sent.
inline nlohmann::json sent_body(const whatsapp::Message& m) {
  nlohmann::json general = m;
  EXPECT_EQ(nlohmann::json::parse(whatsapp::detail::message_body(m)), general) << "the body a send writes";
  return general;
}

}  // namespace whatsapp_test
