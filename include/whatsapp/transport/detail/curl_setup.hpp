#pragma once

/// @file transport/detail/curl_setup.hpp
/// Setting a request's options on an easy handle: what a transport prepares once from its
/// CurlOptions (the common header lists, the User-Agent line, whether to use the environment's
/// proxy), the options set once per handle, and curl_setup, which sets only what changed since
/// the handle's previous request when both are plain JSON POSTs.

#include <curl/curl.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/transport/curl_options.hpp"
#include "whatsapp/transport/detail/curl_callbacks.hpp"
#include "whatsapp/transport/detail/curl_pool.hpp"
#include "whatsapp/transport/detail/curl_proxy.hpp"
#include "whatsapp/transport/detail/curl_transfer.hpp"
#include "whatsapp/transport/http.hpp"

namespace whatsapp::transport::detail {

inline bool has_crlf(std::string_view s) { return s.find_first_of("\r\n") != std::string_view::npos; }

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

/// A JSON POST with no multipart body or progress callback of its own: the common request
/// (every send). Consecutive plain requests on a handle differ only in the options curl_setup
/// sets for every request (the header list among them), so the handle is not reset between them.
inline bool curl_is_plain(const HttpRequest& r) noexcept {
#ifdef WHATSAPP_DETAIL_CURL_PREREQ
  return r.method == HttpMethod::kPost && r.multipart.empty() && !r.progress;
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
  if (current.fresh_connect != request.fresh_connection) {
    curl_easy_setopt(h, CURLOPT_FRESH_CONNECT, request.fresh_connection ? 1L : 0L);
    current.fresh_connect = request.fresh_connection;
  }
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
  if (request.headers.empty() && request.multipart.empty()) {
    header_list = json_body ? prepared.post.list : download ? prepared.download.list : prepared.get.list;
  } else if (plain) {  // headers of its own (a Bearer token): the handle keeps their list
    if (!handle.own_list || handle.own_headers != request.headers) {
      CurlSlist list;
      ok = curl_append_common_headers(list, json_body, download, prepared.agent);
      for (const auto& [name, value] : request.headers) {
        std::string line = name;
        line += ": ";
        line += value;
        ok = ok && list.append(line);
      }
      handle.own_list.reset(ok ? std::exchange(list.list, nullptr) : nullptr);
      if (ok) handle.own_headers = request.headers;
    }
    header_list = handle.own_list.get();
  }
  if (header_list == nullptr && ok) {
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

}  // namespace whatsapp::transport::detail
