#pragma once

/// @file transport/detail/curl_pool.hpp
/// libcurl's one-time global initialisation and the pools a CurlTransport shares between its
/// copies: idle easy handles (each keeping its connection open) and idle multi handles (each with
/// its own connection cache, for send_streamed). Both pools are thread-safe.

#include <curl/curl.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "whatsapp/transport/http.hpp"

namespace whatsapp::transport::detail {

/// Frees a libcurl header list.
struct CurlSlistFree {
  void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};

/// Initialises libcurl once per process (thread-safe through a function-local static).
inline void curl_global_once() {
  static const bool initialised = [] {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    return true;
  }();
  (void)initialised;
}

/// An easy handle and what its options were last set for.
struct CurlHandle {
  CURL* curl = nullptr;
  /// Its options are those of a plain JSON request (see curl_is_plain): the next plain request
  /// sets only what differs, without curl_easy_reset.
  bool plain = false;
  /// What a plain handle's per-request options hold now (compared, never followed), so that
  /// curl_setup sets only those that change; cleared with every curl_easy_reset.
  struct Current {
    const void* transfer = nullptr;  ///< The CurlTransfer its data pointers point into.
    long connect_ms = -1;
    long total_ms = -1;
    bool fresh_connect = false;  ///< CURLOPT_FRESH_CONNECT, libcurl's default after a reset
    const curl_slist* header_list = nullptr;
    std::string url;  ///< libcurl keeps its own copy; set again only when it changes
  } current;
  /// The header list of the last plain request with headers of its own (the Graph backend's
  /// Authorization), and those headers: the next plain request with the same headers reuses
  /// the list instead of building one and resetting the handle. Outlives curl_easy_reset.
  std::unique_ptr<curl_slist, CurlSlistFree> own_list;
  Headers own_headers;
};

class CurlHandlePool {
 public:
  explicit CurlHandlePool(std::size_t max_idle) : max_idle_(max_idle) { curl_global_once(); }
  ~CurlHandlePool() {
    for (const CurlHandle& h : idle_) curl_easy_cleanup(h.curl);
  }
  CurlHandlePool(const CurlHandlePool&) = delete;
  CurlHandlePool& operator=(const CurlHandlePool&) = delete;

  /// An idle handle (its connection still open), or a new one; curl is null when libcurl fails.
  CurlHandle acquire() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!idle_.empty()) {
        CurlHandle h = std::move(idle_.back());
        idle_.pop_back();
        return h;
      }
    }
    CurlHandle h;
    h.curl = curl_easy_init();
    return h;
  }

  /// Takes `h` back, moved from (its strings are not copied): `h` is left without a handle.
  void release(CurlHandle& h) {
    if (h.curl == nullptr) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (idle_.size() < max_idle_) {
        idle_.push_back(std::move(h));
        // The raw pointer was copied, not moved: null it, so that `h` no longer owns the handle.
        h.curl = nullptr;  // NOLINT(bugprone-use-after-move)
        return;
      }
    }
    curl_easy_cleanup(std::exchange(h.curl, nullptr));
  }

 private:
  std::mutex mutex_;
  std::vector<CurlHandle> idle_;
  std::size_t max_idle_;
};

/// Gives a handle back to its pool when the scope ends (CurlTransport::send).
struct CurlHandleGuard {
  CurlHandlePool* pool;
  CurlHandle& handle;
  ~CurlHandleGuard() { pool->release(handle); }
};

/// Idle curl multi handles, each with its own cache of open connections (send_many).
class CurlMultiPool {
 public:
  explicit CurlMultiPool(std::size_t max_idle) : max_idle_(max_idle) { curl_global_once(); }
  ~CurlMultiPool() {
    for (CURLM* m : idle_) curl_multi_cleanup(m);
  }
  CurlMultiPool(const CurlMultiPool&) = delete;
  CurlMultiPool& operator=(const CurlMultiPool&) = delete;

  CURLM* acquire() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!idle_.empty()) {
        CURLM* m = idle_.back();
        idle_.pop_back();
        return m;
      }
    }
    return curl_multi_init();
  }
  void release(CURLM* m) {
    if (m == nullptr) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (idle_.size() < max_idle_) {
        idle_.push_back(m);
        return;
      }
    }
    curl_multi_cleanup(m);
  }

 private:
  std::mutex mutex_;
  std::vector<CURLM*> idle_;
  std::size_t max_idle_;
};

}  // namespace whatsapp::transport::detail
