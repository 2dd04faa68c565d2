// Definitions of the functions model/media.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/model/media.hpp"

namespace whatsapp {

WHATSAPP_DECL std::optional<MediaKind> media_kind_of(std::string_view mime) noexcept {
  static constexpr std::pair<std::string_view, MediaKind> kTypes[] = {
      {"audio/aac", MediaKind::kAudio},
      {"audio/amr", MediaKind::kAudio},
      {"audio/mpeg", MediaKind::kAudio},
      {"audio/mp4", MediaKind::kAudio},
      {"audio/ogg", MediaKind::kAudio},
      {"text/plain", MediaKind::kDocument},
      {"application/pdf", MediaKind::kDocument},
      {"application/vnd.ms-powerpoint", MediaKind::kDocument},
      {"application/msword", MediaKind::kDocument},
      {"application/vnd.ms-excel", MediaKind::kDocument},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", MediaKind::kDocument},
      {"application/vnd.openxmlformats-officedocument.presentationml.presentation", MediaKind::kDocument},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaKind::kDocument},
      {"image/jpeg", MediaKind::kImage},
      {"image/png", MediaKind::kImage},
      {"image/webp", MediaKind::kSticker},
      {"video/mp4", MediaKind::kVideo},
      {"video/3gpp", MediaKind::kVideo},
  };
  // "audio/ogg; codecs=opus" counts as audio/ogg.
  const auto semi = mime.find(';');
  std::string_view base = mime.substr(0, semi);
  while (!base.empty() && base.back() == ' ') base.remove_suffix(1);
  for (const auto& [type, kind] : kTypes) {
    if (type == base) return kind;
  }
  return std::nullopt;
}

WHATSAPP_DECL std::string_view mime_type_for_path(std::string_view path) noexcept {
  static constexpr std::pair<std::string_view, std::string_view> kExt[] = {
      {"aac", "audio/aac"},
      {"amr", "audio/amr"},
      {"mp3", "audio/mpeg"},
      {"m4a", "audio/mp4"},
      {"ogg", "audio/ogg"},
      {"opus", "audio/ogg"},
      {"txt", "text/plain"},
      {"pdf", "application/pdf"},
      {"ppt", "application/vnd.ms-powerpoint"},
      {"doc", "application/msword"},
      {"xls", "application/vnd.ms-excel"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"png", "image/png"},
      {"webp", "image/webp"},
      {"mp4", "video/mp4"},
      {"3gp", "video/3gpp"},
      {"3gpp", "video/3gpp"},
  };
  const auto slash = path.find_last_of("/\\");
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == name.size()) return {};
  const std::string_view ext = name.substr(dot + 1);
  for (const auto& [e, mime] : kExt) {
    if (e.size() != ext.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < e.size() && same; ++i) {
      char c = ext[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == e[i];
    }
    if (same) return mime;
  }
  return {};
}

WHATSAPP_DECL bool is_animated_webp(std::string_view head) noexcept {
  return head.size() >= 21 && head.substr(0, 4) == "RIFF" && head.substr(8, 4) == "WEBP" &&
         head.substr(12, 4) == "VP8X" && (static_cast<unsigned char>(head[20]) & 0x02) != 0;
}

WHATSAPP_DECL void from_json(const nlohmann::json& j, UploadedMedia& m) {
  detail::require_object(j, "upload answer");
  m.id = detail::text_or_empty(j, "id");
  if (m.id.empty()) throw detail::DecodeError("no media id in the answer");
  m.raw = j;
}

WHATSAPP_DECL void from_json(const nlohmann::json& j, MediaInfo& m) {
  detail::require_object(j, "media info");
  m.id = detail::text_or_empty(j, "id");
  m.url = detail::string_at(j, "url");
  if (m.url.empty()) throw detail::DecodeError("no url in the answer");
  m.mime_type = detail::string_at(j, "mime_type");
  m.sha256 = detail::string_at(j, "sha256");
  if (auto n = detail::int_at(j, "file_size"); n && *n >= 0) m.file_size = static_cast<std::uint64_t>(*n);
  m.messaging_product = detail::string_at(j, "messaging_product");
  m.raw = j;
}

WHATSAPP_DECL MediaUpload MediaUpload::from_file(std::string path, std::string mime_type) {
  MediaUpload u;
  const auto slash = path.find_last_of("/\\");
  u.filename = slash == std::string::npos ? path : path.substr(slash + 1);
  u.file_path = std::move(path);
  u.mime_type = std::move(mime_type);
  return u;
}
WHATSAPP_DECL MediaUpload MediaUpload::from_memory(std::string bytes, std::string filename,
                                                   std::string mime_type) {
  MediaUpload u;
  u.data = std::move(bytes);
  u.filename = std::move(filename);
  u.mime_type = std::move(mime_type);
  return u;
}

}  // namespace whatsapp
