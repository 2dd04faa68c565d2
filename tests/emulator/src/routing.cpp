#include "routing.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <regex>

#include "util.hpp"

namespace whatsapp_emulator {
namespace {

struct RouteDef {
  int id;
  const char* method;
  std::vector<const char*> segs;  // "<NAME>" is a path param
  const char* name;
};

#define P "<FROM_PHONE_NUMBER_ID>"
#define W "<WHATSAPP_BUSINESS_ACCOUNT_ID>"
const std::vector<RouteDef>& routes() {
  static const std::vector<RouteDef> kRoutes = {
      {1, "POST", {P, "messages"}, "send_message"},
      {2, "POST", {P, "messages", "<MESSAGE_ID>"}, "mark_read"},
      {3, "POST", {"<MEDIA_ID>", "media"}, "upload_media"},
      {4, "GET", {"<MEDIA_ID>"}, "get_media_url"},
      {5, "DELETE", {"<MEDIA_ID>"}, "delete_media"},
      {6, "GET", {"<MEDIA_URL>"}, "download_media"},
      {7, "POST", {P, "request_code"}, "request_code"},
      {8, "POST", {P, "verify_code"}, "verify_code"},
      {9, "GET", {P}, "get_phone_number"},
      {10, "POST", {P, "register"}, "register"},
      {11, "POST", {P}, "two_step"},
      {12, "GET", {P, "whatsapp_business_profile"}, "get_business_profile"},
      {13, "POST", {P, "whatsapp_business_profile"}, "update_business_profile"},
      {14, "POST", {P, "deregister"}, "deregister"},
      {15, "POST", {W, "message_templates"}, "create_template"},
      {16, "GET", {W, "message_templates"}, "list_templates"},
      {17, "DELETE", {"<MESSAGE_TEMPLATE_ID>"}, "delete_template"},
      {18, "GET", {"<MESSAGE_TEMPLATE_ID>"}, "get_template"},
      {19, "GET", {W, "conversations"}, "list_conversations"},
      {20, "POST", {W, "conversations"}, "mark_conversation_read"},
      {21, "POST", {"<APP_ID>", "subscriptions"}, "create_subscription"},
      {22, "GET", {"<APP_ID>", "subscriptions"}, "list_subscriptions"},
      {23, "DELETE", {"<APP_ID>", "subscriptions"}, "delete_subscription"},
      {24, "GET", {W, "analytics"}, "analytics"},
      {25, "GET", {P, "business_compliance_info"}, "get_compliance_info"},
      {26, "POST", {P, "business_compliance_info"}, "update_compliance_info"},
      {27, "GET", {W}, "get_business_account"},
      {28, "GET", {W, "phone_numbers"}, "list_phone_numbers"},
      {29, "GET", {"<CONVERSATION_ID>"}, "get_conversation"},
  };
  return kRoutes;
}
#undef P
#undef W

bool is_param(const char* seg) { return seg[0] == '<'; }
std::string param_name(const char* seg) {
  std::string s(seg);
  return s.substr(1, s.size() - 2);
}
std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool old_matches(const RouteDef& d, const std::vector<std::string>& rest) {
  bool any_param = false;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (is_param(d.segs[i])) {
      if (rest[i] != lower(param_name(d.segs[i]))) return false;
      any_param = true;
    } else if (rest[i] != d.segs[i]) {
      return false;
    }
  }
  return any_param;
}

bool new_matches(const RouteDef& d, const std::vector<std::string>& rest) {
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (is_param(d.segs[i])) {
      if (rest[i].empty()) return false;
    } else if (rest[i] != d.segs[i]) {
      return false;
    }
  }
  return true;
}

// The segments of `raw_segs` from `first` on, percent-decoded; false when one does not decode.
bool decode_segments(const std::vector<std::string>& raw_segs, std::size_t first,
                     std::vector<std::string>* rest) {
  for (std::size_t i = first; i < raw_segs.size(); ++i) {
    std::string d;
    if (!util::percent_decode(raw_segs[i], &d)) return false;
    rest->push_back(d);
  }
  return true;
}

// Adds every route whose New Format path has the shape of `rest` (but `skip`) to m's candidates,
// with the path values it names.
void add_new_format_candidates(const std::string& method, const std::vector<std::string>& rest, RouteMatch& m,
                               std::initializer_list<int> skip = {}) {
  for (auto& d : routes()) {
    if (std::find(skip.begin(), skip.end(), d.id) != skip.end()) continue;
    if (method != d.method || d.segs.size() != rest.size() || !new_matches(d, rest)) continue;
    m.found = true;
    m.candidates.push_back(d.id);
    for (std::size_t i = 0; i < rest.size(); ++i)
      if (is_param(d.segs[i])) m.params[param_name(d.segs[i])] = rest[i];
  }
}

}  // namespace

const char* route_name(int id) {
  for (auto& d : routes())
    if (d.id == id) return d.name;
  return "?";
}

RouteMatch match_route(const std::string& method, const std::string& raw_path, Formats formats,
                       QueryLookup query, const void* ctx) {
  RouteMatch m;
  auto raw_segs = util::split(raw_path, '/');
  // "", "whatsapp", version, ...
  if (raw_segs.size() < 4 || !raw_segs[0].empty() || raw_segs[1] != "whatsapp") return m;
  static const std::regex kVersion(R"(v\d+\.\d+)");
  if (!std::regex_match(raw_segs[2], kVersion)) return m;
  m.version = raw_segs[2];
  std::vector<std::string> rest;
  if (!decode_segments(raw_segs, 3, &rest)) return m;

  // Old Format first: literal lower-case param names are unambiguous.
  for (auto& d : routes()) {
    if (method != d.method || d.segs.size() != rest.size() || !old_matches(d, rest)) continue;
    if (formats == Formats::kNew) return m;  // recognised, but not accepted: 404
    m.found = true;
    m.old_format = true;
    m.candidates = {d.id};
    for (auto* seg : d.segs) {
      if (!is_param(seg)) continue;
      bool present = false;
      std::string v = query(ctx, param_name(seg), &present);
      if (!present || v.empty()) m.missing = param_name(seg);
      m.params[param_name(seg)] = v;
    }
    return m;
  }
  if (formats == Formats::kOld) return m;
  add_new_format_candidates(method, rest, m);
  return m;
}

RouteMatch match_graph_route(const std::string& method, const std::string& raw_path, bool* versioned) {
  RouteMatch m;
  auto raw_segs = util::split(raw_path, '/');
  static const std::regex kVersion(R"(v\d+\.\d+)");
  *versioned = raw_segs.size() >= 2 && raw_segs[0].empty() && std::regex_match(raw_segs[1], kVersion);
  if (!*versioned || raw_segs.size() < 3) return m;
  m.version = raw_segs[1];
  std::vector<std::string> rest;
  if (!decode_segments(raw_segs, 2, &rest)) return m;
  if (method == "DELETE" && rest.size() == 2 && rest[1] == "message_templates") {
    // Meta deletes templates on the account, by name (and hsm_id): route 17 in Graph's form.
    m.found = true;
    m.candidates.push_back(17);
    m.params["WHATSAPP_BUSINESS_ACCOUNT_ID"] = rest[0];
    return m;
  }
  // Meta has no mark-as-read by path (2) and no download through a Graph path (6).
  add_new_format_candidates(method, rest, m, {2, 6});
  return m;
}

}  // namespace whatsapp_emulator
