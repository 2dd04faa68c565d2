// Definitions of what transport/curl.hpp declares: included by it (header-only), or compiled once
// with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <curl/curl.h>

#include <optional>
#include <utility>

#include "whatsapp/transport/curl.hpp"
#include "whatsapp/transport/detail/curl_errors.hpp"
#include "whatsapp/transport/detail/curl_multi.hpp"
#include "whatsapp/transport/detail/curl_pool.hpp"
#include "whatsapp/transport/detail/curl_setup.hpp"
#include "whatsapp/transport/detail/curl_transfer.hpp"

namespace whatsapp::transport {

WHATSAPP_DECL CurlTransport::CurlTransport() : CurlTransport(CurlOptions{}) {}

WHATSAPP_DECL CurlTransport::CurlTransport(CurlOptions options)
    : options_(std::make_shared<const CurlOptions>(std::move(options))),
      pool_(std::make_shared<detail::CurlHandlePool>(options_->max_idle_handles)),
      multis_(std::make_shared<detail::CurlMultiPool>(4)),
      prepared_(std::make_shared<const detail::CurlPrepared>(*options_)) {}

WHATSAPP_DECL Result<HttpResponse> CurlTransport::send(const HttpRequest& request) const {
  detail::CurlHandle h = pool_->acquire();
  if (h.curl == nullptr) return detail::curl_init_failed();
  detail::CurlHandleGuard guard{pool_.get(), h};
  detail::CurlTransfer t(request, detail::curl_response_limit(request, *options_));
  if (auto set = detail::curl_setup(h, *options_, *prepared_, t); !set) return set.error();
  return detail::curl_result(h.curl, curl_easy_perform(h.curl), t);
}

WHATSAPP_DECL std::vector<Result<HttpResponse>> CurlTransport::send_many(
    const std::vector<HttpRequest>& requests, std::size_t max_in_flight) const {
  std::vector<std::optional<Result<HttpResponse>>> out(requests.size());
  std::size_t next = 0;
  stream(
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

WHATSAPP_DECL void CurlTransport::stream(NextRequest next, TakeAnswer done, std::size_t max_in_flight) const {
  detail::curl_send_streamed(*options_, *prepared_, *pool_, *multis_, next, done, max_in_flight);
}

}  // namespace whatsapp::transport
