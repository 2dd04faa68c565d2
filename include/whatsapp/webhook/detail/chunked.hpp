#pragma once

/// @file webhook_chunked.hpp
/// Private: an incremental decoder of the chunked transfer coding (RFC 9112 section 7.1) for
/// the built-in webhook server. It is fed the bytes as they arrive, appends the data to the
/// body, and refuses a chunk as soon as its size line says the body would pass the limit, so
/// nothing over the limit is ever buffered. Strict: CRLF line ends, hex sizes, bounded size
/// lines, extensions and trailers.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace whatsapp::detail {

/// Decodes one chunked body. Not copyable state beyond plain members; reset() to reuse.
class WebhookChunkedDecoder {
 public:
  enum class Status {
    kNeedMore,  ///< All input consumed; the body is not complete yet.
    kDone,      ///< The last chunk and the trailer section are read; bytes after it are left.
    kBad,       ///< Not chunked syntax (answer 400).
    kTooLarge,  ///< The data would pass the limit (answer 413).
  };

  /// Longest size line (size, extensions) and trailer section accepted, in bytes.
  static constexpr std::size_t kMaxLine = 4096;
  static constexpr std::size_t kMaxTrailer = 8192;

  explicit WebhookChunkedDecoder(std::size_t max_body_bytes) noexcept : max_body_(max_body_bytes) {}

  /// Starts a new body.
  void reset() noexcept { *this = WebhookChunkedDecoder(max_body_); }

  /// Consumes bytes of `in` (sets `consumed` to how many) and appends decoded data to `body`.
  /// After kDone, `in` past `consumed` belongs to the next request. After kBad or kTooLarge the
  /// decoder stays in that state. Never throws except std::bad_alloc from `body`.
  Status feed(std::string_view in, std::size_t& consumed, std::string& body) {
    std::size_t i = 0;
    while (i < in.size() && state_ != State::kDone && state_ != State::kBad && state_ != State::kTooLarge) {
      const char c = in[i];
      switch (state_) {
        case State::kSize: {
          const int d = hex(c);
          if (d >= 0) {
            ++digits_;
            if (size_ > (UINT64_MAX - 15) / 16) {  // only when the limit itself is that large
              state_ = State::kTooLarge;
              break;
            }
            size_ = size_ * 16 + static_cast<std::uint64_t>(d);
            if (size_ > max_body_ - body.size()) {
              state_ = State::kTooLarge;
              break;
            }
            if (++line_ > kMaxLine) state_ = State::kBad;
            ++i;
          } else if (digits_ != 0 && (c == ';' || c == ' ' || c == '\t')) {
            state_ = State::kExtension;
          } else if (digits_ != 0 && c == '\r') {
            state_ = State::kSizeLf;
            ++i;
          } else {
            state_ = State::kBad;
          }
          break;
        }
        case State::kExtension:
          // Extensions are ignored; only their length and characters are checked.
          if (c == '\r') {
            state_ = State::kSizeLf;
          } else if (c == '\n' || c == '\0' || ++line_ > kMaxLine) {
            state_ = State::kBad;
            break;
          }
          ++i;
          break;
        case State::kSizeLf:
          if (c != '\n') {
            state_ = State::kBad;
            break;
          }
          ++i;
          line_ = 0;
          digits_ = 0;
          state_ = size_ == 0 ? State::kTrailerLineStart : State::kData;
          break;
        case State::kData: {
          const std::size_t n = static_cast<std::size_t>(
              std::min<std::uint64_t>(size_, static_cast<std::uint64_t>(in.size() - i)));
          body.append(in.data() + i, n);
          i += n;
          size_ -= n;
          if (size_ == 0) state_ = State::kDataCr;
          break;
        }
        case State::kDataCr:
          if (c != '\r') {
            state_ = State::kBad;
            break;
          }
          ++i;
          state_ = State::kDataLf;
          break;
        case State::kDataLf:
          if (c != '\n') {
            state_ = State::kBad;
            break;
          }
          ++i;
          state_ = State::kSize;
          break;
        case State::kTrailerLineStart:
          if (c == '\r') {
            state_ = State::kFinalLf;
          } else if (c == '\n' || c == '\0') {
            state_ = State::kBad;
            break;
          } else {
            state_ = State::kTrailerLine;
            if (++trailer_ > kMaxTrailer) state_ = State::kBad;
          }
          ++i;
          break;
        case State::kTrailerLine:
          // Trailer fields are read and dropped: nothing in them is used.
          if (c == '\r') {
            state_ = State::kTrailerLf;
          } else if (c == '\n' || c == '\0' || ++trailer_ > kMaxTrailer) {
            state_ = State::kBad;
            break;
          }
          ++i;
          break;
        case State::kTrailerLf:
          if (c != '\n') {
            state_ = State::kBad;
            break;
          }
          ++i;
          state_ = State::kTrailerLineStart;
          break;
        case State::kFinalLf:
          if (c != '\n') {
            state_ = State::kBad;
            break;
          }
          ++i;
          state_ = State::kDone;
          break;
        case State::kDone:
        case State::kBad:
        case State::kTooLarge: break;
      }
    }
    consumed = i;
    switch (state_) {
      case State::kDone: return Status::kDone;
      case State::kBad: return Status::kBad;
      case State::kTooLarge: return Status::kTooLarge;
      default: return Status::kNeedMore;
    }
  }

 private:
  enum class State {
    kSize,
    kExtension,
    kSizeLf,
    kData,
    kDataCr,
    kDataLf,
    kTrailerLineStart,
    kTrailerLine,
    kTrailerLf,
    kFinalLf,
    kDone,
    kBad,
    kTooLarge,
  };

  static constexpr int hex(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  std::size_t max_body_;
  State state_ = State::kSize;
  std::uint64_t size_ = 0;   // of the current chunk: while reading the size line, then what is left
  std::size_t digits_ = 0;   // hex digits read on the current size line
  std::size_t line_ = 0;     // bytes of the current size line
  std::size_t trailer_ = 0;  // bytes of the trailer section
};

}  // namespace whatsapp::detail
