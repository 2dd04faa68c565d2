// Definitions of what client/detail/core.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION.

#pragma once

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "whatsapp/client/detail/core.hpp"
#include "whatsapp/client/detail/rate_limiter.hpp"
#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/detail/percent.hpp"
#include "whatsapp/model/success.hpp"
#include "whatsapp/protocol/envelope.hpp"
#include "whatsapp/protocol/graph.hpp"
#include "whatsapp/protocol/url.hpp"

namespace whatsapp::detail {

WHATSAPP_DECL ClientOptions effective_options(ClientOptions o) {
  const std::string_view lowcodeapi = kDefaultBaseUrl;
  if (o.backend == Backend::kGraph &&
      (o.base_url.empty() || o.base_url == lowcodeapi || o.base_url == std::string(lowcodeapi) + "/")) {
    o.base_url = kDefaultGraphBaseUrl;
  }
  return o;
}

WHATSAPP_DECL std::optional<Error> graph_options_error(const ClientOptions& o) {
  if (o.access_token.empty()) {
    return Error::invalid_argument("access_token", "is empty: Backend::kGraph needs Meta's access token");
  }
  for (const char c : o.access_token) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      return Error::invalid_argument("access_token", "holds a control character (CR, LF, ...)");
    }
  }
  if (const auto origin = url_origin(o.base_url)) {
    const std::string_view host = origin->host;
    const std::string_view domain = "lowcodeapi.com";
    if (host == domain || (host.size() > domain.size() &&
                           host.compare(host.size() - domain.size(), domain.size(), domain) == 0 &&
                           host[host.size() - domain.size() - 1] == '.')) {
      return Error::invalid_argument(
          "base_url",
          "is LowCodeAPI's host: Backend::kGraph sends Meta's access token, which must not go "
          "there; use kDefaultGraphBaseUrl, or Backend::kLowCodeApi with its api_token");
    }
  }
  return std::nullopt;
}

WHATSAPP_DECL Core::Core(ClientOptions options, std::shared_ptr<transport::AnyTransport> transport)
    : options_(effective_options(std::move(options))),
      url_root_(url_root(Endpoint{options_.base_url, options_.api_version, {}})),
      transport_(std::move(transport)),
      formats_(std::make_shared<FormatMemory>()),
      limiter_(options_.rate_limit.enabled() && !options_.rate_limit.store
                   ? std::make_shared<RateLimiter>(options_.rate_limit)
                   : nullptr),
      store_(options_.rate_limit.enabled() ? options_.rate_limit.store : nullptr),
      redact_(std::make_shared<const Redactor>(graph() ? options_.access_token : options_.api_token)),
      logger_(options_.log_sink, options_.log_level, redact_) {
  if (!graph()) {
    url_token_ = encoded(options_.api_token);
    url_key_ = "api_token";
    return;
  }
  auth_header_ = "Bearer " + options_.access_token;
  graph_refusal_ = graph_options_error(options_);
  if (!options_.app_secret.empty()) {
    url_token_ = appsecret_proof(options_.access_token, options_.app_secret);  // hex: no encoding
    url_key_ = "appsecret_proof";
  }
}

WHATSAPP_DECL Core::Core(const Core& base, const CallOptions& call) : Core(base) { call_ = call; }

WHATSAPP_DECL void Core::run(Call& call) const {
  const TimeSource& time = options_.time;
  const bool debug = logger_.enabled(LogLevel::kDebug);
  for (;;) {
    switch (call.next(time.current())) {
      case Call::Step::kSend: {
        const auto start = debug ? Clock::now() : Clock::time_point{};
        Result<HttpResponse> resp = transport_->send(call.request());
        if (debug && resp && resp->elapsed.count() == 0) {
          resp->elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
        }
        call.answer(std::move(resp), time.current());
        break;
      }
      case Call::Step::kWait:
        time.wait(call.delay());
        call.resume();
        break;
      case Call::Step::kDone: return;
    }
  }
}

WHATSAPP_DECL Result<void> Core::perform(RequestSpec&& spec, AnswerReader* reader, Exchange* unread) const {
  if (auto adapted = adapt(spec); !adapted) return adapted;
  Call c(*this, std::move(spec));
  c.begin(reader);
  run(c);
  if (c.failed()) return std::move(c.error());
  if (unread != nullptr) *unread = std::move(c.exchange());
  return {};
}

WHATSAPP_DECL Result<void> Core::adapt(RequestSpec& spec) const {
  if (!graph() || spec.route->id != RouteId::kMarkMessageRead) return {};
  auto body = graph_read_receipt(spec.body, spec.path[1]);
  if (!body) return scrub(std::move(body).error());
  spec.body = std::move(*body);
  return {};
}

WHATSAPP_DECL Result<nlohmann::json> Core::call(const RequestSpec& spec) const {
  JsonReader reader;
  if (auto done = perform(RequestSpec(spec), &reader); !done) return std::move(done).error();
  return std::move(reader.value);
}

WHATSAPP_DECL Result<SendResult> Core::send(RequestSpec&& spec) const {
  SendReader reader;
  if (auto done = perform(std::move(spec), &reader); !done) return std::move(done).error();
  return std::move(*reader.value);
}

WHATSAPP_DECL Result<void> Core::call_success(const RequestSpec& spec, std::string_view what) const {
  auto r = call_read<bool>(spec, [what](nlohmann::json&& payload) -> Result<bool> {
    auto ok = expect_success(std::move(payload), what);
    if (!ok) return std::move(ok).error();
    return true;
  });
  if (!r) return std::move(r).error();
  return {};
}

WHATSAPP_DECL Result<Exchange> Core::exchange(const RequestSpec& spec) const {
  Exchange ex;
  if (auto done = perform(RequestSpec(spec), nullptr, &ex); !done) return std::move(done).error();
  return ex;
}

WHATSAPP_DECL UrlFormat Core::first_format(RouteId id, bool& learning) const noexcept {
  if (graph()) {  // one URL spelling: nothing to learn
    learning = false;
    return UrlFormat::kNew;
  }
  const auto confirmed = formats_->get(id);
  learning = options_.format_policy == FormatPolicy::kNewThenOld && !confirmed;
  if (options_.format_policy == FormatPolicy::kOldOnly) return UrlFormat::kOld;
  if (options_.format_policy == FormatPolicy::kNewThenOld && confirmed) return *confirmed;
  return UrlFormat::kNew;
}

WHATSAPP_DECL bool Core::unconfirmed(RouteId id) const noexcept {
  bool learning = false;
  first_format(id, learning);
  return learning;
}

WHATSAPP_DECL bool Core::paced(const RequestSpec& spec) const noexcept {
  return (limiter_ || store_) && spec.route->id == RouteId::kSendMessage;
}

WHATSAPP_DECL Result<std::chrono::nanoseconds> Core::reserve_slot(const RequestSpec& spec,
                                                                  Clock::time_point now,
                                                                  Clock::time_point deadline) const {
  std::string recipient(spec.recipient);
  if (recipient.empty() && options_.rate_limit.per_recipient_interval.count() > 0) {
    const auto body = parse_json(spec.body);
    if (body.is_object()) {  // a phone number (`to`) or a BSUID (`recipient`): one user either way
      for (const char* key : {"to", "recipient"}) {
        const auto id = body.find(key);
        if (id == body.end() || !id->is_string() || id->get_ref<const std::string&>().empty()) continue;
        recipient = id->get<std::string>();
        break;
      }
    }
  }
  if (!store_) return limiter_->reserve(spec.path[0], recipient, now);
  auto wait = store_->reserve(options_.rate_limit, spec.path[0], recipient, now, deadline);
  if (!wait) return scrub(std::move(wait).error().with_delivery(Delivery::kNotSent));
  return wait;
}

WHATSAPP_DECL Result<std::string> Core::url_of(const RequestSpec& spec, UrlFormat format) const {
  if (!graph()) {
    auto url = build_url_with(url_root_, url_token_, *spec.route, spec.path, spec.query, format);
    if (!url) return scrub(std::move(url).error());
    return url;
  }
  if (graph_refusal_) return *graph_refusal_;
  const RouteId id = spec.route->id;
  if (id == RouteId::kDownloadMedia) {  // Meta's media URL itself, as Graph returned it
    if (auto ok = check_media_url(spec.path[0]); !ok) return scrub(std::move(ok).error());
    return std::string(spec.path[0]);
  }
  // The read receipt by path is Meta's body form (adapt()): the send route of the same number.
  const bool receipt = id == RouteId::kMarkMessageRead;
  const Route& r = receipt ? route(RouteId::kSendMessage) : *spec.route;
  const PathValues values = receipt ? PathValues{spec.path[0], {}} : spec.path;
  auto url = build_url_with(url_root_, url_token_, r, values, spec.query, UrlFormat::kNew, url_key_);
  if (!url) return scrub(std::move(url).error());
  return url;
}

WHATSAPP_DECL void Core::set_request(HttpRequest& req, const RequestSpec& spec,
                                     const AttemptSettings& settings) const {
  req.method = spec.route->method;
  req.multipart = spec.multipart;
  req.on_body = spec.on_body;
  req.progress = spec.progress;
  req.connect_timeout = options_.connect_timeout;
  req.timeout = settings.timeout.count() > 0 ? settings.timeout : options_.timeout;
  req.idempotent = settings.idempotent;
  req.fresh_connection = settings.fresh_connection;
  req.max_response_bytes = options_.max_response_bytes;
  req.success_headers = false;  // only an error answer's Retry-After is read (classify_answer)
  if (!graph()) {
    if (!req.headers.empty()) req.headers.clear();
    return;
  }
  bool bearer = true;
  if (spec.route->id == RouteId::kDownloadMedia) {
    bearer = bearer_allowed(spec.path[0], options_.base_url);
    if (!bearer) {
      logger_.log(LogLevel::kWarning, [&] {
        return "the media URL's host is neither base_url's nor one of Meta's media hosts: downloading \"" +
               std::string(spec.path[0]) + "\" without the access token";
      });
    }
  }
  if (!bearer) {
    req.headers.clear();
  } else if (req.headers.size() != 1 || req.headers[0].second != auth_header_) {
    req.headers.assign(1, {"Authorization", auth_header_});
  }
}

WHATSAPP_DECL void Core::remember(const Route& r, UrlFormat f) const {
  if (!formats_->confirm(r.id, f)) return;
  logger_.log(LogLevel::kInfo, [&] {
    return "route \"" + std::string(r.name) + "\" answers in the " + std::string(to_string(f)) +
           " URL format; using it from now on";
  });
}

WHATSAPP_DECL bool Core::unserved(const Route& r) const {
  return formats_->unserved(r.id, options_.time.current());
}

WHATSAPP_DECL void Core::mark_unserved(const Route& r) const {
  if (!formats_->mark_unserved(r.id, options_.time.current())) return;
  logger_.log(LogLevel::kWarning, [&] {
    return "route \"" + std::string(r.name) +
           "\" answered 404 in both URL formats; asking in one format for " +
           std::to_string(kUnservedRouteTtl.count()) + " minutes";
  });
}

WHATSAPP_DECL Error Core::answer_error(const Exchange& ex) const {
  auto payload = read_answer_at(ex.response, options_.time, *redact_, !graph());
  Error e = payload ? Error(ErrorKind::kHttp, "the answer is an error status without an error")
                          .with_http_status(ex.response.status)
                          .with_source(ErrorSource::kUnknown)
                    : std::move(payload).error();
  e = finish(std::move(e), ex);
  classify_answer(e, ex.response);
  if (ex.unserved) explain_unserved(e, ex);
  return e;
}

WHATSAPP_DECL Error Core::finish(Error e, const Exchange& ex) const {
  e.with_attempts(ex.attempts);
  if (!graph()) e.with_url_format(ex.format);  // Graph has no URL formats: url_format() stays empty
  if (graph() && e.source() == ErrorSource::kGraph && e.category() == ErrorCategory::kAuthorization) {
    e.with_hint(
        "check ClientOptions::access_token (expired, revoked, or without the whatsapp_business_messaging / "
        "whatsapp_business_management permission) and app_secret (its appsecret_proof must match the "
        "token's app)");
  }
  return scrub(std::move(e));
}

WHATSAPP_DECL Error Core::scrub(Error e) const {
  e.with_message((*redact_)(e.message()));
  if (!e.body_excerpt().empty()) e.with_body_excerpt((*redact_)(e.body_excerpt()));
  if (!e.field().empty()) e.with_field((*redact_)(e.field()));
  if (e.graph()) {
    GraphError g = *e.graph();
    for (std::string* text :
         {&g.type, &g.message, &g.fbtrace_id, &g.details, &g.error_user_title, &g.error_user_msg}) {
      if (!text->empty()) *text = (*redact_)(std::move(*text));
    }
    e.with_graph(std::move(g));
  }
  return e;
}

// A 5xx without an API error object comes from a gateway, which may have passed the request on
// before failing; an unreadable 2xx answer was a success.
WHATSAPP_DECL void Core::classify_answer(Error& e, const HttpResponse& resp) const {
  if (e.delivery() != Delivery::kAnswered) return;  // e.g. Meta unreachable from the proxy: not sent
  const int status = resp.status;
  if ((e.kind() == ErrorKind::kHttp && status >= 500) ||
      (e.kind() == ErrorKind::kParse && status >= 200 && status < 300)) {
    e.with_delivery(Delivery::kMaybeSent);
  }
}

}  // namespace whatsapp::detail
