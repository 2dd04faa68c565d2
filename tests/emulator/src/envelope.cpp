#include "reply.hpp"
#include "util.hpp"

namespace whatsapp_emulator {

using nlohmann::json;

const char* const kNotFoundBody = R"({"message":"Not Found"})";

std::string token_error_body() {
  return json{{"message", "A valid API token is required to access this API."},
              {"provider", "whatsapp"},
              {"error", {{"code", 401}}}}
      .dump();
}

Reply ok(json body) {
  Reply r;
  r.body = std::move(body);
  return r;
}

Reply success() { return ok(json{{"success", true}}); }

json graph_error_object(int code, const std::string& text, const std::string& details, int subcode,
                        const std::string& type) {
  json e{{"message", "(#" + std::to_string(code) + ") " + text}, {"type", type}, {"code", code}};
  if (subcode != 0) e["error_subcode"] = subcode;
  if (!details.empty()) e["error_data"] = {{"messaging_product", "whatsapp"}, {"details", details}};
  e["fbtrace_id"] = "A" + util::random_token(22);
  return e;
}

Reply graph_error(int code, const std::string& text, const std::string& details, int http_status, int subcode,
                  const std::string& type) {
  Reply r;
  r.status = http_status;
  r.graph_error = true;
  r.body = json{{"error", graph_error_object(code, text, details, subcode, type)}};
  return r;
}

Reply invalid_param(const std::string& details) { return graph_error(100, "Invalid parameter", details); }

Reply required(const std::string& name) {
  return graph_error(100, "The parameter " + name + " is required.", name + " is required");
}

Reply unknown_object(const std::string& id, const std::string& method) {
  Reply r = graph_error(100,
                        "Unsupported " + method + " request. Object with ID '" + id +
                            "' does not exist, cannot be loaded due to missing permissions, "
                            "or does not support this operation. Please read the Graph API "
                            "documentation at https://developers.facebook.com/docs/graph-api",
                        "", 400, 33, "GraphMethodException");
  // Meta's real message has no "(#100) " prefix for this one.
  std::string m = r.body["error"]["message"];
  r.body["error"]["message"] = m.substr(m.find(") ") + 2);
  return r;
}

Reply raw(int status, std::string body, std::string content_type) {
  Reply r;
  r.status = status;
  r.raw = true;
  r.raw_body = std::move(body);
  r.content_type = std::move(content_type);
  return r;
}

std::string envelope_success(const json& x, Envelope env) {
  if (env == Envelope::kNone) return x.dump();
  if (env == Envelope::kData) return json{{"data", x}}.dump();
  return json{{"message", "Request completed"},
              {"provider", "whatsapp"},
              {"result", x},
              {"response_headers", {{"content-type", "application/json; charset=UTF-8"}}}}
      .dump();
}

std::string envelope_error(const json& graph_body, Envelope env) {
  if (env == Envelope::kNone) return graph_body.dump();
  if (env == Envelope::kData) return json{{"data", graph_body}}.dump();
  return json{{"message", "Error received from the whatsapp API"},
              {"provider", "whatsapp"},
              {"error", graph_body},
              {"headers", {{"content-type", "application/json; charset=UTF-8"}}}}
      .dump();
}

std::string render(const Reply& r, Envelope env) {
  if (r.raw) return r.raw_body;
  if (r.graph_error) return envelope_error(r.body, env);
  return envelope_success(r.body, env);
}

}  // namespace whatsapp_emulator
