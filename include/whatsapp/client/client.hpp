#pragma once

/// @file client.hpp
/// whatsapp::Client: the entry point for calls to LowCodeAPI's WhatsApp endpoints.

#include <memory>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "whatsapp/api/analytics.hpp"
#include "whatsapp/api/business.hpp"
#include "whatsapp/api/conversations.hpp"
#include "whatsapp/api/media.hpp"
#include "whatsapp/api/messages.hpp"
#include "whatsapp/api/phone_numbers.hpp"
#include "whatsapp/api/subscriptions.hpp"
#include "whatsapp/api/templates.hpp"
#include "whatsapp/client/detail/core.hpp"
#include "whatsapp/client/options.hpp"
#include "whatsapp/transport/curl.hpp"
#include "whatsapp/transport/transport.hpp"

namespace whatsapp {

/// A client over a transport (libcurl by default).
///
///     whatsapp::Client<> client({.api_token = token});   // C++20 designated init, or set fields
///     auto sent = client.messages().send(phone_id, whatsapp::Message::text("15551234567", "Hi"));
///
/// Copies share one connection pool, format memory and options. Every method is const and safe
/// to call from several threads at once when the transport is (CurlTransport and FakeTransport
/// are). Resource groups (messages(), phone_numbers(), ...) are cheap handles that keep the
/// client's state alive.
template <class Transport = transport::CurlTransport>
class Client {
  static_assert(transport::is_transport_v<Transport>,
                "Transport needs a member `Result<HttpResponse> send(const HttpRequest&)` "
                "(see whatsapp/transport/transport.hpp)");

 public:
  explicit Client(ClientOptions options, Transport transport = Transport())
      : core_(std::make_shared<const detail::Core<Transport>>(std::move(options), std::move(transport))) {}

  /// Sending messages.
  api::Messages<Transport> messages() const { return api::Messages<Transport>(core_); }
  /// Business phone numbers.
  api::PhoneNumbers<Transport> phone_numbers() const { return api::PhoneNumbers<Transport>(core_); }
  /// Media: upload, retrieve URL, delete, download.
  api::MediaFiles<Transport> media() const { return api::MediaFiles<Transport>(core_); }
  /// Business profile, compliance info and the business account.
  api::Business<Transport> business() const { return api::Business<Transport>(core_); }
  /// Message templates.
  api::Templates<Transport> templates() const { return api::Templates<Transport>(core_); }
  /// Conversations.
  api::Conversations<Transport> conversations() const { return api::Conversations<Transport>(core_); }
  /// Webhook subscriptions of an app.
  api::Subscriptions<Transport> subscriptions() const { return api::Subscriptions<Transport>(core_); }
  /// Messaging analytics.
  api::AnalyticsApi<Transport> analytics() const { return api::AnalyticsApi<Transport>(core_); }

  /// Any route, for what the typed groups do not cover: the unwrapped payload or a typed error.
  /// `body` is sent as JSON when not null.
  Result<nlohmann::json> call(RouteId id, const PathValues& path, QueryParams query = {},
                              const nlohmann::json& body = nullptr) const {
    detail::RequestSpec spec{&route(id), path, std::move(query), {}, {}};
    if (!body.is_null()) {
      spec.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    return core_->call(spec);
  }

  /// A client whose calls use `overrides` (retry policy, deadline, timeout, idempotency) and
  /// that shares everything else with this one: transport, connections, format memory, rate
  /// limits. Cheap; meant to be made per call or per batch:
  ///
  ///     client.with_options({.retry = whatsapp::RetryPolicy::none()}).messages().send(...);
  Client with_options(const CallOptions& overrides) const {
    return Client(std::make_shared<const detail::Core<Transport>>(*core_, overrides));
  }

  /// The URL format `id` is known to answer in, once a call has found out.
  std::optional<UrlFormat> confirmed_format(RouteId id) const noexcept { return core_->confirmed_format(id); }
  const ClientOptions& options() const noexcept { return core_->options(); }
  /// The transport, e.g. a FakeTransport's record of requests.
  Transport& transport() const noexcept { return core_->transport(); }

 private:
  explicit Client(std::shared_ptr<const detail::Core<Transport>> core) : core_(std::move(core)) {}

  std::shared_ptr<const detail::Core<Transport>> core_;
};

}  // namespace whatsapp
