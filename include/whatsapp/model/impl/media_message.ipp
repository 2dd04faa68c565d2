// Definitions of the functions model/media_message.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/model/media_message.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL Result<void> check_text(std::string_view value, std::string_view field, std::size_t max) {
  const auto n = utf8_length(value);
  if (!n) return Error::invalid_argument(std::string(field), "is not valid UTF-8");
  if (*n == 0) return Error::invalid_argument(std::string(field), "must not be empty");
  if (*n > max) {
    return Error::invalid_argument(std::string(field), "has " + std::to_string(*n) + " characters; at most " +
                                                           std::to_string(max) + " are allowed");
  }
  if (const std::size_t at = find_control(value); at != std::string_view::npos) {
    return Error::invalid_argument(std::string(field),
                                   "contains a control character at byte " + std::to_string(at) +
                                       " (only tab, line feed and carriage return are allowed)");
  }
  if (is_blank(value))
    return Error::invalid_argument(std::string(field), "must not be blank (white space only)");
  return {};
}

WHATSAPP_DECL Result<void> check_media(const Media& m, const std::string& field) {
  if (m.media_id.empty() == m.url.empty()) {
    return Error::invalid_argument(field, m.media_id.empty() ? "needs a media id or a link"
                                                             : "must have either an id or a link, not both");
  }
  if (!m.url.empty()) return check_link(m.url, field + ".link");
  return {};
}

WHATSAPP_DECL Result<void> check_caption(const std::optional<std::string>& caption,
                                         const std::string& field) {
  if (!caption) return {};
  return check_text(*caption, field, kMaxCaptionChars);
}

WHATSAPP_DECL void put_media(nlohmann::json& j, const Media& m) {
  if (!m.media_id.empty()) j["id"] = m.media_id;
  if (!m.url.empty()) j["link"] = m.url;
}

}  // namespace whatsapp::detail

namespace whatsapp {

WHATSAPP_DECL void to_json(nlohmann::json& j, const Media& m) {
  j = nlohmann::json::object();
  detail::put_media(j, m);
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const Image& v) {
  j = v.media;
  if (v.caption) j["caption"] = *v.caption;
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const Audio& v) { j = v.media; }

WHATSAPP_DECL void to_json(nlohmann::json& j, const Video& v) {
  j = v.media;
  if (v.caption) j["caption"] = *v.caption;
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const Document& v) {
  j = v.media;
  if (v.caption) j["caption"] = *v.caption;
  if (v.filename) j["filename"] = *v.filename;
}

WHATSAPP_DECL void to_json(nlohmann::json& j, const Sticker& v) { j = v.media; }

WHATSAPP_DECL Media Media::id(std::string media_id) {
  Media m;
  m.media_id = std::move(media_id);
  return m;
}
WHATSAPP_DECL Media Media::link(std::string url) {
  Media m;
  m.url = std::move(url);
  return m;
}
WHATSAPP_DECL Result<void> validate(const Image& v, const std::string& f) {
  if (auto r = detail::check_media(v.media, f); !r) return r;
  return detail::check_caption(v.caption, f + ".caption");
}
WHATSAPP_DECL Result<void> validate(const Audio& v, const std::string& f) {
  return detail::check_media(v.media, f);
}
WHATSAPP_DECL Result<void> validate(const Video& v, const std::string& f) {
  if (auto r = detail::check_media(v.media, f); !r) return r;
  return detail::check_caption(v.caption, f + ".caption");
}
WHATSAPP_DECL Result<void> validate(const Document& v, const std::string& f) {
  if (auto r = detail::check_media(v.media, f); !r) return r;
  if (v.filename) {
    if (auto r = detail::check_text(*v.filename, f + ".filename", 240); !r) return r;
  }
  return detail::check_caption(v.caption, f + ".caption");
}
WHATSAPP_DECL Result<void> validate(const Sticker& v, const std::string& f) {
  return detail::check_media(v.media, f);
}

}  // namespace whatsapp
