#pragma once

/// @file api/subscriptions.hpp
/// Webhook subscriptions of an app: create, list, delete.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/client/detail/core.hpp"
#include "whatsapp/detail/decode.hpp"
#include "whatsapp/model/conversation.hpp"
#include "whatsapp/model/success.hpp"

namespace whatsapp::api {

/// `client.subscriptions()`. Cheap to copy; shares the client's connection and state.
template <class Transport>
class Subscriptions {
 public:
  explicit Subscriptions(std::shared_ptr<const detail::Core<Transport>> core) : core_(std::move(core)) {}

  /// Create Webhook Subscription for `app_id`: Meta verifies `callback_url` with the
  /// hub.challenge handshake using `verify_token`, then posts the `fields` to it.
  /// Errors: kInvalidArgument (empty callback URL, fields or token); kApi. Safe to repeat: it
  /// replaces the subscription for the same object.
  Result<void> create(std::string_view app_id, const NewSubscription& s) const {
    if (s.callback_url.empty()) return Error::invalid_argument("callback_url", "must not be empty");
    if (s.fields.empty()) return Error::invalid_argument("fields", "must name at least one field");
    if (s.verify_token.empty()) return Error::invalid_argument("verify_token", "must not be empty");
    if (s.object.empty()) return Error::invalid_argument("object", "must not be empty");
    detail::RequestSpec spec{&route(RouteId::kCreateSubscription), {app_id}, {}, {}, {}};
    spec.body = nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return core_->call_success(spec, "create subscription");
  }

  /// Get Webhook Subscriptions of `app_id`. Errors: kApi, kParse. Read-only: safe to repeat.
  Result<std::vector<Subscription>> list(std::string_view app_id) const {
    detail::RequestSpec spec{&route(RouteId::kListSubscriptions), {app_id}, {}, {}, {}};
    return core_->template call_read<std::vector<Subscription>>(
        spec, [](nlohmann::json&& payload) -> Result<std::vector<Subscription>> {
          const auto d = payload.is_object() ? payload.find("data") : payload.end();
          if (!payload.is_object() || d == payload.end() || !d->is_array()) {
            return Error(ErrorKind::kParse, "cannot read subscriptions: no \"data\" array");
          }
          std::vector<Subscription> out;
          for (const auto& e : *d) {
            auto s = detail::decode<Subscription>(e, "subscription");
            if (!s) return std::move(s).error();
            out.push_back(std::move(*s));
          }
          return out;
        });
  }

  /// Delete Webhook Subscription of `app_id` for `object` (empty: every object).
  /// Errors: kApi, kParse. Safe to repeat.
  Result<void> remove(std::string_view app_id, std::string_view object = "whatsapp_business_account") const {
    detail::RequestSpec spec{&route(RouteId::kDeleteSubscription), {app_id}, {}, {}, {}};
    if (!object.empty()) spec.query.emplace_back("object", std::string(object));
    return core_->call_success(spec, "delete subscription");
  }

 private:
  std::shared_ptr<const detail::Core<Transport>> core_;
};

}  // namespace whatsapp::api
