#pragma once

/// @file challenge.hpp
/// The GET handshake Meta makes when a webhook URL is configured:
/// `GET /webhook?hub.mode=subscribe&hub.verify_token=<token>&hub.challenge=<number>`.
/// The receiver echoes `hub.challenge` with 200 when the token is the one configured, and
/// refuses with 403 otherwise. This request carries no signature.

#include <string>
#include <string_view>

#include "whatsapp/webhook/detail/constant_time.hpp"

namespace whatsapp::webhook {

/// The query parameter names of the handshake.
inline constexpr std::string_view kHubMode = "hub.mode";
inline constexpr std::string_view kHubVerifyToken = "hub.verify_token";
inline constexpr std::string_view kHubChallenge = "hub.challenge";

/// Why a handshake was accepted or refused.
enum class ChallengeOutcome {
  kAccepted,          ///< Mode is "subscribe" and the token matches: echo the challenge.
  kMissingParameter,  ///< hub.mode, hub.verify_token or hub.challenge is absent or empty.
  kWrongMode,         ///< hub.mode is not "subscribe".
  kTokenMismatch,     ///< The token is not the configured one.
  kNoVerifyToken,     ///< No verify token is configured, so every handshake is refused.
};

/// "accepted", "missing_parameter", "wrong_mode", "token_mismatch" or "no_verify_token".
constexpr std::string_view to_string(ChallengeOutcome o) noexcept {
  switch (o) {
    case ChallengeOutcome::kAccepted: return "accepted";
    case ChallengeOutcome::kMissingParameter: return "missing_parameter";
    case ChallengeOutcome::kWrongMode: return "wrong_mode";
    case ChallengeOutcome::kTokenMismatch: return "token_mismatch";
    case ChallengeOutcome::kNoVerifyToken: return "no_verify_token";
  }
  return "unknown";
}

/// The answer to give to a handshake GET.
struct ChallengeAnswer {
  ChallengeOutcome outcome = ChallengeOutcome::kMissingParameter;
  int http_status = 403;  ///< 200 when accepted, 403 for every refusal.
  std::string body;       ///< The challenge, verbatim, when accepted; empty otherwise.

  bool accepted() const noexcept { return outcome == ChallengeOutcome::kAccepted; }
  explicit operator bool() const noexcept { return accepted(); }
};

/// Decides the answer to a handshake from the three query values (pass "" for an absent one)
/// and the verify token configured for this receiver. The token comparison runs in constant
/// time. Never throws except std::bad_alloc when copying the challenge.
/// @return 200 with the challenge as body, or 403 with an empty body and the reason.
inline ChallengeAnswer answer_challenge(std::string_view mode, std::string_view verify_token,
                                        std::string_view challenge, std::string_view configured_token) {
  ChallengeAnswer a;
  if (configured_token.empty()) {
    a.outcome = ChallengeOutcome::kNoVerifyToken;
  } else if (mode.empty() || verify_token.empty() || challenge.empty()) {
    a.outcome = ChallengeOutcome::kMissingParameter;
  } else if (mode != "subscribe") {
    a.outcome = ChallengeOutcome::kWrongMode;
  } else if (!detail::webhook_equal_constant_time(verify_token, configured_token)) {
    a.outcome = ChallengeOutcome::kTokenMismatch;
  } else {
    a.outcome = ChallengeOutcome::kAccepted;
    a.http_status = 200;
    a.body = std::string(challenge);
  }
  return a;
}

}  // namespace whatsapp::webhook
