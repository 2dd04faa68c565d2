#pragma once

// Percent-encoding for path segments and query values (RFC 3986 unreserved set kept).

#include <string>
#include <string_view>

namespace whatsapp::detail {

constexpr bool is_unreserved(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

/// Appends `value` percent-encoded so that it stays one path segment or one query value:
/// everything but the unreserved set is encoded, and a segment made only of dots ("." or "..")
/// has its dots encoded so that no client or server treats it as a relative step.
inline void append_encoded(std::string& out, std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const bool all_dots = !value.empty() && value.find_first_not_of('.') == std::string_view::npos;
  std::size_t run = 0;  // start of the unreserved bytes not yet copied
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (is_unreserved(c) && !(all_dots && c == '.')) continue;
    out.append(value.data() + run, i - run);
    run = i + 1;
    out.push_back('%');
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0x0F]);
  }
  out.append(value.data() + run, value.size() - run);
}

inline std::string encoded(std::string_view value) {
  std::string out;
  out.reserve(value.size() * 3);
  append_encoded(out, value);
  return out;
}

}  // namespace whatsapp::detail
