#pragma once

/// @file signature.hpp
/// Checking and producing the `X-Hub-Signature-256` header Meta puts on every webhook POST:
/// `sha256=<lowercase hex of HMAC-SHA256(app_secret, raw body bytes)>`.
///
/// The check must run over the exact bytes received, before any JSON parsing: Meta signs the
/// body it sent, in which non-ASCII characters are escaped as `\uXXXX`. Re-serialising parsed
/// JSON produces different bytes and a mismatch.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace whatsapp::webhook {

/// The name of the header that carries the signature.
inline constexpr std::string_view kSignatureHeader = "X-Hub-Signature-256";

/// The outcome of a signature check.
enum class SignatureStatus {
  kValid,      ///< The header matches the body and the secret.
  kMissing,    ///< No header, or an empty one. Answer 401.
  kMalformed,  ///< The header is not `sha256=` followed by 64 hex digits. Answer 401.
  kMismatch,   ///< Well-formed but wrong: another secret, or the body was changed. Answer 403.
  kNoSecret,   ///< The configured app secret is empty, so nothing can be trusted. A setup error.
};

/// "valid", "missing", "malformed", "mismatch" or "no_secret".
constexpr std::string_view to_string(SignatureStatus s) noexcept {
  switch (s) {
    case SignatureStatus::kValid: return "valid";
    case SignatureStatus::kMissing: return "missing";
    case SignatureStatus::kMalformed: return "malformed";
    case SignatureStatus::kMismatch: return "mismatch";
    case SignatureStatus::kNoSecret: return "no_secret";
  }
  return "unknown";
}

/// The result of verify_signature(): a status, with the HTTP status a receiver should answer.
struct SignatureCheck {
  SignatureStatus status = SignatureStatus::kMissing;

  /// True only for a valid signature.
  bool ok() const noexcept { return status == SignatureStatus::kValid; }
  explicit operator bool() const noexcept { return ok(); }

  /// 200 when valid; 401 when the header is missing or malformed (the sender did not
  /// authenticate); 403 on a mismatch (it did, wrongly); 500 when no secret is configured.
  int http_status() const noexcept {
    switch (status) {
      case SignatureStatus::kValid: return 200;
      case SignatureStatus::kMissing:
      case SignatureStatus::kMalformed: return 401;
      case SignatureStatus::kMismatch: return 403;
      case SignatureStatus::kNoSecret: return 500;
    }
    return 500;
  }

  /// One line for logs, free of the secret and the body.
  std::string_view message() const noexcept {
    switch (status) {
      case SignatureStatus::kValid: return "signature valid";
      case SignatureStatus::kMissing: return "X-Hub-Signature-256 header missing";
      case SignatureStatus::kMalformed:
        return "X-Hub-Signature-256 header malformed (expected sha256=<64 hex digits>)";
      case SignatureStatus::kMismatch: return "X-Hub-Signature-256 does not match the body";
      case SignatureStatus::kNoSecret: return "no app secret configured";
    }
    return "unknown";
  }
};

}  // namespace whatsapp::webhook

// In whatsapp::detail, not whatsapp::webhook::detail: a nested detail namespace would hide
// whatsapp::detail from the other webhook headers included after this one.
namespace whatsapp::detail {

inline constexpr std::size_t kWebhookSha256Size = 32;

/// HMAC-SHA256 of `body` with `key` into `out`. False only if OpenSSL fails.
inline bool webhook_hmac_sha256(std::string_view key, std::string_view body,
                                unsigned char (&out)[kWebhookSha256Size]) noexcept {
  // OpenSSL wants non-null pointers even for empty inputs.
  static const unsigned char kEmpty[1] = {0};
  const void* key_ptr = key.empty() ? static_cast<const void*>(kEmpty) : key.data();
  const unsigned char* body_ptr = body.empty() ? kEmpty : reinterpret_cast<const unsigned char*>(body.data());
  unsigned int len = 0;
  if (key.size() > static_cast<std::size_t>(INT32_MAX)) return false;
  unsigned char* r =
      HMAC(EVP_sha256(), key_ptr, static_cast<int>(key.size()), body_ptr, body.size(), out, &len);
  return r != nullptr && len == kWebhookSha256Size;
}

/// The value of one hex digit, or -1.
constexpr int webhook_hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace whatsapp::detail

namespace whatsapp::webhook {

/// The `X-Hub-Signature-256` value Meta would send for `body`: `sha256=` and 64 lowercase hex
/// digits of HMAC-SHA256(app_secret, body). Used by the emulator and by tests to sign requests.
/// Returns an empty string only if OpenSSL fails (it does not in practice).
inline std::string sign(std::string_view body, std::string_view app_secret) {
  unsigned char mac[detail::kWebhookSha256Size];
  if (!detail::webhook_hmac_sha256(app_secret, body, mac)) return std::string();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "sha256=";
  out.reserve(7 + 2 * detail::kWebhookSha256Size);
  for (unsigned char b : mac) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0x0f]);
  }
  return out;
}

/// Checks a webhook POST: `header_value` is the raw `X-Hub-Signature-256` value (empty when the
/// request had none), `raw_body` the exact bytes received, `app_secret` the Meta app secret.
/// The comparison runs in constant time (CRYPTO_memcmp); hex digits are accepted in either case
/// and blanks around the header value are ignored. Never throws.
/// @return kValid, or why not: kMissing / kMalformed (answer 401), kMismatch (answer 403),
///         kNoSecret when `app_secret` is empty (a valid result is never given without a secret).
inline SignatureCheck verify_signature(std::string_view raw_body, std::string_view header_value,
                                       std::string_view app_secret) noexcept {
  constexpr std::string_view kPrefix = "sha256=";
  while (!header_value.empty() && (header_value.front() == ' ' || header_value.front() == '\t')) {
    header_value.remove_prefix(1);
  }
  while (!header_value.empty() && (header_value.back() == ' ' || header_value.back() == '\t' ||
                                   header_value.back() == '\r' || header_value.back() == '\n')) {
    header_value.remove_suffix(1);
  }
  if (header_value.empty()) return {SignatureStatus::kMissing};
  if (header_value.size() != kPrefix.size() + 2 * detail::kWebhookSha256Size ||
      header_value.substr(0, kPrefix.size()) != kPrefix) {
    return {SignatureStatus::kMalformed};
  }
  unsigned char expected[detail::kWebhookSha256Size];
  std::string_view hex = header_value.substr(kPrefix.size());
  for (std::size_t i = 0; i < detail::kWebhookSha256Size; ++i) {
    int hi = detail::webhook_hex_value(hex[2 * i]);
    int lo = detail::webhook_hex_value(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return {SignatureStatus::kMalformed};
    expected[i] = static_cast<unsigned char>((hi << 4) | lo);
  }
  if (app_secret.empty()) return {SignatureStatus::kNoSecret};
  unsigned char actual[detail::kWebhookSha256Size];
  if (!detail::webhook_hmac_sha256(app_secret, raw_body, actual)) return {SignatureStatus::kMismatch};
  if (CRYPTO_memcmp(expected, actual, detail::kWebhookSha256Size) != 0) {
    return {SignatureStatus::kMismatch};
  }
  return {SignatureStatus::kValid};
}

}  // namespace whatsapp::webhook
