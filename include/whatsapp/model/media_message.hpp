#pragma once

/// @file model/media_message.hpp
/// Image, audio, video, document and sticker messages: a media object referenced by the id an
/// upload returned or by a public link, with a caption where Meta allows one.

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/utf8.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/model/detail/validate.hpp"
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
  WHATSAPP_DECL static Media id(std::string media_id);
  /// Media Meta fetches from a public URL.
  WHATSAPP_DECL static Media link(std::string url);
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

/// Checks free text: valid UTF-8, 1 to `max` characters, not blank (white space only), and no
/// control characters but tab, line feed and carriage return.
WHATSAPP_DECL Result<void> check_text(std::string_view value, std::string_view field, std::size_t max);

/// Checks that `m` names exactly one of id and link, and that a link is an http(s) URL
/// (check_link(); the field is `field` + ".link").
WHATSAPP_DECL Result<void> check_media(const Media& m, const std::string& field);

WHATSAPP_DECL Result<void> check_caption(const std::optional<std::string>& caption, const std::string& field);

WHATSAPP_DECL void put_media(nlohmann::json& j, const Media& m);

}  // namespace detail

WHATSAPP_DECL Result<void> validate(const Image& v, const std::string& f = "image");
WHATSAPP_DECL Result<void> validate(const Audio& v, const std::string& f = "audio");
WHATSAPP_DECL Result<void> validate(const Video& v, const std::string& f = "video");
WHATSAPP_DECL Result<void> validate(const Document& v, const std::string& f = "document");
WHATSAPP_DECL Result<void> validate(const Sticker& v, const std::string& f = "sticker");

WHATSAPP_DECL void to_json(nlohmann::json& j, const Media& m);
WHATSAPP_DECL void to_json(nlohmann::json& j, const Image& v);
WHATSAPP_DECL void to_json(nlohmann::json& j, const Audio& v);
WHATSAPP_DECL void to_json(nlohmann::json& j, const Video& v);
WHATSAPP_DECL void to_json(nlohmann::json& j, const Document& v);
WHATSAPP_DECL void to_json(nlohmann::json& j, const Sticker& v);

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/media_message.ipp"
#endif
