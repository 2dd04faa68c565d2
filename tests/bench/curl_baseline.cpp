// The baseline for tests/bench/throughput.cpp: plain libcurl with nothing of the SDK around it.
//
//   --mode seq   one easy handle, options set once, the same POST performed in a loop
//   --mode conc  a curl multi handle with --concurrency easy handles, each re-added as it finishes
//
// Prints one JSON line with the keys of ../shared/bench/README.md and peer "libcurl", so the
// two programs compare directly. Flags: --n --warmup --concurrency --max-seconds --url (the full
// URL to POST; by default the New Format send URL the SDK builds, api_token included) --backend
// (lowcodeapi, the default; graph: the Graph send URL, http://127.0.0.1:18080/v22.0/<id>/messages,
// with `Authorization: Bearer bench-token`, the request the SDK's Graph backend makes).

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr const char* kWamid = "wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";
// The body the SDK sends for Message::text("15551234567", <the wrk text>) (keys as nlohmann orders them).
constexpr const char* kBody =
    R"({"messaging_product":"whatsapp","recipient_type":"individual","text":{"body":"Hello from the benchmark harness! Your order #12345 has shipped.","preview_url":false},"to":"15551234567","type":"text"})";

struct Args {
  std::string mode = "seq";
  long n = 5000;
  long warmup = 200;
  long concurrency = 1;
  double max_seconds = 60;
  std::string url;  // empty: the backend's send URL
  bool graph = false;
};

[[noreturn]] void usage() {
  std::fprintf(stderr,
               "usage: whatsapp_curl_baseline [--mode seq|conc] [--n N] [--warmup W] "
               "[--concurrency C] [--max-seconds S] [--url URL] [--backend lowcodeapi|graph]\n");
  std::exit(2);
}

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    auto next = [&]() -> const char* {
      if (i + 1 >= argc) usage();
      return argv[++i];
    };
    if (k == "--mode")
      a.mode = next();
    else if (k == "--n")
      a.n = std::atol(next());
    else if (k == "--warmup")
      a.warmup = std::atol(next());
    else if (k == "--concurrency")
      a.concurrency = std::atol(next());
    else if (k == "--max-seconds")
      a.max_seconds = std::atof(next());
    else if (k == "--url")
      a.url = next();
    else if (k == "--backend") {
      const std::string b = next();
      if (b != "lowcodeapi" && b != "graph") usage();
      a.graph = b == "graph";
    } else
      usage();
  }
  if (a.url.empty()) {
    a.url = a.graph ? "http://127.0.0.1:18080/v22.0/123456789012345/messages"
                    : "http://127.0.0.1:18080/whatsapp/v22.0/123456789012345/messages?api_token=bench-token";
  }
  if ((a.mode != "seq" && a.mode != "conc") || a.n < 1 || a.concurrency < 1 || a.warmup < 0) usage();
  if (a.mode == "seq") a.concurrency = 1;
  return a;
}

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
  static_cast<std::string*>(user)->append(data, size * n);
  return size * n;
}

struct Transfer {
  CURL* h = nullptr;
  curl_slist* headers = nullptr;
  std::string body;
  std::chrono::steady_clock::time_point start;
};

void setup(Transfer& t, const Args& a) {
  t.h = curl_easy_init();
  t.headers = curl_slist_append(t.headers, "Content-Type: application/json");
  t.headers = curl_slist_append(t.headers, "Accept: application/json");
  t.headers = curl_slist_append(t.headers, "Expect:");
  if (a.graph) t.headers = curl_slist_append(t.headers, "Authorization: Bearer bench-token");
  curl_easy_setopt(t.h, CURLOPT_URL, a.url.c_str());
  curl_easy_setopt(t.h, CURLOPT_HTTPHEADER, t.headers);
  curl_easy_setopt(t.h, CURLOPT_POSTFIELDS, kBody);
  curl_easy_setopt(t.h, CURLOPT_POSTFIELDSIZE, static_cast<long>(std::strlen(kBody)));
  curl_easy_setopt(t.h, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(t.h, CURLOPT_WRITEDATA, &t.body);
  curl_easy_setopt(t.h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(t.h, CURLOPT_TCP_NODELAY, 1L);
  curl_easy_setopt(t.h, CURLOPT_PRIVATE, &t);
}

bool good(const Transfer& t, CURLcode code) {
  long status = 0;
  curl_easy_getinfo(t.h, CURLINFO_RESPONSE_CODE, &status);
  return code == CURLE_OK && status == 200 && t.body.find(kWamid) != std::string::npos;
}

struct Tally {
  long n = 0, ok = 0, errors = 0;
  std::vector<long> latencies_us;
  void add(bool good, long us) {
    ++n;
    if (good)
      ++ok;
    else
      ++errors;
    latencies_us.push_back(us);
  }
};

long since_us(std::chrono::steady_clock::time_point t) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t).count());
}

// Sequential: one handle, perform in a loop.
void run_seq(const Args& a, long count, Tally* tally, double max_seconds) {
  static Transfer t;
  if (t.h == nullptr) setup(t, a);
  const auto begin = std::chrono::steady_clock::now();
  for (long i = 0; i < count; ++i) {
    t.body.clear();
    const auto start = std::chrono::steady_clock::now();
    const CURLcode code = curl_easy_perform(t.h);
    const long us = since_us(start);
    if (tally) tally->add(good(t, code), us);
    if (since_us(begin) > max_seconds * 1e6) break;
  }
}

// Concurrent: C handles in one multi handle; a finished handle is re-added at once.
void run_conc(const Args& a, long count, Tally* tally, double max_seconds) {
  static CURLM* multi = curl_multi_init();
  static std::vector<Transfer> transfers(static_cast<std::size_t>(a.concurrency));
  for (auto& t : transfers) {
    if (t.h == nullptr) setup(t, a);
  }
  const auto begin = std::chrono::steady_clock::now();
  long started = 0, active = 0;
  bool stop = false;
  auto start_one = [&](Transfer& t) {
    t.body.clear();
    t.start = std::chrono::steady_clock::now();
    curl_multi_add_handle(multi, t.h);
    ++started;
    ++active;
  };
  for (auto& t : transfers) {
    if (started < count) start_one(t);
  }
  while (active > 0) {
    int running = 0;
    curl_multi_perform(multi, &running);
    int left = 0;
    while (CURLMsg* m = curl_multi_info_read(multi, &left)) {
      if (m->msg != CURLMSG_DONE) continue;
      Transfer* t = nullptr;
      curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &t);
      const CURLcode code = m->data.result;
      curl_off_t total = 0;
      curl_easy_getinfo(t->h, CURLINFO_TOTAL_TIME_T, &total);
      if (tally) tally->add(good(*t, code), static_cast<long>(total));
      curl_multi_remove_handle(multi, t->h);
      --active;
      if (!stop && since_us(begin) > max_seconds * 1e6) stop = true;
      if (!stop && started < count) start_one(*t);
    }
    if (active > 0) curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
  }
}

long percentile(std::vector<long> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto rank =
      static_cast<std::size_t>(std::max(1.0, std::ceil(p / 100.0 * static_cast<double>(v.size()))));
  return v[std::min(rank, v.size()) - 1];
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  auto run = a.mode == "seq" ? &run_seq : &run_conc;
  if (a.warmup > 0) run(a, a.warmup, nullptr, a.max_seconds);
  Tally tally;
  tally.latencies_us.reserve(static_cast<std::size_t>(a.n));
  const auto begin = std::chrono::steady_clock::now();
  run(a, a.n, &tally, a.max_seconds);
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  std::string target = a.url;
  if (const auto q = target.find('?'); q != std::string::npos) target.resize(q);
  std::printf(
      "{\"peer\":\"libcurl\",\"version\":\"%s\",\"mode\":\"%s\",\"concurrency\":%ld,\"n\":%ld,\"ok\":%ld,"
      "\"errors\":%ld,\"elapsed_s\":%.3f,\"msgs_per_s\":%.1f,\"p50_us\":%ld,\"p99_us\":%ld,"
      "\"target\":\"POST %s\"}\n",
      curl_version_info(CURLVERSION_NOW)->version, a.mode.c_str(), a.concurrency, tally.n, tally.ok,
      tally.errors, elapsed, static_cast<double>(tally.ok) / elapsed, percentile(tally.latencies_us, 50),
      percentile(tally.latencies_us, 99), target.c_str());
  return tally.errors == 0 ? 0 : 1;
}
