// Definitions of the functions envelope.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/detail/utf8.hpp"
#include "whatsapp/protocol/envelope.hpp"

namespace whatsapp {

namespace detail::envelope_impl {

/// The longest text kept from one field of an error object. Meta's are a few hundred bytes; a
/// 10 MB message from a hostile server made a 10 MB Error (and its redaction) out of every field.
inline constexpr std::size_t kMaxErrorField = 2048;

/// `j[key]` as a string, cut at a character boundary with "..." past kMaxErrorField bytes.
inline std::string error_field(const nlohmann::json& j, std::string_view key) {
  std::string s = detail::string_at(j, key);
  if (s.size() <= kMaxErrorField) return s;
  std::size_t n = kMaxErrorField;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // not inside a UTF-8 sequence
  s.resize(n);
  s += "...";
  return s;
}

}  // namespace detail::envelope_impl

WHATSAPP_DECL GraphError parse_graph_error(const nlohmann::json& e) {
  using detail::envelope_impl::error_field;
  GraphError g;
  g.code = detail::int_at(e, "code");
  g.error_subcode = detail::int_at(e, "error_subcode");
  g.type = error_field(e, "type");
  g.message = error_field(e, "message");
  if (g.message.empty()) g.message = error_field(e, "title");
  g.fbtrace_id = error_field(e, "fbtrace_id");
  g.is_transient = detail::bool_at(e, "is_transient");
  g.error_user_title = error_field(e, "error_user_title");
  g.error_user_msg = error_field(e, "error_user_msg");
  if (const auto it = e.find("error_data"); it != e.end()) {
    if (it->is_object()) {
      g.details = error_field(*it, "details");
    } else if (it->is_string()) {
      g.details = error_field(e, "error_data");
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
  e.with_http_status(status).with_graph(std::move(g)).with_source(ErrorSource::kGraph);
  return e;
}

WHATSAPP_DECL Error body_error(ErrorKind kind, int status, std::string_view what, std::string_view body,
                               const Redactor& redact) {
  std::string msg(what);
  if (!body.empty()) msg += " (body starts: \"" + redact.excerpt(body, 80) + "\")";
  Error e(kind, std::move(msg));
  e.with_http_status(status).with_body_excerpt(redact.excerpt(body, 160)).with_source(ErrorSource::kUnknown);
  return e;
}

WHATSAPP_DECL const nlohmann::json* find_error(const nlohmann::json& j) {
  if (const auto* d = detail::object_at(j, "data")) {
    if (const auto* e = detail::object_at(*d, "error")) return &*e;
  }
  if (const auto* e = detail::object_at(j, "error")) {
    // Self-hosted LowCodeAPI nests the upstream body: {"error":{"error":{...}}}.
    if (const auto* inner = detail::object_at(*e, "error")) return &*inner;
    return &*e;
  }
  return nullptr;
}

WHATSAPP_DECL std::string header_in(const nlohmann::json& headers, std::string_view name) {
  if (!headers.is_object()) return {};
  for (const auto& [key, value] : headers.items()) {
    if (key.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < key.size() && same; ++i) {
      const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
      same = lower(key[i]) == lower(name[i]);
    }
    if (!same) continue;
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_unsigned()) return std::to_string(value.get<std::uint64_t>());
    if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
    return {};
  }
  return {};
}

WHATSAPP_DECL bool upstream_not_reached(std::string_view message) noexcept {
  // Node names the failing step: "connect ECONNREFUSED 127.0.0.1:443", "getaddrinfo ENOTFOUND
  // graph.facebook.com". Both fail before a byte of the request is written.
  return message.rfind("connect ", 0) == 0 || message.rfind("getaddrinfo ", 0) == 0;
}

// Graph error objects carry a type, a trace id or details; a code with a message will do. The
// self-hosted proxy's own refusals are serialized JS Errors: {"code":403}, no message or type.
WHATSAPP_DECL bool looks_like_graph(const nlohmann::json& e) {
  return e.contains("type") || e.contains("fbtrace_id") || e.contains("error_subcode") ||
         e.contains("error_data") || (e.contains("code") && e.contains("message"));
}

// LowCodeAPI's own refusal: `top` is its message.
WHATSAPP_DECL Error lowcodeapi_error(ErrorKind kind, int status, const std::string& top,
                                     std::string_view body, const Redactor& redact) {
  const bool auth = status == 401 || status == 403;
  std::string msg = auth ? "LowCodeAPI, not Meta, refused the credentials: " + top : top;
  Error e(kind, std::move(msg));
  e.with_http_status(status)
      .with_body_excerpt(redact.excerpt(body, 160))
      .with_source(ErrorSource::kLowCodeApi);
  if (auth) e.with_category(ErrorCategory::kAuthorization);
  if (status == 429) e.with_category(ErrorCategory::kThrottling);
  return e;
}

// The self-hosted proxy could not get a Graph answer from Meta.
WHATSAPP_DECL Error upstream_error(int status, std::string msg, std::string_view body,
                                   const Redactor& redact) {
  Error e(ErrorKind::kHttp, std::move(msg));
  e.with_http_status(status).with_body_excerpt(redact.excerpt(body, 160)).with_source(ErrorSource::kUpstream);
  if (status >= 500 || status == 0) e.with_category(ErrorCategory::kServer);
  return e;
}

// The error `j` carries, if any.
WHATSAPP_DECL std::optional<Error> error_in(const nlohmann::json& j, int status, std::string_view body,
                                            const Redactor& redact) {
  const std::string top = envelope_impl::error_field(j, "message");
  const auto graph = [&](const nlohmann::json& obj) {
    GraphError g = parse_graph_error(obj);
    if (g.message.empty()) g.message = top;
    Error e = api_error(status, std::move(g));
    return e;
  };
  if (const auto* d = detail::object_at(j, "data")) {
    if (const auto* e = detail::object_at(*d, "error")) return graph(*e);
  }
  const auto e = j.find("error");
  if (e == j.end()) return std::nullopt;
  const bool proxy_shape = !top.empty() || j.contains("provider");
  if (e->is_string() && proxy_shape) {  // Meta's answer was not JSON (an HTML 503): kept as text
    return upstream_error(
        status,
        "Meta's answer, relayed by LowCodeAPI, is not JSON: " + redact.excerpt(e->get<std::string>(), 80),
        body, redact);
  }
  if (!e->is_object()) return std::nullopt;
  if (const auto* inner = detail::object_at(*e, "error")) return graph(*inner);
  if (!proxy_shape || looks_like_graph(*e)) return graph(*e);
  const std::string inner_message = string_at(*e, "message");
  if (!inner_message.empty()) {
    if (j.contains("headers")) {  // Meta answered, but not with a Graph error object
      return upstream_error(
          status, "Meta's answer, relayed by LowCodeAPI, has no Graph error: " + inner_message, body, redact);
    }
    // The proxy's request to Meta failed: {"error":{"message":"connect ECONNREFUSED ..."}}.
    Error u = upstream_error(status, "LowCodeAPI could not reach Meta: " + inner_message, body, redact);
    u.with_transient(true).with_delivery(upstream_not_reached(inner_message) ? Delivery::kNotSent
                                                                             : Delivery::kMaybeSent);
    return u;
  }
  return lowcodeapi_error(ErrorKind::kApi, status, top.empty() ? "request refused" : top, body, redact);
}

// The Retry-After of an error answer: the header, else the self-hosted server's copy of Meta's
// headers in the body.
WHATSAPP_DECL void read_retry_after(Error& e, const HttpResponse& resp, const nlohmann::json* j,
                                    const TimeSource& time) {
  std::string value(resp.header("Retry-After"));
  if (value.empty() && j != nullptr) {
    for (const char* key : {"headers", "response_headers"}) {
      if (const auto h = j->find(key); h != j->end()) value = header_in(*h, "retry-after");
      if (!value.empty()) break;
    }
  }
  if (value.empty()) return;
  if (auto d = parse_retry_after(value, time.epoch())) e.with_retry_after(*d);
}

WHATSAPP_DECL Result<nlohmann::json> unwrap_envelope_at(const HttpResponse& resp, const TimeSource& time,
                                                        const Redactor& redact) {
  return read_answer_at(resp, time, redact, /*enveloped=*/true);
}

WHATSAPP_DECL Result<nlohmann::json> read_graph_answer_at(const HttpResponse& resp, const TimeSource& time,
                                                          const Redactor& redact) {
  return read_answer_at(resp, time, redact, /*enveloped=*/false);
}

WHATSAPP_DECL Result<nlohmann::json> read_answer_at(const HttpResponse& resp, const TimeSource& time,
                                                    const Redactor& redact, bool enveloped) {
  const int status = resp.status;
  const bool success = status >= 200 && status < 300;
  const ErrorKind unreadable = success ? ErrorKind::kParse : ErrorKind::kHttp;
  const auto fail = [&](Error e, const nlohmann::json* j) -> Result<nlohmann::json> {
    if (!success) read_retry_after(e, resp, j, time);
    return e;
  };
  if (status >= 300 && status < 400) {  // no transport of the SDK's follows one: say so, and where
    std::string what = "a redirect (HTTP " + std::to_string(status) + ")";
    if (const auto to = resp.header("Location"); !to.empty())
      what += " to \"" + redact.excerpt(to, 200) + "\"";
    what += ", which is not followed";
    return fail(body_error(ErrorKind::kHttp, status, what, resp.body, redact), nullptr);
  }
  if (resp.body.empty())
    return fail(body_error(unreadable, status, "empty response body", resp.body, redact), nullptr);
  std::string_view body = resp.body;
  nlohmann::json j = parse_json(body);
  std::string repaired;
  if (j.is_discarded() && !utf8_length(body)) {
    // Not UTF-8 (a proxy that mangled the bytes): read it with U+FFFD in place of each bad byte,
    // but only to get at an error object; a success payload is not guessed at.
    repaired = to_valid_utf8(body);
    j = parse_json(repaired);
    if (!j.is_discarded() && !(j.is_object() && (find_error(j) != nullptr || !success))) {
      j = nlohmann::json(nlohmann::json::value_t::discarded);
    }
    if (!j.is_discarded()) body = repaired;
  }
  if (j.is_discarded()) {
    const bool truncated = body.front() == '{' || body.front() == '[';
    const bool deep = truncated && nesting_depth(body, kMaxJsonDepth) > kMaxJsonDepth;
    return fail(body_error(unreadable, status,
                           deep ? "response nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"
                           : truncated ? "response is not valid JSON (truncated?)"
                                       : "response is not JSON",
                           repaired.empty() ? body : std::string_view(repaired), redact),
                nullptr);
  }
  if (!j.is_object())
    return fail(body_error(unreadable, status, "response is not a JSON object", body, redact), nullptr);
  if (!enveloped) {  // Meta's own answer: {"error":{...}} or the payload itself
    if (const auto* e = detail::object_at(j, "error"))
      return fail(api_error(status, parse_graph_error(*e)), &j);
    if (!success) {
      return fail(body_error(ErrorKind::kHttp, status, "error status without an error object", body, redact),
                  &j);
    }
    return j;
  }
  if (auto e = error_in(j, status, body, redact)) return fail(std::move(*e), &j);
  if (!success) {
    // LowCodeAPI's own errors without an error object: {"message":"Not Found"}.
    std::string message = envelope_impl::error_field(j, "message");
    if (!message.empty()) return fail(lowcodeapi_error(ErrorKind::kHttp, status, message, body, redact), &j);
    return fail(body_error(ErrorKind::kHttp, status, "error status without an error object", body, redact),
                &j);
  }
  if (auto d = j.find("data"); d != j.end()) return std::move(*d);
  if (auto r = j.find("result"); r != j.end()) return std::move(*r);
  return body_error(ErrorKind::kParse, status, "response has no \"data\" or \"result\" envelope", body,
                    redact);
}

}  // namespace whatsapp::detail

namespace whatsapp {

WHATSAPP_DECL Result<nlohmann::json> unwrap_envelope(const HttpResponse& resp) {
  return detail::unwrap_envelope_at(resp, TimeSource{}, detail::Redactor());
}

WHATSAPP_DECL Result<nlohmann::json> unwrap_envelope(const HttpResponse& resp,
                                                     const detail::Redactor& redact) {
  return detail::unwrap_envelope_at(resp, TimeSource{}, redact);
}

}  // namespace whatsapp
