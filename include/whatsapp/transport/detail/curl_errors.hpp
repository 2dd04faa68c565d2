#pragma once

/// @file transport/detail/curl_errors.hpp
/// From a finished libcurl transfer to what CurlTransport returns: the HttpResponse of a
/// transfer that succeeded, or the typed Error of one that failed (CURLcode -> ErrorKind, a
/// message without credentials, and Delivery: whether the request certainly did not reach the
/// server or may have been processed; the table of every code is in docs/reliability.md).

#include <curl/curl.h>

#include <chrono>
#include <string>
#include <utility>

#include "whatsapp/detail/redact.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/transport/detail/curl_transfer.hpp"
#include "whatsapp/transport/http.hpp"

namespace whatsapp::transport::detail {

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

/// The error when libcurl cannot give a handle (out of memory): the request was not sent.
inline Error curl_init_failed() {
  Error e(ErrorKind::kTransport, "curl_easy_init failed");
  e.with_delivery(Delivery::kNotSent);
  return e;
}

/// The Error of a transfer that ended with `code` (not CURLE_OK) on handle `h`.
inline Error curl_failure(CURL* h, CURLcode code, const CurlTransfer& t) {
  const CurlSink& sink = t.sink;
  long request_bytes = 0;
  curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &request_bytes);
#ifdef WHATSAPP_DETAIL_CURL_PREREQ
  constexpr bool kPrereq = true;
#else
  constexpr bool kPrereq = false;
#endif
  const bool not_sent =
      !t.refused_resend && !curl_request_went_out(code, t.requests_started, request_bytes, kPrereq);
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
    if (!not_sent && curl_answer_not_http(code)) {
      message += "; the server's answer is not valid HTTP (a TLS or other non-HTTP server?)";
    } else if (!not_sent && code == CURLE_OUT_OF_MEMORY) {
      message += " (libcurl also says this of an answer whose header line is over 100 KB)";
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

/// The answer of a finished transfer, or what went wrong (moves the response out of `t`).
inline Result<HttpResponse> curl_result(CURL* h, CURLcode code, CurlTransfer& t) {
  if (code != CURLE_OK) return curl_failure(h, code, t);
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

}  // namespace whatsapp::transport::detail
