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
#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/model/conversation.hpp"
#include "whatsapp/model/success.hpp"

namespace whatsapp::api {

/// `client.subscriptions()`. Cheap to copy; shares the client's connection and state.
class Subscriptions {
 public:
  explicit Subscriptions(std::shared_ptr<const detail::Core> core) : core_(std::move(core)) {}

  /// Create Webhook Subscription for `app_id`: Meta verifies `callback_url` with the
  /// hub.challenge handshake using `verify_token`, then posts the `fields` to it.
  /// Errors: kInvalidArgument (empty callback URL, fields or token); kApi. Safe to repeat: it
  /// replaces the subscription for the same object.
  WHATSAPP_DECL Result<void> create(std::string_view app_id, const NewSubscription& s) const;

  /// Get Webhook Subscriptions of `app_id`. Errors: kApi, kParse. Read-only: safe to repeat.
  WHATSAPP_DECL Result<std::vector<Subscription>> list(std::string_view app_id) const;

  /// Delete Webhook Subscription of `app_id` for `object` (empty: every object).
  /// Errors: kApi, kParse. Safe to repeat.
  WHATSAPP_DECL Result<void> remove(std::string_view app_id,
                                    std::string_view object = "whatsapp_business_account") const;

 private:
  std::shared_ptr<const detail::Core> core_;
};

}  // namespace whatsapp::api

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/api/impl/subscriptions.ipp"
#endif
