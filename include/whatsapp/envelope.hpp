#pragma once

/// @file envelope.hpp
/// Reads a LowCodeAPI answer: unwraps `{"data": X}` (hosted) or `{"result": X}` (self-hosted)
/// into X, and turns every error shape into a typed Error.
///
/// Error shapes understood:
///  - `{"data":{"error":{...Graph error...}}}`            hosted LowCodeAPI
///  - `{"error":{...Graph error...}}`                     Graph API itself
///  - `{"message","provider","error":{"error":{...}}}`    self-hosted, upstream error
///  - `{"message","provider","error":{"message":...}}`    self-hosted, upstream unreachable
///  - `{"message":...}` with an error status              self-hosted proxy errors (404, 401)
/// Anything else is a parse error (2xx) or an http error (4xx/5xx) carrying the status and the
/// first bytes of the body.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_util.hpp"
#include "whatsapp/detail/redact.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/http.hpp"
#include "whatsapp/result.hpp"

namespace whatsapp {

/// Reads the fields of a Graph error object.
WHATSAPP_DECL GraphError parse_graph_error(const nlohmann::json& e);

namespace detail {

WHATSAPP_DECL Error api_error(int status, GraphError g);

/// An error about `body`: `what`, the status and the body's start, quoted; the excerpts are
/// taken from the body redacted by `redact` (redacted before the cut, and again after it).
WHATSAPP_DECL Error body_error(ErrorKind kind, int status, std::string_view what, std::string_view body,
                               const Redactor& redact);

/// The error object inside `j`, if any; nullptr when none.
WHATSAPP_DECL const nlohmann::json* find_error(const nlohmann::json& j);

}  // namespace detail

/// The payload of a LowCodeAPI answer, or the error it carries. Quotes of the body in the error
/// have credentials (api_token= values, Authorization values, URL userinfo) removed; the
/// overload with a redactor also removes its secret before the quotes are cut.
WHATSAPP_DECL Result<nlohmann::json> unwrap_envelope(const HttpResponse& resp);
WHATSAPP_DECL Result<nlohmann::json> unwrap_envelope(const HttpResponse& resp,
                                                     const detail::Redactor& redact);

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/impl/envelope.ipp"
#endif
