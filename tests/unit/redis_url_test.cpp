// whatsapp::redis::parse_redis_url (WHATSAPP_REDIS_URL): what it accepts and the clear error for
// everything else, never with the password in it. Header-only, no hiredis needed.

#include <gtest/gtest.h>

#include <string>

#include "whatsapp/redis/url.hpp"

namespace redis_url_test {

using whatsapp::redis::parse_redis_url;

TEST(RedisUrl, AcceptsHostPortAndDatabase) {
  auto a = parse_redis_url("redis://10.0.0.5:6380/3");
  ASSERT_TRUE(a) << a.error().message();
  EXPECT_EQ(a->host, "10.0.0.5");
  EXPECT_EQ(a->port, 6380);
  EXPECT_EQ(a->db, 3);
  EXPECT_TRUE(a->password.empty());

  auto b = parse_redis_url("redis://cache.internal");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->host, "cache.internal");
  EXPECT_EQ(b->port, 6379);
  EXPECT_EQ(b->db, 0);

  auto c = parse_redis_url("redis://app:s3cr%40t@[::1]:7000/0");
  ASSERT_TRUE(c) << c.error().message();
  EXPECT_EQ(c->host, "::1");
  EXPECT_EQ(c->username, "app");
  EXPECT_EQ(c->password, "s3cr@t");
  EXPECT_EQ(c->describe(), "[::1]:7000/0");  // no credentials

  auto d = parse_redis_url("redis://:pw0123456789@127.0.0.1:6379/");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->password, "pw0123456789");
  EXPECT_TRUE(d->username.empty());
}

TEST(RedisUrl, RefusesAnythingElseWithAClearError) {
  for (const char* bad :
       {"", "127.0.0.1:6379", "http://127.0.0.1:6379/0", "redis://", "redis://:6379/0", "redis://host:/0",
        "redis://host:0/0", "redis://host:65536/0", "redis://host:63a9/0", "redis://host:6379/x",
        "redis://host:6379/-1", "redis://host:6379/0?timeout=1", "redis://ho st:6379/0", "redis://[::1/0",
        "redis://user@host:6379/0", "redis://host:6379/0/1", "redis://:@host/0"}) {
    auto r = parse_redis_url(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().kind(), whatsapp::ErrorKind::kInvalidArgument) << bad;
    EXPECT_EQ(r.error().field(), "redis_url");
    EXPECT_EQ(r.error().message().rfind("redis_url: ", 0), 0U) << r.error().message();
  }
  auto tls = parse_redis_url("rediss://:topsecretpassword@host:6380/0");
  ASSERT_FALSE(tls);
  EXPECT_NE(tls.error().message().find("TLS"), std::string::npos);
  EXPECT_EQ(tls.error().message().find("topsecretpassword"), std::string::npos);
  auto bad_port = parse_redis_url("redis://:topsecretpassword@host:99999/0");
  ASSERT_FALSE(bad_port);
  EXPECT_EQ(bad_port.error().message().find("topsecretpassword"), std::string::npos);
}

}  // namespace redis_url_test
