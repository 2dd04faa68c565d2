#pragma once

// What every call of a client shares: its options and the policy read from them, the transport,
// the URL format memory, the rate limits, the logger and the token's redactor. The calls
// themselves are Call objects (client/detail/call.hpp); run() drives one with the transport's
// send(), the batch engine (client/detail/batch_engine.hpp) many at once.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "whatsapp/client/detail/call.hpp"
#include "whatsapp/client/detail/exchange.hpp"
#include "whatsapp/client/detail/format_memory.hpp"
#include "whatsapp/client/detail/readers.hpp"
#include "whatsapp/client/detail/request_spec.hpp"
#include "whatsapp/client/logging.hpp"
#include "whatsapp/client/options.hpp"
#include "whatsapp/client/rate_limit.hpp"
#include "whatsapp/client/retry.hpp"
#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/function_ref.hpp"
#include "whatsapp/detail/redact.hpp"
#include "whatsapp/model/send_result.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/transport/any_transport.hpp"

namespace whatsapp::detail {

/// What one request of a call is sent with.
struct AttemptSettings {
  std::chrono::milliseconds timeout{0};  ///< 0: ClientOptions::timeout.
  bool idempotent = true;
  bool fresh_connection = false;  ///< HttpRequest::fresh_connection
};

/// `o` as the client uses it: under Backend::kGraph, an empty base_url or kDefaultBaseUrl (with or
/// without a trailing '/') becomes kDefaultGraphBaseUrl (a Meta token never goes to LowCodeAPI by
/// oversight).
WHATSAPP_DECL ClientOptions effective_options(ClientOptions o);

/// Why a Graph client with `o` can make no request: an empty access token, one with a control
/// character (it could not be a header value), or a base URL on LowCodeAPI's host (the Meta token
/// must not go there); nullopt when none. A kInvalidArgument error naming the option.
WHATSAPP_DECL std::optional<Error> graph_options_error(const ClientOptions& o);

class Core {
 public:
  using Clock = std::chrono::steady_clock;

  WHATSAPP_DECL Core(ClientOptions options, std::shared_ptr<transport::AnyTransport> transport);
  /// A view of `base` whose calls use `call`'s overrides; it shares the transport, the format
  /// memory and the rate limits with `base`.
  WHATSAPP_DECL Core(const Core& base, const CallOptions& call);

  const ClientOptions& options() const noexcept { return options_; }
  /// Whether the backend is Meta's Graph API (no envelope, no URL formats, Bearer token).
  bool graph() const noexcept { return options_.backend == Backend::kGraph; }
  transport::AnyTransport& transport() const noexcept { return *transport_; }
  const Logger& logger() const noexcept { return logger_; }
  /// Removes the api_token's pieces and credentials from texts (error paths only).
  const Redactor& redactor() const noexcept { return *redact_; }
  std::optional<UrlFormat> confirmed_format(RouteId id) const noexcept { return formats_->get(id); }

  // ---- Drivers: one call to its end with the transport's send() ----

  /// Runs `call` (begun) to its end.
  WHATSAPP_DECL void run(Call& call) const;
  /// Runs a call of `spec` to its end, its successful answer read by `reader`: nothing, or the
  /// call's error. A null `reader` leaves the final answer unread in `*unread` after one try.
  /// `spec` is moved from (a caller who keeps its own passes a copy).
  WHATSAPP_DECL Result<void> perform(RequestSpec&& spec, AnswerReader* reader,
                                     Exchange* unread = nullptr) const;
  /// What `spec` becomes for the backend before its first request: under Graph, a read receipt
  /// by path (kMarkMessageRead) becomes Meta's body form. Returns the error (not sent) of a body
  /// that cannot be made.
  WHATSAPP_DECL Result<void> adapt(RequestSpec& spec) const;
  /// The unwrapped payload of `spec`'s answer, or the call's typed error.
  WHATSAPP_DECL Result<nlohmann::json> call(const RequestSpec& spec) const;
  /// A send: the SendResult of `spec`'s answer.
  WHATSAPP_DECL Result<SendResult> send(RequestSpec&& spec) const;
  /// A route that answers {"success": true}; a kParse error naming `what` otherwise.
  WHATSAPP_DECL Result<void> call_success(const RequestSpec& spec, std::string_view what) const;
  /// One try of `spec` (the format fallback included, no retry) whose final answer, whatever
  /// its status, is left unread: downloads, which stream the body to their sink.
  WHATSAPP_DECL Result<Exchange> exchange(const RequestSpec& spec) const;
  /// The payload turned into T by `decode` (a model's decoder): its errors carry what the
  /// call's own do (HTTP status, attempts, format, no token).
  template <class T, class Decode>
  Result<T> call_read(const RequestSpec& spec, Decode&& decode) const {
    ValueReader<T> reader(decode);
    if (auto done = perform(RequestSpec(spec), &reader); !done) return std::move(done).error();
    return std::move(*reader.value);
  }

  // ---- The policy every call follows (Call asks) ----

  /// The retry policy in force (the view's override or the client's).
  const RetryPolicy& retry_policy() const noexcept { return call_.retry ? *call_.retry : options_.retry; }
  /// The overall deadline of a call; 0: none.
  std::chrono::milliseconds deadline() const noexcept {
    return call_.deadline.value_or(retry_policy().deadline);
  }
  /// The timeout of each request.
  std::chrono::milliseconds timeout() const noexcept { return call_.timeout.value_or(options_.timeout); }
  Idempotency idempotency_of(RouteId id) const noexcept {
    return call_.idempotency.value_or(idempotency(id));
  }
  /// The format a try of `id` starts with; `learning`: the route's format is still unconfirmed
  /// and a 404 in the New Format is asked again in the Old one.
  WHATSAPP_DECL UrlFormat first_format(RouteId id, bool& learning) const noexcept;
  /// Whether the format probe applies to a batch starting with `id` (BatchOptions::probe_format).
  WHATSAPP_DECL bool unconfirmed(RouteId id) const noexcept;
  /// Whether sends of `spec` are paced by the rate limits.
  WHATSAPP_DECL bool paced(const RequestSpec& spec) const noexcept;
  /// Books the rate limits' slot for one send of `spec` at `now` (the call's `deadline`:
  /// Clock::time_point::max() for none); returns the wait before it, or the error of a shared
  /// store that could not answer (not sent, transient: see RateLimitStore::reserve).
  WHATSAPP_DECL Result<std::chrono::nanoseconds> reserve_slot(const RequestSpec& spec, Clock::time_point now,
                                                              Clock::time_point deadline) const;
  /// The URL of `spec` in `format` (LowCodeAPI) or its Graph URL (`format` unused), or the error
  /// (token-free) that says why it cannot be built.
  WHATSAPP_DECL Result<std::string> url_of(const RequestSpec& spec, UrlFormat format) const;
  /// Everything of `req` but its url and body, for `spec` and `settings`: under Graph the
  /// Authorization header, left out of a download from a host the token must not go to.
  WHATSAPP_DECL void set_request(HttpRequest& req, const RequestSpec& spec,
                                 const AttemptSettings& settings) const;
  /// Records that `r` answers in `f` (logged once).
  WHATSAPP_DECL void remember(const Route& r, UrlFormat f) const;
  /// Whether `r` was found served in neither format lately.
  WHATSAPP_DECL bool unserved(const Route& r) const;
  /// Records that `r` answered 404 in both URL formats: its calls ask once for a while.
  WHATSAPP_DECL void mark_unserved(const Route& r) const;

  // ---- Errors ----

  /// The error an error answer of `ex` carries, made safe to show and classified: attempts,
  /// format, Retry-After, delivery, and for a route served in neither format, a message that
  /// says so.
  WHATSAPP_DECL Error answer_error(const Exchange& ex) const;
  /// Makes `e` safe to show and records how the call went: attempts, format, no token.
  WHATSAPP_DECL Error finish(Error e, const Exchange& ex) const;
  /// Removes every piece of the api_token, and every credential, from every text in `e`.
  WHATSAPP_DECL Error scrub(Error e) const;
  /// What an error answer says beyond its body: whether the request may have been processed.
  WHATSAPP_DECL void classify_answer(Error& e, const HttpResponse& resp) const;

 private:
  ClientOptions options_;
  // What every URL of this client shares (see build_url_with): made once.
  std::string url_root_;      // base URL and API version
  std::string url_token_;     // the api_token percent-encoded, or Graph's appsecret_proof
  std::string_view url_key_;  // "api_token", "appsecret_proof" or "" (Graph without app secret)
  std::string auth_header_;   // Graph: "Bearer <access_token>"
  // Graph: why no request can be made with these options (an empty access token, one that
  // cannot be a header value, a base URL on LowCodeAPI's host), once; every call fails with it.
  std::optional<Error> graph_refusal_;
  // Shared with the views made by Client::with_options().
  std::shared_ptr<transport::AnyTransport> transport_;
  std::shared_ptr<FormatMemory> formats_;
  std::shared_ptr<RateLimiter> limiter_;   // the in-process buckets; null when off or shared
  std::shared_ptr<RateLimitStore> store_;  // RateLimitOptions::store when the limits are on
  // The api_token's (Graph: the access token's) pieces, for error texts and log lines: built
  // once, shared with the logger and with the views.
  std::shared_ptr<const Redactor> redact_;
  Logger logger_;
  CallOptions call_;
};

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/client/detail/impl/call.ipp"
#include "whatsapp/client/detail/impl/core.ipp"
#endif
