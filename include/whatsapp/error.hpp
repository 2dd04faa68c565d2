#pragma once

/// @file error.hpp
/// The one error type every call returns, and the exception `Result::value()` throws.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "whatsapp/detail/config.hpp"

namespace whatsapp {

/// How a request URL is spelled (defined in protocol/format.hpp; an error only carries it).
enum class UrlFormat : unsigned char;

/// What went wrong, at the level a caller branches on.
enum class ErrorKind {
  kTransport,        ///< No usable HTTP answer: refused, reset, DNS, TLS, body too large.
  kTimeout,          ///< The connect or total timeout ran out.
  kHttp,             ///< An HTTP error status whose body is not an API error (e.g. an HTML page).
  kApi,              ///< The API answered with an error object (Graph or LowCodeAPI).
  kParse,            ///< The answer could not be read: not JSON, no envelope, wrong types.
  kInvalidArgument,  ///< The call was refused before anything was sent.
  kCancelled,        ///< The caller cancelled the call.
};

/// The family of an API error: from the Graph error code (see error_category()), or, for an
/// answer without one, from who refused and how (LowCodeAPI's token check: kAuthorization; an
/// upstream LowCodeAPI could not reach: kServer).
enum class ErrorCategory {
  kNone,           ///< Not an API error.
  kAuthorization,  ///< Token expired or invalid, permission missing (0, 3, 10, 102, 104, 190, 200-299),
                   ///< or LowCodeAPI refused its api_token (source kLowCodeApi).
  kThrottling,     ///< Rate limits (4, 17, 32, 341, 613, 80007, 130429, 131048, 131056, 133016).
  kIntegrity,      ///< Account locked or restricted (368, 130497, 131031).
  kTemplate,       ///< Template missing, paused, parameters wrong (132xxx, 2388xxx).
  kMedia,          ///< Media upload or download failed (131052, 131053).
  kRecipient,      ///< Recipient cannot be messaged (131021, 131026, 131030, 131050, ...); 131062
                   ///< has its own category, kUserIdUnsupported.
  kReengagement,   ///< Outside the 24-hour window: send a template (131047).
  kParameter,      ///< The request was malformed (1, 33, 100, 803, 131008, 131009, 135000).
  kRegistration,   ///< Phone number registration and two-step verification (133xxx).
  kServer,         ///< Meta or the proxy is down or overloaded (2, 131000, 131016, 131057), or
                   ///< LowCodeAPI could not reach Meta (source kUpstream).
  /// This message cannot go to a BSUID (131062): e.g. one-tap, zero-tap and copy-code
  /// authentication templates need the user's phone number. Never retried: send it to the
  /// phone number, or send another kind of message.
  kUserIdUnsupported,
  kUnknown,  ///< A code this library does not know yet.
};

/// Who answered with the error (or failed to answer): the first thing to know about a refusal,
/// since the fix differs. A LowCodeAPI refusal is fixed in LowCodeAPI (its api_token, its
/// routes), a Graph refusal in the request or at Meta, an upstream failure by waiting.
enum class ErrorSource {
  kNone,        ///< No server was involved: refused before sending (kInvalidArgument) or cancelled.
  kTransport,   ///< No usable HTTP answer: refused or reset connection, DNS, TLS, timeout, a body
                ///< over the size limit, bytes that are not HTTP.
  kLowCodeApi,  ///< LowCodeAPI itself refused: its api_token check, a route it does not serve,
                ///< its own validation. Nothing reached Meta.
  kGraph,       ///< Meta's Graph API answered with an error object (relayed by LowCodeAPI), or a
                ///< success whose payload has the wrong shape.
  kUpstream,    ///< LowCodeAPI could not get a usable answer from Meta: Meta unreachable from the
                ///< proxy (connect ECONNREFUSED, ...) or an answer that is not a Graph error.
  kUnknown,     ///< An HTTP answer of no shape this library knows (an HTML page from a gateway in
                ///< front, an empty body): who sent it cannot be told.
};

/// Whether a failed request may have been processed by the server. This matters for sends: a
/// message that may have been processed must not be sent again blindly.
enum class Delivery {
  kNotSent,    ///< Certainly not processed: refused before sending, connect failed.
  kMaybeSent,  ///< The request may have been processed: timeout or reset after sending.
  kAnswered,   ///< The server answered (the answer is the error).
};

/// The fields of a Graph API error object, all kept.
struct GraphError {
  std::optional<std::int64_t> code;
  std::optional<std::int64_t> error_subcode;
  std::string type;
  std::string message;
  std::string fbtrace_id;
  std::string details;  ///< error_data.details
  std::optional<bool> is_transient;
  std::string error_user_title;
  std::string error_user_msg;
};

/// The category of a Graph error code.
WHATSAPP_DECL ErrorCategory error_category(std::int64_t code) noexcept;

/// Graph codes that mean "try again later" (Meta's list of error codes:
/// https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes): service down
/// (2, 131000, 131016, 133000, 133004) and throttling that clears within seconds (4, 17, 80007,
/// 130429, 131056).
/// Code 1 ("invalid request or possible server error") is left out: it mostly means the request
/// is wrong. Long throttles (131048, 131049, 133008, 133009, 133015, 133016) are left out too.
constexpr bool is_transient_code(std::int64_t code) noexcept {
  switch (code) {
    case 2:
    case 4:
    case 17:
    case 80007:
    case 130429:
    case 131000:
    case 131016:
    case 131056:
    case 133000:
    case 133004: return true;
    default: return false;
  }
}

/// Graph codes of throttling refusals that clear within seconds: the request was not processed.
/// 17 is 4's per-user twin ("User request limit reached").
constexpr bool is_throttling_code(std::int64_t code) noexcept {
  return code == 4 || code == 17 || code == 80007 || code == 130429 || code == 131056;
}

/// Names for logs and messages.
constexpr std::string_view to_string(ErrorKind k) noexcept {
  switch (k) {
    case ErrorKind::kTransport: return "transport";
    case ErrorKind::kTimeout: return "timeout";
    case ErrorKind::kHttp: return "http";
    case ErrorKind::kApi: return "api";
    case ErrorKind::kParse: return "parse";
    case ErrorKind::kInvalidArgument: return "invalid_argument";
    case ErrorKind::kCancelled: return "cancelled";
  }
  return "unknown";
}

constexpr std::string_view to_string(ErrorSource s) noexcept {
  switch (s) {
    case ErrorSource::kNone: return "none";
    case ErrorSource::kTransport: return "transport";
    case ErrorSource::kLowCodeApi: return "LowCodeAPI";
    case ErrorSource::kGraph: return "Graph API";
    case ErrorSource::kUpstream: return "upstream of LowCodeAPI";
    case ErrorSource::kUnknown: return "unknown";
  }
  return "unknown";
}

constexpr std::string_view to_string(ErrorCategory c) noexcept {
  switch (c) {
    case ErrorCategory::kNone: return "none";
    case ErrorCategory::kAuthorization: return "authorization";
    case ErrorCategory::kThrottling: return "throttling";
    case ErrorCategory::kIntegrity: return "integrity";
    case ErrorCategory::kTemplate: return "template";
    case ErrorCategory::kMedia: return "media";
    case ErrorCategory::kRecipient: return "recipient";
    case ErrorCategory::kReengagement: return "reengagement";
    case ErrorCategory::kParameter: return "parameter";
    case ErrorCategory::kRegistration: return "registration";
    case ErrorCategory::kServer: return "server";
    case ErrorCategory::kUserIdUnsupported: return "user_id_unsupported";
    case ErrorCategory::kUnknown: return "unknown";
  }
  return "unknown";
}

/// A failed call. Every text in an error a Client returns (message, field, body_excerpt, each
/// GraphError field, to_string()) is free of the api_token: no piece of 8 characters or more of
/// it, raw, percent-encoded or JSON-escaped, nor any `api_token=`, `Authorization` value or URL
/// userinfo (detail/redact.hpp).
///
/// Small and cheap to copy: what every error has (kind, message, HTTP status, delivery,
/// attempts, source, category) is held inline; the rarer parts (the Graph error object, the
/// field, the body excerpt, the hint, Retry-After) live in one heap block shared between copies
/// and copied only when a copy is changed (copy-on-write), so a Result<T> is barely larger than
/// its T.
///
/// The `with_*` mutators are public and stay so: they are how a custom transport or a test
/// builds the Error it reports (e.g. `Error(ErrorKind::kTransport, "reset").with_delivery(
/// Delivery::kMaybeSent)`). Each returns the Error for chaining. An Error's text must stay free
/// of secrets: do not put a token in what you pass them.
class Error {
 public:
  Error() = default;
  Error(ErrorKind kind, std::string message)
      : message_(std::move(message)), kind_(static_cast<std::uint8_t>(kind)) {}

  static Error invalid_argument(std::string field, std::string_view what) {
    Error e(ErrorKind::kInvalidArgument, field + ": ");
    e.message_ += what;
    e.with_field(std::move(field));
    e.with_delivery(Delivery::kNotSent);
    return e;
  }

  ErrorKind kind() const noexcept { return static_cast<ErrorKind>(kind_); }
  /// What happened, in one line, with the HTTP status and Graph code where there are any.
  const std::string& message() const noexcept { return message_; }
  /// HTTP status of the answer, 0 when none arrived.
  int http_status() const noexcept { return http_status_; }
  /// The Graph error object when the API sent one.
  const std::optional<GraphError>& graph() const noexcept { return rare().graph; }
  /// The Graph error code, or 0.
  std::int64_t code() const noexcept {
    const auto& g = graph();
    return g && g->code ? *g->code : 0;
  }
  /// The family of the error: the one the answer's reader set (a LowCodeAPI refusal, an
  /// upstream failure), else the Graph code's (error_category()), else kNone.
  ErrorCategory category() const noexcept {
    if (category_ != kUnset) return static_cast<ErrorCategory>(category_);
    const auto& g = graph();
    if (!g || !g->code) return ErrorCategory::kNone;
    return error_category(*g->code);
  }
  /// Who answered with the error, or failed to answer (see ErrorSource). When the code that
  /// built the error did not say, it follows from the kind: kInvalidArgument and kCancelled
  /// kNone, kTransport and kTimeout kTransport, kApi with a Graph object kGraph, else kUnknown.
  ErrorSource source() const noexcept {
    if (source_ != kUnset) return static_cast<ErrorSource>(source_);
    switch (kind()) {
      case ErrorKind::kInvalidArgument:
      case ErrorKind::kCancelled: return ErrorSource::kNone;
      case ErrorKind::kTransport:
      case ErrorKind::kTimeout: return ErrorSource::kTransport;
      case ErrorKind::kApi:
      case ErrorKind::kHttp:
      case ErrorKind::kParse: break;
    }
    return graph() ? ErrorSource::kGraph : ErrorSource::kUnknown;
  }
  /// What to do about it, in one sentence (empty when there is nothing to add): fix the
  /// argument, check the api_token in LowCodeAPI, send a template, wait, ... Token-free.
  WHATSAPP_DECL std::string_view hint() const noexcept;
  /// The field an invalid_argument error names ("text.body", "to", ...).
  const std::string& field() const noexcept { return rare().field; }
  /// The first bytes of the answer's body (token-free), for errors about the body.
  const std::string& body_excerpt() const noexcept { return rare().body_excerpt; }
  /// Whether the request may have been processed.
  Delivery delivery() const noexcept { return static_cast<Delivery>(delivery_); }
  /// True when the server may have acted on the request although the call failed.
  bool may_have_been_sent() const noexcept { return delivery() == Delivery::kMaybeSent; }
  /// The delay the server asked for (Retry-After), when it asked.
  std::optional<std::chrono::milliseconds> retry_after() const noexcept { return rare().retry_after; }
  /// How many requests the call made (fallback and retries included); 0 when none.
  int attempts() const noexcept { return attempts_; }
  /// The URL format of the last request, when one was made to LowCodeAPI (never for
  /// Backend::kGraph, which has one URL spelling).
  std::optional<UrlFormat> url_format() const noexcept {
    if (url_format_ == kUnset) return std::nullopt;
    return static_cast<UrlFormat>(url_format_);
  }

  /// True for a refusal to be retried after a short wait, with the request not processed:
  /// HTTP 429, or Graph code 4, 80007, 130429 or 131056.
  bool is_throttling() const noexcept {
    if (kind() != ErrorKind::kApi && kind() != ErrorKind::kHttp) return false;
    return http_status_ == 429 || is_throttling_code(code());
  }

  /// True when the same request may succeed later: a transport failure or timeout (unless the
  /// transport said otherwise, e.g. an answer over the size limit), HTTP 408, 429 or 5xx, a Graph
  /// error flagged is_transient, or a Graph code in is_transient_code(). Invalid arguments,
  /// cancellations and unreadable 2xx answers (kParse) are not transient. Whether a call is
  /// actually repeated also depends on its idempotency (see retry.hpp).
  WHATSAPP_DECL bool is_transient() const noexcept;

  /// Sets the HTTP status of the answer (see http_status()).
  Error& with_http_status(int s) {
    http_status_ = s;
    return *this;
  }
  /// Sets the Graph error object (see graph(), code(), category()).
  Error& with_graph(GraphError g) {
    rare_for_write().graph = std::move(g);
    return *this;
  }
  /// Sets the start of the answer's body; pass it token-free (see body_excerpt()).
  Error& with_body_excerpt(std::string b) {
    rare_for_write().body_excerpt = std::move(b);
    return *this;
  }
  /// Says whether the request may have been processed (see delivery()).
  Error& with_delivery(Delivery d) {
    delivery_ = static_cast<std::uint8_t>(d);
    return *this;
  }
  /// Sets the delay the server asked for (see retry_after()).
  Error& with_retry_after(std::chrono::milliseconds d) {
    rare_for_write().retry_after = d;
    return *this;
  }
  /// Sets how many requests the call made (see attempts()).
  Error& with_attempts(int n) {
    attempts_ = n;
    return *this;
  }
  /// Sets the URL format of the last request (see url_format()).
  Error& with_url_format(UrlFormat f) {
    url_format_ = static_cast<std::uint8_t>(f);
    return *this;
  }
  /// Replaces the message (token-free text).
  Error& with_message(std::string m) {
    message_ = std::move(m);
    return *this;
  }
  /// Sets the field an invalid_argument error names (see field()).
  Error& with_field(std::string f) {
    rare_for_write().field = std::move(f);
    return *this;
  }
  /// Overrides is_transient()'s rules, e.g. for a transport failure that will repeat.
  Error& with_transient(bool t) {
    transient_ = t ? 1 : 0;
    return *this;
  }
  /// Says who answered with the error (see source()).
  Error& with_source(ErrorSource s) {
    source_ = static_cast<std::uint8_t>(s);
    return *this;
  }
  /// Sets the category of an error the Graph code does not classify (see category()).
  Error& with_category(ErrorCategory c) {
    category_ = static_cast<std::uint8_t>(c);
    return *this;
  }
  /// Replaces hint()'s advice for a case only the caller knows (token-free text).
  Error& with_hint(std::string h) {
    rare_for_write().hint = std::move(h);
    return *this;
  }

  /// One line for logs, each fact once: the kind, who answered (when a server did), the HTTP
  /// status and Graph code, what happened, and what to do:
  /// "api error (Graph API, HTTP 400, code 131030): (#131030) Recipient ... - what to do: ...".
  WHATSAPP_DECL std::string to_string() const;

 private:
  /// The parts most errors do not have, shared between copies until one is changed.
  struct Rare {
    std::optional<GraphError> graph;
    std::string field;
    std::string body_excerpt;
    std::string hint;
    std::optional<std::chrono::milliseconds> retry_after;
  };
  static constexpr std::uint8_t kUnset = 0xFF;

  /// The rare parts, or an empty set when there are none.
  const Rare& rare() const noexcept { return rare_ ? *rare_ : no_rare(); }
  WHATSAPP_DECL static const Rare& no_rare() noexcept;
  /// The rare parts, unshared first when another copy shares them (copy-on-write).
  WHATSAPP_DECL Rare& rare_for_write();

  std::string message_;
  std::shared_ptr<Rare> rare_;
  int http_status_ = 0;
  int attempts_ = 0;
  // The enums are stored in one byte each (their values are small) to keep the Error small.
  std::uint8_t kind_ = static_cast<std::uint8_t>(ErrorKind::kTransport);
  std::uint8_t delivery_ = static_cast<std::uint8_t>(Delivery::kAnswered);
  std::uint8_t source_ = kUnset;      ///< an ErrorSource, or kUnset
  std::uint8_t category_ = kUnset;    ///< an ErrorCategory, or kUnset
  std::uint8_t url_format_ = kUnset;  ///< a UrlFormat, or kUnset
  std::int8_t transient_ = -1;        ///< with_transient(): 0 or 1; -1 when not set
};

/// Thrown by Result<T>::value() on a failed result. what() is Error::to_string().
class Exception : public std::runtime_error {
 public:
  explicit Exception(Error error) : std::runtime_error(error.to_string()), error_(std::move(error)) {}
  const Error& error() const noexcept { return error_; }

 private:
  Error error_;
};

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/impl/error.ipp"
#endif
