#pragma once

/// @file transport/curl.hpp
/// The default transport: libcurl easy handles kept in a pool and reused, so connections stay
/// alive between requests. Copies of a CurlTransport share one pool. Thread-safe: each request
/// takes its own handle.

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "whatsapp/detail/redact.hpp"
#include "whatsapp/http.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/version.hpp"

namespace whatsapp::transport {

struct CurlOptions {
  /// Defaults for requests that do not set their own (HttpRequest::connect_timeout, timeout).
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds timeout{30'000};
  /// Proxy URL ("http://proxy:3128", "socks5h://..."); empty: libcurl's default, which honours
  /// the http_proxy/https_proxy environment variables.
  std::string proxy;
  /// Path of a CA bundle; empty: the system's.
  std::string ca_file;
  /// Turns off TLS certificate and host name checks. Only for test servers with self-signed
  /// certificates: anyone on the path can then read the api_token.
  bool insecure_skip_tls_verify = false;
  /// Ask for HTTP/2 over TLS (falls back to HTTP/1.1 when the server does not offer it).
  bool http2 = false;
  /// Answers with a longer body fail with a kTransport error instead of filling memory.
  std::size_t max_response_bytes = 32u * 1024u * 1024u;
  std::string user_agent = std::string("whatsapp-cpp/") + kVersion;
  /// How many idle handles (each with its open connection) the pool keeps.
  std::size_t max_idle_handles = 16;
};

namespace detail {

/// Initialises libcurl once per process (thread-safe through a function-local static).
inline void curl_global_once() {
  static const bool initialised = [] {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    return true;
  }();
  (void)initialised;
}

class CurlHandlePool {
 public:
  explicit CurlHandlePool(std::size_t max_idle) : max_idle_(max_idle) { curl_global_once(); }
  ~CurlHandlePool() {
    for (CURL* h : idle_) curl_easy_cleanup(h);
  }
  CurlHandlePool(const CurlHandlePool&) = delete;
  CurlHandlePool& operator=(const CurlHandlePool&) = delete;

  CURL* acquire() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!idle_.empty()) {
        CURL* h = idle_.back();
        idle_.pop_back();
        return h;
      }
    }
    return curl_easy_init();
  }

  void release(CURL* h) {
    if (h == nullptr) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (idle_.size() < max_idle_) {
        idle_.push_back(h);
        return;
      }
    }
    curl_easy_cleanup(h);
  }

 private:
  std::mutex mutex_;
  std::vector<CURL*> idle_;
  std::size_t max_idle_;
};

/// Where one transfer's answer goes.
struct CurlSink {
  HttpResponse* response;
  std::size_t limit;
  bool over_limit = false;
};

inline std::size_t curl_on_body(char* data, std::size_t size, std::size_t n, void* user) {
  auto* sink = static_cast<CurlSink*>(user);
  const std::size_t bytes = size * n;
  if (sink->response->body.size() + bytes > sink->limit) {
    sink->over_limit = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  sink->response->body.append(data, bytes);
  return bytes;
}

/// A request body handed to libcurl through a read callback, for requests that must not be resent.
struct CurlBodyReader {
  const std::string* body;
  std::size_t offset = 0;
};

inline std::size_t curl_read_body(char* buffer, std::size_t size, std::size_t n, void* user) {
  auto* reader = static_cast<CurlBodyReader*>(user);
  const std::size_t left = reader->body->size() - reader->offset;
  const std::size_t count = std::min(size * n, left);
  std::memcpy(buffer, reader->body->data() + reader->offset, count);
  reader->offset += count;
  return count;
}

inline std::size_t curl_on_header(char* data, std::size_t size, std::size_t n, void* user) {
  auto* sink = static_cast<CurlSink*>(user);
  const std::size_t bytes = size * n;
  std::string_view line(data, bytes);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.substr(0, 5) == "HTTP/") {
    sink->response->headers.clear();  // a new response (after 100 Continue or a redirect)
    return bytes;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return bytes;
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  sink->response->headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  return bytes;
}

/// True for failures that happen before any byte of the request can have been sent.
inline bool curl_failed_before_sending(CURLcode code) {
  switch (code) {
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_READ_ERROR:
      return true;
    default:
      return false;
  }
}

struct CurlSlist {
  curl_slist* list = nullptr;
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

inline bool has_crlf(std::string_view s) { return s.find_first_of("\r\n") != std::string_view::npos; }

}  // namespace detail

class CurlTransport {
 public:
  CurlTransport() : CurlTransport(CurlOptions{}) {}
  explicit CurlTransport(CurlOptions options)
      : options_(std::make_shared<const CurlOptions>(std::move(options))),
        pool_(std::make_shared<detail::CurlHandlePool>(options_->max_idle_handles)) {}

  const CurlOptions& options() const noexcept { return *options_; }

  /// Performs one request. Never throws. See transport.hpp for what a failure says.
  Result<HttpResponse> send(const HttpRequest& request) const {
    for (const auto& [name, value] : request.headers) {
      if (detail::has_crlf(name) || detail::has_crlf(value) || name.empty()) {
        return Error::invalid_argument("header", "a header name or value holds CR or LF, or "
                                                 "a name is empty");
      }
    }
    CURL* h = pool_->acquire();
    if (h == nullptr) {
      Error e(ErrorKind::kTransport, "curl_easy_init failed");
      e.with_delivery(Delivery::kNotSent);
      return e;
    }
    HandleGuard guard{pool_.get(), h};
    curl_easy_reset(h);

    HttpResponse response;
    detail::CurlSink sink{&response, request.max_response_bytes > 0 ? request.max_response_bytes
                                                                     : options_->max_response_bytes};
    char errbuf[CURL_ERROR_SIZE] = {0};
    detail::CurlSlist headers;
    detail::CurlMime mime;
    detail::CurlBodyReader reader{&request.body};

    const auto connect_ms = request.connect_timeout.count() > 0 ? request.connect_timeout
                                                                : options_->connect_timeout;
    const auto total_ms = request.timeout.count() > 0 ? request.timeout : options_->timeout;

    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(connect_ms.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(total_ms.count()));
    curl_easy_setopt(h, CURLOPT_USERAGENT, options_->user_agent.c_str());
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(h, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(h, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, options_->insecure_skip_tls_verify ? 0L : 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, options_->insecure_skip_tls_verify ? 0L : 2L);
    if (!options_->ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options_->ca_file.c_str());
    if (!options_->proxy.empty()) curl_easy_setopt(h, CURLOPT_PROXY, options_->proxy.c_str());
    if (options_->http2) curl_easy_setopt(h, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &detail::curl_on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &detail::curl_on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &sink);

    bool ok = headers.append("Expect:");  // no 100-continue round trip
    ok = ok && headers.append("Accept: application/json");
    for (const auto& [name, value] : request.headers) ok = ok && headers.append(name + ": " + value);

    if (!request.multipart.empty()) {
      mime.mime = curl_mime_init(h);
      for (const auto& part : request.multipart) {
        curl_mimepart* p = curl_mime_addpart(mime.mime);
        curl_mime_name(p, part.name.c_str());
        if (!part.file_path.empty()) {
          if (curl_mime_filedata(p, part.file_path.c_str()) != CURLE_OK) {
            return Error::invalid_argument("multipart." + part.name, "cannot read file");
          }
        } else {
          curl_mime_data(p, part.data.data(), part.data.size());
        }
        if (!part.filename.empty()) curl_mime_filename(p, part.filename.c_str());
        if (!part.content_type.empty()) curl_mime_type(p, part.content_type.c_str());
      }
      curl_easy_setopt(h, CURLOPT_MIMEPOST, mime.mime);
    } else if (request.method == HttpMethod::kPost || !request.body.empty()) {
      ok = ok && headers.append("Content-Type: application/json");
      curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
      if (request.idempotent) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
      } else {
        // libcurl sends a request again by itself when a reused connection closes before any
        // answer byte arrives, rewinding the body first. After a server processed a message
        // send and then lost the connection, that is a second copy of the message. A body read
        // through a callback, with no seek callback, cannot be rewound: libcurl then fails
        // with CURLE_SEND_FAIL_REWIND instead, which is reported as "may have been processed".
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_READFUNCTION, &detail::curl_read_body);
        curl_easy_setopt(h, CURLOPT_READDATA, &reader);
      }
    }
    if (request.method == HttpMethod::kDelete) {
      curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, "DELETE");
    } else if (request.method == HttpMethod::kGet && request.body.empty() && request.multipart.empty()) {
      curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    }
    if (!ok) {
      Error e(ErrorKind::kTransport, "out of memory building request headers");
      e.with_delivery(Delivery::kNotSent);
      return e;
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.list);

    const CURLcode code = curl_easy_perform(h);
    if (code == CURLE_OK) {
      long status = 0;
      curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
      response.status = static_cast<int>(status);
      return response;
    }
    return failure(h, code, errbuf, sink);
  }

 private:
  struct HandleGuard {
    detail::CurlHandlePool* pool;
    CURL* handle;
    ~HandleGuard() { pool->release(handle); }
  };

  Result<HttpResponse> failure(CURL* h, CURLcode code, const char* errbuf,
                               const detail::CurlSink& sink) const {
    long request_bytes = 0;
    curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &request_bytes);
    const bool not_sent = detail::curl_failed_before_sending(code) || request_bytes == 0;
    std::string text = errbuf[0] != '\0' ? errbuf : curl_easy_strerror(code);
    whatsapp::detail::redact_token_params(text);

    ErrorKind kind = code == CURLE_OPERATION_TIMEDOUT ? ErrorKind::kTimeout : ErrorKind::kTransport;
    std::string message;
    if (sink.over_limit) {
      message = "response body exceeds the limit of " + std::to_string(sink.limit) + " bytes";
    } else if (code == CURLE_SEND_FAIL_REWIND) {
      message = "the connection closed before any answer arrived; the request is not resent "
                "because it is not idempotent";
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
      message = std::string(not_sent ? "connect timed out" : "request timed out") + ": " + text;
    } else {
      message = "curl error " + std::to_string(static_cast<int>(code)) + ": " + text;
    }
    message += not_sent ? " (the request was not sent)" : " (the request may have been processed)";
    Error e(kind, std::move(message));
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    e.with_http_status(static_cast<int>(status));
    e.with_delivery(not_sent ? Delivery::kNotSent : Delivery::kMaybeSent);
    if (sink.over_limit) e.with_transient(false);  // the same request gets the same answer
    return e;
  }

  std::shared_ptr<const CurlOptions> options_;
  std::shared_ptr<detail::CurlHandlePool> pool_;
};

}  // namespace whatsapp::transport
