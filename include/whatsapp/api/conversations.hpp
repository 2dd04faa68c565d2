#pragma once

/// @file api/conversations.hpp
/// Conversations: list (paged), get by id, mark as read.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/api/detail/query.hpp"
#include "whatsapp/client/detail/core.hpp"
#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/model/conversation.hpp"
#include "whatsapp/model/page.hpp"
#include "whatsapp/model/success.hpp"

namespace whatsapp::api {

/// `client.conversations()`. Cheap to copy; shares the client's connection and state.
class Conversations {
 public:
  explicit Conversations(std::shared_ptr<const detail::Core> core) : core_(std::move(core)) {}

  /// Get Conversations: one page, starting after the cursor `after` (empty: the first).
  /// Errors: kApi, kParse, kTransport. Read-only: safe to repeat.
  WHATSAPP_DECL Result<Page<Conversation>> list(std::string_view waba_id,
                                                const ConversationFilter& filter = {},
                                                std::string_view after = {}) const;

  /// Every conversation matching `filter`, page by page (after-cursors through the same route).
  WHATSAPP_DECL Paged<Conversation> list_all(std::string_view waba_id, ConversationFilter filter = {}) const;

  /// Get Conversation by ID. Errors: kApi (unknown id), kParse. Read-only: safe to repeat.
  WHATSAPP_DECL Result<Conversation> get(std::string_view conversation_id,
                                         const std::vector<std::string>& fields = {}) const;

  /// Mark Conversation as Read. Errors: kInvalidArgument for an empty id; kApi. Safe to repeat.
  WHATSAPP_DECL Result<void> mark_read(std::string_view waba_id, std::string_view conversation_id) const;

 private:
  std::shared_ptr<const detail::Core> core_;
};

}  // namespace whatsapp::api

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/api/impl/conversations.ipp"
#endif
