#pragma once

// A test with its own redis-server (redis_process.hpp), skipped with a message only when
// redis-server is not installed.

#include <gtest/gtest.h>

#include <memory>

#include "redis_process.hpp"
#include "whatsapp/redis/redis.hpp"

namespace whatsapp_redis_test {

class RedisTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<RedisServer>();
    if (!server_->installed()) {
      GTEST_SKIP() << "redis-server is not installed, and these tests need a real one: apt-get install "
                      "redis-server (scripts/install-deps.sh does it)";
    }
    ASSERT_TRUE(server_->ready()) << "redis-server did not start:\n" << server_->log();
  }

  RedisServer& server() { return *server_; }

  whatsapp::redis::RedisOptions redis_options() const {
    whatsapp::redis::RedisOptions o;
    o.server.host = "127.0.0.1";
    o.server.port = static_cast<std::uint16_t>(server_->port());
    return o;
  }

  std::shared_ptr<whatsapp::redis::RedisConnection> connect() const {
    return std::make_shared<whatsapp::redis::RedisConnection>(redis_options());
  }

 private:
  std::unique_ptr<RedisServer> server_;
};

}  // namespace whatsapp_redis_test
