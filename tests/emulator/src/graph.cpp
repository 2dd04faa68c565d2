// The Graph shape: Meta's own paths (no `/whatsapp` prefix), `Authorization: Bearer`, optional
// appsecret_proof, Meta's answers without an envelope, and media URLs that need the token.
#include <cctype>

#include "impl.hpp"
#include "routing.hpp"
#include "util.hpp"

namespace whatsapp_emulator {
namespace {

// Where GET <MEDIA_ID> points in the Graph shape (the path of Meta's media host, on ours).
const char* const kMediaPath = "/whatsapp_business/attachments/";

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The access token: `Authorization: Bearer <t>` (or Graph's older `OAuth <t>`), else the
// `access_token` query parameter, which Graph also accepts.
std::string token_of(const httplib::Request& req) {
  const std::string h = req.get_header_value("Authorization");
  const auto sp = h.find(' ');
  if (sp != std::string::npos) {
    const std::string scheme = lower(h.substr(0, sp));
    const auto b = h.find_first_not_of(' ', sp), e = h.find_last_not_of(" \t");
    if ((scheme == "bearer" || scheme == "oauth") && b != std::string::npos) return h.substr(b, e - b + 1);
  }
  return req.has_param("access_token") ? req.get_param_value("access_token") : std::string();
}

// Meta's error object, message without the "(#code) " prefix (as Meta writes these ones).
Reply meta_error(int status, int code, const std::string& type, const std::string& message) {
  Reply r;
  r.status = status;
  r.graph_error = true;
  r.body = {
      {"error",
       {{"message", message}, {"type", type}, {"code", code}, {"fbtrace_id", "A" + util::random_token(22)}}}};
  return r;
}

void answer(httplib::Response& res, const Reply& r) {
  res.status = r.status;
  res.set_content(render(r, Envelope::kNone), kJson);
}

}  // namespace

bool Emulator::Impl::graph_authorized(const httplib::Request& req, httplib::Response& res, bool check_proof) {
  const std::string token = token_of(req);
  if (token.empty() || (!opts.access_token.empty() && token != opts.access_token)) {
    const std::string why = token.empty() ? "An access token is required to request this resource."
                                          : "Invalid OAuth access token - Cannot parse access token";
    res.set_header("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\" \"" + why + "\"");
    answer(res, meta_error(401, 190, "OAuthException", why));
    return false;
  }
  if (!check_proof || opts.app_secret.empty()) return true;
  const bool has = req.has_param("appsecret_proof");
  if (!has && !opts.require_appsecret_proof) return true;
  if (has && lower(req.get_param_value("appsecret_proof")) == util::hmac_sha256_hex(opts.app_secret, token))
    return true;
  answer(res, meta_error(400, 100, "GraphMethodException",
                         has ? "Invalid appsecret_proof provided in the API argument"
                             : "API calls from the server require an appsecret_proof argument"));
  return false;
}

std::string Emulator::Impl::handle_graph(const httplib::Request& req, httplib::Response& res,
                                         std::string* fault_out) {
  const std::string path = req.target.substr(0, req.target.find('?'));
  const bool media = path == kMediaPath && req.method == "GET";
  bool versioned = false;
  RouteMatch m;
  if (media) {
    // The bytes behind a Graph media URL: LowCodeAPI's route 6, reached directly.
    m.found = true;
    m.candidates = {6};
    m.params["MEDIA_URL"] = "http://emulator/__media/" + req.get_param_value("mid");
  } else {
    m = match_graph_route(req.method, path, &versioned);
  }
  {
    std::lock_guard<std::mutex> lock(stats_mu);
    ++stats.requests;
    ++(m.found ? stats.graph : stats.not_found);
  }
  if (!m.found && !versioned) {
    res.status = 404;
    res.set_content(kNotFoundBody, kJson);
    return "-";
  }
  if (!m.found) {
    std::string tail;
    auto segs = util::split(path, '/');
    for (std::size_t i = 3; i < segs.size(); ++i) tail += "/" + segs[i];  // after "/<version>/<node>"
    if (tail.empty()) tail = "/";
    answer(res, meta_error(400, 2500, "OAuthException", "Unknown path components: " + tail));
    return "-";
  }
  if (graph_authorized(req, res, !media)) run_call(req, res, m, Envelope::kNone, true, fault_out);
  return "graph";
}

}  // namespace whatsapp_emulator
