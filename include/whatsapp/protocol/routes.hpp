#pragma once

/// @file routes.hpp
/// Every LowCodeAPI WhatsApp endpoint as one row of one table. Both URL formats are derived
/// from a row (protocol/url.hpp); nothing else in the library spells a path.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "whatsapp/transport/http.hpp"

namespace whatsapp {

/// The 29 endpoints of LowCodeAPI's WhatsApp provider, in the order of the rows of kRoutes
/// (docs/design.md, "Routes as data").
enum class RouteId : std::uint8_t {
  kSendMessage,
  kMarkMessageRead,
  kUploadMedia,
  kRetrieveMediaUrl,
  kDeleteMedia,
  kDownloadMedia,
  kRequestCode,
  kVerifyCode,
  kGetPhoneNumber,
  kRegister,
  kSetTwoStepPin,
  kGetBusinessProfile,
  kUpdateBusinessProfile,
  kDeregister,
  kCreateTemplate,
  kListTemplates,
  kDeleteTemplate,
  kGetTemplate,
  kListConversations,
  kMarkConversationRead,
  kCreateSubscription,
  kListSubscriptions,
  kDeleteSubscription,
  kGetAnalytics,
  kGetComplianceInfo,
  kUpdateComplianceInfo,
  kGetBusinessAccount,
  kListPhoneNumbers,
  kGetConversation,
};

inline constexpr std::size_t kRouteCount = 29;

/// One endpoint. `path` is relative to the API version and names its parameters in angle
/// brackets: "/<FROM_PHONE_NUMBER_ID>/messages".
struct Route {
  RouteId id;
  std::string_view name;  ///< The endpoint's name in LowCodeAPI's list.
  HttpMethod method;
  std::string_view path;
  std::array<std::string_view, 2> path_params;   ///< In path order; unused slots are empty.
  std::array<std::string_view, 5> query_params;  ///< Query parameters the endpoint takes.
  bool multipart = false;

  constexpr std::size_t path_param_count() const noexcept {
    std::size_t n = 0;
    while (n < path_params.size() && !path_params[n].empty()) ++n;
    return n;
  }
};

namespace detail {
inline constexpr std::string_view kPhone = "FROM_PHONE_NUMBER_ID";
inline constexpr std::string_view kWaba = "WHATSAPP_BUSINESS_ACCOUNT_ID";
inline constexpr std::string_view kMedia = "MEDIA_ID";
}  // namespace detail

// clang-format off
/// The route table, indexed by RouteId.
inline constexpr std::array<Route, kRouteCount> kRoutes = {{
  {RouteId::kSendMessage, "Send a message", HttpMethod::kPost, "/<FROM_PHONE_NUMBER_ID>/messages", {detail::kPhone}, {}},
  {RouteId::kMarkMessageRead, "Mark message as read", HttpMethod::kPost, "/<FROM_PHONE_NUMBER_ID>/messages/<MESSAGE_ID>", {detail::kPhone, "MESSAGE_ID"}, {}},
  {RouteId::kUploadMedia, "Upload media", HttpMethod::kPost, "/<MEDIA_ID>/media", {detail::kMedia}, {}, true},
  {RouteId::kRetrieveMediaUrl, "Retrieve Media URL", HttpMethod::kGet, "/<MEDIA_ID>", {detail::kMedia}, {"phone_number_id"}},
  {RouteId::kDeleteMedia, "Delete a specific media", HttpMethod::kDelete, "/<MEDIA_ID>", {detail::kMedia}, {"phone_number_id"}},
  {RouteId::kDownloadMedia, "Download media from a media URL", HttpMethod::kGet, "/<MEDIA_URL>", {"MEDIA_URL"}, {}},
  {RouteId::kRequestCode, "Verify Phone Number", HttpMethod::kPost, "/<FROM_PHONE_NUMBER_ID>/request_code", {detail::kPhone}, {}},
  {RouteId::kVerifyCode, "Verify Code", HttpMethod::kPost, "/<FROM_PHONE_NUMBER_ID>/verify_code", {detail::kPhone}, {}},
  {RouteId::kGetPhoneNumber, "Get Phone Number Information", HttpMethod::kGet, "/<FROM_PHONE_NUMBER_ID>", {detail::kPhone}, {"fields"}},
  {RouteId::kRegister, "Migrate account", HttpMethod::kPost, "/<FROM_PHONE_NUMBER_ID>/register", {detail::kPhone}, {}},
  {RouteId::kSetTwoStepPin, "Set Two-Step Verification", HttpMethod::kPost, "/<FROM_PHONE_NUMBER_ID>", {detail::kPhone}, {}},
  {RouteId::kGetBusinessProfile, "Get Business Profile", HttpMethod::kGet, "/<FROM_PHONE_NUMBER_ID>/whatsapp_business_profile", {detail::kPhone}, {"fields"}},
  {RouteId::kUpdateBusinessProfile, "Update Business Profile", HttpMethod::kPost, "/<FROM_PHONE_NUMBER_ID>/whatsapp_business_profile", {detail::kPhone}, {}},
  {RouteId::kDeregister, "Deregister a Business Phone Number", HttpMethod::kPost, "/<FROM_PHONE_NUMBER_ID>/deregister", {detail::kPhone}, {}},
  {RouteId::kCreateTemplate, "Create Message Template", HttpMethod::kPost, "/<WHATSAPP_BUSINESS_ACCOUNT_ID>/message_templates", {detail::kWaba}, {}},
  {RouteId::kListTemplates, "Get Message Templates", HttpMethod::kGet, "/<WHATSAPP_BUSINESS_ACCOUNT_ID>/message_templates", {detail::kWaba}, {"fields", "limit", "name", "status", "after"}},
  {RouteId::kDeleteTemplate, "Delete Message Template", HttpMethod::kDelete, "/<MESSAGE_TEMPLATE_ID>", {"MESSAGE_TEMPLATE_ID"}, {}},
  {RouteId::kGetTemplate, "Get Message Template", HttpMethod::kGet, "/<MESSAGE_TEMPLATE_ID>", {"MESSAGE_TEMPLATE_ID"}, {"fields"}},
  {RouteId::kListConversations, "Get Conversations", HttpMethod::kGet, "/<WHATSAPP_BUSINESS_ACCOUNT_ID>/conversations", {detail::kWaba}, {"fields", "limit", "user_id", "after"}},
  {RouteId::kMarkConversationRead, "Mark Conversation as Read", HttpMethod::kPost, "/<WHATSAPP_BUSINESS_ACCOUNT_ID>/conversations", {detail::kWaba}, {}},
  {RouteId::kCreateSubscription, "Create Webhook Subscription", HttpMethod::kPost, "/<APP_ID>/subscriptions", {"APP_ID"}, {}},
  {RouteId::kListSubscriptions, "Get Webhook Subscriptions", HttpMethod::kGet, "/<APP_ID>/subscriptions", {"APP_ID"}, {}},
  {RouteId::kDeleteSubscription, "Delete Webhook Subscription", HttpMethod::kDelete, "/<APP_ID>/subscriptions", {"APP_ID"}, {"object"}},
  {RouteId::kGetAnalytics, "Get Analytics", HttpMethod::kGet, "/<WHATSAPP_BUSINESS_ACCOUNT_ID>/analytics", {detail::kWaba}, {"start", "end", "granularity", "phone_numbers", "metric_types"}},
  {RouteId::kGetComplianceInfo, "Get Business Compliance Info", HttpMethod::kGet, "/<FROM_PHONE_NUMBER_ID>/business_compliance_info", {detail::kPhone}, {}},
  {RouteId::kUpdateComplianceInfo, "Update Business Compliance Info", HttpMethod::kPost, "/<FROM_PHONE_NUMBER_ID>/business_compliance_info", {detail::kPhone}, {}},
  {RouteId::kGetBusinessAccount, "Get WhatsApp Business Account", HttpMethod::kGet, "/<WHATSAPP_BUSINESS_ACCOUNT_ID>", {detail::kWaba}, {"fields"}},
  {RouteId::kListPhoneNumbers, "List Phone Numbers", HttpMethod::kGet, "/<WHATSAPP_BUSINESS_ACCOUNT_ID>/phone_numbers", {detail::kWaba}, {"fields", "limit", "after", "before"}},
  {RouteId::kGetConversation, "Get Conversation by ID", HttpMethod::kGet, "/<CONVERSATION_ID>", {"CONVERSATION_ID"}, {"fields"}},
}};
// clang-format on

/// The row of `id`.
constexpr const Route& route(RouteId id) noexcept { return kRoutes[static_cast<std::size_t>(id)]; }

namespace detail {
constexpr bool routes_are_in_order() noexcept {
  for (std::size_t i = 0; i < kRoutes.size(); ++i) {
    if (static_cast<std::size_t>(kRoutes[i].id) != i) return false;
  }
  return true;
}
static_assert(routes_are_in_order(), "kRoutes must be indexed by RouteId");
}  // namespace detail

}  // namespace whatsapp
