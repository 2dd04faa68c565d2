#pragma once

/// @file envelope.hpp
/// Reads a LowCodeAPI answer: unwraps `{"data": X}` (hosted) or `{"result": X}` (self-hosted)
/// into X, and turns every error shape into a typed Error that says who refused
/// (Error::source()).
///
/// Error shapes understood:
///  - `{"data":{"error":{...Graph error...}}}`            hosted LowCodeAPI: kGraph
///  - `{"error":{...Graph error...}}`                     Graph API itself: kGraph
///  - `{"message","provider","error":{"error":{...}}}`    self-hosted, upstream error: kGraph
///  - `{"message","provider","error":{"message":...}}`    self-hosted, Meta unreachable: kUpstream
///  - `{"message","provider","error":"<text>"}`           self-hosted, Meta's answer not JSON: kUpstream
///  - `{"message","error":{"code":403}}`                  self-hosted proxy refusal (a serialized
///                                                        JS Error: no message, no type): kLowCodeApi
///  - `{"message":...}` with an error status              LowCodeAPI's own errors (404, 401): kLowCodeApi
/// A 401 or 403 of LowCodeAPI's own is kAuthorization. Anything else is a parse error (2xx) or an
/// http error (4xx/5xx) carrying the status and the first bytes of the body (kUnknown).
/// A body that is not valid UTF-8 is read with each bad byte replaced by U+FFFD, so an error
/// object keeps its code. The Retry-After of an error answer is the header, else the copy of
/// Meta's headers the self-hosted server puts in the body (`"headers"`/`"response_headers"`).

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/detail/redact.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/protocol/retry_after.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/time_source.hpp"
#include "whatsapp/transport/http.hpp"

namespace whatsapp {

/// Reads the fields of a Graph error object.
WHATSAPP_DECL GraphError parse_graph_error(const nlohmann::json& e);

namespace detail {

WHATSAPP_DECL Error api_error(int status, GraphError g);

/// An error about an unreadable body: `what`, and quotes of the body redacted before they are cut.
WHATSAPP_DECL Error body_error(ErrorKind kind, int status, std::string_view what, std::string_view body,
                               const Redactor& redact);

/// The error object inside `j`, if any; nullptr when none.
WHATSAPP_DECL const nlohmann::json* find_error(const nlohmann::json& j);

/// The value of header `name` (any case) in a JSON object of headers, as text; empty when absent.
WHATSAPP_DECL std::string header_in(const nlohmann::json& headers, std::string_view name);

/// True for a proxy's upstream failure message that means the request never reached Meta
/// (Node's "connect ECONNREFUSED ...", "getaddrinfo ENOTFOUND ...").
WHATSAPP_DECL bool upstream_not_reached(std::string_view message) noexcept;

/// unwrap_envelope() with the clock Retry-After dates are read against, and the redactor that
/// removes the client's secret from quotes of the body before they are cut.
WHATSAPP_DECL Result<nlohmann::json> unwrap_envelope_at(const HttpResponse& resp, const TimeSource& time,
                                                        const Redactor& redact);

/// The payload of an answer of Meta's Graph API itself (Backend::kGraph): the whole JSON object
/// (Graph's own `data`/`paging` lists stay in it), or the error of `{"error":{...}}` (kApi,
/// source kGraph) or of an answer that is not a JSON object (kParse for a 2xx, kHttp otherwise,
/// source kUnknown); Retry-After read as unwrap_envelope_at() does.
WHATSAPP_DECL Result<nlohmann::json> read_graph_answer_at(const HttpResponse& resp, const TimeSource& time,
                                                          const Redactor& redact);

/// unwrap_envelope_at() when `enveloped`, read_graph_answer_at() otherwise.
WHATSAPP_DECL Result<nlohmann::json> read_answer_at(const HttpResponse& resp, const TimeSource& time,
                                                    const Redactor& redact, bool enveloped);

}  // namespace detail

/// The payload of a LowCodeAPI answer, or the error it carries (with the Retry-After the
/// server asked for, read against the system clock). Quotes of the body in the error have
/// credentials (api_token= values, Authorization values, URL userinfo) removed; the overload
/// with a redactor also removes its secret before the quotes are cut.
WHATSAPP_DECL Result<nlohmann::json> unwrap_envelope(const HttpResponse& resp);
WHATSAPP_DECL Result<nlohmann::json> unwrap_envelope(const HttpResponse& resp,
                                                     const detail::Redactor& redact);

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/protocol/impl/envelope.ipp"
#endif
