// Definitions of what api/subscriptions.hpp declares: included by it (header-only), or compiled once
// with WHATSAPP_SEPARATE_COMPILATION.

#pragma once

#include "whatsapp/api/subscriptions.hpp"

namespace whatsapp::api {

WHATSAPP_DECL Result<void> Subscriptions::create(std::string_view app_id, const NewSubscription& s) const {
  if (s.callback_url.empty()) return Error::invalid_argument("callback_url", "must not be empty");
  if (s.fields.empty()) return Error::invalid_argument("fields", "must name at least one field");
  if (s.verify_token.empty()) return Error::invalid_argument("verify_token", "must not be empty");
  if (s.object.empty()) return Error::invalid_argument("object", "must not be empty");
  detail::RequestSpec spec{&route(RouteId::kCreateSubscription), {app_id}, {}, {}, {}};
  spec.body = nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return core_->call_success(spec, "create subscription");
}

WHATSAPP_DECL Result<std::vector<Subscription>> Subscriptions::list(std::string_view app_id) const {
  detail::RequestSpec spec{&route(RouteId::kListSubscriptions), {app_id}, {}, {}, {}};
  return core_->call_read<std::vector<Subscription>>(
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

WHATSAPP_DECL Result<void> Subscriptions::remove(std::string_view app_id, std::string_view object) const {
  detail::RequestSpec spec{&route(RouteId::kDeleteSubscription), {app_id}, {}, {}, {}};
  if (!object.empty()) spec.query.emplace_back("object", std::string(object));
  return core_->call_success(spec, "delete subscription");
}

}  // namespace whatsapp::api
