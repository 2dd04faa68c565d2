#pragma once

// Loading webhook fixtures (tests/data/webhook) for the webhook unit tests.

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "test_support.hpp"
#include "whatsapp/webhook/parse.hpp"

namespace whatsapp_test {

/// The raw bytes of tests/data/webhook/<name>.
inline std::string webhook_fixture(const std::string& name) { return read_data("webhook/" + name); }

/// tests/data/webhook/<name> parsed; a test failure (and an empty Notification) if it does not parse.
inline whatsapp::webhook::Notification load_notification(const std::string& name) {
  const std::string body = webhook_fixture(name);
  EXPECT_FALSE(body.empty()) << name;
  auto r = whatsapp::webhook::parse(body);
  EXPECT_TRUE(r.ok()) << name << ": " << r.error().message();
  return r.ok() ? std::move(r).value() : whatsapp::webhook::Notification{};
}

}  // namespace whatsapp_test
