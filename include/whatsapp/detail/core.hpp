#pragma once

// The engine under Client and every resource group: builds the URL for a route, sends it through
// the transport with the format fallback, unwraps the envelope and scrubs the token from errors.

#include <chrono>
#include <memory>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/format_memory.hpp"
#include "whatsapp/detail/redact.hpp"
#include "whatsapp/envelope.hpp"
#include "whatsapp/http.hpp"
#include "whatsapp/logging.hpp"
#include "whatsapp/options.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/routes.hpp"
#include "whatsapp/url.hpp"

namespace whatsapp::detail {

/// A request before its URL is known: the URL depends on the format tried.
struct RequestSpec {
  const Route* route;
  PathValues path{};
  QueryParams query;
  std::string body;                      ///< Serialized JSON, or empty.
  std::vector<MultipartPart> multipart;  ///< For uploads.
  BodySink on_body{};                    ///< Streams a 2xx body (downloads); see HttpRequest.
  ProgressCallback progress{};           ///< Upload/download progress; see HttpRequest.
};

/// What one call exchanged: the final answer, its format and how many requests it took.
struct Exchange {
  HttpResponse response;
  UrlFormat format = UrlFormat::kNew;
  int attempts = 0;
};

template <class Transport>
class Core {
 public:
  Core(ClientOptions options, Transport transport)
      : options_(std::move(options)),
        endpoint_{options_.base_url, options_.api_version, options_.api_token},
        transport_(std::move(transport)),
        logger_(options_.log_sink, options_.log_level, options_.api_token) {}

  const ClientOptions& options() const noexcept { return options_; }
  Transport& transport() const noexcept { return transport_; }
  const Logger& logger() const noexcept { return logger_; }
  std::optional<UrlFormat> confirmed_format(RouteId id) const noexcept { return formats_.get(id); }

  /// Sends `spec`, New Format first (per policy), falling back to the Old Format once on a 404
  /// while the route's format is unconfirmed. Returns the final HTTP answer, whatever its status.
  Result<Exchange> exchange(const RequestSpec& spec) const {
    const Route& r = *spec.route;
    const auto confirmed = formats_.get(r.id);
    UrlFormat first = UrlFormat::kNew;
    if (options_.format_policy == FormatPolicy::kOldOnly) {
      first = UrlFormat::kOld;
    } else if (options_.format_policy == FormatPolicy::kNewThenOld && confirmed) {
      first = *confirmed;
    }
    Exchange ex;
    if (auto e = send_once(spec, first, ex); !e.ok()) return std::move(e).error();
    const bool learning = options_.format_policy == FormatPolicy::kNewThenOld && !confirmed;
    if (!learning) return ex;
    if (ex.response.status == 404 && first == UrlFormat::kNew) {
      if (auto e = send_once(spec, UrlFormat::kOld, ex); !e.ok()) return std::move(e).error();
      if (ex.response.status != 404) remember(r, UrlFormat::kOld);
      return ex;
    }
    if (ex.response.status != 404) remember(r, first);
    return ex;
  }

  /// exchange() and the envelope: the payload of a successful answer, or a typed error.
  Result<nlohmann::json> call(const RequestSpec& spec) const {
    auto ex = exchange(spec);
    if (!ex) return std::move(ex).error();
    auto payload = unwrap_envelope(ex->response);
    if (!payload) return finish(std::move(payload).error(), *ex);
    return payload;
  }

  /// Makes `e` safe to show and records how the call went: attempts, format, no token.
  Error finish(Error e, const Exchange& ex) const {
    e.with_attempts(ex.attempts).with_url_format(ex.format);
    return scrub(std::move(e));
  }

  /// Removes the api_token from every text in `e`.
  Error scrub(Error e) const {
    const std::string& token = options_.api_token;
    e.with_message(redacted(e.message(), token));
    if (!e.body_excerpt().empty()) e.with_body_excerpt(redacted(e.body_excerpt(), token));
    if (e.graph()) {
      GraphError g = *e.graph();
      g.message = redacted(std::move(g.message), token);
      g.details = redacted(std::move(g.details), token);
      g.error_user_msg = redacted(std::move(g.error_user_msg), token);
      e.with_graph(std::move(g));
    }
    return e;
  }

 private:
  Result<void> send_once(const RequestSpec& spec, UrlFormat format, Exchange& ex) const {
    auto url = build_url(endpoint_, *spec.route, spec.path, spec.query, format);
    if (!url) return scrub(std::move(url).error());
    HttpRequest req;
    req.method = spec.route->method;
    req.url = std::move(*url);
    req.body = spec.body;
    req.multipart = spec.multipart;
    req.on_body = spec.on_body;
    req.progress = spec.progress;
    req.connect_timeout = options_.connect_timeout;
    req.timeout = options_.timeout;

    const bool debug = logger_.enabled(LogLevel::kDebug);
    const auto start = debug ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
    Result<HttpResponse> resp = transport_.send(req);
    ++ex.attempts;
    ex.format = format;
    if (debug) {
      const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - start).count();
      logger_.log(LogLevel::kDebug, [&] {
        std::string line(to_string(req.method));
        line += ' ';
        line += req.url;
        line += resp ? " -> HTTP " + std::to_string(resp->status) : " -> " + resp.error().to_string();
        line += " (" + std::string(to_string(format)) + " format, " + std::to_string(us) + " us)";
        return line;
      });
    }
    if (!resp) {
      Error e = std::move(resp).error();
      return finish(std::move(e), ex);
    }
    ex.response = std::move(*resp);
    return {};
  }

  void remember(const Route& r, UrlFormat f) const {
    if (!formats_.confirm(r.id, f)) return;
    logger_.log(LogLevel::kInfo, [&] {
      return "route \"" + std::string(r.name) + "\" answers in the " + std::string(to_string(f)) +
             " URL format; using it from now on";
    });
  }

  ClientOptions options_;
  Endpoint endpoint_;
  mutable Transport transport_;
  mutable FormatMemory formats_;
  Logger logger_;
};

}  // namespace whatsapp::detail
