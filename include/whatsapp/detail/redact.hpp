#pragma once

// Removing secrets from every text the library produces: error messages, every text field of an
// error, exception texts and log lines. Runs only on error paths and log lines, never on the
// success path of a call.
//
// The rule (docs/design.md, on redaction): no piece of kPieceLength (8) or more
// characters of the api_token survives, whatever its form in the text: raw, percent-encoded
// (any character, either hex case, also twice), with '+' for a space, or JSON-escaped (\u0041,
// \/, \"), and in any letter case. A token shorter than 8 characters is removed whole. Independently of the
// token, the value of every `api_token`, `access_token`, `appsecret_proof` and `Authorization` key (query,
// header or JSON form) and the userinfo of every URL (`scheme://user:pass@host`) are replaced. Texts are
// redacted first and cut after (redacted_excerpt()), and the cut text is redacted again, so a cut never
// leaves a piece either.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/percent.hpp"

namespace whatsapp::detail {

inline constexpr std::string_view kRedacted = "***";

/// The shortest piece of the token that redaction removes on its own (shorter tokens are
/// removed whole).
inline constexpr std::size_t kPieceLength = 8;

/// Removes one secret from texts (see the rule above). Built once per client: it keeps every
/// kPieceLength-character piece of the secret in a sorted table, so that redacting a text costs
/// one pass over it per form (raw, decoded) with a binary search per position.
class Redactor {
 public:
  /// Redacts credentials only (no secret).
  Redactor() = default;
  WHATSAPP_DECL explicit Redactor(std::string_view secret);

  /// `text` with every piece of the secret (in every form) and every credential replaced by
  /// "***". Never throws but for allocation failure.
  WHATSAPP_DECL std::string operator()(std::string text) const;

  /// The first `max` bytes of `text` as excerpt() gives them, taken from the redacted text and
  /// redacted again after the cut: no piece of the secret survives either side of the cut.
  WHATSAPP_DECL std::string excerpt(std::string_view text, std::size_t max) const;

  /// True when `text` holds a piece of the secret in one of the forms above (tests, checks).
  WHATSAPP_DECL bool holds_piece(std::string_view text) const;

 private:
  /// One pass of every form over `text`; true when it replaced something.
  WHATSAPP_DECL bool scrub_pieces_once(std::string& text) const;

  std::vector<std::uint64_t> pieces_;  // sorted; each piece packed big-endian into 64 bits
  std::size_t secret_size_ = 0;
  std::size_t width_ = 0;          // length of the pieces: min(kPieceLength, secret size)
  bool secret_has_space_ = false;  // whether '+' (form encoding of a space) must be decoded
};

/// Replaces every occurrence of `secret` (when not empty) in `text`.
WHATSAPP_DECL void redact_secret(std::string& text, std::string_view secret);

/// Replaces the value of every `api_token=` query parameter in `text` (up to '&', '#', space,
/// quote or the end), whatever the token is. The key is matched in any case and also
/// percent-encoded (`api%5Ftoken=`); `access_token` and `appsecret_proof` (the Graph API's own)
/// are treated the same, and so are the JSON forms (`"api_token":"..."`).
WHATSAPP_DECL void redact_token_params(std::string& text);

/// Replaces the credential of every `Authorization` header or key, in any case: the scheme
/// stays (`Authorization: Bearer ***`, `"authorization":"Basic ***"`); without a known scheme
/// the first word of the value goes (`authorization: *** ...`).
WHATSAPP_DECL void redact_authorization(std::string& text);

/// Replaces the userinfo of every URL in `text`: `https://user:pass@host/` becomes
/// `https://***@host/`.
WHATSAPP_DECL void redact_userinfo(std::string& text);

/// redact_token_params(), redact_authorization() and redact_userinfo(): what a transport that
/// does not know the token can remove.
WHATSAPP_DECL void redact_credentials(std::string& text);

/// `text` redacted by Redactor(secret): the credentials and every piece of `secret`.
WHATSAPP_DECL std::string redacted(std::string text, std::string_view secret);

/// Redactor(secret).excerpt(text, max).
WHATSAPP_DECL std::string redacted_excerpt(std::string_view text, std::size_t max, std::string_view secret);

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/detail/impl/redact.ipp"
#endif
