#pragma once

/// @file transport/curl.hpp
/// The default transport, CurlTransport: libcurl easy handles kept in a pool and reused, so
/// connections stay alive between requests. Copies of a CurlTransport share one pool.
/// Thread-safe: each request takes its own handle. Its settings are CurlOptions
/// (curl_options.hpp); the parts behind it are in transport/detail/curl_*.hpp: the pools
/// (curl_pool), one transfer's state (curl_transfer), libcurl's callbacks (curl_callbacks), the
/// proxy check (curl_proxy), setting a request's options (curl_setup), CURLcode to Error and
/// Delivery (curl_errors) and the streamed loop over a multi handle (curl_multi).

#include <cstddef>
#include <memory>
#include <vector>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/transport/any_transport.hpp"
#include "whatsapp/transport/curl_options.hpp"
#include "whatsapp/transport/http.hpp"
#include "whatsapp/transport/transport.hpp"

namespace whatsapp::transport {

namespace detail {
class CurlHandlePool;
class CurlMultiPool;
struct CurlPrepared;
}  // namespace detail

/// The libcurl transport (see the file comment). Cheap to copy: copies share the options, the
/// handle pools and what is prepared from the options. Its functions are defined in
/// transport/impl/curl.ipp: with WHATSAPP_SEPARATE_COMPILATION a file that makes a client does
/// not parse libcurl's headers or the transport's parts.
class CurlTransport {
 public:
  WHATSAPP_DECL CurlTransport();
  WHATSAPP_DECL explicit CurlTransport(CurlOptions options);

  /// The options this transport was created with.
  const CurlOptions& options() const noexcept { return *options_; }

  /// Performs one request. Never throws. See transport.hpp for what a failure says.
  WHATSAPP_DECL Result<HttpResponse> send(const HttpRequest& request) const;

  /// Performs `requests` with up to `max_in_flight` of them at once (send_streamed) and returns
  /// their answers in the order of `requests`. Never throws; each answer or failure is what
  /// send() would have returned for that request.
  WHATSAPP_DECL std::vector<Result<HttpResponse>> send_many(const std::vector<HttpRequest>& requests,
                                                            std::size_t max_in_flight) const;

  /// Streams requests over one curl multi handle (see transport.hpp): up to `max_in_flight`
  /// transfers at once, a freed slot re-filled from `next()` at once, each answer handed to
  /// `done(tag, answer)` as it arrives. Connections stay open in the multi handle's cache for the
  /// next call (a pool of them, one per concurrent caller). With CurlOptions::http2 they are
  /// multiplexed over one connection where the server speaks HTTP/2. Does not throw itself; an
  /// exception from `next` or `done` leaves after the transfers in flight are abandoned.
  template <class Next, class Done>
  void send_streamed(Next&& next, Done&& done, std::size_t max_in_flight) const {
    stream(NextRequest(next), TakeAnswer(done), max_in_flight);
  }

 private:
  WHATSAPP_DECL void stream(NextRequest next, TakeAnswer done, std::size_t max_in_flight) const;

  std::shared_ptr<const CurlOptions> options_;
  std::shared_ptr<detail::CurlHandlePool> pool_;
  std::shared_ptr<detail::CurlMultiPool> multis_;
  std::shared_ptr<const detail::CurlPrepared> prepared_;  // shared by every request's transfer
};

}  // namespace whatsapp::transport

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/transport/impl/curl.ipp"
#endif
