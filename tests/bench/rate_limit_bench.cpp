// Google Benchmark: what the rate limiter costs per send (issue 16).
//   PacedSend/off         a send through the client over a canned in-memory transport, no limit
//   PacedSend/in_process  the same with the in-process token bucket (a rate that never waits)
//   PacedSend/redis       the same with the Redis store (whatsapp::redis), one round trip a send
//   Reserve/in_process    the bucket's reserve() alone
//   Reserve/redis         RedisRateLimitStore::reserve() alone (one EVALSHA)
// The redis rows run when WHATSAPP_BENCH_REDIS_URL names a redis-server (redis://127.0.0.1:port/0)
// and the benchmark was built with whatsapp::redis; otherwise they are skipped with a message.
// Build in Release (-O2): whatsapp_rate_limit_bench --benchmark_repetitions=5

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>

#include <whatsapp/client/detail/rate_limiter.hpp>
#include <whatsapp/whatsapp.hpp>

#if defined(WHATSAPP_BENCH_HAVE_REDIS)
#include <whatsapp/redis/redis.hpp>
#endif

namespace {

const char* kAnswer =
    R"({"data":{"messaging_product":"whatsapp","contacts":[{"input":"15550001111","wa_id":"15550001111"}],"messages":[{"id":"wamid.HBgLMTU1NTAwMDExMTEVAgARGBJCRU5DSF9SQVRFX0xJTUlUAA"}]}})";

/// Answers every request with the same canned success, recording nothing.
struct CannedTransport {
  whatsapp::Result<whatsapp::HttpResponse> send(const whatsapp::HttpRequest&) const {
    whatsapp::HttpResponse r;
    r.status = 200;
    r.body = kAnswer;
    return r;
  }
};

whatsapp::ClientOptions options(double rate) {
  whatsapp::ClientOptions o;
  o.base_url = "http://127.0.0.1:9/whatsapp";
  o.api_token = "at_bench_token_0123456789";
  o.format_policy = whatsapp::FormatPolicy::kNewOnly;
  o.rate_limit.messages_per_second = rate;
  o.rate_limit.burst = 1'000'000'000;  // never waits: what is measured is the booking
  return o;
}

void run_sends(benchmark::State& state, whatsapp::ClientOptions o) {
  whatsapp::Client<CannedTransport> client(o);
  const auto m = whatsapp::Message::text("15550001111", "Benchmark message");
  for (auto _ : state) {
    auto sent = client.messages().send("106540352242922", m);
    if (!sent) state.SkipWithError(sent.error().to_string().c_str());
    benchmark::DoNotOptimize(sent);
  }
}

void PacedSendOff(benchmark::State& state) { run_sends(state, options(0)); }
BENCHMARK(PacedSendOff)->Name("PacedSend/off");

void PacedSendInProcess(benchmark::State& state) { run_sends(state, options(1e12)); }
BENCHMARK(PacedSendInProcess)->Name("PacedSend/in_process");

void ReserveInProcess(benchmark::State& state) {
  whatsapp::detail::RateLimiter limiter(options(1e12).rate_limit);
  for (auto _ : state) {
    auto wait = limiter.reserve("106540352242922", "", std::chrono::steady_clock::now());
    benchmark::DoNotOptimize(wait);
  }
}
BENCHMARK(ReserveInProcess)->Name("Reserve/in_process");

#if defined(WHATSAPP_BENCH_HAVE_REDIS)
std::shared_ptr<whatsapp::redis::RedisRateLimitStore> redis_store(benchmark::State& state) {
  const char* url = std::getenv("WHATSAPP_BENCH_REDIS_URL");
  if (url == nullptr || *url == '\0') {
    state.SkipWithError("set WHATSAPP_BENCH_REDIS_URL=redis://127.0.0.1:<port>/0 to measure the Redis store");
    return nullptr;
  }
  auto parsed = whatsapp::redis::parse_redis_url(url);
  if (!parsed) {
    state.SkipWithError(parsed.error().message().c_str());
    return nullptr;
  }
  whatsapp::redis::RedisOptions ro;
  ro.server = *parsed;
  ro.key_prefix = "whatsapp-bench";
  return std::make_shared<whatsapp::redis::RedisRateLimitStore>(
      std::make_shared<whatsapp::redis::RedisConnection>(ro));
}

void PacedSendRedis(benchmark::State& state) {
  auto store = redis_store(state);
  if (!store) return;
  auto o = options(1e12);
  o.rate_limit.store = store;
  run_sends(state, o);
}
BENCHMARK(PacedSendRedis)->Name("PacedSend/redis");

void ReserveRedis(benchmark::State& state) {
  auto store = redis_store(state);
  if (!store) return;
  const auto limits = options(1e12).rate_limit;
  for (auto _ : state) {
    const auto now = std::chrono::steady_clock::now();
    auto wait = store->reserve(limits, "106540352242922", "", now, now + std::chrono::seconds(5));
    if (!wait) state.SkipWithError(wait.error().to_string().c_str());
    benchmark::DoNotOptimize(wait);
  }
}
BENCHMARK(ReserveRedis)->Name("Reserve/redis");
#endif

}  // namespace

BENCHMARK_MAIN();
