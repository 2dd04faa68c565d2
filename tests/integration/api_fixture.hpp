#pragma once

// An emulator on 127.0.0.1 and a curl client pointed at it, for the API integration tests.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "whatsapp/client/client.hpp"
#include "whatsapp_emulator/emulator.hpp"

namespace whatsapp_test {

inline constexpr const char* kPhone = "106853218861309";
inline constexpr const char* kWaba = "102290129340398";
inline constexpr const char* kApp = "1234567890";

struct ApiEmulatorTest : ::testing::Test {
  std::unique_ptr<whatsapp_emulator::Emulator> emu;
  std::unique_ptr<whatsapp::Client<>> client;

  void start(whatsapp_emulator::Formats formats = whatsapp_emulator::Formats::kBoth,
             whatsapp_emulator::Envelope envelope = whatsapp_emulator::Envelope::kData) {
    whatsapp_emulator::Options o;
    o.formats = formats;
    o.envelope = envelope;
    o.api_token = "emu-token";
    o.log_requests = false;
    emu = std::make_unique<whatsapp_emulator::Emulator>(o);
    emu->start();
    whatsapp::ClientOptions c;
    c.base_url = emu->base_url();
    c.api_token = "emu-token";
    client = std::make_unique<whatsapp::Client<>>(c);
  }
  void SetUp() override { start(); }
};

}  // namespace whatsapp_test
