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
#include "whatsapp/detail/decode.hpp"
#include "whatsapp/model/conversation.hpp"
#include "whatsapp/model/page.hpp"
#include "whatsapp/model/success.hpp"

namespace whatsapp::api {

/// `client.conversations()`. Cheap to copy; shares the client's connection and state.
template <class Transport>
class Conversations {
 public:
  explicit Conversations(std::shared_ptr<const detail::Core<Transport>> core) : core_(std::move(core)) {}

  /// Get Conversations: one page, starting after the cursor `after` (empty: the first).
  /// Errors: kApi, kParse, kTransport. Read-only: safe to repeat.
  Result<Page<Conversation>> list(std::string_view waba_id, const ConversationFilter& filter = {},
                                  std::string_view after = {}) const {
    detail::RequestSpec spec{&route(RouteId::kListConversations), {waba_id}, {}, {}, {}};
    detail::add_fields(spec.query, filter.fields);
    if (filter.limit) spec.query.emplace_back("limit", std::to_string(*filter.limit));
    if (!filter.user_id.empty()) spec.query.emplace_back("user_id", filter.user_id);
    if (!after.empty()) spec.query.emplace_back("after", std::string(after));
    return core_->template call_read<Page<Conversation>>(spec, [](nlohmann::json&& payload) {
      return detail::decode_page<Conversation>(payload, "conversation");
    });
  }

  /// Every conversation matching `filter`, page by page (after-cursors through the same route).
  Paged<Conversation> list_all(std::string_view waba_id, ConversationFilter filter = {}) const {
    auto self = *this;
    std::string waba(waba_id);
    return Paged<Conversation>(
        [self, waba, filter](const std::string& cursor) { return self.list(waba, filter, cursor); });
  }

  /// Get Conversation by ID. Errors: kApi (unknown id), kParse. Read-only: safe to repeat.
  Result<Conversation> get(std::string_view conversation_id,
                           const std::vector<std::string>& fields = {}) const {
    detail::RequestSpec spec{&route(RouteId::kGetConversation), {conversation_id}, {}, {}, {}};
    detail::add_fields(spec.query, fields);
    return core_->template call_read<Conversation>(
        spec, [](nlohmann::json&& payload) { return detail::decode<Conversation>(payload, "conversation"); });
  }

  /// Mark Conversation as Read. Errors: kInvalidArgument for an empty id; kApi. Safe to repeat.
  Result<void> mark_read(std::string_view waba_id, std::string_view conversation_id) const {
    if (conversation_id.empty()) return Error::invalid_argument("conversation_id", "must not be empty");
    detail::RequestSpec spec{&route(RouteId::kMarkConversationRead), {waba_id}, {}, {}, {}};
    spec.body = nlohmann::json{{"conversation_id", conversation_id}}.dump();
    return core_->call_success(spec, "mark conversation as read");
  }

 private:
  std::shared_ptr<const detail::Core<Transport>> core_;
};

}  // namespace whatsapp::api
