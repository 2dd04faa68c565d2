// Nothing lost under load: 10,000 sends through the curl transport against the emulator, with 5 %
// of requests hit by random faults (fixed seed). Every send ends as a success or a typed error;
// every success was processed exactly once (matched by wamid); no send was processed twice; and
// every send the emulator processed without the client reporting a success is among the errors
// marked may_have_been_sent.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "whatsapp/client/client.hpp"
#include "whatsapp_emulator/emulator.hpp"

namespace load_test {

using std::chrono::milliseconds;

struct Outcome {
  bool ok = false;
  std::string wamid;
  whatsapp::ErrorKind kind = whatsapp::ErrorKind::kTransport;
  bool maybe_sent = false;
};

TEST(Load, TenThousandSendsWithFivePercentFaultsLoseNothing) {
  constexpr int kSends = 10'000;
  // The emulator answers each request in about 27 ms of idle time (it leaves Nagle on: see
  // docs/reliability.md), so the client runs 6 threads to stay well under a minute. The
  // emulator has 8 worker threads: 6 keep-alive connections leave 2 for delayed answers.
  constexpr int kThreads = 6;
  whatsapp_emulator::Options eo;
  eo.log_requests = false;
  whatsapp_emulator::Emulator emu(eo);
  emu.start();

  whatsapp_emulator::FaultPolicy policy;
  policy.rate = 0.05;
  policy.seed = 20240611;
  for (const auto& kind :
       {"reset_before_answer", "reset_after_processing", "reset_mid_body", "delay", "trickle", "status_429",
        "status_500", "status_502", "status_503", "html_error", "truncated_json", "empty_body",
        "wrong_content_type", "error_in_200", "data_wrong_type", "graph_throttle"}) {
    whatsapp_emulator::Fault f;
    f.kind = kind;
    if (f.kind == "delay" || f.kind == "trickle") f.ms = 1000;
    policy.always.push_back(f);
  }
  emu.set_fault_policy(policy);

  whatsapp::ClientOptions o;
  o.base_url = emu.base_url();
  o.api_token = "at_load_token";
  o.format_policy = whatsapp::FormatPolicy::kNewOnly;
  o.timeout = milliseconds(300);
  o.retry.initial_backoff = milliseconds(1);
  o.time.sleep = [](milliseconds) {};  // Retry-After and backoff: the wall clock does not matter
  whatsapp::Client<> client(o);

  std::vector<Outcome> outcomes(kSends);
  std::atomic<int> next{0};
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = next++; i < kSends; i = next++) {
        auto r = client.messages().send("106853218861309",
                                        whatsapp::Message::text("16505551234", "n=" + std::to_string(i)));
        Outcome& out = outcomes[static_cast<std::size_t>(i)];
        out.ok = r.ok();
        if (r.ok()) {
          out.wamid = r->message_id();
        } else {
          out.kind = r.error().kind();
          out.maybe_sent = r.error().may_have_been_sent();
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // A request the client gave up on may still be queued in the emulator (its workers are held
  // by delay faults): stop it, which finishes every request, before counting what it processed.
  emu.stop();

  // Which sends the emulator processed, by tag, with their wamids.
  std::map<int, std::vector<std::string>> processed;
  const auto rows = emu.processed_messages();
  for (const auto& p : rows) {
    const std::string text = p["body"]["text"]["body"].get<std::string>();
    ASSERT_EQ(text.rfind("n=", 0), 0u) << text;
    processed[std::stoi(text.substr(2))].push_back(p["id"].get<std::string>());
  }

  int successes = 0, maybe = 0, duplicates = 0, lost = 0, silent = 0;
  std::map<std::string, int> by_kind;
  for (int i = 0; i < kSends; ++i) {
    const Outcome& out = outcomes[static_cast<std::size_t>(i)];
    const auto it = processed.find(i);
    const std::size_t copies = it == processed.end() ? 0 : it->second.size();
    if (copies > 1) ++duplicates;
    if (out.ok) {
      ++successes;
      if (copies != 1 || it->second[0] != out.wamid) ++lost;
    } else {
      ++by_kind[std::string(whatsapp::to_string(out.kind))];
      if (out.maybe_sent) ++maybe;
      if (copies > 0 && !out.maybe_sent) ++silent;
    }
  }
  const auto stats = emu.stats();
  std::cout << "load: " << kSends << " sends in " << seconds << " s: " << successes << " successes, "
            << (kSends - successes) << " typed errors (";
  for (const auto& [kind, n] : by_kind) std::cout << kind << " " << n << ", ";
  std::cout << maybe << " marked may_have_been_sent); emulator processed " << rows.size() << " sends in "
            << stats.requests << " requests" << std::endl;

  EXPECT_EQ(duplicates, 0);
  EXPECT_EQ(lost, 0);    // every success was processed exactly once, with its wamid
  EXPECT_EQ(silent, 0);  // every processed failure was flagged may_have_been_sent
  EXPECT_EQ(static_cast<int>(rows.size()), stats.sends_processed);
  EXPECT_GT(successes, kSends * 9 / 10);
  EXPECT_LT(seconds, 60.0);
}

}  // namespace load_test
