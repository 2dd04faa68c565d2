#pragma once

// Many calls at once. Each call makes the same decisions as Core::call() (format fallback and
// memory, envelope, retry loop with its idempotency rules, backoff, Retry-After and deadline,
// rate limits), but up to max_in_flight requests are on the wire at once instead of one.
//
// The transport pulls: whenever an in-flight slot is free it asks for the next request, which
// the engine builds then; each answer moves its call on as it arrives (done, fallback request
// ready at once, or a retry ready after its backoff). Building requests and reading answers so
// overlap the other requests' time on the wire. When nothing is in flight and nothing is ready,
// the engine waits for the earliest call that will be.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/batch.hpp"
#include "whatsapp/detail/core.hpp"
#include "whatsapp/detail/send_answer.hpp"
#include "whatsapp/detail/send_body.hpp"
#include "whatsapp/model/message.hpp"
#include "whatsapp/model/send_result.hpp"
#include "whatsapp/retry.hpp"
#include "whatsapp/transport/transport.hpp"

namespace whatsapp::detail {

/// `Reader` reads each successful answer, as in Core::call().
template <class Transport, class Reader = JsonPayload>
class BatchEngine {
 public:
  using Value = typename Reader::value_type;

  explicit BatchEngine(const Core<Transport>& core) : c_(core) {}

  /// Makes the body of spec i when its call first starts (send_batch: only the bodies of calls
  /// in flight or waiting to retry exist at once).
  using BodyOf = std::function<std::string(std::size_t)>;

  /// The payload or error of each spec, in the order of `specs`. A spec's body (or `body_of(i)`
  /// when given) is moved into each of its requests and back; it is gone when the call is over.
  std::vector<Result<Value>> run(std::vector<RequestSpec>& specs, const BatchOptions& o,
                                 BodyOf body_of = {}) {
    body_of_ = std::move(body_of);
    Outcomes out(specs.size());
    std::vector<Call> calls;
    calls.reserve(specs.size());
    for (std::size_t i = 0; i < specs.size(); ++i) {
      Call k;
      k.index = i;
      k.spec = &specs[i];
      k.idem = c_.call_.idempotency.value_or(idempotency(specs[i].route->id));
      calls.push_back(std::move(k));
    }
    std::size_t first = 0;
    if (o.probe_format && specs.size() > 1 && c_.options_.format_policy == FormatPolicy::kNewThenOld &&
        !c_.formats_->get(specs[0].route->id)) {
      drive(calls, 0, 1, out, o);  // its answer confirms the route's format for the others
      first = 1;
    }
    drive(calls, first, calls.size(), out, o);

    std::vector<Result<Value>> results;
    results.reserve(out.size());
    for (auto& r : out) {
      if (r) {
        results.push_back(std::move(*r));
      } else {  // a transport that returned without answering a request it was given
        Error e(ErrorKind::kTransport, "the transport returned without answering this request");
        e.with_delivery(Delivery::kMaybeSent);
        results.push_back(std::move(e));
      }
    }
    return results;
  }

 private:
  using Outcomes = std::vector<std::optional<Result<Value>>>;
  enum class Stage { kStartTry, kFallback };

  struct Call {
    std::size_t index = 0;
    RequestSpec* spec = nullptr;
    Idempotency idem = Idempotency::kIdempotent;
    Stage stage = Stage::kStartTry;
    int attempt = 0;   // tries of the retry loop begun
    int requests = 0;  // HTTP requests made, fallbacks included
    bool learning = false;
    bool paced = false;
    bool done = false;
    bool in_flight = false;  // its request was handed to the transport and not answered yet
    bool body_made = false;
    UrlFormat format = UrlFormat::kNew;
    AttemptSettings settings;
    Exchange ex;
    HttpRequest request;  // the one in flight, or the last one sent
    std::chrono::steady_clock::time_point ready{};
    std::optional<std::chrono::steady_clock::time_point> deadline;
  };

  // What one answer leaves its call waiting for.
  enum class Then { kNothing, kNow, kLater };  // done; its next request may go now; at `ready`

  // Runs calls[begin, end) to completion. The transport asks for the next request whenever an
  // in-flight slot is free (see stream()): a call whose format fallback is ready goes first, then
  // a retry whose backoff is over, then the next call not started. When nothing is in flight and
  // nothing is ready, the engine sleeps until the earliest waiting call is.
  void drive(std::vector<Call>& all, std::size_t begin, std::size_t end, Outcomes& out,
             const BatchOptions& o) const {
    using Clock = std::chrono::steady_clock;
    using Due = std::pair<Clock::time_point, std::size_t>;  // when, which call
    const TimeSource& time = c_.options_.time;
    const RetryPolicy& policy = c_.call_.retry ? *c_.call_.retry : c_.options_.retry;
    const std::chrono::milliseconds deadline_ms = c_.call_.deadline.value_or(policy.deadline);
    const std::chrono::milliseconds timeout = c_.call_.timeout.value_or(c_.options_.timeout);
    const int max_attempts = std::max(1, policy.max_attempts);

    std::size_t open = end - begin;
    std::size_t fresh = begin;  // the next call not started
    // Calls waiting to send, a heap on when they may: a format fallback (ready at once, so at
    // the clock's zero) comes out before a retry whose backoff is over.
    std::vector<Due> waiting;
    const auto wait_until = [&waiting](Clock::time_point when, std::size_t c) {
      waiting.emplace_back(when, c);
      std::push_heap(waiting.begin(), waiting.end(), std::greater<>());
    };

    // The request of the next call that may send now, or none.
    const auto next = [&]() -> transport::StreamedRequest {
      for (;;) {
        const Clock::time_point t = time.current();
        std::size_t c = 0;
        if (!waiting.empty() && waiting.front().first <= t) {
          c = waiting.front().second;
          std::pop_heap(waiting.begin(), waiting.end(), std::greater<>());
          waiting.pop_back();
        } else if (fresh < end) {
          c = fresh++;
        } else {
          return {};
        }
        Call& k = all[c];
        if (prepare(k, t, deadline_ms, timeout, out, open)) {
          k.in_flight = true;
          return {&k.request, c};
        }
        if (!k.done) wait_until(k.ready, c);  // waiting for its rate-limit slot
      }
    };
    const auto done = [&](std::size_t c, Result<HttpResponse>&& resp) {
      if (c < begin || c >= end || !all[c].in_flight) return;  // not a request of ours in flight
      Call& k = all[c];
      k.in_flight = false;
      k.spec->body = std::move(k.request.body);  // for its fallback or retry
      const Then then = answer(k, std::move(resp), out, open, policy, max_attempts);
      if (then == Then::kNow) wait_until(Clock::time_point{}, c);
      if (then == Then::kLater) wait_until(k.ready, c);
    };
    while (open > 0) {
      stream(next, done, o.max_in_flight);
      if (open == 0 || waiting.empty()) break;  // empty: every call is done, or lost by the transport (run())
      time.wait(std::chrono::ceil<std::chrono::milliseconds>(waiting.front().first - time.current()));
    }
  }

  // Readies call `k`'s next request in k.request; false when it finished instead (an error, in
  // `out`) or must wait for its rate-limit slot until k.ready.
  bool prepare(Call& k, std::chrono::steady_clock::time_point now, std::chrono::milliseconds deadline_ms,
               std::chrono::milliseconds timeout, Outcomes& out, std::size_t& open) const {
    if (k.stage == Stage::kStartTry && k.attempt == 0 && !k.deadline && deadline_ms.count() > 0) {
      k.deadline = now + deadline_ms;
    }
    if (body_of_ && !k.body_made) {
      k.spec->body = body_of_(k.index);
      k.body_made = true;
    }
    if (k.stage == Stage::kStartTry && !k.paced && c_.limiter_ &&
        k.spec->route->id == RouteId::kSendMessage) {
      k.paced = true;  // one slot per try, booked when the try could otherwise go
      const auto wait = c_.reserve_slot(*k.spec, now);
      if (wait.count() > 0) {
        if (k.deadline && now + wait >= *k.deadline) {
          Error e(ErrorKind::kTimeout,
                  "the rate limit's wait runs past the call's deadline (the request was not sent)");
          e.with_delivery(Delivery::kNotSent).with_attempts(k.requests);
          finish_call(k, out, std::move(e), open);
          return false;
        }
        k.ready = now + std::chrono::duration_cast<std::chrono::steady_clock::duration>(wait);
        return false;
      }
    }
    UrlFormat format = UrlFormat::kOld;  // the fallback's
    if (k.stage == Stage::kStartTry) {
      ++k.attempt;
      k.paced = false;
      k.ex = Exchange{};
      k.settings = AttemptSettings{timeout, k.idem == Idempotency::kIdempotent};
      if (k.deadline) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*k.deadline - now);
        k.settings.timeout = std::max(std::chrono::milliseconds(1), std::min(timeout, left));
      }
      const auto confirmed = c_.formats_->get(k.spec->route->id);
      format = UrlFormat::kNew;
      if (c_.options_.format_policy == FormatPolicy::kOldOnly) {
        format = UrlFormat::kOld;
      } else if (c_.options_.format_policy == FormatPolicy::kNewThenOld && confirmed) {
        format = *confirmed;
      }
      k.learning = c_.options_.format_policy == FormatPolicy::kNewThenOld && !confirmed;
    }
    k.format = format;
    auto req = c_.make_request(*k.spec, std::move(k.spec->body), format, k.settings);  // back in done()
    if (!req) {
      finish_call(k, out, std::move(req).error().with_attempts(k.requests), open);
      return false;
    }
    k.request = std::move(*req);
    return true;
  }

  // Hands the requests `next` gives to the transport and their answers to `done`, until nothing
  // is in flight and nothing is ready: streamed when the transport can, else in waves through
  // send_many (every request ready now, then their answers), else one send() at a time.
  template <class Next, class Done>
  void stream(Next& next, Done& done, std::size_t max_in_flight) const {
    Transport& t = *c_.transport_;
    max_in_flight = std::max<std::size_t>(1, max_in_flight);
    if constexpr (transport::has_send_streamed_v<Transport>) {
      t.send_streamed(next, done, max_in_flight);
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
        std::vector<Result<HttpResponse>> answers = t.send_many(wave, max_in_flight);
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

  static void finish_call(Call& k, Outcomes& out, Result<Value> r, std::size_t& open) {
    out[k.index] = std::move(r);
    k.request = HttpRequest{};  // its memory goes now, not at the end of the batch
    std::string().swap(k.spec->body);
    k.done = true;
    --open;
  }

  // One answer moves its call on: as Core::exchange() (fallback, format memory) and then as one
  // turn of Core::call()'s retry loop.
  Then answer(Call& k, Result<HttpResponse>&& resp, Outcomes& out, std::size_t& open,
              const RetryPolicy& policy, int max_attempts) const {
    const HttpRequest& req = k.request;
    ++k.requests;
    ++k.ex.attempts;
    k.ex.format = k.format;
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
          k.stage = Stage::kFallback;  // the same try, once more in the Old Format; not a retry
          return Then::kNow;
        }
        if (status != 404) c_.remember(*k.spec->route, k.format);
      } else if (stage == Stage::kFallback && status != 404) {
        c_.remember(*k.spec->route, UrlFormat::kOld);
      }
      if (auto done = c_.template read_answer<Reader>(k.ex, k.requests, e)) {
        finish_call(k, out, std::move(*done), open);
        return Then::kNothing;
      }
    }
    e.with_attempts(k.requests);
    const TimeSource& time = c_.options_.time;
    if (k.attempt >= max_attempts || !may_retry(e, k.idem)) {
      finish_call(k, out, std::move(e), open);
      return Then::kNothing;
    }
    const std::chrono::milliseconds delay = retry_delay(policy, k.attempt, e, time.uniform01());
    const auto now = time.current();
    if (k.deadline && now + delay >= *k.deadline) {
      finish_call(k, out, std::move(e), open);
      return Then::kNothing;
    }
    c_.logger_.log(LogLevel::kWarning, [&] {
      return "retrying \"" + std::string(k.spec->route->name) + "\" in " + std::to_string(delay.count()) +
             " ms (try " + std::to_string(k.attempt) + " of " + std::to_string(max_attempts) +
             " failed: " + e.to_string() + ") [batch]";
    });
    k.ready = now + delay;
    return Then::kLater;
  }

  const Core<Transport>& c_;
  BodyOf body_of_;
};

}  // namespace whatsapp::detail

namespace whatsapp::detail {

/// send_batch(): validates each message (an invalid one gets its error and sends nothing), sends
/// the others through BatchEngine and decodes each answer. `phone_of(i)` and `message_of(i)` give
/// message i and its sending number; results are in input order.
template <class Transport, class PhoneOf, class MessageOf>
std::vector<Result<SendResult>> send_message_batch(const Core<Transport>& core, std::size_t n,
                                                   PhoneOf phone_of, MessageOf message_of,
                                                   const BatchOptions& options) {
  std::vector<std::optional<Result<SendResult>>> out(n);
  std::vector<RequestSpec> specs;
  std::vector<std::size_t> index;  // specs[j] is message index[j]
  specs.reserve(n);
  index.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (auto v = validate(message_of(i)); !v) {
      out[i] = v.error();
      continue;
    }
    specs.push_back(RequestSpec{&route(RouteId::kSendMessage), {phone_of(i)}, {}, {}, {}});
    index.push_back(i);
  }
  if (!specs.empty()) {
    auto sent = BatchEngine<Transport, SendAnswer>(core).run(
        specs, options, [&](std::size_t j) { return message_body(message_of(index[j])); });
    for (std::size_t j = 0; j < sent.size(); ++j) out[index[j]] = std::move(sent[j]);
  }
  std::vector<Result<SendResult>> results;
  results.reserve(n);
  for (auto& r : out) results.push_back(std::move(*r));
  return results;
}

}  // namespace whatsapp::detail
