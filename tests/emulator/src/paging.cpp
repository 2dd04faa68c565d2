// Graph-style cursor paging and `fields` projection.
#include <algorithm>
#include <cctype>

#include "state.hpp"
#include "util.hpp"

namespace whatsapp_emulator {
namespace {

std::string cursor(std::size_t index) { return util::base64("cursor:" + std::to_string(index), true); }

bool uncursor(const std::string& c, std::size_t* index) {
  std::string d;
  if (!util::base64_decode(c, &d) || d.rfind("cursor:", 0) != 0) return false;
  std::string n = d.substr(7);
  if (!util::is_digits(n) || n.size() > 9) return false;
  *index = static_cast<std::size_t>(std::stoul(n));
  return true;
}

std::string url_encode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
      out.push_back(static_cast<char>(ch));
    } else {
      out.push_back('%');
      out.push_back(kHex[ch >> 4]);
      out.push_back(kHex[ch & 15]);
    }
  }
  return out;
}

}  // namespace

Reply page(const std::vector<json>& items, const Call& c, const std::string& next_base) {
  long limit = 25;
  if (c.has_q("limit")) {
    std::string l = c.q("limit");
    if (!util::is_digits(l) || l.size() > 6 || std::stol(l) == 0)
      return invalid_param("limit must be a positive integer");
    limit = std::stol(l);
  }
  std::size_t begin = 0, end = items.size();
  if (c.has_q("after")) {
    std::size_t idx;
    if (!uncursor(c.q("after"), &idx)) return invalid_param("Invalid cursor in 'after'");
    begin = std::min(idx + 1, items.size());
    end = std::min(items.size(), begin + static_cast<std::size_t>(limit));
  } else if (c.has_q("before")) {
    std::size_t idx;
    if (!uncursor(c.q("before"), &idx)) return invalid_param("Invalid cursor in 'before'");
    end = std::min(idx, items.size());
    begin = end > static_cast<std::size_t>(limit) ? end - static_cast<std::size_t>(limit) : 0;
  } else {
    end = std::min(items.size(), static_cast<std::size_t>(limit));
  }
  json data = json::array();
  for (std::size_t i = begin; i < end; ++i) data.push_back(items[i]);
  json out = {{"data", data}};
  if (begin < end) {
    json paging = {{"cursors", {{"before", cursor(begin)}, {"after", cursor(end - 1)}}}};
    std::string keep;
    for (auto& kv : c.query) {
      if (kv.first == "api_token" || kv.first == "after" || kv.first == "before" || kv.first == "limit" ||
          kv.first == std::string() || std::isupper(static_cast<unsigned char>(kv.first[0])))
        continue;
      keep += "&" + url_encode(kv.first) + "=" + url_encode(kv.second);
    }
    std::string base = next_base + "?limit=" + std::to_string(limit) + keep;
    if (end < items.size()) paging["next"] = base + "&after=" + cursor(end - 1);
    if (begin > 0) paging["previous"] = base + "&before=" + cursor(begin);
    out["paging"] = paging;
  }
  return ok(out);
}

bool project(const json& obj, const std::string& fields, const std::string& node_type, json* out, Reply* err,
             const std::vector<std::string>& always) {
  if (fields.empty()) {
    *out = obj;
    return true;
  }
  json o = json::object();
  for (auto& a : always)
    if (obj.contains(a)) o[a] = obj[a];
  for (auto& f : util::split_fields(fields)) {
    if (!obj.contains(f)) {
      *err =
          graph_error(100, "Tried accessing nonexisting field (" + f + ") on node type (" + node_type + ")");
      return false;
    }
    o[f] = obj[f];
  }
  *out = o;
  return true;
}

}  // namespace whatsapp_emulator
