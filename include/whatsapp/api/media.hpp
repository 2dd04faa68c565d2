#pragma once

/// @file api/media.hpp
/// Media: upload, retrieve the URL, delete, and download (streamed, checked against sha256).

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include <nlohmann/json.hpp>

#include "whatsapp/client/detail/core.hpp"
#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/detail/sha256.hpp"
#include "whatsapp/model/media.hpp"
#include "whatsapp/model/success.hpp"
#include "whatsapp/protocol/envelope.hpp"

namespace whatsapp {

/// Receives a download chunk by chunk; returning false stops it (the call fails with kCancelled).
using MediaSink = std::function<bool(std::string_view chunk)>;

}  // namespace whatsapp

namespace whatsapp::api {

/// `client.media()`. Cheap to copy; shares the client's connection and state.
class MediaFiles {
 public:
  explicit MediaFiles(std::shared_ptr<const detail::Core> core) : core_(std::move(core)) {}

  /// Uploads a file for the business number `phone_number_id` (multipart parts `file`, `type`
  /// and `messaging_product=whatsapp`). The MIME type comes from the file name's extension when
  /// not given. Returns the media id (valid 30 days).
  /// Errors: kInvalidArgument before sending when the type is not one WhatsApp accepts, the file
  /// cannot be read, is empty or exceeds Meta's limit for its kind (audio 16 MB, document 100 MB,
  /// image 5 MB, sticker 100 KB static / 500 KB animated, video 16 MB); kCancelled when the
  /// progress callback stops it; kApi; kTransport. Repeating it uploads another copy.
  WHATSAPP_DECL Result<UploadedMedia> upload(std::string_view phone_number_id,
                                             const MediaUpload& upload) const;

  /// Retrieve Media URL: where to download `media_id` (valid 5 minutes), its type, size and hash.
  /// `phone_number_id`, when given, makes Meta check the media belongs to that number.
  /// Errors: kApi (e.g. unknown id), kParse, kTransport. Read-only: safe to repeat.
  WHATSAPP_DECL Result<MediaInfo> retrieve(std::string_view media_id,
                                           std::string_view phone_number_id = {}) const;

  /// Deletes `media_id` (optionally checking it belongs to `phone_number_id`).
  /// Errors: kApi (a second delete of the same id fails: it is gone), kParse, kTransport.
  WHATSAPP_DECL Result<void> remove(std::string_view media_id, std::string_view phone_number_id = {}) const;

  /// Downloads the media `info` describes (from retrieve()) through LowCodeAPI's download route,
  /// passing the bytes to `sink` as they arrive (never holding the whole file), and checks them
  /// against `info.sha256` and `info.file_size`. A hash in neither hex nor base64 is not checked
  /// (DownloadResult::verified stays false).
  /// Errors: kTransport when the bytes do not match the hash or size (not transient: the same
  /// download gives the same bytes; a self-hosted LowCodeAPI decodes binary as text and always
  /// mismatches); kCancelled when the sink or progress callback stops it; kApi/kHttp for error
  /// answers. Every error carries the attempts made. Read-only: safe to repeat, but the URL
  /// expires 5 minutes after retrieve().
  WHATSAPP_DECL Result<DownloadResult> download(const MediaInfo& info, const MediaSink& sink,
                                                const DownloadOptions& options = {}) const;

  /// retrieve() then download(): the bytes of `media_id` into `sink`.
  WHATSAPP_DECL Result<DownloadResult> download(std::string_view media_id, const MediaSink& sink,
                                                const DownloadOptions& options = {}) const;

  /// download() into the file `path`: written to `path + ".part"` and renamed when complete and
  /// verified, so `path` never holds a partial or corrupt file.
  /// Errors: those of download(); kInvalidArgument when the file cannot be written.
  WHATSAPP_DECL Result<DownloadResult> download_to_file(const MediaInfo& info, const std::string& path,
                                                        const DownloadOptions& options = {}) const;

 private:
  // A download whose bytes are not the media's: the same request gives the same bytes.
  WHATSAPP_DECL static Error mismatch(Error e, int status);

  std::shared_ptr<const detail::Core> core_;
};

}  // namespace whatsapp::api

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/api/impl/media.ipp"
#endif
