#pragma once

/// @file model/media.hpp
/// Uploaded media: what media().upload() takes and what retrieve() and download() return, and
/// the types and sizes Meta accepts.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/transport/http.hpp"

namespace whatsapp {

/// The kinds of media Meta distinguishes, each with its own types and size limit.
enum class MediaKind { kAudio, kDocument, kImage, kSticker, kVideo };

constexpr std::string_view to_string(MediaKind k) noexcept {
  switch (k) {
    case MediaKind::kAudio: return "audio";
    case MediaKind::kDocument: return "document";
    case MediaKind::kImage: return "image";
    case MediaKind::kSticker: return "sticker";
    case MediaKind::kVideo: return "video";
  }
  return "document";
}

/// Meta's size limits in bytes (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media).
inline constexpr std::uint64_t kMaxAudioBytes = 16ull * 1024 * 1024;
inline constexpr std::uint64_t kMaxDocumentBytes = 100ull * 1024 * 1024;
inline constexpr std::uint64_t kMaxImageBytes = 5ull * 1024 * 1024;
inline constexpr std::uint64_t kMaxStaticStickerBytes = 100ull * 1024;
inline constexpr std::uint64_t kMaxAnimatedStickerBytes = 500ull * 1024;
inline constexpr std::uint64_t kMaxVideoBytes = 16ull * 1024 * 1024;

/// The kind Meta files a MIME type under, or nullopt when Meta does not accept the type.
/// image/webp is a sticker.
WHATSAPP_DECL std::optional<MediaKind> media_kind_of(std::string_view mime) noexcept;

/// The MIME type for a file name's extension (case-insensitive), or an empty view.
WHATSAPP_DECL std::string_view mime_type_for_path(std::string_view path) noexcept;

/// The size limit for `kind`; stickers depend on whether they are animated.
constexpr std::uint64_t max_media_bytes(MediaKind kind, bool animated_sticker = false) noexcept {
  switch (kind) {
    case MediaKind::kAudio: return kMaxAudioBytes;
    case MediaKind::kDocument: return kMaxDocumentBytes;
    case MediaKind::kImage: return kMaxImageBytes;
    case MediaKind::kSticker: return animated_sticker ? kMaxAnimatedStickerBytes : kMaxStaticStickerBytes;
    case MediaKind::kVideo: return kMaxVideoBytes;
  }
  return 0;
}

/// True when `head` (the first bytes of a WebP file, at least 21) is an animated WebP: a VP8X
/// chunk with the animation flag.
WHATSAPP_DECL bool is_animated_webp(std::string_view head) noexcept;

/// What to upload: a file streamed from disk, or bytes in memory.
///
///     auto up = whatsapp::MediaUpload::from_file("/tmp/receipt.pdf");     // type from ".pdf"
///     auto mem = whatsapp::MediaUpload::from_memory(png_bytes, "chart.png");
struct MediaUpload {
  std::string file_path;  ///< Read by the transport while sending; or
  std::string data;       ///< the bytes themselves.
  std::string filename;   ///< Sent as the part's file name; defaults to the path's last segment.
  std::string mime_type;  ///< Empty: from the file name's extension.
  /// For stickers: whether the WebP is animated (500 KB limit instead of 100 KB); nullopt: read
  /// from the WebP header.
  std::optional<bool> animated_sticker{};
  /// Told about upload progress; returning false cancels.
  ProgressCallback progress;

  WHATSAPP_DECL static MediaUpload from_file(std::string path, std::string mime_type = {});
  WHATSAPP_DECL static MediaUpload from_memory(std::string bytes, std::string filename,
                                               std::string mime_type = {});
};

/// Upload media's answer.
struct UploadedMedia {
  std::string id;  ///< Use as Media::id(...) in a message, for 30 days.
  nlohmann::json raw;
};

/// Retrieve Media URL's answer. The URL is valid for 5 minutes.
struct MediaInfo {
  std::string id;
  std::string url;
  std::string mime_type;
  std::string sha256;                        ///< Of the file's bytes, as Meta spells it.
  std::optional<std::uint64_t> file_size{};  ///< Meta sends a number or a string of digits.
  std::string messaging_product;
  nlohmann::json raw;
};

/// What a download delivered.
struct DownloadResult {
  std::uint64_t bytes = 0;
  std::string sha256_hex;  ///< Of the bytes received.
  bool verified = false;   ///< True when checked against MediaInfo::sha256.
};

/// Options of a download.
struct DownloadOptions {
  /// Check the bytes against MediaInfo::sha256 (when Meta gave a hash).
  bool verify_sha256 = true;
  /// Told about download progress; returning false cancels.
  ProgressCallback progress;
};

WHATSAPP_DECL void from_json(const nlohmann::json& j, UploadedMedia& m);

WHATSAPP_DECL void from_json(const nlohmann::json& j, MediaInfo& m);

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/media.ipp"
#endif
