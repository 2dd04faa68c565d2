// Definitions of what api/conversations.hpp declares: included by it (header-only), or compiled once
// with WHATSAPP_SEPARATE_COMPILATION.

#pragma once

#include "whatsapp/api/conversations.hpp"

namespace whatsapp::api {

WHATSAPP_DECL Result<Page<Conversation>> Conversations::list(std::string_view waba_id,
                                                             const ConversationFilter& filter,
                                                             std::string_view after) const {
  detail::RequestSpec spec{&route(RouteId::kListConversations), {waba_id}, {}, {}, {}};
  detail::add_fields(spec.query, filter.fields);
  if (filter.limit) spec.query.emplace_back("limit", std::to_string(*filter.limit));
  if (!filter.user_id.empty()) spec.query.emplace_back("user_id", filter.user_id);
  if (!after.empty()) spec.query.emplace_back("after", std::string(after));
  return core_->call_read<Page<Conversation>>(spec, [](nlohmann::json&& payload) {
    return detail::decode_page<Conversation>(payload, "conversation");
  });
}

WHATSAPP_DECL Paged<Conversation> Conversations::list_all(std::string_view waba_id,
                                                          ConversationFilter filter) const {
  auto self = *this;
  std::string waba(waba_id);
  return Paged<Conversation>([self, waba, filter = std::move(filter)](const std::string& cursor) {
    return self.list(waba, filter, cursor);
  });
}

WHATSAPP_DECL Result<Conversation> Conversations::get(std::string_view conversation_id,
                                                      const std::vector<std::string>& fields) const {
  detail::RequestSpec spec{&route(RouteId::kGetConversation), {conversation_id}, {}, {}, {}};
  detail::add_fields(spec.query, fields);
  return core_->call_read<Conversation>(
      spec, [](nlohmann::json&& payload) { return detail::decode<Conversation>(payload, "conversation"); });
}

WHATSAPP_DECL Result<void> Conversations::mark_read(std::string_view waba_id,
                                                    std::string_view conversation_id) const {
  if (conversation_id.empty()) return Error::invalid_argument("conversation_id", "must not be empty");
  detail::RequestSpec spec{&route(RouteId::kMarkConversationRead), {waba_id}, {}, {}, {}};
  spec.body = nlohmann::json{{"conversation_id", conversation_id}}.dump();
  return core_->call_success(spec, "mark conversation as read");
}

}  // namespace whatsapp::api
