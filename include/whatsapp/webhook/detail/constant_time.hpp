#pragma once

/// @file webhook_constant_time.hpp
/// Private: a string comparison whose running time does not depend on where the strings differ.

#include <cstddef>
#include <string_view>

namespace whatsapp::detail {

/// True when `received` equals `expected`. The loop runs over `received` (the caller's input),
/// so the time taken reveals neither the position of the first difference nor `expected`'s
/// content; only `received`'s own length, which the sender knows anyway.
inline bool webhook_equal_constant_time(std::string_view received, std::string_view expected) noexcept {
  volatile unsigned char diff = received.size() == expected.size() ? 0 : 1;
  const std::size_t n = expected.size();
  for (std::size_t i = 0; i < received.size(); ++i) {
    // When expected is shorter, compare against its bytes cyclically (or 0 when it is empty);
    // the length check above already made the result false.
    const unsigned char e = n == 0 ? 0 : static_cast<unsigned char>(expected[i < n ? i : i % n]);
    diff = static_cast<unsigned char>(diff | (static_cast<unsigned char>(received[i]) ^ e));
  }
  return diff == 0;
}

}  // namespace whatsapp::detail
