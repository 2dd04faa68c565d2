#pragma once

/// @file transport/curl.hpp
/// The default transport, CurlTransport: libcurl easy handles kept in a pool and reused, so
/// connections stay alive between requests. Copies of a CurlTransport share one pool.
/// Thread-safe: each request takes its own handle. Its settings are CurlOptions
/// (curl_options.hpp); the parts behind it are in transport/detail/curl_*.hpp: the pools
/// (curl_pool), one transfer's state (curl_transfer), libcurl's callbacks (curl_callbacks), the
/// proxy check (curl_proxy), setting a request's options (curl_setup), CURLcode to Error and
/// Delivery (curl_errors) and the streamed loop over a multi handle (curl_multi).

#include <curl/curl.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "whatsapp/result.hpp"
#include "whatsapp/transport/curl_options.hpp"
#include "whatsapp/transport/detail/curl_errors.hpp"
#include "whatsapp/transport/detail/curl_multi.hpp"
#include "whatsapp/transport/detail/curl_pool.hpp"
#include "whatsapp/transport/detail/curl_setup.hpp"
#include "whatsapp/transport/detail/curl_transfer.hpp"
#include "whatsapp/transport/http.hpp"
#include "whatsapp/transport/transport.hpp"

namespace whatsapp::transport {

/// The libcurl transport (see the file comment). Cheap to copy: copies share the options, the
/// handle pools and what is prepared from the options.
class CurlTransport {
 public:
  CurlTransport() : CurlTransport(CurlOptions{}) {}
  explicit CurlTransport(CurlOptions options)
      : options_(std::make_shared<const CurlOptions>(std::move(options))),
        pool_(std::make_shared<detail::CurlHandlePool>(options_->max_idle_handles)),
        multis_(std::make_shared<detail::CurlMultiPool>(4)),
        prepared_(std::make_shared<const detail::CurlPrepared>(*options_)) {}

  /// The options this transport was created with.
  const CurlOptions& options() const noexcept { return *options_; }

  /// Performs one request. Never throws. See transport.hpp for what a failure says.
  Result<HttpResponse> send(const HttpRequest& request) const {
    detail::CurlHandle h = pool_->acquire();
    if (h.curl == nullptr) return detail::curl_init_failed();
    detail::CurlHandleGuard guard{pool_.get(), h};
    detail::CurlTransfer t(request, detail::curl_response_limit(request, *options_));
    if (auto set = detail::curl_setup(h, *options_, *prepared_, t); !set) return set.error();
    return detail::curl_result(h.curl, curl_easy_perform(h.curl), t);
  }

  /// Performs `requests` with up to `max_in_flight` of them at once (send_streamed) and returns
  /// their answers in the order of `requests`. Never throws; each answer or failure is what
  /// send() would have returned for that request.
  std::vector<Result<HttpResponse>> send_many(const std::vector<HttpRequest>& requests,
                                              std::size_t max_in_flight) const {
    std::vector<std::optional<Result<HttpResponse>>> out(requests.size());
    std::size_t next = 0;
    send_streamed(
        [&] {
          if (next == requests.size()) return StreamedRequest{};
          const std::size_t i = next++;
          return StreamedRequest{&requests[i], i};
        },
        [&](std::size_t i, Result<HttpResponse>&& answer) { out[i] = std::move(answer); }, max_in_flight);
    std::vector<Result<HttpResponse>> results;
    results.reserve(out.size());
    for (auto& r : out) results.push_back(std::move(*r));
    return results;
  }

  /// Streams requests over one curl multi handle (see transport.hpp): up to `max_in_flight`
  /// transfers at once, a freed slot re-filled from `next()` at once, each answer handed to
  /// `done(tag, answer)` as it arrives. Connections stay open in the multi handle's cache for the
  /// next call (a pool of them, one per concurrent caller). With CurlOptions::http2 they are
  /// multiplexed over one connection where the server speaks HTTP/2. Does not throw itself; an
  /// exception from `next` or `done` leaves after the transfers in flight are abandoned.
  template <class Next, class Done>
  void send_streamed(Next&& next, Done&& done, std::size_t max_in_flight) const {
    detail::curl_send_streamed(*options_, *prepared_, *pool_, *multis_, next, done, max_in_flight);
  }

 private:
  std::shared_ptr<const CurlOptions> options_;
  std::shared_ptr<detail::CurlHandlePool> pool_;
  std::shared_ptr<detail::CurlMultiPool> multis_;
  std::shared_ptr<const detail::CurlPrepared> prepared_;  // shared by every request's transfer
};

}  // namespace whatsapp::transport
