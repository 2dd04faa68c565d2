#pragma once

/// @file transport/curl.hpp
/// The default transport: libcurl easy handles kept in a pool and reused, so connections stay
/// alive between requests. Copies of a CurlTransport share one pool. Thread-safe: each request
/// takes its own handle.

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "whatsapp/detail/redact.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/transport/http.hpp"
#include "whatsapp/transport/transport.hpp"
#include "whatsapp/version.hpp"

namespace whatsapp::transport {

struct CurlOptions {
  /// Defaults for requests that do not set their own (HttpRequest::connect_timeout, timeout).
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds timeout{30'000};
  /// Proxy URL ("http://proxy:3128", "socks5h://..."); empty: libcurl's default, the proxy the
  /// environment names (http_proxy, https_proxy, all_proxy, with no_proxy). Whether it names one
  /// at all is read when the transport is created.
  std::string proxy;
  /// Path of a CA bundle; empty: the system's.
  std::string ca_file;
  /// Turns off TLS certificate and host name checks. Only for test servers with self-signed
  /// certificates: anyone on the path can then read the api_token.
  bool insecure_skip_tls_verify = false;
  /// Ask for HTTP/2 over TLS (falls back to HTTP/1.1 when the server does not offer it).
  bool http2 = false;
  /// Answers with a longer body fail with a kTransport error instead of filling memory.
  std::size_t max_response_bytes = std::size_t{32} * 1024 * 1024;
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
    const curl_slist* header_list = nullptr;
    std::string url;  ///< libcurl keeps its own copy; set again only when it changes
  } current;
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

  /// Takes `h` back (moved from: its strings are not copied).
  void release(CurlHandle& h) {
    if (h.curl == nullptr) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (idle_.size() < max_idle_) {
        idle_.push_back(std::exchange(h, CurlHandle{}));
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

/// Whether a failed transfer's request may have reached the server, judged by what happened on
/// the wire rather than by the CURLcode: most codes (CURLE_UNSUPPORTED_PROTOCOL,
/// CURLE_OPERATION_TIMEDOUT, CURLE_ABORTED_BY_CALLBACK, ...) occur both before a connection is
/// made and after the request went out, so a code alone cannot say it. `requests_started` counts
/// the times libcurl was about to write the request on an established connection (the prereq
/// callback); `request_bytes` is CURLINFO_REQUEST_SIZE, the only evidence with a libcurl older
/// than 7.80, where codes that cannot follow a connection are trusted as well. The table of every
/// code is in docs/reliability.md.
inline bool curl_request_went_out(CURLcode code, int requests_started, long request_bytes,
                                  bool prereq_supported) noexcept {
  if (prereq_supported) return requests_started > 0 || request_bytes > 0;
  switch (code) {
    case CURLE_URL_MALFORMAT:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE: return false;
    default: return request_bytes > 0;
  }
}

/// True for codes that say the bytes that came back are not a valid HTTP answer.
inline bool curl_answer_not_http(CURLcode code) noexcept {
  return code == CURLE_UNSUPPORTED_PROTOCOL || code == CURLE_WEIRD_SERVER_REPLY;
}

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

inline bool has_crlf(std::string_view s) { return s.find_first_of("\r\n") != std::string_view::npos; }

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

#if LIBCURL_VERSION_NUM >= 0x075000  // 7.80.0: CURLOPT_PREREQFUNCTION
#define WHATSAPP_DETAIL_CURL_PREREQ 1
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

/// The User-Agent header line for `o` (CR and LF replaced by spaces), or empty for none. Sent as
/// a header of the list rather than through CURLOPT_USERAGENT, which costs libcurl about 6,000
/// instructions per request to format (callgrind; a list entry costs half that).
inline std::string curl_user_agent_line(const CurlOptions& o) {
  if (o.user_agent.empty()) return {};
  std::string line = "User-Agent: " + o.user_agent;
  std::replace_if(
      line.begin(), line.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
  return line;
}

/// Appends the headers every request sends: an empty Expect (no 100-continue round trip), an
/// Accept of JSON (or of anything, for a download streamed to `on_body`), Content-Type JSON for a
/// JSON body, and `agent_line` unless it is empty.
inline bool curl_append_common_headers(CurlSlist& list, bool json_body, bool download,
                                       const std::string& agent_line) {
  return list.append("Expect:") && list.append(download ? "Accept: */*" : "Accept: application/json") &&
         (!json_body || list.append("Content-Type: application/json")) &&
         (agent_line.empty() || list.append(agent_line));
}

/// True when the environment names a proxy libcurl would use for an http or https URL.
inline bool curl_environment_names_proxy() {
  for (const char* name : {"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

/// What a transport prepares once from its options. The headers of requests without headers or
/// a multipart body of their own (libcurl only reads a list during a transfer; a list is null
/// when it could not be built, and requests then build their own). And whether the environment
/// names a proxy: when it does not, requests tell libcurl "no proxy" rather than have it read
/// five environment variables on every request (about 1,500 instructions).
struct CurlPrepared {
  std::string agent;   ///< The User-Agent line, or empty.
  CurlSlist post;      ///< With a JSON body.
  CurlSlist get;       ///< Without.
  CurlSlist download;  ///< Without, the answer streamed to `on_body`.
  bool proxy_from_environment = curl_environment_names_proxy();

  explicit CurlPrepared(const CurlOptions& o) : agent(curl_user_agent_line(o)) {
    const auto build = [this](CurlSlist& list, bool json_body, bool streamed) {
      if (!curl_append_common_headers(list, json_body, streamed, agent))
        curl_slist_free_all(std::exchange(list.list, nullptr));
    };
    build(post, true, false);
    build(get, false, false);
    build(download, false, true);
  }
};

/// The options that depend only on the transport: set once per handle, again only after a
/// curl_easy_reset.
inline void curl_setup_handle(CURL* h, const CurlOptions& o, const CurlPrepared& prepared) {
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, CURLOPT_TCP_NODELAY, 1L);
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
#if LIBCURL_VERSION_NUM >= 0x075500
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
#else
  curl_easy_setopt(h, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, o.insecure_skip_tls_verify ? 0L : 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, o.insecure_skip_tls_verify ? 0L : 2L);
  if (!o.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, o.ca_file.c_str());
  if (!o.proxy.empty()) {
    curl_easy_setopt(h, CURLOPT_PROXY, o.proxy.c_str());
  } else if (!prepared.proxy_from_environment) {
    curl_easy_setopt(h, CURLOPT_PROXY, "");
    curl_easy_setopt(h, CURLOPT_NOPROXY, "");
  }
  if (o.http2) curl_easy_setopt(h, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &curl_on_body);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &curl_on_header);
#ifdef WHATSAPP_DETAIL_CURL_PREREQ
  curl_easy_setopt(h, CURLOPT_PREREQFUNCTION, &curl_on_prereq);
#endif
}

/// A JSON POST with no headers, multipart body or progress callback of its own: the common
/// request (every send). Consecutive plain requests on a handle differ only in the options
/// curl_setup sets for every request, so the handle is not reset between them.
inline bool curl_is_plain(const HttpRequest& r) noexcept {
#ifdef WHATSAPP_DETAIL_CURL_PREREQ
  return r.method == HttpMethod::kPost && r.multipart.empty() && r.headers.empty() && !r.progress;
#else
  (void)r;
  return false;  // the body may go through a read callback (below), which a reset must clear
#endif
}

/// Sets every option of one request on `handle`; `t` must stay where it is until the transfer
/// is over. The handle is reset first unless both its previous request and this one are plain.
/// `multiplex`: wait for an HTTP/2 connection to be shared rather than open another (send_many
/// with CurlOptions::http2).
inline Result<void> curl_setup(CurlHandle& handle, const CurlOptions& o, const CurlPrepared& prepared,
                               CurlTransfer& t, bool multiplex = false) {
  const HttpRequest& request = *t.request;
  for (const auto& [name, value] : request.headers) {
    if (has_crlf(name) || has_crlf(value) || name.empty()) {
      return Error::invalid_argument("header",
                                     "a header name or value holds CR or LF, or "
                                     "a name is empty");
    }
  }
  CURL* h = handle.curl;
  const bool plain = curl_is_plain(request) && !multiplex;
  if (!plain || !handle.plain) {
    curl_easy_reset(h);
    curl_setup_handle(h, o, prepared);
    handle.current = {};
  }
  handle.plain = false;  // until this setup is complete

  const auto connect_ms = static_cast<long>(
      (request.connect_timeout.count() > 0 ? request.connect_timeout : o.connect_timeout).count());
  const auto total_ms =
      static_cast<long>((request.timeout.count() > 0 ? request.timeout : o.timeout).count());
  CurlHandle::Current& current = handle.current;
  if (current.url.empty() || current.url != request.url) {
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    current.url = request.url;
  }
  if (current.transfer != &t) {
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, t.errbuf);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &t.sink);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &t.sink);
#ifdef WHATSAPP_DETAIL_CURL_PREREQ
    curl_easy_setopt(h, CURLOPT_PREREQDATA, &t);
#endif
    current.transfer = &t;
  }
  if (current.connect_ms != connect_ms) curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, connect_ms);
  if (current.total_ms != total_ms) curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, total_ms);
  current.connect_ms = connect_ms;
  current.total_ms = total_ms;
  t.sink.handle = h;
  if (multiplex) curl_easy_setopt(h, CURLOPT_PIPEWAIT, 1L);
  if (request.progress) {
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &curl_on_progress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &t.sink);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
  }

  const bool json_body =
      request.multipart.empty() && (request.method == HttpMethod::kPost || !request.body.empty());
  const curl_slist* header_list = nullptr;
  bool ok = true;
  const bool download = !json_body && static_cast<bool>(request.on_body);
  if (request.headers.empty() && request.multipart.empty())
    header_list = json_body ? prepared.post.list : download ? prepared.download.list : prepared.get.list;
  if (header_list == nullptr) {
    ok = curl_append_common_headers(t.headers, json_body, download, prepared.agent);
    for (const auto& [name, value] : request.headers) {
      std::string line = name;
      line += ": ";
      line += value;
      ok = ok && t.headers.append(line);
    }
    header_list = t.headers.list;
  }

  if (!request.multipart.empty()) {
    t.mime.mime = curl_mime_init(h);
    for (const auto& part : request.multipart) {
      curl_mimepart* p = curl_mime_addpart(t.mime.mime);
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
    curl_easy_setopt(h, CURLOPT_MIMEPOST, t.mime.mime);
  } else if (json_body) {
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
#ifdef WHATSAPP_DETAIL_CURL_PREREQ
    // libcurl sends a request again by itself when a reused connection closes before any answer
    // byte arrives. After a server processed a message send and then lost the connection, that
    // is a second copy of the message. curl_on_prereq refuses that second start for requests
    // that are not idempotent; the body still goes in the same packet as the headers.
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
#else
    if (request.idempotent) {
      curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
    } else {
      // Without CURLOPT_PREREQFUNCTION (libcurl < 7.80): a body read through a callback, with no
      // seek callback, cannot be rewound, so libcurl fails with CURLE_SEND_FAIL_REWIND instead
      // of resending. It costs a second write (headers and body apart).
      curl_easy_setopt(h, CURLOPT_POST, 1L);
      curl_easy_setopt(h, CURLOPT_READFUNCTION, &curl_read_body);
      curl_easy_setopt(h, CURLOPT_READDATA, &t.reader);
    }
#endif
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
  if (current.header_list != header_list) curl_easy_setopt(h, CURLOPT_HTTPHEADER, header_list);
  current.header_list = header_list;
  handle.plain = plain;
  return {};
}

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

}  // namespace detail

class CurlTransport {
 public:
  CurlTransport() : CurlTransport(CurlOptions{}) {}
  explicit CurlTransport(CurlOptions options)
      : options_(std::make_shared<const CurlOptions>(std::move(options))),
        pool_(std::make_shared<detail::CurlHandlePool>(options_->max_idle_handles)),
        multis_(std::make_shared<detail::CurlMultiPool>(4)),
        prepared_(std::make_shared<const detail::CurlPrepared>(*options_)) {}

  const CurlOptions& options() const noexcept { return *options_; }

  /// Performs one request. Never throws. See transport.hpp for what a failure says.
  Result<HttpResponse> send(const HttpRequest& request) const {
    detail::CurlHandle h = pool_->acquire();
    if (h.curl == nullptr) return init_failed();
    HandleGuard guard{pool_.get(), h};
    detail::CurlTransfer t(request, limit(request));
    if (auto set = detail::curl_setup(h, *options_, *prepared_, t); !set) return set.error();
    return result(h.curl, curl_easy_perform(h.curl), t);
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
    if (max_in_flight == 0) max_in_flight = 1;
    // Answers every request next() still has with `e`, when nothing more can be sent.
    const auto refuse_rest = [&](const Error& e) {
      for (StreamedRequest item = next(); item.request != nullptr; item = next()) done(item.tag, Error(e));
    };
    Multi m(multis_.get(), pool_.get(), max_in_flight);
    if (m.multi == nullptr) return refuse_rest(init_failed());
    curl_multi_setopt(m.multi, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(max_in_flight));
    curl_multi_setopt(m.multi, CURLMOPT_MAXCONNECTS,
                      static_cast<long>(std::max<std::size_t>(max_in_flight, 4)));
    curl_multi_setopt(m.multi, CURLMOPT_PIPELINING, options_->http2 ? CURLPIPE_MULTIPLEX : CURLPIPE_NOTHING);

    std::size_t active = 0;
    // Starts what next() has on every free slot; a request that cannot start is answered at once.
    const auto fill = [&] {
      for (Slot& slot : m.slots) {
        while (!slot.busy) {
          const StreamedRequest item = next();
          if (item.request == nullptr) return;
          if (auto started = start(m.multi, slot, item); !started) {
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
        Slot* slot = &*std::find_if(m.slots.begin(), m.slots.end(),
                                    [h](const Slot& s) { return s.busy && s.handle.curl == h; });
        curl_multi_remove_handle(m.multi, h);
        --active;
        const std::size_t tag = slot->tag;
        Result<HttpResponse> answer = result(h, code, *slot->transfer);
        slot->busy = false;
        fill();  // the freed slot goes back on the wire before this answer is read
        done(tag, std::move(answer));
      }
      if (mc != CURLM_OK) {  // out of memory or a bug: fail what is left rather than spin
        Error e(ErrorKind::kTransport, std::string("curl multi error: ") + curl_multi_strerror(mc) +
                                           " (the request may have been processed)");
        e.with_delivery(Delivery::kMaybeSent);
        for (Slot& s : m.slots) {
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

 private:
  struct HandleGuard {
    detail::CurlHandlePool* pool;
    detail::CurlHandle& handle;
    ~HandleGuard() { pool->release(handle); }
  };

  /// One in-flight place of send_streamed: an easy handle and the transfer on it.
  struct Slot {
    detail::CurlHandle handle;
    std::unique_ptr<detail::CurlTransfer> transfer;  ///< Made once, reused for each request.
    bool busy = false;
    std::size_t tag = 0;
  };

  /// send_streamed's multi handle and slots, given back to their pools however the call ends.
  struct Multi {
    Multi(detail::CurlMultiPool* m, detail::CurlHandlePool* p, std::size_t n)
        : multis(m), pool(p), multi(m->acquire()), slots(n) {}
    detail::CurlMultiPool* multis;
    detail::CurlHandlePool* pool;
    CURLM* multi;
    std::vector<Slot> slots;
    Multi(const Multi&) = delete;
    Multi& operator=(const Multi&) = delete;
    ~Multi() {
      for (Slot& s : slots) {
        if (s.busy) curl_multi_remove_handle(multi, s.handle.curl);
        pool->release(s.handle);
      }
      multis->release(multi);
    }
  };

  /// Starts `item` on the free `slot`; the error when it cannot start (the request was not sent).
  Result<void> start(CURLM* multi, Slot& slot, const StreamedRequest& item) const {
    if (slot.handle.curl == nullptr) slot.handle = pool_->acquire();
    if (slot.handle.curl == nullptr) return init_failed();
    const HttpRequest& request = *item.request;
    if (slot.transfer) {
      slot.transfer->reuse(request, limit(request));
    } else {
      slot.transfer = std::make_unique<detail::CurlTransfer>(request, limit(request));
    }
    if (auto set = detail::curl_setup(slot.handle, *options_, *prepared_, *slot.transfer, options_->http2);
        !set) {
      return set.error();
    }
    if (curl_multi_add_handle(multi, slot.handle.curl) != CURLM_OK) return init_failed();
    slot.busy = true;
    slot.tag = item.tag;
    return {};
  }

  static Error init_failed() {
    Error e(ErrorKind::kTransport, "curl_easy_init failed");
    e.with_delivery(Delivery::kNotSent);
    return e;
  }

  std::size_t limit(const HttpRequest& r) const noexcept {
    return r.max_response_bytes > 0 ? r.max_response_bytes : options_->max_response_bytes;
  }

  /// The answer of a finished transfer, or what went wrong.
  Result<HttpResponse> result(CURL* h, CURLcode code, detail::CurlTransfer& t) const {
    if (code != CURLE_OK) return failure(h, code, t);
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    t.response.status = static_cast<int>(status);
#if LIBCURL_VERSION_NUM >= 0x073d00  // 7.61.0
    curl_off_t us = 0;
    curl_easy_getinfo(h, CURLINFO_TOTAL_TIME_T, &us);
    t.response.elapsed = std::chrono::microseconds(us);
#endif
    return std::move(t.response);
  }

  Result<HttpResponse> failure(CURL* h, CURLcode code, const detail::CurlTransfer& t) const {
    const detail::CurlSink& sink = t.sink;
    long request_bytes = 0;
    curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &request_bytes);
#ifdef WHATSAPP_DETAIL_CURL_PREREQ
    constexpr bool kPrereq = true;
#else
    constexpr bool kPrereq = false;
#endif
    const bool not_sent =
        !t.refused_resend && !detail::curl_request_went_out(code, t.requests_started, request_bytes, kPrereq);
    std::string text = t.errbuf[0] != '\0' ? t.errbuf : curl_easy_strerror(code);
    whatsapp::detail::redact_credentials(text);  // the client removes the token's pieces too

    ErrorKind kind = code == CURLE_OPERATION_TIMEDOUT ? ErrorKind::kTimeout : ErrorKind::kTransport;
    std::string message;
    if (sink.stopped) {
      kind = ErrorKind::kCancelled;
      message = "the transfer was stopped by a progress or body callback";
    } else if (sink.over_limit) {
      message = "response body exceeds the limit of " + std::to_string(sink.limit) + " bytes";
    } else if (code == CURLE_SEND_FAIL_REWIND || t.refused_resend) {
      message =
          "the connection closed before any answer arrived; the request is not resent "
          "because it is not idempotent";
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
      message = std::string(not_sent ? "connect timed out" : "request timed out") + ": " + text;
    } else {
      message = "curl error " + std::to_string(static_cast<int>(code)) + ": " + text;
      if (!not_sent && detail::curl_answer_not_http(code)) {
        message += "; the server's answer is not valid HTTP (a TLS or other non-HTTP server?)";
      }
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
  std::shared_ptr<detail::CurlMultiPool> multis_;
  std::shared_ptr<const detail::CurlPrepared> prepared_;  // shared by every request's transfer
};

}  // namespace whatsapp::transport
