#pragma once

/// @file webhook_request.hpp
/// Private: what the built-in webhook server (webhook/server.hpp) answers. check_head() decides
/// from the head alone whether the body may be read at all; answer() handles a complete
/// request: the handshake for GET, and for POST the signature over the raw body first, then
/// parse() and the Dispatcher.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "whatsapp/webhook/challenge.hpp"
#include "whatsapp/webhook/detail/http_head.hpp"
#include "whatsapp/webhook/dispatcher.hpp"
#include "whatsapp/webhook/parse.hpp"
#include "whatsapp/webhook/server_options.hpp"
#include "whatsapp/webhook/signature.hpp"

namespace whatsapp::detail {

/// An answer: status 0 means "go on and read the body".
struct WebhookVerdict {
  int status = 0;
  std::string body;
  std::string extra_headers;  ///< Header lines, each ending in CRLF.
};

/// Shared by all connections of one server: the settings, the dispatcher, and the count of
/// body bytes held (ServerOptions::max_buffered_bytes).
class WebhookRequestHandler {
 public:
  WebhookRequestHandler(const webhook::ServerOptions& options, webhook::Dispatcher dispatcher)
      : options_(options), dispatcher_(std::move(dispatcher)) {}

  const webhook::ServerOptions& options() const noexcept { return options_; }

  /// Books `n` more buffered body bytes; false (nothing booked) when that would pass the limit.
  bool reserve(std::size_t n) noexcept {
    if (n > options_.max_buffered_bytes - buffered_) return false;
    buffered_ += n;
    return true;
  }
  /// Gives back bytes booked with reserve().
  void release(std::size_t n) noexcept { buffered_ -= n < buffered_ ? n : buffered_; }

  /// Passes one line to ServerOptions::log, if set; a throwing log function is ignored.
  void log(std::string_view line) const noexcept {
    if (!options_.log) return;
    try {
      options_.log(line);
    } catch (...) {
    }
  }

  /// A refusal with `reason` as body, logged.
  WebhookVerdict refuse(int status, std::string_view reason, std::string extra = {}) const {
    log("request refused (" + std::to_string(status) + "): " + std::string(reason));
    return {status, std::string(reason), std::move(extra)};
  }

  /// Decides from the head alone. Returns status 0 when the body may be read (a POST that is
  /// well framed, small enough, unencoded and carries a well-formed signature header), else the
  /// final answer; for GET the handshake's answer.
  WebhookVerdict check_head(const HttpRequestHead& head, const HttpBodyFraming& framing) const {
    if (framing.status != 0) return refuse(framing.status, framing.reason);
    bool encoded = false;
    webhook_for_each_list_element(head, "Content-Encoding", [&](std::string_view coding) {
      encoded = !webhook_iequals(coding, "identity");
      return !encoded;
    });
    if (encoded) return refuse(415, "request bodies must not be encoded (Content-Encoding)");
    if (!options_.path.empty() && webhook_target_path(head.target) != options_.path) {
      return refuse(404, "no webhook at this path");
    }
    if (head.method == "GET") return handshake(head);
    if (head.method != "POST") return refuse(405, "only GET and POST are served", "Allow: GET, POST\r\n");
    if (framing.kind == HttpBodyFraming::Kind::kLength && framing.length > options_.max_body_bytes) {
      return refuse(413, "body larger than " + std::to_string(options_.max_body_bytes) + " bytes");
    }
    if (const std::string* expect = webhook_header(head, "Expect")) {
      if (!webhook_iequals(*expect, "100-continue") || webhook_header_count(head, "Expect") != 1) {
        return refuse(417, "only Expect: 100-continue is supported");
      }
    }
    // Refuse unauthenticated requests before their body is read: a missing or malformed
    // header can be told without the body.
    const std::size_t signatures = webhook_header_count(head, webhook::kSignatureHeader);
    const std::string* signature = webhook_header(head, webhook::kSignatureHeader);
    const auto pre =
        webhook::verify_signature({}, signatures == 1 ? *signature : std::string(), options_.app_secret);
    if (signatures > 1) return refuse(401, "more than one X-Hub-Signature-256 header");
    if (pre.status == webhook::SignatureStatus::kMissing ||
        pre.status == webhook::SignatureStatus::kMalformed ||
        pre.status == webhook::SignatureStatus::kNoSecret) {
      return refuse(pre.http_status(), pre.message());
    }
    return {};
  }

  /// Answers a complete POST: the signature over `body`, then parse() and dispatch.
  WebhookVerdict answer_post(const HttpRequestHead& head, std::string_view body) const {
    const std::string* signature = webhook_header(head, webhook::kSignatureHeader);
    const auto check = webhook::verify_signature(body, signature != nullptr ? *signature : std::string(),
                                                 options_.app_secret);
    if (!check) {
      log("POST refused (" + std::to_string(check.http_status()) + "): " + std::string(check.message()));
      return {check.http_status(), std::string(check.message()), {}};
    }
    auto notification =
        webhook::parse(body, webhook::ParseOptions{options_.max_body_bytes, options_.max_depth});
    if (!notification) {
      log(notification.error().message());
      return {400, notification.error().message(), {}};
    }
    const webhook::DispatchReport report = dispatcher_.dispatch(*notification);
    if (report.failed == 0 && report.deferred > 0) {  // the duplicate store could not tell
      log(std::to_string(report.deferred) + " event(s) deferred: the duplicate store is unavailable");
      return {503, "duplicate store unavailable; deliver again", {}};
    }
    if (!report.ok()) {
      for (const auto& f : report.failures) log(f);
      if (report.failures.empty()) log("a handler failed");
      return {500, "a handler failed; deliver again", {}};  // what was handled is then a duplicate
    }
    return {200, "OK", {}};
  }

 private:
  WebhookVerdict handshake(const HttpRequestHead& head) const {
    auto a = webhook::answer_challenge(webhook_query_value(head.target, webhook::kHubMode),
                                       webhook_query_value(head.target, webhook::kHubVerifyToken),
                                       webhook_query_value(head.target, webhook::kHubChallenge),
                                       options_.verify_token);
    if (!a.accepted()) log("handshake refused: " + std::string(webhook::to_string(a.outcome)));
    return {a.http_status, std::move(a.body), {}};
  }

  const webhook::ServerOptions& options_;
  webhook::Dispatcher dispatcher_;
  std::size_t buffered_ = 0;
};

}  // namespace whatsapp::detail
