#pragma once

/// @file transport/transport.hpp
/// What the client needs of a transport: one method,
///
///     Result<HttpResponse> send(const HttpRequest&);
///
/// It must not throw. Any HTTP status that arrived is a success at this level; a failure is an
/// Error of kind kTransport or kTimeout whose delivery() says whether the request certainly did
/// not reach the server (kNotSent) or may have been processed (kMaybeSent). It must be safe to
/// call from several threads at once if the client is used that way.

#include <cstddef>
#include <type_traits>
#include <utility>
#include <vector>

#include "whatsapp/result.hpp"
#include "whatsapp/transport/http.hpp"

namespace whatsapp::transport {

template <class T, class = void>
struct has_send : std::false_type {};

template <class T>
struct has_send<T, std::void_t<decltype(std::declval<T&>().send(std::declval<const HttpRequest&>()))>>
    : std::is_same<decltype(std::declval<T&>().send(std::declval<const HttpRequest&>())),
                   Result<HttpResponse>> {};

/// True when T can serve as a transport.
template <class T>
inline constexpr bool is_transport_v = has_send<T>::value;

/// An optional capability: many requests at once, answers in the order of the requests,
///
///     std::vector<Result<HttpResponse>> send_many(const std::vector<HttpRequest>&,
///                                                 std::size_t max_in_flight);
///
/// each answer being what send() would have returned for that request. Client batches
/// (messages().send_batch) use it when present and send one request at a time otherwise.
template <class T, class = void>
struct has_send_many : std::false_type {};

template <class T>
struct has_send_many<T, std::void_t<decltype(std::declval<T&>().send_many(
                            std::declval<const std::vector<HttpRequest>&>(), std::size_t{}))>>
    : std::is_same<decltype(std::declval<T&>().send_many(std::declval<const std::vector<HttpRequest>&>(),
                                                         std::size_t{})),
                   std::vector<Result<HttpResponse>>> {};

template <class T>
inline constexpr bool has_send_many_v = has_send_many<T>::value;

/// A request handed to a streaming transport: `tag` comes back with its answer. A null `request`
/// means that none is ready now.
struct StreamedRequest {
  const HttpRequest* request = nullptr;
  std::size_t tag = 0;
};

/// An optional capability, preferred over send_many: requests start as in-flight slots free up
/// and each answer is handed back as it arrives,
///
///     template <class Next, class Done>
///     void send_streamed(Next&& next, Done&& done, std::size_t max_in_flight);
///
/// `next()` returns the StreamedRequest to start, or one with a null request when none is ready
/// now. The transport asks whenever a slot is free: as soon as a transfer ends (it may do so
/// before handing that answer over, so that the wire is not idle while the answer is read),
/// after each answer, and at least every 100 ms while requests are in flight.
/// `done(tag, Result<HttpResponse>)` gets each answer, what send() would have returned for it,
/// and may make more requests ready. A request stays valid until its done() returns.
/// send_streamed returns when nothing is in flight and next() has nothing. Batches use it so
/// that building the next request and reading an answer overlap the others' time on the wire.
namespace detail {
struct StreamNextProbe {
  StreamedRequest operator()() const { return {}; }
};
struct StreamDoneProbe {
  void operator()(std::size_t /*tag*/, Result<HttpResponse>&& /*answer*/) const {}
};
}  // namespace detail

template <class T, class = void>
struct has_send_streamed : std::false_type {};

template <class T>
struct has_send_streamed<T, std::void_t<decltype(std::declval<T&>().send_streamed(
                                std::declval<detail::StreamNextProbe&>(),
                                std::declval<detail::StreamDoneProbe&>(), std::size_t{}))>> : std::true_type {
};

template <class T>
inline constexpr bool has_send_streamed_v = has_send_streamed<T>::value;

}  // namespace whatsapp::transport
