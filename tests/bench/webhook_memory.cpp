// What parsing one webhook notification costs in memory and time (issue 13: a text message's
// JSON was held about five times, once per level that copied its subtree into `raw`).
//
// Counts every operator new while parsing a fixture and prints: the sizes of the webhook
// structs and of Error/Result, the bytes one plain nlohmann::json tree of the body holds, the
// bytes the Notification still holds after parse() (and their ratio to the plain tree), the
// bytes and allocations parse() made, and the mean parse time.
//
//   whatsapp_webhook_memory [fixture ...]   (default: webhook_text.json webhook_status_sent.json)

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <whatsapp/model/send_result.hpp>
#include <whatsapp/result.hpp>
#include <whatsapp/webhook/parse.hpp>

namespace {

std::size_t g_live = 0;
std::size_t g_total = 0;
std::size_t g_count = 0;

// Each block carries its size in front of it, so operator delete can subtract it.
constexpr std::size_t kHeader = alignof(std::max_align_t);

struct Snapshot {
  std::size_t live = g_live;
  std::size_t total = g_total;
  std::size_t count = g_count;
};

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(WHATSAPP_TEST_DATA_DIR) + "/webhook/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

int measure(const std::string& name) {
  const std::string body = read_fixture(name);
  if (body.empty()) {
    std::fprintf(stderr, "%s: cannot read the fixture\n", name.c_str());
    return 1;
  }
  std::size_t plain = 0;
  {
    const Snapshot before;
    const auto doc = nlohmann::json::parse(body);
    plain = g_live - before.live;
  }
  const Snapshot before;
  auto parsed = whatsapp::webhook::parse(body);
  if (!parsed) {
    std::fprintf(stderr, "%s: %s\n", name.c_str(), parsed.error().message().c_str());
    return 1;
  }
  const std::size_t held = g_live - before.live;
  std::printf("%s (%zu bytes of JSON text)\n", name.c_str(), body.size());
  std::printf("  one nlohmann::json tree of it:   %zu bytes\n", plain);
  std::printf("  held by the Notification:        %zu bytes (%.1f x the tree)\n", held,
              static_cast<double>(held) / static_cast<double>(plain));
  std::printf("  allocated while parsing:         %zu bytes in %zu allocations\n", g_total - before.total,
              g_count - before.count);

  constexpr int kRuns = 20000;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kRuns; ++i) {
    auto again = whatsapp::webhook::parse(body);
    if (!again) return 1;
  }
  const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
  std::printf("  parse():                         %.2f us (mean of %d, counting allocator)\n",
              took.count() / kRuns, kRuns);
  return 0;
}

}  // namespace

void* operator new(std::size_t n) {
  void* block = std::malloc(n + kHeader);
  if (block == nullptr) throw std::bad_alloc();
  *static_cast<std::size_t*>(block) = n;
  g_live += n;
  g_total += n;
  ++g_count;
  return static_cast<char*>(block) + kHeader;
}

void operator delete(void* p) noexcept {
  if (p == nullptr) return;
  void* block = static_cast<char*>(p) - kHeader;
  g_live -= *static_cast<std::size_t*>(block);
  std::free(block);
}

void operator delete(void* p, std::size_t) noexcept { operator delete(p); }

int main(int argc, char** argv) {
  std::printf(
      "sizeof: webhook::Message %zu, webhook::Change %zu, webhook::Status %zu, Error %zu, "
      "Result<SendResult> %zu, Result<void> %zu\n",
      sizeof(whatsapp::webhook::Message), sizeof(whatsapp::webhook::Change),
      sizeof(whatsapp::webhook::Status), sizeof(whatsapp::Error),
      sizeof(whatsapp::Result<whatsapp::SendResult>), sizeof(whatsapp::Result<void>));
  std::vector<std::string> names(argv + 1, argv + argc);
  if (names.empty()) names = {"webhook_text.json", "webhook_status_sent.json"};
  int rc = 0;
  for (const auto& n : names) rc |= measure(n);
  return rc;
}
