#pragma once

// A TimeSource whose clock only moves when the code under test sleeps, and which records every
// sleep: tests assert exact delays and take no wall time.

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "whatsapp/time_source.hpp"

namespace whatsapp_test {

class FakeTime {
 public:
  using ms = std::chrono::milliseconds;
  static constexpr std::int64_t kEpoch = 1'700'000'000;  // 2023-11-14T22:13:20Z

  FakeTime() : s_(std::make_shared<State>()) {}

  /// The TimeSource to put in ClientOptions::time. `random` is returned by random01().
  whatsapp::TimeSource source(double random = 0.5) const {
    auto s = s_;
    whatsapp::TimeSource t;
    t.now = [s] {
      std::lock_guard<std::mutex> lock(s->m);
      return s->now;
    };
    t.epoch_seconds = [s] {
      std::lock_guard<std::mutex> lock(s->m);
      return kEpoch + std::chrono::duration_cast<std::chrono::seconds>(s->now - s->start).count();
    };
    t.sleep = [s](ms d) {
      std::lock_guard<std::mutex> lock(s->m);
      s->sleeps.push_back(d);
      s->now += d;
    };
    t.random01 = [random] { return random; };
    return t;
  }

  std::vector<ms> sleeps() const {
    std::lock_guard<std::mutex> lock(s_->m);
    return s_->sleeps;
  }
  ms elapsed() const {
    std::lock_guard<std::mutex> lock(s_->m);
    return std::chrono::duration_cast<ms>(s_->now - s_->start);
  }
  void advance(ms d) {
    std::lock_guard<std::mutex> lock(s_->m);
    s_->now += d;
  }

 private:
  struct State {
    std::mutex m;
    std::chrono::steady_clock::time_point start =
        std::chrono::steady_clock::time_point{} + std::chrono::hours(1);
    std::chrono::steady_clock::time_point now = start;
    std::vector<ms> sleeps;
  };
  std::shared_ptr<State> s_;
};

}  // namespace whatsapp_test
