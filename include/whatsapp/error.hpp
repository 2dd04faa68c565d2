#pragma once

/// @file error.hpp
/// The one error type every call returns, and the exception `Result::value()` throws.

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/protocol/format.hpp"

namespace whatsapp {

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
  kRecipient,      ///< Recipient cannot be messaged (131021, 131026, 131030, 131050, ...).
  kReengagement,   ///< Outside the 24-hour window: send a template (131047).
  kParameter,      ///< The request was malformed (1, 33, 100, 803, 131008, 131009, 135000).
  kRegistration,   ///< Phone number registration and two-step verification (133xxx).
  kServer,         ///< Meta or the proxy is down or overloaded (2, 131000, 131016, 131057), or
                   ///< LowCodeAPI could not reach Meta (source kUpstream).
  kUnknown,        ///< A code this library does not know yet.
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
    case ErrorCategory::kUnknown: return "unknown";
  }
  return "unknown";
}

/// A failed call. Cheap to move. Every text in an error a Client returns (message, field,
/// body_excerpt, each GraphError field, to_string()) is free of the api_token: no piece of 8
/// characters or more of it, raw, percent-encoded or JSON-escaped, nor any `api_token=`,
/// `Authorization` value or URL userinfo (detail/redact.hpp).
class Error {
 public:
  Error() = default;
  Error(ErrorKind kind, std::string message) : kind_(kind), message_(std::move(message)) {}

  static Error invalid_argument(std::string field, std::string_view what) {
    Error e(ErrorKind::kInvalidArgument, field + ": ");
    e.message_ += what;
    e.field_ = std::move(field);
    e.delivery_ = Delivery::kNotSent;
    return e;
  }

  ErrorKind kind() const noexcept { return kind_; }
  /// What happened, in one line, with the HTTP status and Graph code where there are any.
  const std::string& message() const noexcept { return message_; }
  /// HTTP status of the answer, 0 when none arrived.
  int http_status() const noexcept { return http_status_; }
  /// The Graph error object when the API sent one.
  const std::optional<GraphError>& graph() const noexcept { return graph_; }
  /// The Graph error code, or 0.
  std::int64_t code() const noexcept { return graph_ && graph_->code ? *graph_->code : 0; }
  /// The family of the error: the one the answer's reader set (a LowCodeAPI refusal, an
  /// upstream failure), else the Graph code's (error_category()), else kNone.
  ErrorCategory category() const noexcept {
    if (category_) return *category_;
    if (!graph_ || !graph_->code) return ErrorCategory::kNone;
    return error_category(*graph_->code);
  }
  /// Who answered with the error, or failed to answer (see ErrorSource). When the code that
  /// built the error did not say, it follows from the kind: kInvalidArgument and kCancelled
  /// kNone, kTransport and kTimeout kTransport, kApi with a Graph object kGraph, else kUnknown.
  ErrorSource source() const noexcept {
    if (source_) return *source_;
    switch (kind_) {
      case ErrorKind::kInvalidArgument:
      case ErrorKind::kCancelled: return ErrorSource::kNone;
      case ErrorKind::kTransport:
      case ErrorKind::kTimeout: return ErrorSource::kTransport;
      case ErrorKind::kApi:
      case ErrorKind::kHttp:
      case ErrorKind::kParse: break;
    }
    return graph_ ? ErrorSource::kGraph : ErrorSource::kUnknown;
  }
  /// What to do about it, in one sentence (empty when there is nothing to add): fix the
  /// argument, check the api_token in LowCodeAPI, send a template, wait, ... Token-free.
  WHATSAPP_DECL std::string_view hint() const noexcept;
  /// The field an invalid_argument error names ("text.body", "to", ...).
  const std::string& field() const noexcept { return field_; }
  /// The first bytes of the answer's body (token-free), for errors about the body.
  const std::string& body_excerpt() const noexcept { return body_excerpt_; }
  /// Whether the request may have been processed.
  Delivery delivery() const noexcept { return delivery_; }
  /// True when the server may have acted on the request although the call failed.
  bool may_have_been_sent() const noexcept { return delivery_ == Delivery::kMaybeSent; }
  /// The delay the server asked for (Retry-After), when it asked.
  std::optional<std::chrono::milliseconds> retry_after() const noexcept { return retry_after_; }
  /// How many requests the call made (fallback and retries included); 0 when none.
  int attempts() const noexcept { return attempts_; }
  /// The URL format of the last request, when one was made.
  std::optional<UrlFormat> url_format() const noexcept { return url_format_; }

  /// True for a refusal to be retried after a short wait, with the request not processed:
  /// HTTP 429, or Graph code 4, 80007, 130429 or 131056.
  bool is_throttling() const noexcept {
    if (kind_ != ErrorKind::kApi && kind_ != ErrorKind::kHttp) return false;
    return http_status_ == 429 || is_throttling_code(code());
  }

  /// True when the same request may succeed later: a transport failure or timeout (unless the
  /// transport said otherwise, e.g. an answer over the size limit), HTTP 408, 429 or 5xx, a Graph
  /// error flagged is_transient, or a Graph code in is_transient_code(). Invalid arguments,
  /// cancellations and unreadable 2xx answers (kParse) are not transient. Whether a call is
  /// actually repeated also depends on its idempotency (see retry.hpp).
  bool is_transient() const noexcept {
    if (transient_) return *transient_;
    switch (kind_) {
      case ErrorKind::kTransport:
      case ErrorKind::kTimeout: return true;
      case ErrorKind::kInvalidArgument:
      case ErrorKind::kCancelled:
      case ErrorKind::kParse: return false;
      case ErrorKind::kHttp:
      case ErrorKind::kApi: break;
    }
    if (is_throttling()) return true;
    if (graph_ && graph_->is_transient) return *graph_->is_transient;
    if (is_transient_code(code())) return true;
    return http_status_ == 408 || http_status_ == 429 || (http_status_ >= 500 && http_status_ <= 599);
  }

  Error& with_http_status(int s) {
    http_status_ = s;
    return *this;
  }
  Error& with_graph(GraphError g) {
    graph_ = std::move(g);
    return *this;
  }
  Error& with_body_excerpt(std::string b) {
    body_excerpt_ = std::move(b);
    return *this;
  }
  Error& with_delivery(Delivery d) {
    delivery_ = d;
    return *this;
  }
  Error& with_retry_after(std::chrono::milliseconds d) {
    retry_after_ = d;
    return *this;
  }
  Error& with_attempts(int n) {
    attempts_ = n;
    return *this;
  }
  Error& with_url_format(UrlFormat f) {
    url_format_ = f;
    return *this;
  }
  Error& with_message(std::string m) {
    message_ = std::move(m);
    return *this;
  }
  /// Sets the field an invalid_argument error names (see field()).
  Error& with_field(std::string f) {
    field_ = std::move(f);
    return *this;
  }
  /// Overrides is_transient()'s rules, e.g. for a transport failure that will repeat.
  Error& with_transient(bool t) {
    transient_ = t;
    return *this;
  }
  Error& with_source(ErrorSource s) {
    source_ = s;
    return *this;
  }
  /// Sets the category of an error the Graph code does not classify (see category()).
  Error& with_category(ErrorCategory c) {
    category_ = c;
    return *this;
  }
  /// Replaces hint()'s advice for a case only the caller knows (token-free text).
  Error& with_hint(std::string h) {
    hint_ = std::move(h);
    return *this;
  }

  /// One line for logs, each fact once: the kind, who answered (when a server did), the HTTP
  /// status and Graph code, what happened, and what to do:
  /// "api error (Graph API, HTTP 400, code 131030): (#131030) Recipient ... - what to do: ...".
  std::string to_string() const {
    std::string s(whatsapp::to_string(kind_));
    s += " error";
    const ErrorSource from = source();
    const bool named =
        from != ErrorSource::kNone && from != ErrorSource::kTransport && from != ErrorSource::kUnknown;
    if (named || http_status_ != 0 || code() != 0) {
      std::string facts;
      if (named) facts += whatsapp::to_string(from);
      if (http_status_ != 0)
        facts += std::string(facts.empty() ? "" : ", ") + "HTTP " + std::to_string(http_status_);
      if (code() != 0) facts += std::string(facts.empty() ? "" : ", ") + "code " + std::to_string(code());
      s += " (" + facts + ")";
    }
    s += ": ";
    s += message_;
    const std::string_view todo = hint();
    if (!todo.empty()) {
      s += " - what to do: ";
      s += todo;
    }
    return s;
  }

 private:
  ErrorKind kind_ = ErrorKind::kTransport;
  std::string message_;
  int http_status_ = 0;
  std::optional<GraphError> graph_;
  std::string field_;
  std::string body_excerpt_;
  Delivery delivery_ = Delivery::kAnswered;
  std::optional<std::chrono::milliseconds> retry_after_;
  int attempts_ = 0;
  std::optional<UrlFormat> url_format_;
  std::optional<bool> transient_;
  std::optional<ErrorSource> source_;
  std::optional<ErrorCategory> category_;
  std::string hint_;
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
