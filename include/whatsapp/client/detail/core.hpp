#pragma once

// The engine under Client and every resource group: builds the URL for a route, sends it through
// the transport with the format fallback and the retry loop, unwraps the envelope and scrubs the
// token from errors.

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <nlohmann/json.hpp>

#include "whatsapp/client/detail/exchange.hpp"
#include "whatsapp/client/detail/format_memory.hpp"
#include "whatsapp/client/logging.hpp"
#include "whatsapp/client/options.hpp"
#include "whatsapp/client/rate_limit.hpp"
#include "whatsapp/client/retry.hpp"
#include "whatsapp/detail/redact.hpp"
#include "whatsapp/model/success.hpp"
#include "whatsapp/protocol/envelope.hpp"
#include "whatsapp/protocol/routes.hpp"
#include "whatsapp/protocol/url.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/transport/http.hpp"

namespace whatsapp::detail {

/// A request before its URL is known: the URL depends on the format tried.
struct RequestSpec {
  const Route* route;
  PathValues path{};
  QueryParams query;
  std::string body;                      ///< Serialized JSON, or empty.
  std::vector<MultipartPart> multipart;  ///< For uploads.
  BodySink on_body{};                    ///< Streams a 2xx body (downloads); see HttpRequest.
  ProgressCallback progress{};           ///< Upload/download progress; see HttpRequest.
};

/// What one request of a call is sent with.
struct AttemptSettings {
  std::chrono::milliseconds timeout{0};  ///< 0: ClientOptions::timeout.
  bool idempotent = true;
};

template <class Transport, class Reader>
class BatchEngine;  // client/detail/batch_engine.hpp: many calls at once, with the same decisions as call()

template <class Transport>
class Core {
 public:
  Core(ClientOptions options, Transport transport)
      : options_(std::move(options)),
        url_root_(url_root(Endpoint{options_.base_url, options_.api_version, {}})),
        url_token_(encoded(options_.api_token)),
        transport_(std::make_shared<Transport>(std::move(transport))),
        formats_(std::make_shared<FormatMemory>()),
        limiter_(options_.rate_limit.enabled() ? std::make_shared<RateLimiter>(options_.rate_limit)
                                               : nullptr),
        redact_(std::make_shared<const Redactor>(options_.api_token)),
        logger_(options_.log_sink, options_.log_level, redact_) {}

  /// A view of `base` whose calls use `call`'s overrides; it shares the transport, the format
  /// memory and the rate limits with `base`.
  Core(const Core& base, const CallOptions& call) : Core(base) { call_ = call; }

  const ClientOptions& options() const noexcept { return options_; }
  const CallOptions& call_options() const noexcept { return call_; }
  Transport& transport() const noexcept { return *transport_; }
  const Logger& logger() const noexcept { return logger_; }
  /// Removes the api_token's pieces and credentials from texts (error paths only).
  const Redactor& redactor() const noexcept { return *redact_; }
  std::optional<UrlFormat> confirmed_format(RouteId id) const noexcept { return formats_->get(id); }

  /// Sends `spec`, New Format first (per policy), falling back to the Old Format once on a 404
  /// while the route's format is unconfirmed. Returns the final HTTP answer, whatever its status.
  /// One try of the retry loop; the fallback request is not a retry.
  Result<Exchange> exchange(const RequestSpec& spec, AttemptSettings settings = {}) const {
    const Route& r = *spec.route;
    const auto confirmed = formats_->get(r.id);
    UrlFormat first = UrlFormat::kNew;
    if (options_.format_policy == FormatPolicy::kOldOnly) {
      first = UrlFormat::kOld;
    } else if (options_.format_policy == FormatPolicy::kNewThenOld && confirmed) {
      first = *confirmed;
    }
    Exchange ex;
    if (auto e = send_once(spec, first, settings, ex); !e.ok()) return std::move(e).error();
    const bool learning = options_.format_policy == FormatPolicy::kNewThenOld && !confirmed;
    if (!learning) return ex;
    if (ex.response.status == 404 && first == UrlFormat::kNew) {
      if (formats_->unserved(r.id, options_.time.current())) {  // found in neither lately: ask once
        ex.unserved = route_missing(ex.response);
        return ex;
      }
      const bool missing = route_missing(ex.response);
      if (auto e = send_once(spec, UrlFormat::kOld, settings, ex); !e.ok()) return std::move(e).error();
      if (ex.response.status != 404) {
        remember(r, UrlFormat::kOld);
      } else if (missing && route_missing(ex.response)) {
        ex.unserved = true;
        mark_unserved(r);
      }
      return ex;
    }
    if (ex.response.status != 404) remember(r, first);
    return ex;
  }

  /// exchange() and the envelope in the retry loop: the payload of a successful answer, read by
  /// `Reader` (see JsonPayload), or a typed error whose attempts() counts every request made
  /// (fallback and retries included). A payload `Reader` cannot decode is an error that is not
  /// retried. Sends are paced by the rate limits first when they are on.
  template <class Reader = JsonPayload>
  Result<typename Reader::value_type> call(const RequestSpec& spec, const Reader& reader = Reader{}) const {
    const Route& r = *spec.route;
    const Idempotency idem = call_.idempotency.value_or(idempotency(r.id));
    const RetryPolicy& policy = call_.retry ? *call_.retry : options_.retry;
    const std::chrono::milliseconds deadline_ms = call_.deadline.value_or(policy.deadline);
    const TimeSource& time = options_.time;
    std::optional<std::chrono::steady_clock::time_point> deadline;
    if (deadline_ms.count() > 0) deadline = time.current() + deadline_ms;
    const std::chrono::milliseconds timeout = call_.timeout.value_or(options_.timeout);
    const int max_attempts = std::max(1, policy.max_attempts);

    int requests = 0;
    for (int attempt = 1;; ++attempt) {
      if (limiter_ && r.id == RouteId::kSendMessage) {
        if (auto paced = pace(spec, deadline); !paced) return Error(paced.error()).with_attempts(requests);
      }
      AttemptSettings settings{timeout, idem == Idempotency::kIdempotent};
      if (deadline) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - time.current());
        settings.timeout = std::max(std::chrono::milliseconds(1), std::min(timeout, left));
      }
      Error e;
      auto ex = exchange(spec, settings);
      if (ex) {
        requests += ex->attempts;
        if (auto done = read_answer(*ex, requests, e, reader)) return std::move(*done);
      } else {
        e = std::move(ex).error();
        requests += e.attempts();
      }
      e.with_attempts(requests);
      if (attempt >= max_attempts || !may_retry(e, idem)) return e;
      const auto wait = wait_within_deadline(policy, attempt, e, time.uniform01(), time.current(), deadline);
      if (!wait) return e;
      const std::chrono::milliseconds delay = *wait;
      logger_.log(LogLevel::kWarning, [&] {
        return "retrying \"" + std::string(r.name) + "\" in " + std::to_string(delay.count()) + " ms (try " +
               std::to_string(attempt) + " of " + std::to_string(max_attempts) + " failed: " + e.to_string() +
               ")";
      });
      time.wait(delay);
    }
  }

  /// call() whose payload `read` turns into T (see ReadWith): a decode error carries the HTTP
  /// status, the attempts made and the format, as every other error of the call does.
  template <class T, class Read>
  Result<T> call_read(const RequestSpec& spec, Read&& read) const {
    return call(spec, ReadWith<T, std::decay_t<Read>>{std::forward<Read>(read)});
  }

  /// call() of a route that answers {"success": true}; a kParse error naming `what` otherwise.
  Result<void> call_success(const RequestSpec& spec, std::string_view what) const {
    auto r = call_read<bool>(spec, [what](nlohmann::json&& payload) -> Result<bool> {
      auto ok = expect_success(std::move(payload), what);
      if (!ok) return std::move(ok).error();
      return true;
    });
    if (!r) return std::move(r).error();
    return {};
  }

  /// The error an error answer of `ex` carries, made safe to show and classified: attempts,
  /// format, Retry-After, delivery, and for a route served in neither format, a message that
  /// says so.
  Error answer_error(const Exchange& ex) const {
    auto payload = unwrap_envelope_at(ex.response, options_.time, *redact_);
    Error e = payload ? Error(ErrorKind::kHttp, "the answer is an error status without an error")
                            .with_http_status(ex.response.status)
                            .with_source(ErrorSource::kUnknown)
                      : std::move(payload).error();
    e = finish(std::move(e), ex);
    classify_answer(e, ex.response);
    if (ex.unserved) explain_unserved(e, ex);
    return e;
  }

  /// Makes `e` safe to show and records how the call went: attempts, format, no token.
  Error finish(Error e, const Exchange& ex) const {
    e.with_attempts(ex.attempts).with_url_format(ex.format);
    return scrub(std::move(e));
  }

  /// Removes every piece of the api_token, and every credential, from every text in `e`
  /// (detail/redact.hpp). Error paths only.
  Error scrub(Error e) const {
    e.with_message((*redact_)(e.message()));
    if (!e.body_excerpt().empty()) e.with_body_excerpt((*redact_)(e.body_excerpt()));
    if (!e.field().empty()) e.with_field((*redact_)(e.field()));
    if (e.graph()) {
      GraphError g = *e.graph();
      for (std::string* text :
           {&g.type, &g.message, &g.fbtrace_id, &g.details, &g.error_user_title, &g.error_user_msg}) {
        if (!text->empty()) *text = (*redact_)(std::move(*text));
      }
      e.with_graph(std::move(g));
    }
    return e;
  }

 private:
  /// The answer of `ex` read by `Reader` (call() and the batch engine): its value, or the error
  /// of a payload `Reader` cannot decode (final, with the call's `requests` and format); nullopt
  /// when the answer is an error, which is then in `e`, scrubbed and classified for the retry loop.
  /// A value may have taken the response's body.
  template <class Reader>
  std::optional<Result<typename Reader::value_type>> read_answer(Exchange& ex, int requests, Error& e,
                                                                 const Reader& reader = Reader{}) const {
    using Answer = Result<typename Reader::value_type>;
    if (auto fast = reader.read_fast(ex.response))
      return std::optional<Answer>(std::in_place, std::move(*fast));
    auto payload = unwrap_envelope_at(ex.response, options_.time, *redact_);
    if (!payload) {
      e = finish(std::move(payload).error(), ex);
      classify_answer(e, ex.response);
      if (ex.unserved) explain_unserved(e, ex);
      return std::nullopt;
    }
    auto value = reader.decode(std::move(*payload));
    if (!value) {
      Error bad = std::move(value).error();
      if (bad.http_status() == 0) bad.with_http_status(ex.response.status);
      bad.with_source(ErrorSource::kGraph);  // the payload came in the envelope, from Meta
      value = finish(std::move(bad), ex).with_attempts(requests);
    }
    return value;
  }

  /// What an error answer says beyond its body (whose reader took the Retry-After, from the
  /// header or the body): whether the request may have been processed, unless the reader knew.
  /// A 5xx without an API error object comes from a gateway, which may have passed the request
  /// on before failing; an unreadable 2xx answer was a success.
  void classify_answer(Error& e, const HttpResponse& resp) const {
    if (e.delivery() != Delivery::kAnswered) return;  // e.g. Meta unreachable from the proxy: not sent
    const int status = resp.status;
    if ((e.kind() == ErrorKind::kHttp && status >= 500) ||
        (e.kind() == ErrorKind::kParse && status >= 200 && status < 300)) {
      e.with_delivery(Delivery::kMaybeSent);
    }
  }

  /// Waits for the rate limits' slot for this send; fails when the slot is past the deadline.
  Result<void> pace(const RequestSpec& spec,
                    const std::optional<std::chrono::steady_clock::time_point>& deadline) const {
    const TimeSource& time = options_.time;
    const auto now = time.current();
    const auto wait = reserve_slot(spec, now);
    if (wait.count() <= 0) return {};
    if (deadline && now + wait >= *deadline) {
      Error e(ErrorKind::kTimeout,
              "the rate limit's wait runs past the call's deadline (the request was not sent)");
      e.with_delivery(Delivery::kNotSent).with_source(ErrorSource::kNone).with_hint(kRateLimitPastDeadline);
      return e;
    }
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(wait);
    logger_.log(LogLevel::kDebug,
                [&] { return "rate limit: waiting " + std::to_string(ms.count()) + " ms before a send"; });
    time.wait(ms);
    return {};
  }

  /// Books the rate limits' slot for one send of `spec` at `now`; returns the wait before it.
  std::chrono::nanoseconds reserve_slot(const RequestSpec& spec,
                                        std::chrono::steady_clock::time_point now) const {
    std::string recipient;
    if (limiter_->options().per_recipient_interval.count() > 0) {
      const auto body = nlohmann::json::parse(spec.body, nullptr, false);
      if (body.is_object()) {
        if (const auto to = body.find("to"); to != body.end() && to->is_string())
          recipient = to->get<std::string>();
      }
    }
    return limiter_->reserve(spec.path[0], recipient, now);
  }

  /// The HTTP request for `spec` in `format` with `body` (spec.body, copied or moved by the
  /// caller); an invalid_argument error when a path value is empty.
  Result<HttpRequest> make_request(const RequestSpec& spec, std::string body, UrlFormat format,
                                   const AttemptSettings& settings) const {
    auto url = url_of(spec, format);
    if (!url) return std::move(url).error();
    HttpRequest req;
    req.url = std::move(*url);
    req.body = std::move(body);
    set_request(req, spec, settings);
    return req;
  }

  /// The URL of `spec` in `format`, or the error (token-free) that says why it cannot be built.
  Result<std::string> url_of(const RequestSpec& spec, UrlFormat format) const {
    auto url = build_url_with(url_root_, url_token_, *spec.route, spec.path, spec.query, format);
    if (!url) return scrub(std::move(url).error());
    return url;
  }

  /// Everything of `req` but its url and body, for `spec` and `settings`.
  void set_request(HttpRequest& req, const RequestSpec& spec, const AttemptSettings& settings) const {
    req.method = spec.route->method;
    req.multipart = spec.multipart;
    req.on_body = spec.on_body;
    req.progress = spec.progress;
    req.connect_timeout = options_.connect_timeout;
    req.timeout = settings.timeout.count() > 0 ? settings.timeout : options_.timeout;
    req.idempotent = settings.idempotent;
    req.max_response_bytes = options_.max_response_bytes;
    req.success_headers = false;  // only an error answer's Retry-After is read (classify_answer)
  }

  Result<void> send_once(const RequestSpec& spec, UrlFormat format, const AttemptSettings& settings,
                         Exchange& ex) const {
    auto made = make_request(spec, spec.body, format, settings);
    if (!made) return std::move(made).error();
    const HttpRequest& req = *made;

    const bool debug = logger_.enabled(LogLevel::kDebug);
    const auto start = debug ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
    Result<HttpResponse> resp = transport_->send(req);
    ++ex.attempts;
    ex.format = format;
    ex.route = spec.route;
    if (debug) {
      const auto us =
          std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start)
              .count();
      logger_.log(LogLevel::kDebug, [&] {
        std::string line(to_string(req.method));
        line += ' ';
        line += req.url;
        line += resp ? " -> HTTP " + std::to_string(resp->status) : " -> " + resp.error().to_string();
        line += " (" + std::string(to_string(format)) + " format, " + std::to_string(us) + " us)";
        return line;
      });
    }
    if (!resp) {
      Error e = std::move(resp).error();
      return finish(std::move(e), ex);
    }
    ex.response = std::move(*resp);
    return {};
  }

  /// Records that `r` answered 404 in both formats: its calls ask once for a while.
  void mark_unserved(const Route& r) const {
    if (!formats_->mark_unserved(r.id, options_.time.current())) return;
    logger_.log(LogLevel::kWarning, [&] {
      return "route \"" + std::string(r.name) +
             "\" answered 404 in both URL formats; asking in one format for " +
             std::to_string(kUnservedRouteTtl.count()) + " minutes";
    });
  }

  void remember(const Route& r, UrlFormat f) const {
    if (!formats_->confirm(r.id, f)) return;
    logger_.log(LogLevel::kInfo, [&] {
      return "route \"" + std::string(r.name) + "\" answers in the " + std::string(to_string(f)) +
             " URL format; using it from now on";
    });
  }

  template <class, class>
  friend class BatchEngine;

  ClientOptions options_;
  // What every URL of this client shares (see build_url_with): made once.
  std::string url_root_;   // base URL and API version
  std::string url_token_;  // the api_token percent-encoded
  // Shared with the views made by Client::with_options().
  std::shared_ptr<Transport> transport_;
  std::shared_ptr<FormatMemory> formats_;
  std::shared_ptr<RateLimiter> limiter_;  // null when the rate limits are off
  // The api_token's pieces, for error texts and log lines: built once, shared with the logger
  // and with the views.
  std::shared_ptr<const Redactor> redact_;
  Logger logger_;
  CallOptions call_;
};

}  // namespace whatsapp::detail
