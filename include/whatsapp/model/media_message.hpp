#pragma once

/// @file model/media_message.hpp
/// Image, audio, video, document and sticker messages: a media object referenced by the id an
/// upload returned or by a public link, with a caption where Meta allows one.

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/utf8.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"

namespace whatsapp {

/// Limits Meta documents for media messages.
inline constexpr std::size_t kMaxCaptionChars = 1024;

/// Where a media object comes from: exactly one of `media_id` (from media().upload()) or `url`
/// (a public http(s) link Meta fetches).
///
///     whatsapp::Media::id("1037543291543636")
///     whatsapp::Media::link("https://example.com/cat.jpg")
struct Media {
  std::string media_id;  ///< Sent as "id".
  std::string url;       ///< Sent as "link".

  /// Media uploaded earlier, by its id.
  static Media id(std::string media_id) {
    Media m;
    m.media_id = std::move(media_id);
    return m;
  }
  /// Media Meta fetches from a public URL.
  static Media link(std::string url) {
    Media m;
    m.url = std::move(url);
    return m;
  }
};

/// An image (JPEG or PNG, up to 5 MB) with an optional caption.
struct Image {
  Media media;
  std::optional<std::string> caption{};  ///< Up to 1024 characters.
};

/// An audio clip (AAC, AMR, MP3, M4A, OGG/Opus, up to 16 MB). Meta allows no caption.
struct Audio {
  Media media;
};

/// A video (MP4 or 3GP, up to 16 MB) with an optional caption.
struct Video {
  Media media;
  std::optional<std::string> caption{};  ///< Up to 1024 characters.
};

/// A document (PDF, Office, plain text, up to 100 MB) with optional caption and file name.
struct Document {
  Media media;
  std::optional<std::string> caption{};   ///< Up to 1024 characters.
  std::optional<std::string> filename{};  ///< Shown to the recipient; sets the file's extension.
};

/// A sticker (WebP; 100 KB static, 500 KB animated). Meta allows no caption.
struct Sticker {
  Media media;
};

namespace detail {

inline Result<void> check_text(std::string_view value, std::string_view field, std::size_t max) {
  const auto n = utf8_length(value);
  if (!n) return Error::invalid_argument(std::string(field), "is not valid UTF-8");
  if (*n == 0) return Error::invalid_argument(std::string(field), "must not be empty");
  if (*n > max) {
    return Error::invalid_argument(std::string(field), "has " + std::to_string(*n) + " characters; at most " +
                                                           std::to_string(max) + " are allowed");
  }
  return {};
}

/// Checks that `m` names exactly one of id and link.
inline Result<void> check_media(const Media& m, const std::string& field) {
  if (m.media_id.empty() == m.url.empty()) {
    return Error::invalid_argument(field, m.media_id.empty() ? "needs a media id or a link"
                                                             : "must have either an id or a link, not both");
  }
  return {};
}

inline Result<void> check_caption(const std::optional<std::string>& caption, const std::string& field) {
  if (!caption) return {};
  return check_text(*caption, field, kMaxCaptionChars);
}

inline void put_media(nlohmann::json& j, const Media& m) {
  if (!m.media_id.empty()) j["id"] = m.media_id;
  if (!m.url.empty()) j["link"] = m.url;
}

}  // namespace detail

inline Result<void> validate(const Image& v, const std::string& f = "image") {
  if (auto r = detail::check_media(v.media, f); !r) return r;
  return detail::check_caption(v.caption, f + ".caption");
}
inline Result<void> validate(const Audio& v, const std::string& f = "audio") {
  return detail::check_media(v.media, f);
}
inline Result<void> validate(const Video& v, const std::string& f = "video") {
  if (auto r = detail::check_media(v.media, f); !r) return r;
  return detail::check_caption(v.caption, f + ".caption");
}
inline Result<void> validate(const Document& v, const std::string& f = "document") {
  if (auto r = detail::check_media(v.media, f); !r) return r;
  if (v.filename) {
    if (auto r = detail::check_text(*v.filename, f + ".filename", 240); !r) return r;
  }
  return detail::check_caption(v.caption, f + ".caption");
}
inline Result<void> validate(const Sticker& v, const std::string& f = "sticker") {
  return detail::check_media(v.media, f);
}

inline void to_json(nlohmann::json& j, const Media& m) {
  j = nlohmann::json::object();
  detail::put_media(j, m);
}
inline void to_json(nlohmann::json& j, const Image& v) {
  j = v.media;
  if (v.caption) j["caption"] = *v.caption;
}
inline void to_json(nlohmann::json& j, const Audio& v) { j = v.media; }
inline void to_json(nlohmann::json& j, const Video& v) {
  j = v.media;
  if (v.caption) j["caption"] = *v.caption;
}
inline void to_json(nlohmann::json& j, const Document& v) {
  j = v.media;
  if (v.caption) j["caption"] = *v.caption;
  if (v.filename) j["filename"] = *v.filename;
}
inline void to_json(nlohmann::json& j, const Sticker& v) { j = v.media; }

}  // namespace whatsapp
