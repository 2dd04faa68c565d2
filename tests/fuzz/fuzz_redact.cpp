// libFuzzer target: the Redactor (detail/redact.hpp) on an arbitrary secret and text. Nothing may
// crash or throw, and neither the redacted text nor an excerpt cut anywhere holds a piece of the
// secret: checked here with a search written independently of the library's, on the raw text
// (the library's own holds_piece() covers the encoded forms).
// Input: [secret length - 1][secret bytes][cut][text...].

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "whatsapp/detail/redact.hpp"

namespace {

/// Whether `text` holds a substring of `secret` of min(8, secret size) characters.
bool holds_raw_piece(std::string_view text, std::string_view secret) {
  const std::size_t w = secret.size() < 8 ? secret.size() : 8;
  for (std::size_t i = 0; i + w <= text.size(); ++i) {
    if (secret.find(text.substr(i, w)) != std::string_view::npos) return true;
  }
  return false;
}

void check(const whatsapp::detail::Redactor& r, std::string_view secret, const std::string& out,
           const char* what) {
  if (holds_raw_piece(out, secret) || r.holds_piece(out)) {
    std::fprintf(stderr, "%s holds a piece of the secret: [%s]\n", what, out.c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::size_t length = 1 + data[0] % 48;
  if (size < 2 + length) return 0;
  const std::string secret(reinterpret_cast<const char*>(data + 1), length);
  const std::size_t cut = data[1 + length];
  const std::string text(reinterpret_cast<const char*>(data + 2 + length), size - 2 - length);
  // A secret of 3 characters or fewer made of the marker's '*' is replaced in one pass only
  // (the marker would match again); such a token is not a credential, the rule is not checked.
  if (length <= 3 && secret.find('*') != std::string::npos) return 0;
  const whatsapp::detail::Redactor r(secret);
  check(r, secret, r(text), "redacted text");
  check(r, secret, r.excerpt(text, cut), "excerpt");
  return 0;
}
