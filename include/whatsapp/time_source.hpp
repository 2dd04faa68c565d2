#pragma once

/// @file time_source.hpp
/// TimeSource: the clock, sleep and randomness the client uses (ClientOptions::time).

#include <chrono>
#include <cstdint>
#include <functional>
#include <random>
#include <thread>

namespace whatsapp {

/// Time and chance as the client sees them. Every member may be left empty for the real one;
/// tests set them to make delays exact and instant.
struct TimeSource {
  /// The monotonic clock used for deadlines and rate limits.
  std::function<std::chrono::steady_clock::time_point()> now;
  /// Seconds since the epoch, for Retry-After dates.
  std::function<std::int64_t()> epoch_seconds;
  /// Waits (backoff, Retry-After, rate limits).
  std::function<void(std::chrono::milliseconds)> sleep;
  /// A number uniform in [0, 1), for jitter.
  std::function<double()> random01;

  std::chrono::steady_clock::time_point current() const {
    return now ? now() : std::chrono::steady_clock::now();
  }
  std::int64_t epoch() const {
    if (epoch_seconds) return epoch_seconds();
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  void wait(std::chrono::milliseconds d) const {
    if (d.count() <= 0) return;
    if (sleep) {
      sleep(d);
    } else {
      std::this_thread::sleep_for(d);
    }
  }
  double uniform01() const {
    if (random01) return random01();
    thread_local std::mt19937_64 rng(std::random_device{}());
    return std::uniform_real_distribution<double>(0.0, 1.0)(rng);
  }
};

}  // namespace whatsapp
