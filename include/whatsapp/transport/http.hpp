#pragma once

/// @file http.hpp
/// The plain HTTP request and response that travel between the client and a transport.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace whatsapp {

enum class HttpMethod { kGet, kPost, kDelete };

constexpr std::string_view to_string(HttpMethod m) noexcept {
  switch (m) {
    case HttpMethod::kGet: return "GET";
    case HttpMethod::kPost: return "POST";
    case HttpMethod::kDelete: return "DELETE";
  }
  return "GET";
}

/// Header names compare case-insensitively.
using Headers = std::vector<std::pair<std::string, std::string>>;

/// One part of a multipart/form-data body. Either `data` holds the bytes, or `file_path`
/// names a file the transport streams from disk.
struct MultipartPart {
  std::string name;
  std::string data;
  std::string file_path;
  std::string filename;      ///< Sent as the part's filename when not empty.
  std::string content_type;  ///< The part's Content-Type when not empty.
};

/// How far a transfer has come. Totals are 0 while unknown.
struct TransferProgress {
  std::uint64_t download_total = 0;
  std::uint64_t downloaded = 0;
  std::uint64_t upload_total = 0;
  std::uint64_t uploaded = 0;
};

/// Called as bytes move; returning false cancels the transfer (the call fails with kCancelled).
using ProgressCallback = std::function<bool(const TransferProgress&)>;

/// Receives a response body chunk by chunk; returning false stops the transfer (kCancelled).
using BodySink = std::function<bool(const char* data, std::size_t size)>;

/// A request as the transport sends it. `url` is complete, api_token included: a transport must
/// not log it unredacted.
struct HttpRequest {
  HttpMethod method = HttpMethod::kGet;
  std::string url;
  Headers headers;
  std::string body;                              ///< JSON body (sent when not empty or method is POST).
  std::vector<MultipartPart> multipart;          ///< When not empty, sent as multipart/form-data instead.
  std::chrono::milliseconds connect_timeout{0};  ///< 0: the transport's default.
  std::chrono::milliseconds timeout{0};          ///< Whole request; 0: the transport's default.
  /// False when repeating the request could repeat its effect (a message send): the transport
  /// must then not resend it on its own, e.g. after a reused connection died (see curl.hpp).
  bool idempotent = true;
  /// True to send on a new connection rather than reuse a kept-alive one. The client sets it on
  /// the next request of a send after an error answer (a 429, a 5xx, the 404 of the format
  /// fallback): a server may close the connection it refused on, and a send written into a
  /// connection closed at that instant cannot be told from one processed (docs/reliability.md).
  bool fresh_connection = false;
  /// Longest answer body accepted; 0: the transport's default.
  std::size_t max_response_bytes = 0;
  /// False when the caller reads no header of a 2xx answer: a transport may then leave
  /// HttpResponse::headers empty for one and spare the copies (CurlTransport does). The client
  /// sets it false, since it reads headers only of error answers (Retry-After).
  bool success_headers = true;
  /// When set, the body of a 2xx answer goes here in chunks instead of into HttpResponse::body,
  /// and no response size limit applies to it. Bodies of other statuses are kept as usual (they
  /// carry the error).
  BodySink on_body{};
  /// When set, told about upload and download progress.
  ProgressCallback progress{};
};

/// An HTTP answer, whatever its status.
struct HttpResponse {
  int status = 0;
  Headers headers;
  std::string body;
  /// How long the transport took for this request, connection included; 0 when it does not say.
  std::chrono::microseconds elapsed{0};

  /// The first value of header `name` (case-insensitive), or an empty view.
  std::string_view header(std::string_view name) const noexcept {
    for (const auto& [k, v] : headers) {
      if (k.size() != name.size()) continue;
      bool same = true;
      for (std::size_t i = 0; i < k.size() && same; ++i) {
        same = ascii_lower(k[i]) == ascii_lower(name[i]);
      }
      if (same) return v;
    }
    return {};
  }

 private:
  static constexpr char ascii_lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
};

}  // namespace whatsapp
