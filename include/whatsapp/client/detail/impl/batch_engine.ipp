// Definitions of what client/detail/batch_engine.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION.

#pragma once

#include <algorithm>
#include <chrono>
#include <functional>
#include <utility>

#include "whatsapp/client/detail/batch_engine.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL BatchEngine::BatchEngine(const Core& core, const BatchOptions& options)
    : core_(core),
      probe_format_(options.probe_format),
      in_flight_max_(std::clamp<std::size_t>(options.max_in_flight, 1, kMaxInFlight)),
      live_max_(kLivePerSlot * in_flight_max_) {}

WHATSAPP_DECL void BatchEngine::run(CallSource source, SendSink sink) {
  const TimeSource& time = core_.options().time;
  for (;;) {
    const std::size_t asked = asked_;
    core_.transport().send_streamed(
        [&] { return next(source, sink); },
        [&](std::size_t tag, Result<HttpResponse>&& answer) { take(tag, std::move(answer), sink); },
        in_flight_max_);
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

// The request of the next call that may send now, or none.
WHATSAPP_DECL transport::StreamedRequest BatchEngine::next(CallSource& source, SendSink& sink) {
  ++asked_;
  const TimeSource& time = core_.options().time;
  for (;;) {
    const Clock::time_point t = time.current();
    std::size_t c = 0;
    if (!waiting_.empty() && waiting_.front().first <= t) {
      c = waiting_.front().second;
      std::pop_heap(waiting_.begin(), waiting_.end(), std::greater<>());
      waiting_.pop_back();
      slots_[c]->call.resume();
    } else if (auto fresh = start(source)) {
      c = *fresh;
    } else {
      return {};
    }
    Slot& s = *slots_[c];
    switch (s.call.next(t)) {
      case Call::Step::kSend:
        s.in_flight = true;
        ++in_flight_;
        s.tag = c + live_max_ * requests_++;  // unique per request, slot = tag % live_max_
        return {&s.call.request(), s.tag};
      case Call::Step::kWait: wait_until(s.call.ready(), c); break;  // its rate-limit slot
      case Call::Step::kDone: finish(c, sink); break;
    }
  }
}

WHATSAPP_DECL void BatchEngine::take(std::size_t tag, Result<HttpResponse>&& answer, SendSink& sink) {
  const std::size_t c = tag % live_max_;
  if (c >= slots_.size() || !slots_[c]->in_flight || slots_[c]->tag != tag) return;  // not ours
  Slot& s = *slots_[c];
  s.in_flight = false;
  --in_flight_;
  s.call.answer(std::move(answer), core_.options().time.current());
  if (s.call.done()) {
    finish(c, sink);
  } else if (s.call.waiting()) {
    wait_until(s.call.ready(), c);  // a retry after its backoff
  } else {
    wait_until(Clock::time_point{}, c);  // its fallback, at once
  }
}

// The slot of the source's next call, or none: the source has no more, the format probe is
// under way, or as many calls as allowed are.
WHATSAPP_DECL std::optional<std::size_t> BatchEngine::start(CallSource& source) {
  if (exhausted_ || probing_ || live_ >= live_max_) return std::nullopt;
  std::size_t c = slots_.size();
  if (!free_.empty()) {
    c = free_.back();
    free_.pop_back();
  } else {
    slots_.push_back(std::make_unique<Slot>(core_));
  }
  Slot& s = *slots_[c];
  // The strings keep their memory (the source writes the body into spec.body, the URL is
  // copied into the request), so a steady stream of calls allocates none for them.
  RequestSpec& spec = s.call.spec();
  spec.query.clear();
  spec.multipart.clear();
  spec.on_body = nullptr;
  spec.progress = nullptr;
  const std::optional<std::size_t> id = source(spec, s.keep);
  if (!id) {
    exhausted_ = true;
    free_.push_back(c);
    return std::nullopt;
  }
  s.id = *id;
  s.reader.value.reset();
  s.call.begin(&s.reader);
  ++live_;
  if (!probed_) {  // the first call: while its route's format is unconfirmed, it goes alone
    probed_ = true;
    probing_ = probe_format_ && core_.unconfirmed(spec.route->id);
    probe_ = c;
  }
  return c;
}

WHATSAPP_DECL void BatchEngine::wait_until(Clock::time_point when, std::size_t slot) {
  waiting_.emplace_back(when, slot);
  std::push_heap(waiting_.begin(), waiting_.end(), std::greater<>());
}

WHATSAPP_DECL void BatchEngine::finish(std::size_t slot, SendSink& sink) {
  Slot& s = *slots_[slot];
  --live_;
  free_.push_back(slot);
  if (probing_ && slot == probe_) probing_ = false;
  if (s.call.failed()) {
    sink(s.id, Result<SendResult>(std::move(s.call.error())));
  } else {
    sink(s.id, Result<SendResult>(std::move(*s.reader.value)));
  }
}

// A transport that returned with requests in flight will not answer them.
WHATSAPP_DECL void BatchEngine::lose_unanswered(SendSink& sink) {
  for (std::size_t c = 0; c < slots_.size(); ++c) {
    Slot& s = *slots_[c];
    if (!s.in_flight) continue;
    s.in_flight = false;
    --in_flight_;
    Error e(ErrorKind::kTransport, "the transport returned without answering this request");
    s.call.abandon(std::move(e.with_delivery(Delivery::kMaybeSent)), /*in_flight=*/true);
    finish(c, sink);
  }
}

// The calls waiting when the transport stopped asking for requests.
WHATSAPP_DECL void BatchEngine::give_up(SendSink& sink) {
  std::vector<Due> left;
  left.swap(waiting_);
  for (const auto& [when, c] : left) {
    Slot& s = *slots_[c];
    Error e(ErrorKind::kTransport, "the transport returned without asking for this call's next request");
    e.with_delivery(s.call.requests() == 0 ? Delivery::kNotSent : Delivery::kMaybeSent);
    s.call.abandon(std::move(e), /*in_flight=*/false);
    finish(c, sink);
  }
}

}  // namespace whatsapp::detail
