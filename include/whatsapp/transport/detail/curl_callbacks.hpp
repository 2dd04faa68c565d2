#pragma once

/// @file transport/detail/curl_callbacks.hpp
/// The functions libcurl calls during a transfer: the answer's body and header lines into the
/// transfer's sink (or the request's on_body), the request body out through a read callback,
/// progress to the request's callback, and the prereq check that refuses libcurl's own resend of
/// a request that is not idempotent.

#include <curl/curl.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "whatsapp/transport/detail/curl_transfer.hpp"
#include "whatsapp/transport/http.hpp"

namespace whatsapp::transport::detail {

inline std::size_t curl_on_body(char* data, std::size_t size, std::size_t n, void* user) {
  auto* sink = static_cast<CurlSink*>(user);
  const std::size_t bytes = size * n;
  if (sink->streaming < 0) {
    long status = 0;
    if (sink->request->on_body) curl_easy_getinfo(sink->handle, CURLINFO_RESPONSE_CODE, &status);
    sink->streaming = (status >= 200 && status < 300) ? 1 : 0;
  }
  if (sink->streaming == 1) {
    if (!sink->request->on_body(data, bytes)) {
      sink->stopped = true;
      return 0;
    }
    return bytes;
  }
  if (sink->response->body.size() + bytes > sink->limit) {
    sink->over_limit = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  sink->response->body.append(data, bytes);
  return bytes;
}

inline std::size_t curl_read_body(char* buffer, std::size_t size, std::size_t n, void* user) {
  auto* reader = static_cast<CurlBodyReader*>(user);
  const std::size_t left = reader->body->size() - reader->offset;
  const std::size_t count = std::min(size * n, left);
  std::memcpy(buffer, reader->body->data() + reader->offset, count);
  reader->offset += count;
  return count;
}

inline int curl_on_progress(void* user, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                            curl_off_t ulnow) {
  auto* sink = static_cast<CurlSink*>(user);
  const TransferProgress p{static_cast<std::uint64_t>(dltotal), static_cast<std::uint64_t>(dlnow),
                           static_cast<std::uint64_t>(ultotal), static_cast<std::uint64_t>(ulnow)};
  if (sink->request->progress(p)) return 0;
  sink->stopped = true;
  return 1;  // CURLE_ABORTED_BY_CALLBACK
}

inline std::size_t curl_on_header(char* data, std::size_t size, std::size_t n, void* user) {
  auto* sink = static_cast<CurlSink*>(user);
  const std::size_t bytes = size * n;
  if (sink->skip_headers && (bytes < 5 || std::memcmp(data, "HTTP/", 5) != 0)) return bytes;
  std::string_view line(data, bytes);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.substr(0, 5) == "HTTP/") {  // a new response (after 100 Continue or a redirect)
    sink->response->headers.clear();
    const std::size_t space = line.find(' ');
    const bool success = space != std::string_view::npos && space + 1 < line.size() && line[space + 1] == '2';
    sink->skip_headers = success && sink->request != nullptr && !sink->request->success_headers;
    if (!sink->skip_headers) sink->response->headers.reserve(CurlSink::kHeadersReserved);
    return bytes;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return bytes;
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  sink->response->headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  return bytes;
}

#ifdef WHATSAPP_DETAIL_CURL_PREREQ
/// Called by libcurl just before it sends a request on a connection. A second call within one
/// transfer is libcurl's own resend after a reused connection died ("Connection died, retrying
/// a fresh connect"); for a request that is not idempotent it is refused.
inline int curl_on_prereq(void* user, char* /*conn_primary_ip*/, char* /*conn_local_ip*/,
                          int /*conn_primary_port*/, int /*conn_local_port*/) {
  auto* t = static_cast<CurlTransfer*>(user);
  if (t->requests_started++ == 0 || t->request->idempotent) return CURL_PREREQFUNC_OK;
  t->refused_resend = true;
  return CURL_PREREQFUNC_ABORT;
}
#endif

}  // namespace whatsapp::transport::detail
