#pragma once

// Helpers shared by the unit tests.

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

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

}  // namespace whatsapp_test
