#pragma once

// One call as a state machine that does no I/O. It owns every decision of a call, once: the URL
// format to try (and the Old Format fallback on a 404 while the route's format is unconfirmed,
// and the memory of it), the rate limits' slot, the deadline and each request's timeout within
// it, the envelope, and the retry loop (idempotency, backoff, Retry-After). A driver asks
// next(): send request() and hand the answer to answer(), or wait until ready(), or stop.
// Core::run() drives one call with the transport's send(); the batch engine drives many with
// send_streamed().

#include <chrono>
#include <optional>
#include <string>

#include "whatsapp/client/detail/exchange.hpp"
#include "whatsapp/client/detail/readers.hpp"
#include "whatsapp/client/detail/request_spec.hpp"
#include "whatsapp/client/retry.hpp"
#include "whatsapp/detail/config.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/transport/http.hpp"

namespace whatsapp::detail {

class Core;

class Call {
 public:
  using Clock = std::chrono::steady_clock;
  enum class Step {
    kSend,  ///< send request() and give its answer to answer()
    kWait,  ///< call next() again at ready() (a retry's backoff or a rate-limit slot)
    kDone,  ///< finished: failed() and error(), or the reader has the value
  };

  explicit Call(const Core& core) noexcept : core_(&core) {}
  /// A call of `spec` (moved in: a send's request is moved once on its way to the transport).
  Call(const Core& core, RequestSpec&& spec) : core_(&core), spec_(std::move(spec)) {}

  /// The call's request before its URL is known; fill it in before begin().
  RequestSpec& spec() noexcept { return spec_; }
  /// Starts the call of spec(). `reader` reads a successful answer; null: the final answer is
  /// left unread in exchange() after one try (downloads, whose length no deadline can
  /// foresee: each request has only its timeout), with the format fallback still made.
  /// Ready for a new call at any time: the strings keep their memory.
  WHATSAPP_DECL void begin(AnswerReader* reader);

  /// What to do now.
  WHATSAPP_DECL Step next(Clock::time_point now);
  /// The request to send (after kSend); it stays valid until answer().
  const HttpRequest& request() const noexcept { return request_; }
  /// Until when to wait (after kWait); then resume() and ask next() again.
  Clock::time_point ready() const noexcept { return ready_; }
  /// The wait asked for, from the moment it was decided (a retry's backoff, a rate-limit slot):
  /// what a driver that waits at once sleeps, so that the TimeSource sees the policy's delays.
  std::chrono::milliseconds delay() const noexcept { return delay_; }
  /// The wait next() asked for is over (the driver decides when: a clock that a test's sleep
  /// does not move must not hold the call forever).
  void resume() noexcept { waiting_ = false; }
  /// The transport's answer to request().
  WHATSAPP_DECL void answer(Result<HttpResponse>&& response, Clock::time_point now);
  /// Ends the call with `e` (a transport that will not answer or ask again); its attempts are
  /// the requests made, plus the one in flight when `in_flight`.
  WHATSAPP_DECL void abandon(Error e, bool in_flight);

  bool done() const noexcept { return done_; }
  /// Waiting for ready() (a retry's backoff or a rate-limit slot); otherwise a call that is not
  /// done has its next request ready at once (the Old Format fallback).
  bool waiting() const noexcept { return waiting_; }
  bool failed() const noexcept { return failed_; }
  /// The final error (when failed()).
  Error& error() noexcept { return error_; }
  /// The last exchange (the answer of a call begun without a reader).
  Exchange& exchange() noexcept { return ex_; }
  /// HTTP requests made so far, fallbacks included.
  int requests() const noexcept { return requests_; }

 private:
  enum class Stage { kStartTry, kFallback };

  Step finish(Error e);
  Step start_try(Clock::time_point now);
  Step store_failed(Error e, Clock::time_point now);
  Step prepare(UrlFormat format);
  void log_answer(const Result<HttpResponse>& response) const;
  bool take_answer(Error& e);

  const Core* core_;
  AnswerReader* reader_ = nullptr;
  RequestSpec spec_{nullptr, {}, {}, {}, {}};
  HttpRequest request_;
  Exchange ex_;
  Error error_;
  Idempotency idem_ = Idempotency::kIdempotent;
  Stage stage_ = Stage::kStartTry;
  UrlFormat format_ = UrlFormat::kNew;
  int attempt_ = 0;   // tries of the retry loop begun
  int requests_ = 0;  // HTTP requests made, fallbacks included
  bool learning_ = false;
  bool missing_ = false;  // the New Format's 404 before the fallback said "no such route"
  bool paced_ = false;    // the rate limits' slot of this try is booked
  bool waiting_ = false;  // until ready_, for a retry's backoff or a rate-limit slot
  bool done_ = false;
  bool failed_ = false;
  bool fresh_ = false;  // the last request was answered: a send's next one takes a new connection
  std::chrono::milliseconds timeout_{0};  // of this try's requests
  Clock::time_point ready_{};
  std::chrono::milliseconds delay_{0};
  std::optional<Clock::time_point> deadline_;
  // What request_.url was built for: the next request to the same route, path and format (a
  // stream from one business number) reuses it instead of building it again.
  const Route* url_route_ = nullptr;
  UrlFormat url_format_ = UrlFormat::kNew;
  std::string url_path_[2];
};

}  // namespace whatsapp::detail

// The definitions (header-only) come with client/detail/core.hpp, which a call needs.
