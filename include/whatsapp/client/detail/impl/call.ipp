// Definitions of what client/detail/call.hpp declares: included by client/detail/core.hpp
// (header-only), or compiled once with WHATSAPP_SEPARATE_COMPILATION.

#pragma once

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>

#include "whatsapp/client/detail/call.hpp"
#include "whatsapp/client/detail/core.hpp"
#include "whatsapp/client/logging.hpp"
#include "whatsapp/protocol/envelope.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL void Call::begin(AnswerReader* reader) {
  reader_ = reader;
  ex_ = Exchange{};
  error_ = Error{};
  idem_ = core_->idempotency_of(spec_.route->id);
  stage_ = Stage::kStartTry;
  attempt_ = requests_ = 0;
  learning_ = missing_ = paced_ = waiting_ = done_ = failed_ = fresh_ = false;
  ready_ = {};
  deadline_.reset();
}

WHATSAPP_DECL Call::Step Call::next(Clock::time_point now) {
  if (done_) return Step::kDone;
  if (waiting_) return Step::kWait;
  if (stage_ == Stage::kFallback) return prepare(UrlFormat::kOld);  // the same try, not a retry
  if (attempt_ == 0 && !deadline_ && reader_ != nullptr) {          // a download's one try has no deadline
    if (const auto d = core_->deadline(); d.count() > 0) deadline_ = now + d;
  }
  if (!paced_ && core_->paced(spec_)) {  // one slot per try, booked when the try could go
    paced_ = true;
    auto booked = core_->reserve_slot(spec_, now, deadline_.value_or(Clock::time_point::max()));
    if (!booked) return store_failed(std::move(booked).error(), now);
    const auto wait = *booked;
    if (wait.count() > 0) {
      if (deadline_ && now + wait >= *deadline_) {
        Error e(ErrorKind::kTimeout,
                "the rate limit's wait runs past the call's deadline (the request was not sent)");
        e.with_delivery(Delivery::kNotSent).with_attempts(requests_).with_source(ErrorSource::kNone);
        return finish(std::move(e.with_hint(kRateLimitPastDeadline)));
      }
      ready_ = now + std::chrono::duration_cast<Clock::duration>(wait);
      delay_ = std::chrono::ceil<std::chrono::milliseconds>(wait);
      waiting_ = true;
      core_->logger().log(LogLevel::kDebug, [&] {
        return "rate limit: waiting " + std::to_string(delay_.count()) + " ms before a send";
      });
      return Step::kWait;
    }
  }
  return start_try(now);
}

// A shared rate-limit store could not book the slot (nothing was sent): a try that failed
// before its request, retried after the policy's backoff while tries and the deadline allow.
WHATSAPP_DECL Call::Step Call::store_failed(Error e, Clock::time_point now) {
  ++attempt_;
  paced_ = false;
  e.with_attempts(requests_);
  const RetryPolicy& policy = core_->retry_policy();
  if (attempt_ >= std::max(1, policy.max_attempts) || !may_retry(e, idem_)) return finish(std::move(e));
  const auto wait =
      wait_within_deadline(policy, attempt_, e, core_->options().time.uniform01(), now, deadline_);
  if (!wait) return finish(std::move(e));
  core_->logger().log(LogLevel::kWarning, [&] {
    return "rate limit store failed; trying again in " + std::to_string(wait->count()) + " ms (" +
           e.to_string() + ")";
  });
  ready_ = now + *wait;
  delay_ = *wait;
  waiting_ = true;
  return Step::kWait;
}

WHATSAPP_DECL Call::Step Call::start_try(Clock::time_point now) {
  ++attempt_;
  paced_ = false;
  ex_ = Exchange{};
  const std::chrono::milliseconds timeout = core_->timeout();
  timeout_ = timeout;
  if (deadline_) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline_ - now);
    timeout_ = std::max(std::chrono::milliseconds(1), std::min(timeout, left));
  }
  return prepare(core_->first_format(spec_.route->id, learning_));
}

WHATSAPP_DECL Call::Step Call::prepare(UrlFormat format) {
  format_ = format;
  // request_.url keeps the last URL built (the transport only reads it): the next request to the
  // same route, path and format (a fallback's retry, a stream from one number) reuses it.
  const bool same = url_route_ == spec_.route && url_format_ == format && spec_.query.empty() &&
                    url_path_[0] == spec_.path[0] && url_path_[1] == spec_.path[1];
  if (!same) {
    auto url = core_->url_of(spec_, format);
    if (!url) {
      Error e = std::move(url).error();
      url_route_ = nullptr;
      return finish(std::move(e.with_attempts(requests_)));
    }
    url_route_ = spec_.query.empty() ? spec_.route : nullptr;
    url_format_ = format;
    url_path_[0].assign(spec_.path[0]);
    url_path_[1].assign(spec_.path[1]);
    request_.url = std::move(*url);
  }
  request_.body = std::move(spec_.body);  // back in answer(), for a fallback or a retry
  const bool idempotent = idem_ == Idempotency::kIdempotent;
  core_->set_request(request_, spec_, AttemptSettings{timeout_, idempotent, fresh_ && !idempotent});
  return Step::kSend;
}

WHATSAPP_DECL void Call::answer(Result<HttpResponse>&& response, Clock::time_point now) {
  spec_.body = std::move(request_.body);
  ++requests_;
  ++ex_.attempts;
  ex_.format = format_;
  ex_.route = spec_.route;
  log_answer(response);
  // Any next request of this call follows an error answer (a success ends the call): a send's
  // fallback or retry then opens a new connection (HttpRequest::fresh_connection). After a
  // transport error libcurl has closed the connection already.
  fresh_ = response.ok();
  const Stage stage = stage_;
  stage_ = Stage::kStartTry;
  Error e;
  if (!response) {
    e = core_->finish(std::move(response).error(), ex_);
    if (reader_ == nullptr) {
      finish(std::move(e));
      return;
    }
  } else {
    ex_.response = std::move(*response);
    const Route& r = *spec_.route;
    const int status = ex_.response.status;
    if (stage == Stage::kStartTry && learning_) {
      if (status == 404 && format_ == UrlFormat::kNew) {
        if (core_->unserved(r)) {
          ex_.unserved = route_missing(ex_.response);  // found in neither lately: asked once
        } else {
          missing_ = route_missing(ex_.response);
          stage_ = Stage::kFallback;  // the same try, once more in the Old Format
          return;
        }
      }
      if (status != 404) core_->remember(r, format_);
    } else if (stage == Stage::kFallback && status != 404) {
      core_->remember(r, UrlFormat::kOld);
    } else if (stage == Stage::kFallback && missing_ && route_missing(ex_.response)) {
      ex_.unserved = true;
      core_->mark_unserved(r);
    }
    if (reader_ == nullptr) {  // exchange(): the answer is the caller's to read
      done_ = true;
      return;
    }
    if (take_answer(e)) return;
  }
  e.with_attempts(requests_);
  const RetryPolicy& policy = core_->retry_policy();
  const int max_attempts = std::max(1, policy.max_attempts);
  if (attempt_ >= max_attempts || !may_retry(e, idem_)) {
    finish(std::move(e));
    return;
  }
  const TimeSource& time = core_->options().time;
  const auto wait = wait_within_deadline(policy, attempt_, e, time.uniform01(), now, deadline_);
  if (!wait) {
    finish(std::move(e));
    return;
  }
  const std::chrono::milliseconds delay = *wait;
  core_->logger().log(LogLevel::kWarning, [&] {
    return "retrying \"" + std::string(spec_.route->name) + "\" in " + std::to_string(delay.count()) +
           " ms (try " + std::to_string(attempt_) + " of " + std::to_string(max_attempts) +
           " failed: " + e.to_string() + ")";
  });
  ready_ = now + delay;
  delay_ = delay;
  waiting_ = true;
}

// The answer read by the reader: true when the call is done (its value read, or the final error
// of a payload the reader cannot decode); false when the answer is an error, then in `e`,
// scrubbed and classified for the retry loop.
WHATSAPP_DECL bool Call::take_answer(Error& e) {
  const bool enveloped = !core_->graph();
  if (reader_->read_fast(ex_.response, enveloped)) {
    done_ = true;
    return true;
  }
  auto payload = read_answer_at(ex_.response, core_->options().time, core_->redactor(), enveloped);
  if (!payload) {
    e = core_->finish(std::move(payload).error(), ex_);
    core_->classify_answer(e, ex_.response);
    if (ex_.unserved) explain_unserved(e, ex_);
    return false;
  }
  auto read = reader_->read(std::move(*payload));
  if (!read) {
    Error bad = std::move(read).error();
    if (bad.http_status() == 0) bad.with_http_status(ex_.response.status);
    bad.with_source(ErrorSource::kGraph);  // the payload came from Meta (in the envelope or not)
    finish(core_->finish(std::move(bad), ex_).with_attempts(requests_));
    return true;
  }
  done_ = true;
  return true;
}

WHATSAPP_DECL void Call::abandon(Error e, bool in_flight) {
  if (in_flight) spec_.body = std::move(request_.body);
  finish(std::move(e.with_attempts(requests_ + (in_flight ? 1 : 0))));
}

WHATSAPP_DECL Call::Step Call::finish(Error e) {
  ex_.response = HttpResponse{};  // an error answer's body goes now; the request's strings stay
  error_ = std::move(e);
  failed_ = done_ = true;
  return Step::kDone;
}

WHATSAPP_DECL void Call::log_answer(const Result<HttpResponse>& response) const {
  core_->logger().log(LogLevel::kDebug, [&] {
    std::string line(to_string(request_.method));
    line += ' ';
    line += request_.url;
    line += response ? " -> HTTP " + std::to_string(response->status) : " -> " + response.error().to_string();
    line += core_->graph() ? std::string(" (graph") : " (" + std::string(to_string(format_)) + " format";
    if (response && response->elapsed.count() > 0)
      line += ", " + std::to_string(response->elapsed.count()) + " us";
    return line + ")";
  });
}

}  // namespace whatsapp::detail
