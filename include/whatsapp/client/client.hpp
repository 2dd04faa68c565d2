#pragma once

/// @file client/client.hpp
/// whatsapp::Client: the entry point for calls to LowCodeAPI's WhatsApp endpoints, or to Meta's
/// Graph API itself (ClientOptions::backend, docs/graph.md).

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
#include "whatsapp/detail/config.hpp"
#include "whatsapp/transport/any_transport.hpp"
#include "whatsapp/transport/curl.hpp"
#include "whatsapp/transport/transport.hpp"

namespace whatsapp {

/// What every Client<Transport> is, whatever its transport: a function that takes a
/// `const ClientBase&` accepts a client over any transport (a CurlTransport in production, a
/// FakeTransport in tests). Copies share one connection pool, format memory and options. Every
/// method is const and safe to call from several threads at once when the transport is
/// (CurlTransport and FakeTransport are). Resource groups (messages(), phone_numbers(), ...) are
/// cheap handles that keep the client's state alive.
class ClientBase {
 public:
  /// Sending messages.
  api::Messages messages() const { return api::Messages(core_); }
  /// Business phone numbers.
  api::PhoneNumbers phone_numbers() const { return api::PhoneNumbers(core_); }
  /// Media: upload, retrieve URL, delete, download.
  api::MediaFiles media() const { return api::MediaFiles(core_); }
  /// Business profile, compliance info and the business account.
  api::Business business() const { return api::Business(core_); }
  /// Message templates.
  api::Templates templates() const { return api::Templates(core_); }
  /// Conversations.
  api::Conversations conversations() const { return api::Conversations(core_); }
  /// Webhook subscriptions of an app.
  api::Subscriptions subscriptions() const { return api::Subscriptions(core_); }
  /// Messaging analytics.
  api::AnalyticsApi analytics() const { return api::AnalyticsApi(core_); }

  /// Any route, for what the typed groups do not cover: the unwrapped payload or a typed error.
  /// `body` is sent as JSON when not null. Retried, paced and redacted as every other call.
  WHATSAPP_DECL Result<nlohmann::json> call(RouteId id, const PathValues& path, QueryParams query = {},
                                            const nlohmann::json& body = nullptr) const;

  /// The URL format `id` is known to answer in, once a call has found out (never under
  /// Backend::kGraph, which has one URL spelling).
  std::optional<UrlFormat> confirmed_format(RouteId id) const noexcept { return core_->confirmed_format(id); }
  const ClientOptions& options() const noexcept { return core_->options(); }

 protected:
  explicit ClientBase(std::shared_ptr<const detail::Core> core) noexcept : core_(std::move(core)) {}
  std::shared_ptr<const detail::Core> core_;
};

/// A client over a transport (libcurl by default).
///
///     whatsapp::Client<> client({.api_token = token});   // C++20 designated init, or set fields
///     auto sent = client.messages().send(phone_id, whatsapp::Message::text("15551234567", "Hi"));
///
/// The transport is adapted once to a runtime interface (transport::AnyTransport); everything
/// behind the client is compiled once, whatever the transport.
template <class Transport = transport::CurlTransport>
class Client : public ClientBase {
  static_assert(transport::is_transport_v<Transport>,
                "Transport needs a member `Result<HttpResponse> send(const HttpRequest&)` "
                "(see whatsapp/transport/transport.hpp)");

 public:
  explicit Client(ClientOptions options, Transport transport = Transport())
      : Client(std::make_shared<transport::TransportAdapter<Transport>>(std::move(transport)),
               std::move(options)) {}

  /// A client whose calls use `overrides` (retry policy, deadline, timeout, idempotency) and
  /// that shares everything else with this one: transport, connections, format memory, rate
  /// limits. Cheap; meant to be made per call or per batch:
  ///
  ///     client.with_options({.retry = whatsapp::RetryPolicy::none()}).messages().send(...);
  Client with_options(const CallOptions& overrides) const {
    return Client(std::make_shared<const detail::Core>(*core_, overrides), transport_);
  }

  /// The transport, e.g. a FakeTransport's record of requests.
  Transport& transport() const noexcept { return *transport_; }

 private:
  Client(const std::shared_ptr<transport::TransportAdapter<Transport>>& adapted, ClientOptions options)
      : ClientBase(std::make_shared<const detail::Core>(std::move(options), adapted)),
        transport_(&adapted->get()) {}
  Client(std::shared_ptr<const detail::Core> core, Transport* transport) noexcept
      : ClientBase(std::move(core)), transport_(transport) {}

  Transport* transport_;  // owned by the core's adapter, which lives as long as any copy
};

#ifdef WHATSAPP_SEPARATE_COMPILATION
// The client over the default transport, and its adapter (whose virtual functions every file
// that makes a client would otherwise compile: the whole curl transport), are compiled once
// with the rest of the SDK (whatsapp/instantiate.hpp).
extern template class Client<transport::CurlTransport>;
extern template class transport::TransportAdapter<transport::CurlTransport>;
#endif

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/client/impl/client.ipp"
#endif
