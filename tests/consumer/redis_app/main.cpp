// Builds a Dispatcher whose duplicate filter lives in Redis (no Redis needed to run: the
// connection opens on the first event).
#include <iostream>
#include <memory>

#include <whatsapp/redis/redis.hpp>
#include <whatsapp/webhook/webhook.hpp>

int main() {
  auto server = whatsapp::redis::parse_redis_url("redis://127.0.0.1:6399/2");
  if (!server) {
    std::cerr << server.error().message() << "\n";
    return 1;
  }
  whatsapp::redis::RedisOptions o;
  o.server = *server;
  auto store = std::make_shared<whatsapp::redis::RedisDuplicateStore>(
      std::make_shared<whatsapp::redis::RedisConnection>(o));
  whatsapp::webhook::Dispatcher d(store);
  d.on_message([](const whatsapp::webhook::Event&, const whatsapp::webhook::Message&) {});
  std::cout << "redis consumer ok: " << server->describe() << "\n";
  return 0;
}
