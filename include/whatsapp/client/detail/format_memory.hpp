#pragma once

// Which URL format each route is known to answer in, and which routes were found served in
// neither format lately. Lock-free and safe from many threads.

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>

#include "whatsapp/protocol/format.hpp"
#include "whatsapp/protocol/routes.hpp"

namespace whatsapp::detail {

/// How long a route that answered 404 in both URL formats is taken as served in neither: its
/// calls meanwhile make one request (in the format tried first) instead of two. Long enough to
/// spare a server that lacks the route a double request per call, short enough that a server
/// given the route is found again within minutes.
inline constexpr std::chrono::minutes kUnservedRouteTtl{5};

class FormatMemory {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  /// The confirmed format of `id`, if any.
  std::optional<UrlFormat> get(RouteId id) const noexcept {
    switch (slot(id).load(std::memory_order_acquire)) {
      case kNew: return UrlFormat::kNew;
      case kOld: return UrlFormat::kOld;
      default: return std::nullopt;
    }
  }

  /// Records that `id` answers in `f`. True for the one caller that recorded it first.
  bool confirm(RouteId id, UrlFormat f) noexcept {
    unserved_until(id).store(0, std::memory_order_release);
    std::uint8_t expected = kUnknown;
    return slot(id).compare_exchange_strong(expected, f == UrlFormat::kNew ? kNew : kOld,
                                            std::memory_order_acq_rel);
  }

  /// Whether `id` was found served in neither format less than kUnservedRouteTtl before `now`.
  bool unserved(RouteId id, TimePoint now) const noexcept {
    const std::int64_t until = unserved_until(id).load(std::memory_order_acquire);
    return until != 0 && now.time_since_epoch().count() < until;
  }

  /// Records that `id` answered 404 in both formats at `now`. True when it was not so recorded.
  bool mark_unserved(RouteId id, TimePoint now) noexcept {
    const bool was = unserved(id, now);
    const std::int64_t until =
        (now + std::chrono::duration_cast<TimePoint::duration>(kUnservedRouteTtl)).time_since_epoch().count();
    unserved_until(id).store(until == 0 ? 1 : until, std::memory_order_release);
    return !was;
  }

 private:
  static constexpr std::uint8_t kUnknown = 0;
  static constexpr std::uint8_t kNew = 1;
  static constexpr std::uint8_t kOld = 2;

  std::atomic<std::uint8_t>& slot(RouteId id) noexcept { return slots_[static_cast<std::size_t>(id)]; }
  const std::atomic<std::uint8_t>& slot(RouteId id) const noexcept {
    return slots_[static_cast<std::size_t>(id)];
  }
  std::atomic<std::int64_t>& unserved_until(RouteId id) noexcept {
    return unserved_[static_cast<std::size_t>(id)];
  }
  const std::atomic<std::int64_t>& unserved_until(RouteId id) const noexcept {
    return unserved_[static_cast<std::size_t>(id)];
  }

  std::array<std::atomic<std::uint8_t>, kRouteCount> slots_{};
  // Per route, the steady clock's count until which it is taken as served in neither format;
  // 0: not so taken.
  std::array<std::atomic<std::int64_t>, kRouteCount> unserved_{};
};

}  // namespace whatsapp::detail
