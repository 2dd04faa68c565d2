#pragma once

/// @file transport/detail/curl_multi.hpp
/// CurlTransport::send_streamed's loop over one curl multi handle: the in-flight slots (an easy
/// handle and the transfer on it, reused request after request), starting a request on a free
/// slot, and the loop that re-fills a freed slot at once and hands each answer back as it
/// arrives.

#include <curl/curl.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/transport/any_transport.hpp"
#include "whatsapp/transport/curl_options.hpp"
#include "whatsapp/transport/detail/curl_errors.hpp"
#include "whatsapp/transport/detail/curl_pool.hpp"
#include "whatsapp/transport/detail/curl_setup.hpp"
#include "whatsapp/transport/detail/curl_transfer.hpp"
#include "whatsapp/transport/http.hpp"
#include "whatsapp/transport/transport.hpp"

namespace whatsapp::transport::detail {

/// One in-flight place of send_streamed: an easy handle and the transfer on it.
struct CurlSlot {
  CurlHandle handle;
  std::unique_ptr<CurlTransfer> transfer;  ///< Made once, reused for each request.
  bool busy = false;
  std::size_t tag = 0;
};

/// send_streamed's multi handle and slots, given back to their pools however the call ends.
struct CurlMulti {
  CurlMulti(CurlMultiPool* m, CurlHandlePool* p, std::size_t n)
      : multis(m), pool(p), multi(m->acquire()), slots(n) {}
  CurlMultiPool* multis;
  CurlHandlePool* pool;
  CURLM* multi;
  std::vector<CurlSlot> slots;
  CurlMulti(const CurlMulti&) = delete;
  CurlMulti& operator=(const CurlMulti&) = delete;
  ~CurlMulti() {
    for (CurlSlot& s : slots) {
      if (s.busy) curl_multi_remove_handle(multi, s.handle.curl);
      pool->release(s.handle);
    }
    multis->release(multi);
  }
};

/// Starts `item` on the free `slot` of `multi`, taking a handle from `pool` when the slot has
/// none; the error when it cannot start (the request was not sent).
inline Result<void> curl_start(CURLM* multi, CurlSlot& slot, const StreamedRequest& item,
                               const CurlOptions& o, const CurlPrepared& prepared, CurlHandlePool& pool) {
  if (slot.handle.curl == nullptr) slot.handle = pool.acquire();
  if (slot.handle.curl == nullptr) return curl_init_failed();
  const HttpRequest& request = *item.request;
  if (slot.transfer) {
    slot.transfer->reuse(request, curl_response_limit(request, o));
  } else {
    slot.transfer = std::make_unique<CurlTransfer>(request, curl_response_limit(request, o));
  }
  if (auto set = curl_setup(slot.handle, o, prepared, *slot.transfer, o.http2); !set) {
    return set.error();
  }
  if (curl_multi_add_handle(multi, slot.handle.curl) != CURLM_OK) return curl_init_failed();
  slot.busy = true;
  slot.tag = item.tag;
  return {};
}

/// CurlTransport::send_streamed (see there and transport.hpp) over the pools and settings of one
/// transport.
inline void curl_send_streamed(const CurlOptions& o, const CurlPrepared& prepared, CurlHandlePool& pool,
                               CurlMultiPool& multis, const NextRequest& next, const TakeAnswer& done,
                               std::size_t max_in_flight) {
  if (max_in_flight == 0) max_in_flight = 1;
  // Answers every request next() still has with `e`, when nothing more can be sent.
  const auto refuse_rest = [&](const Error& e) {
    for (StreamedRequest item = next(); item.request != nullptr; item = next()) done(item.tag, Error(e));
  };
  CurlMulti m(&multis, &pool, max_in_flight);
  if (m.multi == nullptr) return refuse_rest(curl_init_failed());
  curl_multi_setopt(m.multi, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(max_in_flight));
  curl_multi_setopt(m.multi, CURLMOPT_MAXCONNECTS,
                    static_cast<long>(std::max<std::size_t>(max_in_flight, 4)));
  curl_multi_setopt(m.multi, CURLMOPT_PIPELINING, o.http2 ? CURLPIPE_MULTIPLEX : CURLPIPE_NOTHING);

  std::size_t active = 0;
  // Starts what next() has on every free slot; a request that cannot start is answered at once.
  const auto fill = [&] {
    for (CurlSlot& slot : m.slots) {
      while (!slot.busy) {
        const StreamedRequest item = next();
        if (item.request == nullptr) return;
        if (auto started = curl_start(m.multi, slot, item, o, prepared, pool); !started) {
          done(item.tag, std::move(started).error());
          continue;
        }
        ++active;
      }
    }
  };
  fill();
  while (active > 0) {
    int running = 0;
    const CURLMcode mc = curl_multi_perform(m.multi, &running);
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(m.multi, &queued)) {
      if (msg->msg != CURLMSG_DONE) continue;
      CURL* h = msg->easy_handle;
      const CURLcode code = msg->data.result;
      CurlSlot* slot = &*std::find_if(m.slots.begin(), m.slots.end(),
                                      [h](const CurlSlot& s) { return s.busy && s.handle.curl == h; });
      curl_multi_remove_handle(m.multi, h);
      --active;
      const std::size_t tag = slot->tag;
      Result<HttpResponse> answer = curl_result(h, code, *slot->transfer);
      slot->busy = false;
      fill();  // the freed slot goes back on the wire before this answer is read
      done(tag, std::move(answer));
    }
    if (mc != CURLM_OK) {  // out of memory or a bug: fail what is left rather than spin
      Error e(ErrorKind::kTransport, std::string("curl multi error: ") + curl_multi_strerror(mc) +
                                         " (the request may have been processed)");
      e.with_delivery(Delivery::kMaybeSent);
      for (CurlSlot& s : m.slots) {
        if (!s.busy) continue;
        curl_multi_remove_handle(m.multi, s.handle.curl);
        s.busy = false;
        --active;
        done(s.tag, Error(e));
      }
      Error unsent(ErrorKind::kTransport, std::string("curl multi error: ") + curl_multi_strerror(mc) +
                                              " (the request was not sent)");
      return refuse_rest(unsent.with_delivery(Delivery::kNotSent));
    }
    fill();
    if (active > 0) curl_multi_poll(m.multi, nullptr, 0, 100, nullptr);
  }
}

}  // namespace whatsapp::transport::detail
