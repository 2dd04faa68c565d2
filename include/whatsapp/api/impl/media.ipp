// Definitions of what api/media.hpp declares: included by it (header-only), or compiled once
// with WHATSAPP_SEPARATE_COMPILATION.

#pragma once

#include "whatsapp/api/media.hpp"

namespace whatsapp::api {

WHATSAPP_DECL Result<UploadedMedia> MediaFiles::upload(std::string_view phone_number_id,
                                                       const MediaUpload& upload) const {
  std::string mime = upload.mime_type;
  if (mime.empty())
    mime = std::string(mime_type_for_path(upload.filename.empty() ? upload.file_path : upload.filename));
  if (mime.empty()) {
    return Error::invalid_argument("mime_type", "cannot tell the type of \"" + upload.filename +
                                                    "\" from its extension; give a MIME type");
  }
  const auto kind = media_kind_of(mime);
  if (!kind) return Error::invalid_argument("mime_type", "\"" + mime + "\" is not a type WhatsApp accepts");

  std::uint64_t size = upload.data.size();
  std::string head = upload.data.substr(0, 32);
  if (!upload.file_path.empty()) {
    std::error_code ec;
    size = std::filesystem::file_size(upload.file_path, ec);
    if (ec)
      return Error::invalid_argument("file_path",
                                     "cannot read \"" + upload.file_path + "\": " + ec.message());
    std::ifstream in(upload.file_path, std::ios::binary);
    head.assign(32, '\0');
    in.read(head.data(), 32);
    head.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (size == 0) return Error::invalid_argument("file", "is empty");
  const bool animated = upload.animated_sticker.value_or(is_animated_webp(head));
  const std::uint64_t max = max_media_bytes(*kind, animated);
  if (size > max) {
    return Error::invalid_argument(
        "file", "has " + std::to_string(size) + " bytes; WhatsApp accepts at most " + std::to_string(max) +
                    " for " +
                    (*kind == MediaKind::kSticker ? (animated ? "an animated sticker" : "a static sticker")
                                                  : "a " + std::string(to_string(*kind))));
  }

  MultipartPart file;
  file.name = "file";
  file.data = upload.data;
  file.file_path = upload.file_path;
  file.filename = upload.filename.empty() ? std::string("upload") : upload.filename;
  file.content_type = mime;
  MultipartPart type;
  type.name = "type";
  type.data = mime;
  MultipartPart product;
  product.name = "messaging_product";
  product.data = "whatsapp";

  detail::RequestSpec spec{&route(RouteId::kUploadMedia), {phone_number_id}, {}, {}, {}};
  spec.multipart = {std::move(file), std::move(type), std::move(product)};
  spec.progress = upload.progress;
  return core_->call_read<UploadedMedia>(
      spec, [](nlohmann::json&& payload) { return detail::decode<UploadedMedia>(payload, "upload answer"); });
}

WHATSAPP_DECL Result<MediaInfo> MediaFiles::retrieve(std::string_view media_id,
                                                     std::string_view phone_number_id) const {
  detail::RequestSpec spec{&route(RouteId::kRetrieveMediaUrl), {media_id}, {}, {}, {}};
  if (!phone_number_id.empty()) spec.query.emplace_back("phone_number_id", std::string(phone_number_id));
  return core_->call_read<MediaInfo>(
      spec, [](nlohmann::json&& payload) { return detail::decode<MediaInfo>(payload, "media info"); });
}

WHATSAPP_DECL Result<void> MediaFiles::remove(std::string_view media_id,
                                              std::string_view phone_number_id) const {
  detail::RequestSpec spec{&route(RouteId::kDeleteMedia), {media_id}, {}, {}, {}};
  if (!phone_number_id.empty()) spec.query.emplace_back("phone_number_id", std::string(phone_number_id));
  return core_->call_success(spec, "delete media");
}

WHATSAPP_DECL Result<DownloadResult> MediaFiles::download(const MediaInfo& info, const MediaSink& sink,
                                                          const DownloadOptions& options) const {
  if (info.url.empty()) return Error::invalid_argument("url", "must not be empty (call retrieve() first)");
  if (!sink) return Error::invalid_argument("sink", "must be set");
  detail::Sha256 hash;
  DownloadResult result;
  detail::RequestSpec spec{&route(RouteId::kDownloadMedia), {info.url}, {}, {}, {}};
  bool oversize = false;  // more bytes than the media has: stopped there, not at the timeout
  spec.on_body = [&](const char* data, std::size_t n) {
    if (info.file_size && result.bytes + n > *info.file_size) {
      oversize = true;
      return false;
    }
    hash.update(data, n);
    result.bytes += n;
    return sink(std::string_view(data, n));
  };
  spec.progress = options.progress;
  auto ex = core_->exchange(spec);
  if (!ex && oversize) {
    Error e(ErrorKind::kTransport,
            "the download passed the media's " + std::to_string(*info.file_size) + " bytes; stopped there");
    return core_->scrub(mismatch(std::move(e), 200).with_attempts(ex.error().attempts()));
  }
  if (!ex) return std::move(ex).error();
  const HttpResponse& resp = ex->response;
  if (resp.status < 200 || resp.status >= 300) return core_->answer_error(*ex);
  if (!resp.body.empty()) {  // a transport that does not stream: deliver what it kept
    hash.update(resp.body.data(), resp.body.size());
    result.bytes += resp.body.size();
    if (!sink(resp.body)) {
      return core_->finish(Error(ErrorKind::kCancelled, "the download was stopped by the sink"), *ex);
    }
  }
  const std::string digest = hash.finish();
  result.sha256_hex = detail::to_hex(digest);
  if (info.file_size && *info.file_size != result.bytes) {
    Error e(ErrorKind::kTransport, "downloaded " + std::to_string(result.bytes) +
                                       " bytes but the media has " + std::to_string(*info.file_size));
    return core_->finish(mismatch(std::move(e), resp.status), *ex);
  }
  if (options.verify_sha256 && !info.sha256.empty()) {
    const auto match = detail::sha256_matches(info.sha256, digest);
    if (match && !*match) {
      Error e(ErrorKind::kTransport, "downloaded media does not match its sha256 (expected " + info.sha256 +
                                         ", got " + result.sha256_hex + ")");
      return core_->finish(mismatch(std::move(e), resp.status), *ex);
    }
    result.verified = match.value_or(false);
  }
  return result;
}

WHATSAPP_DECL Result<DownloadResult> MediaFiles::download(std::string_view media_id, const MediaSink& sink,
                                                          const DownloadOptions& options) const {
  auto info = retrieve(media_id);
  if (!info) return std::move(info).error();
  return download(*info, sink, options);
}

WHATSAPP_DECL Result<DownloadResult> MediaFiles::download_to_file(const MediaInfo& info,
                                                                  const std::string& path,
                                                                  const DownloadOptions& options) const {
  const std::string part = path + ".part";
  std::ofstream out(part, std::ios::binary | std::ios::trunc);
  if (!out) return Error::invalid_argument("path", "cannot write \"" + part + "\"");
  auto r = download(
      info,
      [&](std::string_view chunk) {
        out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        return static_cast<bool>(out);
      },
      options);
  out.close();
  std::error_code ec;
  if (!r || !out) {
    std::filesystem::remove(part, ec);
    if (r && !out) return Error::invalid_argument("path", "cannot write \"" + part + "\"");
    return r;
  }
  std::filesystem::rename(part, path, ec);
  if (ec) {
    std::filesystem::remove(part, ec);
    return Error::invalid_argument("path", "cannot rename to \"" + path + "\"");
  }
  return r;
}

WHATSAPP_DECL Error MediaFiles::mismatch(Error e, int status) {
  e.with_http_status(status).with_transient(false).with_source(ErrorSource::kUnknown);
  e.with_hint(
      "not retried: the same download gives the same bytes. A self-hosted LowCodeAPI decodes binary "
      "downloads as text and corrupts them: download MediaInfo::url from Meta with the access token, or "
      "use hosted LowCodeAPI");
  return e;
}

}  // namespace whatsapp::api
