#pragma once

// Many calls at once. Each call makes the same decisions as Core::call() (format fallback and
// memory, envelope, retry loop with its idempotency rules, backoff, Retry-After and deadline,
// rate limits), but up to max_in_flight requests are on the wire at once instead of one.
//
// The calls come from a source, one at a time, only when there is room for another: the
// transport pulls whenever an in-flight slot is free, and the engine then takes a call whose
// format fallback is ready, else a retry whose backoff is over, else the source's next call.
// Each answer moves its call on as it arrives (done, fallback request ready at once, or a retry
// ready after its backoff), and a finished call's result goes to the sink at once. So only the
// calls under way exist (at most kLivePerSlot × max_in_flight), however many the source gives.
// When nothing is in flight and nothing is ready, the engine waits for the earliest call that
// will be.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "whatsapp/client/batch.hpp"
#include "whatsapp/client/detail/core.hpp"
#include "whatsapp/client/retry.hpp"
#include "whatsapp/transport/transport.hpp"

namespace whatsapp::detail {

/// Calls under way at once (in flight, or waiting for a retry or a rate-limit slot), per
/// in-flight slot: room for retries to wait while new calls keep the wire busy, and a bound on
/// the memory and rate-limit bookings of a long stream.
inline constexpr std::size_t kLivePerSlot = 4;

/// The most requests a batch keeps in flight, whatever BatchOptions::max_in_flight says.
inline constexpr std::size_t kMaxInFlight = 1024;

/// `Reader` reads each successful answer, as in Core::call().
template <class Transport, class Reader = JsonPayload>
class BatchEngine {
 public:
  using Value = typename Reader::value_type;

  BatchEngine(const Core<Transport>& core, const BatchOptions& options)
      : c_(core),
        o_(options),
        in_flight_max_(std::clamp<std::size_t>(options.max_in_flight, 1, kMaxInFlight)),
        live_max_(kLivePerSlot * in_flight_max_) {}

  /// Runs every call `source` gives until it gives none and each has its result.
  /// `source(RequestSpec& spec, std::string& keep) -> std::optional<std::size_t>` fills in the
  /// next call's spec (its path may view `keep`, which lives as long as the call) and returns
  /// the id its result goes to the sink with, or nullopt when there are no more; it is asked
  /// only when the call can start. `sink(id, Result<Value>&&)` gets each call's result as soon
  /// as it is known. Both run on the calling thread, inside the transport's loop.
  template <class Source, class Sink>
  void run(Source& source, Sink& sink) {
    const RetryPolicy& policy = c_.call_.retry ? *c_.call_.retry : c_.options_.retry;
    const Limits limits{policy, c_.call_.deadline.value_or(policy.deadline),
                        c_.call_.timeout.value_or(c_.options_.timeout), std::max(1, policy.max_attempts)};
    const TimeSource& time = c_.options_.time;

    // The request of the next call that may send now, or none.
    const auto next = [&]() -> transport::StreamedRequest {
      ++asked_;
      for (;;) {
        const Clock::time_point t = time.current();
        std::size_t c = 0;
        if (!waiting_.empty() && waiting_.front().first <= t) {
          c = waiting_.front().second;
          std::pop_heap(waiting_.begin(), waiting_.end(), std::greater<>());
          waiting_.pop_back();
        } else if (auto fresh = start(source)) {
          c = *fresh;
        } else {
          return {};
        }
        Call& k = *calls_[c];
        if (prepare(k, t, limits, sink)) {
          k.in_flight = true;
          ++in_flight_;
          k.tag = c + live_max_ * requests_++;  // unique per request, slot = tag % live_max_
          return {&k.request, k.tag};
        }
        if (!k.done) wait_until(k.ready, c);  // waiting for its rate-limit slot
      }
    };
    const auto done = [&](std::size_t tag, Result<HttpResponse>&& resp) {
      const std::size_t c = tag % live_max_;
      if (c >= calls_.size() || !calls_[c]->in_flight || calls_[c]->tag != tag) return;  // not ours
      Call& k = *calls_[c];
      k.in_flight = false;
      --in_flight_;
      k.spec.body = std::move(k.request.body);  // for its fallback or retry
      const Then then = answer(k, std::move(resp), limits, sink);
      if (then == Then::kNow) wait_until(Clock::time_point{}, c);
      if (then == Then::kLater) wait_until(k.ready, c);
    };
    for (;;) {
      const std::size_t asked = asked_;
      stream(next, done);
      if (in_flight_ > 0) lose_unanswered(sink);
      if (asked_ == asked) {  // a transport that returned without asking: nothing more will go
        give_up(sink);
        return;
      }
      if (waiting_.empty()) {
        if (exhausted_) return;
        continue;  // the format probe is over: the source's other calls may start
      }
      const auto left = waiting_.front().first - time.current();
      if (left.count() > 0) time.wait(std::chrono::ceil<std::chrono::milliseconds>(left));
    }
  }

 private:
  using Clock = std::chrono::steady_clock;
  using Due = std::pair<Clock::time_point, std::size_t>;  // when, which call
  enum class Stage { kStartTry, kFallback };

  struct Limits {
    const RetryPolicy& policy;
    std::chrono::milliseconds deadline;
    std::chrono::milliseconds timeout;
    int max_attempts;
  };

  struct Call {
    std::size_t id = 0;    // the source's
    std::size_t slot = 0;  // its place in calls_
    std::size_t tag = 0;   // of its request in flight
    RequestSpec spec{nullptr, {}, {}, {}, {}};
    std::string keep;  // what spec.path may view
    Idempotency idem = Idempotency::kIdempotent;
    Stage stage = Stage::kStartTry;
    int attempt = 0;   // tries of the retry loop begun
    int requests = 0;  // HTTP requests made, fallbacks included
    bool learning = false;
    bool missing = false;  // the New Format's 404 of its fallback said "no such route"
    bool paced = false;
    bool done = false;
    bool in_flight = false;  // its request was handed to the transport and not answered yet
    UrlFormat format = UrlFormat::kNew;
    AttemptSettings settings;
    Exchange ex;
    HttpRequest request;  // the one in flight, or the last one sent
    Clock::time_point ready{};
    std::optional<Clock::time_point> deadline;

    // Ready for a new call in the same slot. The strings keep their memory (the source writes
    // the body into spec.body, the URL is copied into request.url), so a steady stream of
    // calls allocates none for them.
    void reuse(std::size_t in_slot) {
      slot = in_slot;
      stage = Stage::kStartTry;
      attempt = 0;
      requests = 0;
      learning = missing = paced = done = in_flight = false;
      settings = AttemptSettings{};
      ready = {};
      deadline.reset();
      spec.query.clear();
      spec.multipart.clear();
      spec.on_body = nullptr;
      spec.progress = nullptr;
    }
  };

  // The last URL built, made again for the next request to the same route, path and format (a
  // stream from one business number) by a copy instead of building it.
  struct LastUrl {
    const Route* route = nullptr;  // none yet
    UrlFormat format = UrlFormat::kNew;
    std::string path[2];
    std::string url;
  };

  // What one answer leaves its call waiting for.
  enum class Then { kNothing, kNow, kLater };  // done; its next request may go now; at `ready`

  void wait_until(Clock::time_point when, std::size_t c) {
    waiting_.emplace_back(when, c);
    std::push_heap(waiting_.begin(), waiting_.end(), std::greater<>());
  }

  // The slot of the source's next call, or none: the source has no more, the format probe is
  // under way, or as many calls as allowed are.
  template <class Source>
  std::optional<std::size_t> start(Source& source) {
    if (exhausted_ || probing_ || live_ >= live_max_) return std::nullopt;
    std::size_t c = calls_.size();
    if (!free_.empty()) {
      c = free_.back();
      free_.pop_back();
    } else {
      calls_.push_back(std::make_unique<Call>());
    }
    Call& k = *calls_[c];
    k.reuse(c);
    const std::optional<std::size_t> id = source(k.spec, k.keep);
    if (!id) {
      exhausted_ = true;
      free_.push_back(c);
      return std::nullopt;
    }
    k.id = *id;
    k.idem = c_.call_.idempotency.value_or(idempotency(k.spec.route->id));
    ++live_;
    if (!probed_) {  // the first call: while its route's format is unconfirmed, it goes alone
      probed_ = true;
      probing_ = o_.probe_format && c_.options_.format_policy == FormatPolicy::kNewThenOld &&
                 !c_.formats_->get(k.spec.route->id);
      probe_ = c;
    }
    return c;
  }

  // Readies call `k`'s next request in k.request; false when it finished instead (an error, to
  // the sink) or must wait for its rate-limit slot until k.ready.
  template <class Sink>
  bool prepare(Call& k, Clock::time_point now, const Limits& l, Sink& sink) {
    if (k.stage == Stage::kStartTry && k.attempt == 0 && !k.deadline && l.deadline.count() > 0) {
      k.deadline = now + l.deadline;
    }
    if (k.stage == Stage::kStartTry && !k.paced && c_.limiter_ && k.spec.route->id == RouteId::kSendMessage) {
      k.paced = true;  // one slot per try, booked when the try could otherwise go
      const auto wait = c_.reserve_slot(k.spec, now);
      if (wait.count() > 0) {
        if (k.deadline && now + wait >= *k.deadline) {
          Error e(ErrorKind::kTimeout,
                  "the rate limit's wait runs past the call's deadline (the request was not sent)");
          e.with_delivery(Delivery::kNotSent).with_attempts(k.requests).with_source(ErrorSource::kNone);
          e.with_hint(kRateLimitPastDeadline);
          finish_call(k, std::move(e), sink);
          return false;
        }
        k.ready = now + std::chrono::duration_cast<Clock::duration>(wait);
        return false;
      }
    }
    UrlFormat format = UrlFormat::kOld;  // the fallback's
    if (k.stage == Stage::kStartTry) {
      ++k.attempt;
      k.paced = false;
      k.ex = Exchange{};
      k.settings = AttemptSettings{l.timeout, k.idem == Idempotency::kIdempotent};
      if (k.deadline) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*k.deadline - now);
        k.settings.timeout = std::max(std::chrono::milliseconds(1), std::min(l.timeout, left));
      }
      const auto confirmed = c_.formats_->get(k.spec.route->id);
      format = UrlFormat::kNew;
      if (c_.options_.format_policy == FormatPolicy::kOldOnly) {
        format = UrlFormat::kOld;
      } else if (c_.options_.format_policy == FormatPolicy::kNewThenOld && confirmed) {
        format = *confirmed;
      }
      k.learning = c_.options_.format_policy == FormatPolicy::kNewThenOld && !confirmed;
    }
    k.format = format;
    if (auto url = url_to(k.spec, format, k.request.url); !url) {
      Error e = std::move(url).error();
      finish_call(k, std::move(e.with_attempts(k.requests)), sink);
      return false;
    }
    k.request.body = std::move(k.spec.body);  // back in done()
    c_.set_request(k.request, k.spec, k.settings);
    return true;
  }

  // Writes the URL of `spec` in `format` into `out`.
  Result<void> url_to(const RequestSpec& spec, UrlFormat format, std::string& out) {
    LastUrl& last = last_url_;
    const bool same = last.route == spec.route && last.format == format && spec.query.empty() &&
                      last.path[0] == spec.path[0] && last.path[1] == spec.path[1];
    if (!same) {
      auto url = c_.url_of(spec, format);
      if (!url) return std::move(url).error();
      last.route = spec.query.empty() ? spec.route : nullptr;
      last.format = format;
      last.path[0].assign(spec.path[0]);
      last.path[1].assign(spec.path[1]);
      last.url = std::move(*url);
    }
    out.assign(last.url);
    return {};
  }

  // Hands the requests `next` gives to the transport and their answers to `done`, until nothing
  // is in flight and nothing is ready: streamed when the transport can, else in waves through
  // send_many (every request ready now, then their answers), else one send() at a time.
  template <class Next, class Done>
  void stream(Next& next, Done& done) const {
    Transport& t = *c_.transport_;
    if constexpr (transport::has_send_streamed_v<Transport>) {
      t.send_streamed(next, done, in_flight_max_);
    } else if constexpr (transport::has_send_many_v<Transport>) {
      std::vector<std::size_t> tags;
      std::vector<HttpRequest> wave;
      for (;;) {
        tags.clear();
        wave.clear();
        for (transport::StreamedRequest item = next(); item.request != nullptr; item = next()) {
          tags.push_back(item.tag);
          wave.push_back(*item.request);
        }
        if (wave.empty()) return;
        std::vector<Result<HttpResponse>> answers = t.send_many(wave, in_flight_max_);
        for (std::size_t w = 0; w < tags.size(); ++w) {
          if (w < answers.size()) {
            done(tags[w], std::move(answers[w]));
          } else {  // a send_many that returned fewer answers than requests
            Error e(ErrorKind::kTransport, "the transport returned without answering this request");
            done(tags[w], std::move(e.with_delivery(Delivery::kMaybeSent)));
          }
        }
      }
    } else {
      for (transport::StreamedRequest item = next(); item.request != nullptr; item = next()) {
        done(item.tag, t.send(*item.request));
      }
    }
  }

  // A transport that returned with requests in flight will not answer them.
  template <class Sink>
  void lose_unanswered(Sink& sink) {
    for (auto& k : calls_) {
      if (!k->in_flight) continue;
      k->in_flight = false;
      --in_flight_;
      Error e(ErrorKind::kTransport, "the transport returned without answering this request");
      finish_call(*k, std::move(e.with_delivery(Delivery::kMaybeSent).with_attempts(k->requests + 1)), sink);
    }
  }

  // The calls waiting when the transport stopped asking for requests.
  template <class Sink>
  void give_up(Sink& sink) {
    std::vector<Due> left;
    left.swap(waiting_);
    for (const auto& [when, c] : left) {
      Call& k = *calls_[c];
      Error e(ErrorKind::kTransport, "the transport returned without asking for this call's next request");
      e.with_delivery(k.requests == 0 ? Delivery::kNotSent : Delivery::kMaybeSent).with_attempts(k.requests);
      finish_call(k, std::move(e), sink);
    }
  }

  template <class Sink>
  void finish_call(Call& k, Result<Value>&& r, Sink& sink) {
    k.ex = Exchange{};  // an error answer's body goes now; the strings of the request are kept
    k.done = true;
    --live_;
    free_.push_back(k.slot);
    if (probing_ && k.slot == probe_) probing_ = false;
    sink(k.id, std::move(r));
  }

  // One answer moves its call on: as Core::exchange() (fallback, format memory) and then as one
  // turn of Core::call()'s retry loop.
  template <class Sink>
  Then answer(Call& k, Result<HttpResponse>&& resp, const Limits& l, Sink& sink) {
    const HttpRequest& req = k.request;
    ++k.requests;
    ++k.ex.attempts;
    k.ex.format = k.format;
    k.ex.route = k.spec.route;
    c_.logger_.log(LogLevel::kDebug, [&] {
      std::string line(to_string(req.method));
      line += ' ';
      line += req.url;
      line += resp ? " -> HTTP " + std::to_string(resp->status) : " -> " + resp.error().to_string();
      line += " (" + std::string(to_string(k.format)) + " format, batch";
      if (resp && resp->elapsed.count() > 0) line += ", " + std::to_string(resp->elapsed.count()) + " us";
      return line + ")";
    });
    const Stage stage = k.stage;
    k.stage = Stage::kStartTry;
    Error e;
    if (!resp) {
      e = c_.finish(std::move(resp).error(), k.ex);
    } else {
      k.ex.response = std::move(*resp);
      const int status = k.ex.response.status;
      if (stage == Stage::kStartTry && k.learning) {
        if (status == 404 && k.format == UrlFormat::kNew) {
          if (c_.formats_->unserved(k.spec.route->id, c_.options_.time.current())) {
            k.ex.unserved = route_missing(k.ex.response);  // found in neither lately: asked once
          } else {
            k.missing = route_missing(k.ex.response);
            k.stage = Stage::kFallback;  // the same try, once more in the Old Format; not a retry
            return Then::kNow;
          }
        }
        if (status != 404) c_.remember(*k.spec.route, k.format);
      } else if (stage == Stage::kFallback && status != 404) {
        c_.remember(*k.spec.route, UrlFormat::kOld);
      } else if (stage == Stage::kFallback && k.missing && route_missing(k.ex.response)) {
        k.ex.unserved = true;
        c_.mark_unserved(*k.spec.route);
      }
      if (auto done = c_.template read_answer<Reader>(k.ex, k.requests, e)) {
        finish_call(k, std::move(*done), sink);
        return Then::kNothing;
      }
    }
    e.with_attempts(k.requests);
    const TimeSource& time = c_.options_.time;
    if (k.attempt >= l.max_attempts || !may_retry(e, k.idem)) {
      finish_call(k, std::move(e), sink);
      return Then::kNothing;
    }
    const auto now = time.current();
    const auto wait = wait_within_deadline(l.policy, k.attempt, e, time.uniform01(), now, k.deadline);
    if (!wait) {
      finish_call(k, std::move(e), sink);
      return Then::kNothing;
    }
    const std::chrono::milliseconds delay = *wait;
    c_.logger_.log(LogLevel::kWarning, [&] {
      return "retrying \"" + std::string(k.spec.route->name) + "\" in " + std::to_string(delay.count()) +
             " ms (try " + std::to_string(k.attempt) + " of " + std::to_string(l.max_attempts) +
             " failed: " + e.to_string() + ") [batch]";
    });
    k.ready = now + delay;
    return Then::kLater;
  }

  const Core<Transport>& c_;
  const BatchOptions& o_;
  const std::size_t in_flight_max_;
  const std::size_t live_max_;
  std::vector<std::unique_ptr<Call>> calls_;  // stable: the transport holds &request in flight
  std::vector<std::size_t> free_;             // slots of calls_ not under way
  std::vector<Due> waiting_;  // a heap on when each may send; a fallback (at once) at the clock's zero
  LastUrl last_url_;
  std::size_t live_ = 0;  // calls under way
  std::size_t in_flight_ = 0;
  std::size_t requests_ = 0;  // handed to the transport
  std::size_t asked_ = 0;     // times the transport asked for a request
  bool exhausted_ = false;    // the source gave nullopt
  bool probed_ = false;
  bool probing_ = false;  // the first call goes alone: its answer confirms the route's format
  std::size_t probe_ = 0;
};

}  // namespace whatsapp::detail
