// Many processes, one budget (issue 16), against a real redis-server and the emulator:
//  - 4 bulk_send processes x 250 messages from one number limited to 50/s: the emulator sees
//    50/s together (0.9-1.05 x) after the burst;
//  - 3 webhook_receiver processes each given the same 1,000 signed events in its own order:
//    each event handled (printed) once in total;
//  - both again with redis-server stopped and started in the middle: senders send nothing
//    unpaced and report every message they could not send as not sent; receivers answer 503
//    while Redis is away and the test delivers again, as Meta does: still each event once.
// These take about 40 s (1,000 messages at 50/s is 20 s): ctest label "slow".

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "redis_fixture.hpp"
#include "redis_test_config.hpp"
#include "whatsapp/webhook/signature.hpp"
#include "whatsapp_emulator/emulator.hpp"

namespace redis_processes_test {

using namespace std::chrono_literals;
using whatsapp_redis_test::Child;
using whatsapp_redis_test::Clock;
using whatsapp_redis_test::RedisTest;
using whatsapp_redis_test::wait_until;

constexpr const char* kToken = "at_rds_tok_9f8e7d6c5b4a3210";
constexpr const char* kNumber = "106540352242922";
constexpr const char* kSecret = "redis_processes_app_secret_42";
constexpr double kRate = 50.0;

// The programs under test; the environment may name others (e.g. built from an older commit,
// to show that these tests fail without shared state).
std::string program(const char* env, const char* built) {
  const char* e = std::getenv(env);
  return e != nullptr && *e != '\0' ? std::string(e) : std::string(built);
}

// A file name of its own for each child's output (a test must never read an earlier child's).
std::string temp_path(const std::string& name) {
  static std::atomic<int> n{0};
  return "/tmp/whatsapp-redis-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + "-" + name;
}

// ---- Senders ----

struct SendTotals {
  long sent = 0, failed = 0, not_sent = 0;
};

// "<sent> of <count> messages sent, <failed> failed (<not_sent> certainly not sent), in ..."
bool read_totals(const std::string& out, SendTotals& t) {
  std::smatch m;
  static const std::regex line(R"((\d+) of (\d+) messages sent, (\d+) failed \((\d+) certainly not sent\))");
  if (!std::regex_search(out, m, line)) return false;
  t.sent += std::stol(m[1]);
  t.failed += std::stol(m[3]);
  t.not_sent += std::stol(m[4]);
  return true;
}

class SendersTest : public RedisTest {
 protected:
  void SetUp() override {
    RedisTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    whatsapp_emulator::Options o;
    o.log_requests = false;
    o.api_token = kToken;
    emulator_ = std::make_unique<whatsapp_emulator::Emulator>(o);
    emulator_->start();
  }
  void TearDown() override {
    if (emulator_) emulator_->stop();
  }

  std::vector<Child> start_senders(int processes, int messages) {
    std::vector<Child> senders;
    for (int i = 0; i < processes; ++i) {
      senders.emplace_back(
          std::vector<std::string>{program("WHATSAPP_TEST_BULK_SEND", WHATSAPP_TEST_BULK_SEND),
                                   std::to_string(messages)},
          std::vector<std::pair<std::string, std::string>>{
              {"LOWCODEAPI_BASE_URL", emulator_->base_url()},
              {"LOWCODEAPI_API_TOKEN", kToken},
              {"WHATSAPP_PHONE_NUMBER_ID", kNumber},
              {"WHATSAPP_TO", "1555000" + std::to_string(1000 + i)},
              {"WHATSAPP_RATE_LIMIT", "50"},
              {"WHATSAPP_REDIS_URL", server().url()}},
          temp_path("sender" + std::to_string(i) + ".out"), temp_path("sender" + std::to_string(i) + ".err"));
    }
    return senders;
  }

  // When the emulator received each send, in seconds from the first, in order.
  std::vector<double> arrivals() const {
    std::vector<std::int64_t> us;
    for (const auto& row : emulator_->processed_messages())
      us.push_back(row.at("received_us").get<std::int64_t>());
    std::sort(us.begin(), us.end());
    std::vector<double> s;
    for (auto t : us) s.push_back(static_cast<double>(t - us.front()) / 1e6);
    return s;
  }

  std::unique_ptr<whatsapp_emulator::Emulator> emulator_;
};

// Messages a second after the first `burst`: from the burst's last arrival to the last one.
double rate_after_burst(const std::vector<double>& t, std::size_t burst) {
  if (t.size() <= burst + 1) return 0.0;
  return static_cast<double>(t.size() - burst) / (t.back() - t[burst - 1]);
}

TEST_F(SendersTest, FourSendersKeepToOneRateTogether) {
  auto senders = start_senders(4, 250);
  SendTotals totals;
  for (auto& s : senders) {
    ASSERT_TRUE(s.wait(120s)) << "a sender did not finish";
    EXPECT_EQ(s.exit_code(), 0) << s.out() << s.err();
    EXPECT_TRUE(read_totals(s.out(), totals)) << s.out();
  }
  EXPECT_EQ(totals.sent, 1000);
  const auto t = arrivals();
  ASSERT_EQ(t.size(), 1000U);
  const double rate = rate_after_burst(t, 50);
  std::cout << "4 senders x 250 at 50/s: " << rate << " messages/s after the burst, last at " << t.back()
            << " s\n";
  EXPECT_GE(rate, 0.9 * kRate);
  EXPECT_LE(rate, 1.05 * kRate);
}

TEST_F(SendersTest, RedisRestartInTheMiddleSendsNothingUnpacedAndLosesNothing) {
  auto senders = start_senders(4, 150);
  // Stop Redis once a third has gone, keep it away for 1.5 s, then start it again.
  ASSERT_TRUE(wait_until([&] { return emulator_->processed_messages().size() >= 200; }, 60s));
  server().stop();
  const auto stopped = emulator_->processed_messages().size();
  std::this_thread::sleep_for(1500ms);  // the outage itself, not a wait for a server
  const auto during = emulator_->processed_messages().size();
  ASSERT_TRUE(server().start()) << server().log();
  SendTotals totals;
  for (auto& s : senders) {
    ASSERT_TRUE(s.wait(120s)) << "a sender did not finish";
    EXPECT_TRUE(read_totals(s.out(), totals)) << s.out() << s.err();
  }
  const auto t = arrivals();
  std::cout << "restart: " << totals.sent << " sent, " << totals.failed << " failed (" << totals.not_sent
            << " not sent); " << during - stopped << " arrived while Redis was down (in flight before)\n";
  // Nothing lost: every message is sent, or reported failed and certainly not sent; the
  // emulator has exactly the sent ones.
  EXPECT_EQ(totals.sent + totals.failed, 600);
  EXPECT_EQ(totals.failed, totals.not_sent);
  EXPECT_EQ(static_cast<long>(t.size()), totals.sent);
  // Nothing unpaced: during the outage only what was booked before went out (each process
  // books at most 4 x 8 ahead), and over the whole run the rate stays within the limit.
  EXPECT_LE(during - stopped, 4U * 32U + 4U);
  EXPECT_LE(rate_after_burst(t, 50), 1.05 * kRate);
}

// ---- Receivers ----

std::string wamid(int i) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%06d", i);
  return std::string("wamid.HBgLMTU1NTAwMDQ0NDQVAgASGBRSRURJU1JFQ0VJVkVS") + buf;
}

// One text message notification in the shape of Meta's messages webhook, our own ids.
std::string notification(int i) {
  nlohmann::json message = {{"from", "15550004444"},
                            {"id", wamid(i)},
                            {"timestamp", "1764900000"},
                            {"type", "text"},
                            {"text", {{"body", "event " + std::to_string(i)}}}};
  nlohmann::json value = {
      {"messaging_product", "whatsapp"},
      {"metadata", {{"display_phone_number", "15550009999"}, {"phone_number_id", kNumber}}},
      {"contacts",
       nlohmann::json::array({{{"profile", {{"name", "Redis Tester"}}}, {"wa_id", "15550004444"}}})},
      {"messages", nlohmann::json::array({message})}};
  nlohmann::json n = {
      {"object", "whatsapp_business_account"},
      {"entry", nlohmann::json::array(
                    {{{"id", "102290129340398"},
                      {"changes", nlohmann::json::array({{{"field", "messages"}, {"value", value}}})}}})}};
  return n.dump();
}

class ReceiversTest : public RedisTest {
 protected:
  struct Receiver {
    Child proc;
    int port = 0;
  };

  std::vector<Receiver> start_receivers(int count) {
    std::vector<Receiver> rs(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
      auto& r = rs[static_cast<std::size_t>(i)];
      r.proc = Child({program("WHATSAPP_TEST_RECEIVER", WHATSAPP_TEST_WEBHOOK_RECEIVER), "--port", "0"},
                     {{"WHATSAPP_APP_SECRET", kSecret},
                      {"WHATSAPP_VERIFY_TOKEN", "redis_verify"},
                      {"WHATSAPP_REDIS_URL", server().url()}},
                     temp_path("receiver" + std::to_string(i) + ".out"),
                     temp_path("receiver" + std::to_string(i) + ".err"));
      static const std::regex listening(R"(listening on http://127\.0\.0\.1:(\d+))");
      std::smatch m;
      wait_until(
          [&] {
            const std::string out = r.proc.out();
            return std::regex_search(out, m, listening) || r.proc.exited();
          },
          10s);
      const std::string out = r.proc.out();
      if (std::regex_search(out, m, listening)) r.port = std::stoi(m[1]);
    }
    return rs;
  }

  // Posts every event to `port` in `order`, again after any answer but 200 (as Meta does),
  // for at most 60 s per event. Counts the answers that were not 200.
  static void deliver(int port, const std::vector<int>& order, std::atomic<int>& posted,
                      std::atomic<int>& refused, std::atomic<int>& gave_up, std::atomic<int>& not_503) {
    httplib::Client c("127.0.0.1", port);
    c.set_keep_alive(true);
    c.set_tcp_nodelay(true);  // head and body in one go: no delayed-ACK wait per request
    c.set_read_timeout(10, 0);
    const auto give_up = Clock::now() + 120s;  // the whole series: a broken receiver fails, never hangs
    for (int i : order) {
      const std::string body = notification(i);
      const httplib::Headers h{{"X-Hub-Signature-256", whatsapp::webhook::sign(body, kSecret)}};
      const auto end = std::min(Clock::now() + 60s, give_up);
      for (;;) {
        auto res = c.Post("/", h, body, "application/json");
        if (res && res->status == 200) break;
        ++refused;
        if (!res || res->status != 503) ++not_503;
        if (Clock::now() >= end) {
          ++gave_up;
          break;
        }
        std::this_thread::sleep_for(20ms);  // Meta's redelivery comes later
      }
      ++posted;
    }
  }

  // The events each receiver printed, counted by wamid over all of them.
  static std::map<std::string, int> handled(std::vector<Receiver>& rs) {
    std::map<std::string, int> seen;
    for (auto& r : rs) {
      r.proc.stop();
      std::istringstream lines(r.proc.out());
      std::string line;
      while (std::getline(lines, line)) {
        if (line.empty() || line[0] != '{') continue;
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_object() && j.contains("id")) ++seen[j["id"].get<std::string>()];
      }
    }
    return seen;
  }

  void run(bool restart) {
    constexpr int kEvents = 1000;
    auto rs = start_receivers(3);
    for (auto& r : rs) ASSERT_NE(r.port, 0) << r.proc.err();
    std::atomic<int> posted{0}, refused{0}, gave_up{0}, not_503{0};
    std::vector<std::thread> posters;
    for (int k = 0; k < 3; ++k) {
      std::vector<int> order(kEvents);
      for (int i = 0; i < kEvents; ++i) order[static_cast<std::size_t>(i)] = i;
      if (k == 1) std::reverse(order.begin(), order.end());
      if (k == 2) std::shuffle(order.begin(), order.end(), std::mt19937(16));
      posters.emplace_back(deliver, rs[static_cast<std::size_t>(k)].port, order, std::ref(posted),
                           std::ref(refused), std::ref(gave_up), std::ref(not_503));
    }
    int refused_during = 0;
    if (restart) {
      wait_until([&] { return posted.load() >= 900; }, 60s);
      server().stop();
      const int before = refused.load();
      wait_until([&] { return refused.load() >= before + 30; }, 5s);  // the receivers answer 503 now
      refused_during = refused.load() - before;
      EXPECT_TRUE(server().start()) << server().log();
    }
    for (auto& p : posters) p.join();
    EXPECT_EQ(gave_up.load(), 0);
    EXPECT_EQ(not_503.load(), 0);  // a delivery the receivers could not check is answered 503
    const auto seen = handled(rs);
    EXPECT_EQ(seen.size(), static_cast<std::size_t>(kEvents));
    int twice = 0;
    for (const auto& [id, n] : seen) twice += n > 1 ? 1 : 0;
    EXPECT_EQ(twice, 0) << "events handled more than once";
    std::cout << "3 receivers x " << kEvents << " events: " << seen.size() << " handled, " << refused.load()
              << " deliveries answered non-200 and delivered again";
    if (restart) std::cout << " (" << refused_during << " while Redis was down)";
    std::cout << "\n";
    if (restart) {
      EXPECT_GT(refused_during, 0);
    }
  }
};

TEST_F(ReceiversTest, ThreeReceiversHandleEachEventOnce) { run(false); }

TEST_F(ReceiversTest, RedisRestartInTheMiddleLosesNoEventAndHandlesNoneTwice) { run(true); }

}  // namespace redis_processes_test
