// Definitions of the functions envelope.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/envelope.hpp"

namespace whatsapp {

WHATSAPP_DECL GraphError parse_graph_error(const nlohmann::json& e) {
  GraphError g;
  g.code = detail::int_at(e, "code");
  g.error_subcode = detail::int_at(e, "error_subcode");
  g.type = detail::string_at(e, "type");
  g.message = detail::string_at(e, "message");
  if (g.message.empty()) g.message = detail::string_at(e, "title");
  g.fbtrace_id = detail::string_at(e, "fbtrace_id");
  g.is_transient = detail::bool_at(e, "is_transient");
  g.error_user_title = detail::string_at(e, "error_user_title");
  g.error_user_msg = detail::string_at(e, "error_user_msg");
  if (const auto it = e.find("error_data"); it != e.end()) {
    if (it->is_object()) {
      g.details = detail::string_at(*it, "details");
    } else if (it->is_string()) {
      g.details = it->get<std::string>();
    }
  }
  return g;
}

}  // namespace whatsapp

namespace whatsapp::detail {

WHATSAPP_DECL Error api_error(int status, GraphError g) {
  std::string msg = g.message.empty() ? std::string("the API returned an error") : g.message;
  if (!g.details.empty() && g.details != g.message) msg += " (" + g.details + ")";
  Error e(ErrorKind::kApi, std::move(msg));
  e.with_http_status(status).with_graph(std::move(g));
  return e;
}

WHATSAPP_DECL Error body_error(ErrorKind kind, int status, std::string_view what, std::string_view body,
                               const Redactor& redact) {
  std::string msg(what);
  msg += " (HTTP " + std::to_string(status) + "; body starts: \"" + redact.excerpt(body, 80) + "\")";
  Error e(kind, std::move(msg));
  e.with_http_status(status).with_body_excerpt(redact.excerpt(body, 160));
  return e;
}

WHATSAPP_DECL const nlohmann::json* find_error(const nlohmann::json& j) {
  if (const auto d = j.find("data"); d != j.end() && d->is_object()) {
    if (const auto e = d->find("error"); e != d->end() && e->is_object()) return &*e;
  }
  if (const auto e = j.find("error"); e != j.end() && e->is_object()) {
    // Self-hosted LowCodeAPI nests the upstream body: {"error":{"error":{...}}}.
    if (const auto inner = e->find("error"); inner != e->end() && inner->is_object()) return &*inner;
    return &*e;
  }
  return nullptr;
}

}  // namespace whatsapp::detail

namespace whatsapp {

WHATSAPP_DECL Result<nlohmann::json> unwrap_envelope(const HttpResponse& resp) {
  return unwrap_envelope(resp, detail::Redactor());
}

WHATSAPP_DECL Result<nlohmann::json> unwrap_envelope(const HttpResponse& resp,
                                                     const detail::Redactor& redact) {
  const int status = resp.status;
  const bool success = status >= 200 && status < 300;
  if (resp.body.empty()) {
    return detail::body_error(success ? ErrorKind::kParse : ErrorKind::kHttp, status, "empty response body",
                              resp.body, redact);
  }
  nlohmann::json j = nlohmann::json::parse(resp.body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    const bool truncated = resp.body.front() == '{' || resp.body.front() == '[';
    return detail::body_error(success ? ErrorKind::kParse : ErrorKind::kHttp, status,
                              truncated ? "response is not valid JSON (truncated?)" : "response is not JSON",
                              resp.body, redact);
  }
  if (!j.is_object()) {
    return detail::body_error(success ? ErrorKind::kParse : ErrorKind::kHttp, status,
                              "response is not a JSON object", resp.body, redact);
  }
  if (const nlohmann::json* e = detail::find_error(j)) {
    GraphError g = parse_graph_error(*e);
    if (g.message.empty()) g.message = detail::string_at(j, "message");
    return detail::api_error(status, std::move(g));
  }
  if (!success) {
    // Proxy errors without an error object: {"message":"Not Found"}.
    std::string message = detail::string_at(j, "message");
    if (!message.empty()) {
      Error err(ErrorKind::kHttp, "HTTP " + std::to_string(status) + ": " + message);
      err.with_http_status(status).with_body_excerpt(redact.excerpt(resp.body, 160));
      return err;
    }
    return detail::body_error(ErrorKind::kHttp, status, "error status without an error object", resp.body,
                              redact);
  }
  if (auto d = j.find("data"); d != j.end()) return std::move(*d);
  if (auto r = j.find("result"); r != j.end()) return std::move(*r);
  return detail::body_error(ErrorKind::kParse, status, "response has no \"data\" or \"result\" envelope",
                            resp.body, redact);
}

}  // namespace whatsapp
