#pragma once

// Incremental SHA-256 (OpenSSL EVP) and the hash spellings Meta uses (hex or base64).

#include <openssl/evp.h>

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "whatsapp/detail/config.hpp"

namespace whatsapp::detail {

class Sha256 {
 public:
  Sha256() : ctx_(EVP_MD_CTX_new(), &EVP_MD_CTX_free) {
    ok_ = ctx_ && EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) == 1;
  }
  void update(const char* data, std::size_t n) {
    if (ok_ && n > 0) ok_ = EVP_DigestUpdate(ctx_.get(), data, n) == 1;
  }
  /// The digest, or an empty string when OpenSSL failed.
  std::string finish() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
    unsigned int len = 0;
    if (!ok_ || EVP_DigestFinal_ex(ctx_.get(), md.data(), &len) != 1) return {};
    ok_ = false;
    return std::string(reinterpret_cast<const char*>(md.data()), len);
  }

 private:
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx_;
  bool ok_ = false;
};

WHATSAPP_DECL std::string to_hex(std::string_view bytes);

WHATSAPP_DECL std::string to_base64(std::string_view bytes);

/// Whether `expected` (64 hex digits, any case, or 44 characters of base64) names `digest`.
/// nullopt when `expected` is neither spelling.
WHATSAPP_DECL std::optional<bool> sha256_matches(std::string_view expected, std::string_view digest);

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/detail/impl/sha256.ipp"
#endif
