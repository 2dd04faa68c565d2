#pragma once

// Starts an in-process emulator for one test and builds clients that talk to it over curl.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "whatsapp/client/client.hpp"
#include "whatsapp_emulator/emulator.hpp"

namespace whatsapp_test {

inline constexpr const char* kEmulatorToken = "at_integration_token_0123456789";
inline constexpr const char* kPhoneId = "106540352242922";
inline constexpr const char* kRecipient = "15551234567";

class EmulatorTest : public ::testing::Test {
 protected:
  /// Starts the emulator with `o` (logging off unless asked).
  void start(whatsapp_emulator::Options o = {}) {
    o.log_requests = false;
    if (o.api_token.empty()) o.api_token = kEmulatorToken;
    emulator_ = std::make_unique<whatsapp_emulator::Emulator>(o);
    emulator_->start();
  }

  void TearDown() override {
    if (emulator_) emulator_->stop();
  }

  whatsapp_emulator::Emulator& emulator() { return *emulator_; }

  whatsapp::ClientOptions client_options() const {
    whatsapp::ClientOptions o;
    o.base_url = emulator_->base_url();
    o.api_token = kEmulatorToken;
    o.timeout = std::chrono::seconds(10);
    return o;
  }

  whatsapp::Client<> client() const { return whatsapp::Client<>(client_options()); }

 private:
  std::unique_ptr<whatsapp_emulator::Emulator> emulator_;
};

}  // namespace whatsapp_test
