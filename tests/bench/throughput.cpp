// Throughput of whatsapp-cpp sending text messages, as ../shared/bench/README.md describes:
// --n messages after --warmup, --concurrency in flight (1: messages().send one at a time; more:
// messages().send_stream, or with --api batch messages().send_batch in windows of --window
// messages), stopping after --max-seconds; every reply must carry the message id; prints one
// JSON line with peer "whatsapp-cpp".
//
//   whatsapp_throughput [--n N] [--warmup W] [--concurrency C] [--max-seconds S] [--url BASE]
//                       [--phone-id ID] [--api stream|batch] [--window M] [--format auto|old|new]
//                       [--count-requests] [--smoke] [--backend lowcodeapi|graph] [--app-secret S]
//
// --backend picks the SDK's backend (default lowcodeapi). --url is the LowCodeAPI base URL
// (default $LOWCODEAPI_BASE_URL, else the nginx bench server http://127.0.0.1:18080/whatsapp);
// with --backend graph the Graph base URL (default $WHATSAPP_GRAPH_BASE_URL, else
// http://127.0.0.1:18080), the token $WHATSAPP_ACCESS_TOKEN (else "bench-token") and
// --app-secret (default $WHATSAPP_APP_SECRET) adds appsecret_proof to every call. --smoke is the correctness
// run of the test command against the emulator: every reply must carry its own, distinct message id (the
// nginx server answers one fixed id, which is what a normal run checks). --count-requests prints the number
// of HTTP requests made to stderr (the format fallback check: 1,000 sends to 404000111 make 1,001).
// --format is the client's FormatPolicy: auto (New, then Old on 404; the default), old, new. The
// fallback's cost is `--format auto` against `--format old` on the same Old-Format-only id.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <whatsapp/whatsapp.hpp>

namespace {

constexpr const char* kWamid = "wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";
constexpr const char* kText = "Hello from the benchmark harness! Your order #12345 has shipped.";

std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return (v != nullptr && *v != '\0') ? v : fallback;
}

struct Args {
  long n = 5000;
  long warmup = 200;
  long concurrency = 1;
  double max_seconds = 60;
  long window = 1000;
  bool batch = false;  // --api batch: send_batch in windows instead of one send_stream
  bool graph = false;  // --backend graph
  std::string url;     // empty: the backend's default
  std::string phone_id = env_or("WHATSAPP_PHONE_NUMBER_ID", "123456789012345");
  std::string token;  // the backend's token from the environment, else "bench-token"
  std::string app_secret = env_or("WHATSAPP_APP_SECRET", "");
  std::string to = env_or("WHATSAPP_TO", "15551234567");
  bool smoke = false;
  bool count_requests = false;
  whatsapp::FormatPolicy format = whatsapp::FormatPolicy::kNewThenOld;
};

[[noreturn]] void usage() {
  std::fprintf(stderr,
               "usage: whatsapp_throughput [--n N] [--warmup W] [--concurrency C] [--max-seconds S] "
               "[--url BASE] [--phone-id ID] [--api stream|batch] [--window M] [--format auto|old|new] "
               "[--count-requests] "
               "[--smoke] [--backend lowcodeapi|graph] [--app-secret S]\n");
  std::exit(2);
}

whatsapp::FormatPolicy format_policy(const std::string& name) {
  if (name == "auto") return whatsapp::FormatPolicy::kNewThenOld;
  if (name == "old") return whatsapp::FormatPolicy::kOldOnly;
  if (name == "new") return whatsapp::FormatPolicy::kNewOnly;
  usage();
}

bool api_is_batch(const std::string& name) {
  if (name == "stream") return false;
  if (name == "batch") return true;
  usage();
}

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    auto next = [&]() -> const char* {
      if (i + 1 >= argc) usage();
      return argv[++i];
    };
    if (k == "--n")
      a.n = std::atol(next());
    else if (k == "--warmup")
      a.warmup = std::atol(next());
    else if (k == "--concurrency")
      a.concurrency = std::atol(next());
    else if (k == "--max-seconds")
      a.max_seconds = std::atof(next());
    else if (k == "--api")
      a.batch = api_is_batch(next());
    else if (k == "--window")
      a.window = std::atol(next());
    else if (k == "--url")
      a.url = next();
    else if (k == "--phone-id")
      a.phone_id = next();
    else if (k == "--smoke")
      a.smoke = true;
    else if (k == "--format")
      a.format = format_policy(next());
    else if (k == "--count-requests")
      a.count_requests = true;
    else if (k == "--backend") {
      const std::string b = next();
      if (b != "lowcodeapi" && b != "graph") usage();
      a.graph = b == "graph";
    } else if (k == "--app-secret")
      a.app_secret = next();
    else
      usage();
  }
  if (a.url.empty()) {
    a.url = a.graph ? env_or("WHATSAPP_GRAPH_BASE_URL", "http://127.0.0.1:18080")
                    : env_or("LOWCODEAPI_BASE_URL", "http://127.0.0.1:18080/whatsapp");
  }
  a.token = a.graph ? env_or("WHATSAPP_ACCESS_TOKEN", "bench-token")
                    : env_or("LOWCODEAPI_API_TOKEN", "bench-token");
  if (a.n < 1 || a.warmup < 0 || a.concurrency < 1 || a.window < 1) usage();
  return a;
}

/// CurlTransport that counts requests and, with --api batch, keeps the time libcurl reports for
/// each request of a window (CURLINFO_TOTAL_TIME_T: that request's own time, not its wait for a
/// free slot).
class CountingTransport {
 public:
  whatsapp::Result<whatsapp::HttpResponse> send(const whatsapp::HttpRequest& r) const {
    requests_->fetch_add(1, std::memory_order_relaxed);
    return inner_.send(r);
  }
  template <class Next, class Done>
  void send_streamed(Next&& next, Done&& done, std::size_t max_in_flight) const {
    inner_.send_streamed(
        [&] {
          const auto item = next();
          if (item.request != nullptr) requests_->fetch_add(1, std::memory_order_relaxed);
          return item;
        },
        [&](std::size_t tag, whatsapp::Result<whatsapp::HttpResponse>&& a) {
          if (*keep_times_) times_us_->push_back(a ? static_cast<long>(a->elapsed.count()) : 0);
          done(tag, std::move(a));
        },
        max_in_flight);
  }
  long requests() const { return requests_->load(); }
  std::vector<long>& times_us() const { return *times_us_; }
  void keep_times(bool on) const { *keep_times_ = on; }

 private:
  whatsapp::transport::CurlTransport inner_;
  std::shared_ptr<std::atomic<long>> requests_ = std::make_shared<std::atomic<long>>(0);
  std::shared_ptr<std::vector<long>> times_us_ = std::make_shared<std::vector<long>>();
  std::shared_ptr<bool> keep_times_ = std::make_shared<bool>(false);
};

using Client = whatsapp::Client<CountingTransport>;

struct Tally {
  long n = 0, ok = 0, errors = 0;
  std::vector<long> latencies_us;
  std::unordered_set<std::string> ids;  // --smoke: every id distinct
  std::string first_error;

  void add(const whatsapp::Result<whatsapp::SendResult>& r, long us, const Args& a) {
    ++n;
    latencies_us.push_back(us);
    bool good = r.ok() && !r->message_id().empty();
    if (good) good = a.smoke ? ids.insert(r->message_id()).second : r->message_id() == kWamid;
    if (good) {
      ++ok;
      return;
    }
    ++errors;
    if (first_error.empty()) {
      first_error = r.ok() ? "unexpected or repeated message id " + r->message_id() : r.error().to_string();
    }
  }
};

long since_us(std::chrono::steady_clock::time_point t) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t).count());
}

whatsapp::Message message(const Args& a, long i) {
  if (!a.smoke) return whatsapp::Message::text(a.to, kText);
  return whatsapp::Message::text(a.to, std::string(kText) + " #" + std::to_string(i));
}

void run_seq(const Client& client, const Args& a, long count, long first, Tally* tally) {
  const auto messages = client.messages();
  const auto begin = std::chrono::steady_clock::now();
  for (long i = 0; i < count; ++i) {
    const auto start = std::chrono::steady_clock::now();
    auto r = messages.send(a.phone_id, message(a, first + i));
    const long us = since_us(start);
    if (tally) tally->add(r, us, a);
    if (since_us(begin) > a.max_seconds * 1e6) break;
  }
}

// --concurrency C > 1: one send_stream, C in flight; a message's latency is from the moment the
// client takes it to its result.
void run_stream(const Client& client, const Args& a, long count, long first, Tally* tally) {
  whatsapp::BatchOptions options;
  options.max_in_flight = static_cast<std::size_t>(a.concurrency);
  const auto begin = std::chrono::steady_clock::now();
  std::vector<std::chrono::steady_clock::time_point> taken(static_cast<std::size_t>(count));
  long next = 0;
  client.messages().send_stream(
      a.phone_id,
      [&]() -> std::optional<whatsapp::Message> {
        if (next == count || (next % 64 == 0 && since_us(begin) > a.max_seconds * 1e6)) return std::nullopt;
        taken[static_cast<std::size_t>(next)] = std::chrono::steady_clock::now();
        return message(a, first + next++);
      },
      [&](std::size_t i, whatsapp::Result<whatsapp::SendResult>&& r) {
        if (tally) tally->add(r, since_us(taken[i]), a);
      },
      options);
}

// --concurrency C > 1 with --api batch: send_batch in windows of --window messages, C in flight.
void run_batch(const Client& client, const Args& a, long count, long first, Tally* tally) {
  const auto messages = client.messages();
  whatsapp::BatchOptions options;
  options.max_in_flight = static_cast<std::size_t>(a.concurrency);
  const auto begin = std::chrono::steady_clock::now();
  std::vector<whatsapp::Message> window;
  client.transport().keep_times(true);
  for (long done = 0; done < count;) {
    const long size = std::min(a.window, count - done);
    window.clear();
    for (long i = 0; i < size; ++i) window.push_back(message(a, first + done + i));
    auto& times = client.transport().times_us();
    times.clear();
    const auto start = std::chrono::steady_clock::now();
    auto results = messages.send_batch(a.phone_id, window, options);
    const long window_us = since_us(start);
    for (std::size_t i = 0; i < results.size(); ++i) {
      // The requests' own times in the order they finished (percentiles need no more); a message
      // without a request of its own gets the window's mean.
      const long us = i < times.size() ? times[i] : window_us / size;
      if (tally) tally->add(results[i], us, a);
    }
    done += size;
    if (since_us(begin) > a.max_seconds * 1e6) break;
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
  Args a = parse(argc, argv);
  whatsapp::ClientOptions o;
  o.base_url = a.url;
  if (a.graph) {
    o.backend = whatsapp::Backend::kGraph;
    o.access_token = a.token;
    o.app_secret = a.app_secret;
  } else {
    o.api_token = a.token;
  }
  o.format_policy = a.format;
  const Client client(o);

  auto run = [&](long count, long first, Tally* tally) {
    if (a.concurrency == 1) {
      run_seq(client, a, count, first, tally);
    } else {
      (a.batch ? run_batch : run_stream)(client, a, count, first, tally);
    }
  };
  if (a.warmup > 0) {
    Tally warm;
    run(a.warmup, 0, a.smoke ? &warm : nullptr);
  }
  const long requests_before = client.transport().requests();
  Tally tally;
  tally.latencies_us.reserve(static_cast<std::size_t>(a.n));
  const auto begin = std::chrono::steady_clock::now();
  run(a.n, a.warmup, &tally);
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();

  std::string base = a.url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  std::printf(
      "{\"peer\":\"whatsapp-cpp\",\"version\":\"%s\",\"mode\":\"%s\",\"concurrency\":%ld,\"n\":%ld,"
      "\"ok\":%ld,\"errors\":%ld,\"elapsed_s\":%.3f,\"msgs_per_s\":%.1f,\"p50_us\":%ld,\"p99_us\":%ld,"
      "\"target\":\"POST %s/%s/%s/messages\"}\n",
      whatsapp::kVersion, a.concurrency == 1 ? "seq" : "conc", a.concurrency, tally.n, tally.ok, tally.errors,
      elapsed, static_cast<double>(tally.ok) / elapsed, percentile(tally.latencies_us, 50),
      percentile(tally.latencies_us, 99), base.c_str(), o.api_version.c_str(), a.phone_id.c_str());
  if (a.count_requests) {
    std::fprintf(stderr, "requests: %ld (measured phase: %ld messages)\n", client.transport().requests(),
                 tally.n);
    (void)requests_before;
  }
  if (!tally.first_error.empty()) std::fprintf(stderr, "first error: %s\n", tally.first_error.c_str());
  return tally.errors == 0 && tally.n > 0 ? 0 : 1;
}
