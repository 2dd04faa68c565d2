// Routes 3-6: upload, retrieve URL, delete, download.
#include "state.hpp"
#include "util.hpp"

namespace whatsapp_emulator {

Reply State::upload_media(Call& c) {
  if (!c.multipart)
    return graph_error(100, "The parameter file is required.",
                       "Upload must be multipart/form-data with a file part");
  auto field = [&](const std::string& name) {
    auto it = c.parts.find(name);
    return it == c.parts.end() ? std::string() : it->second.content;
  };
  auto file = c.parts.find("file");
  if (file == c.parts.end() || file->second.filename.empty())
    return graph_error(100, "The parameter file is required.", "file is required");
  if (field("messaging_product").empty())
    return graph_error(100, "The parameter messaging_product is required.", "messaging_product is required");
  if (field("messaging_product") != "whatsapp")
    return invalid_param("messaging_product must be \"whatsapp\"");
  std::string type = field("type");
  if (type.empty()) return graph_error(100, "The parameter type is required.", "type is required");
  if (type.find('/') == std::string::npos)
    return invalid_param("type must be a MIME type such as image/jpeg");
  Media m;
  m.id = new_id(9);
  m.mime = type;
  m.filename = file->second.filename;
  m.bytes = file->second.content;
  m.sha256 = util::sha256_hex(m.bytes);
  m.phone_number_id = c.p("MEDIA_ID");
  std::string id = m.id;
  media_[id] = std::move(m);
  return ok({{"id", id}});
}

Reply State::get_media_url(Call& c) {
  std::string id = c.p("MEDIA_ID");
  auto it = media_.find(id);
  if (it == media_.end()) return unknown_object(id, "get");
  const Media& m = it->second;
  // Graph shape: a URL on the emulator's own host in the form of Meta's media host (lookaside),
  // served only with the Bearer token; LowCodeAPI: the proxy's token-free /__media/ URL.
  std::string url =
      c.graph ? c.base_url + "/whatsapp_business/attachments/?mid=" + m.id + "&hash=" + m.sha256.substr(0, 16)
              : c.base_url + "/__media/" + m.id + "?hash=" + m.sha256.substr(0, 16);
  return ok({{"messaging_product", "whatsapp"},
             {"url", url},
             {"mime_type", m.mime},
             {"sha256", m.sha256},
             {"file_size", m.bytes.size()},
             {"id", m.id}});
}

Reply State::delete_media(Call& c) {
  std::string id = c.p("MEDIA_ID");
  auto it = media_.find(id);
  if (it == media_.end()) return unknown_object(id, "delete");
  media_.erase(it);
  retired_.insert(id);
  return success();
}

Reply State::download_media(Call& c) {
  std::string url = c.p("MEDIA_URL");
  auto pos = url.find("/__media/");
  std::string id;
  if (pos != std::string::npos) {
    for (std::size_t i = pos + 9; i < url.size() && url[i] >= '0' && url[i] <= '9'; ++i) id.push_back(url[i]);
  }
  auto it = media_.find(id);
  if (url.rfind("http", 0) != 0 || it == media_.end())
    return graph_error(100, "Media not found", "No media at URL " + url, 404);
  return raw(200, it->second.bytes, it->second.mime);
}

}  // namespace whatsapp_emulator
