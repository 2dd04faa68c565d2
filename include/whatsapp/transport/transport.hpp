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

#include <type_traits>
#include <utility>

#include "whatsapp/http.hpp"
#include "whatsapp/result.hpp"

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

}  // namespace whatsapp::transport
