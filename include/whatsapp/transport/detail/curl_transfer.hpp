#pragma once

/// @file transport/detail/curl_transfer.hpp
/// What one libcurl transfer owns until libcurl is done with it: the sink its answer goes to,
/// the request body reader, the header list and multipart body, and the error buffer. Also
/// WHATSAPP_DETAIL_CURL_PREREQ, defined when libcurl has CURLOPT_PREREQFUNCTION (7.80.0), which
/// the rest of the curl transport reads.

#include <curl/curl.h>

#include <cstddef>
#include <string>
#include <utility>

#include "whatsapp/transport/curl_options.hpp"
#include "whatsapp/transport/http.hpp"

#if LIBCURL_VERSION_NUM >= 0x075000  // 7.80.0: CURLOPT_PREREQFUNCTION
#define WHATSAPP_DETAIL_CURL_PREREQ 1
#endif

namespace whatsapp::transport::detail {

/// Where one transfer's answer goes.
struct CurlSink {
  /// How many response headers to make room for at once (a typical answer has about 8).
  static constexpr std::size_t kHeadersReserved = 12;

  HttpResponse* response;
  std::size_t limit;
  bool over_limit = false;
  const HttpRequest* request = nullptr;
  CURL* handle = nullptr;
  int streaming = -1;         ///< -1: not decided yet; 1: 2xx body goes to request->on_body; 0: kept.
  bool stopped = false;       ///< A callback asked to stop.
  bool skip_headers = false;  ///< A 2xx answer to a request that wants none of its headers.
};

/// A request body handed to libcurl through a read callback, for requests that must not be resent.
struct CurlBodyReader {
  const std::string* body;
  std::size_t offset = 0;
};

struct CurlSlist {
  curl_slist* list = nullptr;
  CurlSlist() = default;
  CurlSlist(const CurlSlist&) = delete;
  CurlSlist& operator=(const CurlSlist&) = delete;
  ~CurlSlist() { curl_slist_free_all(list); }
  bool append(const std::string& line) {
    curl_slist* next = curl_slist_append(list, line.c_str());
    if (next == nullptr) return false;
    list = next;
    return true;
  }
};

struct CurlMime {
  curl_mime* mime = nullptr;
  ~CurlMime() { curl_mime_free(mime); }
};

/// Everything one transfer needs until libcurl is done with it (the easy handle points into it),
/// shared by CurlTransport::send() and send_many(). Neither copied nor moved.
struct CurlTransfer {
  CurlTransfer(const HttpRequest& r, std::size_t limit) { reuse(r, limit); }
  CurlTransfer(const CurlTransfer&) = delete;
  CurlTransfer& operator=(const CurlTransfer&) = delete;

  /// Makes this transfer ready for request `r`; the constructor's work, and send_streamed reuses
  /// one per slot so that a handle's data pointers stay valid and need not be set again.
  void reuse(const HttpRequest& r, std::size_t limit) {
    request = &r;
    response = HttpResponse{};
    sink = CurlSink{&response, limit};
    sink.request = &r;
    errbuf[0] = '\0';
    curl_slist_free_all(std::exchange(headers.list, nullptr));
    curl_mime_free(std::exchange(mime.mime, nullptr));
    reader = CurlBodyReader{&r.body};
    requests_started = 0;
    refused_resend = false;
  }

  const HttpRequest* request = nullptr;
  HttpResponse response;
  CurlSink sink{};
  char errbuf[CURL_ERROR_SIZE] = {0};
  CurlSlist headers;
  CurlMime mime;
  CurlBodyReader reader{};
  int requests_started = 0;     ///< Times libcurl was about to send the request (prereq callback).
  bool refused_resend = false;  ///< libcurl wanted to send it again and was stopped.
};

/// The most response body bytes `r` accepts: its own limit, or the transport's.
inline std::size_t curl_response_limit(const HttpRequest& r, const CurlOptions& o) noexcept {
  return r.max_response_bytes > 0 ? r.max_response_bytes : o.max_response_bytes;
}

}  // namespace whatsapp::transport::detail
