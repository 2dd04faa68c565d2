#pragma once

/// @file transport/fake.hpp
/// A scripted transport for tests: answers from a queue or a handler, and records every request.
/// Copies share one script and one record, so a test can keep a copy while the client owns
/// another. Thread-safe.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "whatsapp/result.hpp"
#include "whatsapp/transport/http.hpp"

namespace whatsapp::transport {

class FakeTransport {
 public:
  /// Computes an answer for a request.
  using Handler = std::function<Result<HttpResponse>(const HttpRequest&)>;

  FakeTransport() : state_(std::make_shared<State>()) {}

  /// Queues one answer; queued answers are used first, in order.
  FakeTransport& push(Result<HttpResponse> answer) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->queue.push_back(std::move(answer));
    return *this;
  }

  /// Queues an answer with `status` and `body` (Content-Type application/json).
  FakeTransport& push(int status, std::string body) {
    HttpResponse r;
    r.status = status;
    r.headers.emplace_back("Content-Type", "application/json");
    r.body = std::move(body);
    return push(Result<HttpResponse>(std::move(r)));
  }

  /// Answers every request the queue does not, e.g. to route by URL.
  FakeTransport& on_request(Handler handler) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->handler = std::move(handler);
    return *this;
  }

  /// Streamed bodies (HttpRequest::on_body) are fed in chunks of at most `bytes` (0: whole).
  FakeTransport& set_chunk_size(std::size_t bytes) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->chunk_size = bytes;
    return *this;
  }

  /// Records the request and answers it. With nothing queued and no handler, fails with a
  /// kTransport error that says so (delivery: not sent). Like a real transport, a 2xx body is
  /// fed to the request's on_body sink (and then left empty) and progress is reported.
  Result<HttpResponse> send(const HttpRequest& request) {
    Handler handler;
    std::size_t chunk = 0;
    {
      std::lock_guard<std::mutex> lock(state_->mutex);
      state_->requests.push_back(request);
      chunk = state_->chunk_size;
      if (!state_->queue.empty()) {
        Result<HttpResponse> answer = std::move(state_->queue.front());
        state_->queue.pop_front();
        return deliver(request, std::move(answer), chunk);
      }
      handler = state_->handler;
    }
    if (handler) return deliver(request, handler(request), chunk);
    Error e(ErrorKind::kTransport, "FakeTransport: no scripted answer for this request");
    e.with_delivery(Delivery::kNotSent);
    return e;
  }

  /// Every request sent so far, in order.
  std::vector<HttpRequest> requests() const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->requests;
  }
  std::size_t request_count() const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->requests.size();
  }
  /// The last request; an empty one when none was sent.
  HttpRequest last_request() const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->requests.empty() ? HttpRequest{} : state_->requests.back();
  }
  /// Forgets recorded requests and queued answers (the handler stays).
  void clear() {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->requests.clear();
    state_->queue.clear();
  }

 private:
  static Result<HttpResponse> deliver(const HttpRequest& request, Result<HttpResponse> answer,
                                      std::size_t chunk) {
    if (!answer) return answer;
    HttpResponse& r = *answer;
    std::uint64_t upload = request.body.size();
    for (const auto& part : request.multipart) upload += part.data.size();
    if (request.progress && !request.progress({r.body.size(), 0, upload, upload})) return cancelled();
    if (request.on_body && r.status >= 200 && r.status < 300) {
      const std::size_t step = chunk == 0 ? r.body.size() : chunk;
      for (std::size_t at = 0; at < r.body.size(); at += step) {
        const std::size_t n = std::min(step, r.body.size() - at);
        if (!request.on_body(r.body.data() + at, n)) return cancelled();
        if (request.progress && !request.progress({r.body.size(), at + n, upload, upload}))
          return cancelled();
      }
      r.body.clear();
    }
    return answer;
  }
  static Error cancelled() {
    Error e(ErrorKind::kCancelled, "FakeTransport: the transfer was stopped by a callback");
    e.with_delivery(Delivery::kMaybeSent);
    return e;
  }

  struct State {
    std::size_t chunk_size = 0;
    mutable std::mutex mutex;
    std::deque<Result<HttpResponse>> queue;
    Handler handler;
    std::vector<HttpRequest> requests;
  };
  std::shared_ptr<State> state_;
};

}  // namespace whatsapp::transport
