#pragma once

/// @file transport/any_transport.hpp
/// The runtime seam between the client and its transport. `Client<Transport>` adapts its
/// transport once (TransportAdapter); everything behind the client (the call engine, the batch
/// engine, the resource groups) talks to an AnyTransport and is ordinary, compiled-once code.
/// One indirect call per request is nothing next to a network round trip.

#include <cstddef>
#include <utility>
#include <vector>

#include "whatsapp/detail/function_ref.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/transport/http.hpp"
#include "whatsapp/transport/transport.hpp"

namespace whatsapp::transport {

/// Gives the next request to start (a null request: none is ready now); see send_streamed in
/// transport.hpp.
using NextRequest = whatsapp::detail::FunctionRef<StreamedRequest()>;
/// Takes the answer of the request with `tag`.
using TakeAnswer = whatsapp::detail::FunctionRef<void(std::size_t tag, Result<HttpResponse>&& answer)>;

/// A transport behind a virtual interface.
class AnyTransport {
 public:
  AnyTransport() = default;
  AnyTransport(const AnyTransport&) = delete;
  AnyTransport& operator=(const AnyTransport&) = delete;
  virtual ~AnyTransport() = default;

  /// One request; see transport.hpp for the contract.
  virtual Result<HttpResponse> send(const HttpRequest& request) = 0;
  /// Many requests, streamed as send_streamed in transport.hpp describes, whatever the
  /// transport can do: its own send_streamed, else waves through send_many, else one send() at
  /// a time.
  virtual void send_streamed(NextRequest next, TakeAnswer done, std::size_t max_in_flight) = 0;
};

/// `T` (any type that is_transport_v accepts) as an AnyTransport.
template <class T>
class TransportAdapter final : public AnyTransport {
 public:
  explicit TransportAdapter(T transport) : transport_(std::move(transport)) {}

  T& get() noexcept { return transport_; }

  Result<HttpResponse> send(const HttpRequest& request) override { return transport_.send(request); }

  void send_streamed(NextRequest next, TakeAnswer done, std::size_t max_in_flight) override {
    if constexpr (has_send_streamed_v<T>) {
      transport_.send_streamed(next, done, max_in_flight);  // the references are callables themselves
    } else if constexpr (has_send_many_v<T>) {
      std::vector<std::size_t> tags;
      std::vector<HttpRequest> wave;
      for (;;) {
        tags.clear();
        wave.clear();
        for (StreamedRequest item = next(); item.request != nullptr; item = next()) {
          tags.push_back(item.tag);
          wave.push_back(*item.request);
        }
        if (wave.empty()) return;
        std::vector<Result<HttpResponse>> answers = transport_.send_many(wave, max_in_flight);
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
      for (StreamedRequest item = next(); item.request != nullptr; item = next()) {
        done(item.tag, transport_.send(*item.request));
      }
    }
  }

 private:
  T transport_;
};

}  // namespace whatsapp::transport
