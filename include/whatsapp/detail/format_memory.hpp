#pragma once

// Which URL format each route is known to answer in. Lock-free and safe from many threads.

#include <array>
#include <atomic>
#include <cstdint>
#include <optional>

#include "whatsapp/format.hpp"
#include "whatsapp/routes.hpp"

namespace whatsapp::detail {

class FormatMemory {
 public:
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
    std::uint8_t expected = kUnknown;
    return slot(id).compare_exchange_strong(expected, f == UrlFormat::kNew ? kNew : kOld,
                                            std::memory_order_acq_rel);
  }

 private:
  static constexpr std::uint8_t kUnknown = 0;
  static constexpr std::uint8_t kNew = 1;
  static constexpr std::uint8_t kOld = 2;

  std::atomic<std::uint8_t>& slot(RouteId id) noexcept { return slots_[static_cast<std::size_t>(id)]; }
  const std::atomic<std::uint8_t>& slot(RouteId id) const noexcept {
    return slots_[static_cast<std::size_t>(id)];
  }

  std::array<std::atomic<std::uint8_t>, kRouteCount> slots_{};
};

}  // namespace whatsapp::detail
