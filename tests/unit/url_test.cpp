// Every route's exact URL in both formats, and path values that must stay in their segment.
// The expected URLs were derived from spec/routes.md by hand-written rules, not by this library.

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "whatsapp/protocol/routes.hpp"
#include "whatsapp/protocol/url.hpp"

namespace url_test {

using whatsapp::build_url;
using whatsapp::Endpoint;
using whatsapp::kRoutes;
using whatsapp::PathValues;
using whatsapp::QueryParams;
using whatsapp::RouteId;
using whatsapp::UrlFormat;

struct Row {
  RouteId id;
  const char* method;
  PathValues path;
  QueryParams query;
  std::string new_url;  // "B" stands for the base URL, "T" for the token
  std::string old_url;
};

const Row kRows[] = {
    {RouteId::kSendMessage,
     "POST",
     {"1065"},
     {},
     "B/v22.0/1065/messages?api_token=T",
     "B/v22.0/from_phone_number_id/messages?FROM_PHONE_NUMBER_ID=1065&api_token=T"},
    {RouteId::kMarkMessageRead,
     "POST",
     {"1065", "wamid.AB12"},
     {},
     "B/v22.0/1065/messages/wamid.AB12?api_token=T",
     "B/v22.0/from_phone_number_id/messages/"
     "message_id?FROM_PHONE_NUMBER_ID=1065&MESSAGE_ID=wamid.AB12&api_token=T"},
    {RouteId::kUploadMedia,
     "POST",
     {"5501"},
     {},
     "B/v22.0/5501/media?api_token=T",
     "B/v22.0/media_id/media?MEDIA_ID=5501&api_token=T"},
    {RouteId::kRetrieveMediaUrl,
     "GET",
     {"5501"},
     {{"phone_number_id", "qphone_number_id"}},
     "B/v22.0/5501?api_token=T&phone_number_id=qphone_number_id",
     "B/v22.0/media_id?MEDIA_ID=5501&api_token=T&phone_number_id=qphone_number_id"},
    {RouteId::kDeleteMedia,
     "DELETE",
     {"5501"},
     {{"phone_number_id", "qphone_number_id"}},
     "B/v22.0/5501?api_token=T&phone_number_id=qphone_number_id",
     "B/v22.0/media_id?MEDIA_ID=5501&api_token=T&phone_number_id=qphone_number_id"},
    {RouteId::kDownloadMedia,
     "GET",
     {"https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&ext=2"},
     {},
     "B/v22.0/"
     "https%3A%2F%2Flookaside.fbsbx.com%2Fwhatsapp_business%2Fattachments%2F%3Fmid%3D1%26ext%3D2?api_token=T",
     "B/v22.0/"
     "media_url?MEDIA_URL=https%3A%2F%2Flookaside.fbsbx.com%2Fwhatsapp_business%2Fattachments%2F%3Fmid%3D1%"
     "26ext%3D2&api_token=T"},
    {RouteId::kRequestCode,
     "POST",
     {"1065"},
     {},
     "B/v22.0/1065/request_code?api_token=T",
     "B/v22.0/from_phone_number_id/request_code?FROM_PHONE_NUMBER_ID=1065&api_token=T"},
    {RouteId::kVerifyCode,
     "POST",
     {"1065"},
     {},
     "B/v22.0/1065/verify_code?api_token=T",
     "B/v22.0/from_phone_number_id/verify_code?FROM_PHONE_NUMBER_ID=1065&api_token=T"},
    {RouteId::kGetPhoneNumber,
     "GET",
     {"1065"},
     {{"fields", "qfields"}},
     "B/v22.0/1065?api_token=T&fields=qfields",
     "B/v22.0/from_phone_number_id?FROM_PHONE_NUMBER_ID=1065&api_token=T&fields=qfields"},
    {RouteId::kRegister,
     "POST",
     {"1065"},
     {},
     "B/v22.0/1065/register?api_token=T",
     "B/v22.0/from_phone_number_id/register?FROM_PHONE_NUMBER_ID=1065&api_token=T"},
    {RouteId::kSetTwoStepPin,
     "POST",
     {"1065"},
     {},
     "B/v22.0/1065?api_token=T",
     "B/v22.0/from_phone_number_id?FROM_PHONE_NUMBER_ID=1065&api_token=T"},
    {RouteId::kGetBusinessProfile,
     "GET",
     {"1065"},
     {{"fields", "qfields"}},
     "B/v22.0/1065/whatsapp_business_profile?api_token=T&fields=qfields",
     "B/v22.0/from_phone_number_id/"
     "whatsapp_business_profile?FROM_PHONE_NUMBER_ID=1065&api_token=T&fields=qfields"},
    {RouteId::kUpdateBusinessProfile,
     "POST",
     {"1065"},
     {},
     "B/v22.0/1065/whatsapp_business_profile?api_token=T",
     "B/v22.0/from_phone_number_id/whatsapp_business_profile?FROM_PHONE_NUMBER_ID=1065&api_token=T"},
    {RouteId::kDeregister,
     "POST",
     {"1065"},
     {},
     "B/v22.0/1065/deregister?api_token=T",
     "B/v22.0/from_phone_number_id/deregister?FROM_PHONE_NUMBER_ID=1065&api_token=T"},
    {RouteId::kCreateTemplate,
     "POST",
     {"2290"},
     {},
     "B/v22.0/2290/message_templates?api_token=T",
     "B/v22.0/whatsapp_business_account_id/message_templates?WHATSAPP_BUSINESS_ACCOUNT_ID=2290&api_token=T"},
    {RouteId::kListTemplates,
     "GET",
     {"2290"},
     {{"fields", "qfields"}},
     "B/v22.0/2290/message_templates?api_token=T&fields=qfields",
     "B/v22.0/whatsapp_business_account_id/"
     "message_templates?WHATSAPP_BUSINESS_ACCOUNT_ID=2290&api_token=T&fields=qfields"},
    {RouteId::kDeleteTemplate,
     "DELETE",
     {"7788"},
     {},
     "B/v22.0/7788?api_token=T",
     "B/v22.0/message_template_id?MESSAGE_TEMPLATE_ID=7788&api_token=T"},
    {RouteId::kGetTemplate,
     "GET",
     {"7788"},
     {{"fields", "qfields"}},
     "B/v22.0/7788?api_token=T&fields=qfields",
     "B/v22.0/message_template_id?MESSAGE_TEMPLATE_ID=7788&api_token=T&fields=qfields"},
    {RouteId::kListConversations,
     "GET",
     {"2290"},
     {{"fields", "qfields"}},
     "B/v22.0/2290/conversations?api_token=T&fields=qfields",
     "B/v22.0/whatsapp_business_account_id/"
     "conversations?WHATSAPP_BUSINESS_ACCOUNT_ID=2290&api_token=T&fields=qfields"},
    {RouteId::kMarkConversationRead,
     "POST",
     {"2290"},
     {},
     "B/v22.0/2290/conversations?api_token=T",
     "B/v22.0/whatsapp_business_account_id/conversations?WHATSAPP_BUSINESS_ACCOUNT_ID=2290&api_token=T"},
    {RouteId::kCreateSubscription,
     "POST",
     {"42"},
     {},
     "B/v22.0/42/subscriptions?api_token=T",
     "B/v22.0/app_id/subscriptions?APP_ID=42&api_token=T"},
    {RouteId::kListSubscriptions,
     "GET",
     {"42"},
     {},
     "B/v22.0/42/subscriptions?api_token=T",
     "B/v22.0/app_id/subscriptions?APP_ID=42&api_token=T"},
    {RouteId::kDeleteSubscription,
     "DELETE",
     {"42"},
     {{"object", "qobject"}},
     "B/v22.0/42/subscriptions?api_token=T&object=qobject",
     "B/v22.0/app_id/subscriptions?APP_ID=42&api_token=T&object=qobject"},
    {RouteId::kGetAnalytics,
     "GET",
     {"2290"},
     {{"start", "qstart"}},
     "B/v22.0/2290/analytics?api_token=T&start=qstart",
     "B/v22.0/whatsapp_business_account_id/"
     "analytics?WHATSAPP_BUSINESS_ACCOUNT_ID=2290&api_token=T&start=qstart"},
    {RouteId::kGetComplianceInfo,
     "GET",
     {"1065"},
     {},
     "B/v22.0/1065/business_compliance_info?api_token=T",
     "B/v22.0/from_phone_number_id/business_compliance_info?FROM_PHONE_NUMBER_ID=1065&api_token=T"},
    {RouteId::kUpdateComplianceInfo,
     "POST",
     {"1065"},
     {},
     "B/v22.0/1065/business_compliance_info?api_token=T",
     "B/v22.0/from_phone_number_id/business_compliance_info?FROM_PHONE_NUMBER_ID=1065&api_token=T"},
    {RouteId::kGetBusinessAccount,
     "GET",
     {"2290"},
     {{"fields", "qfields"}},
     "B/v22.0/2290?api_token=T&fields=qfields",
     "B/v22.0/whatsapp_business_account_id?WHATSAPP_BUSINESS_ACCOUNT_ID=2290&api_token=T&fields=qfields"},
    {RouteId::kListPhoneNumbers,
     "GET",
     {"2290"},
     {{"fields", "qfields"}},
     "B/v22.0/2290/phone_numbers?api_token=T&fields=qfields",
     "B/v22.0/whatsapp_business_account_id/"
     "phone_numbers?WHATSAPP_BUSINESS_ACCOUNT_ID=2290&api_token=T&fields=qfields"},
    {RouteId::kGetConversation,
     "GET",
     {"c77"},
     {{"fields", "qfields"}},
     "B/v22.0/c77?api_token=T&fields=qfields",
     "B/v22.0/conversation_id?CONVERSATION_ID=c77&api_token=T&fields=qfields"},
};

std::string expand(std::string s) {
  s.replace(0, 1, "https://api.lowcodeapi.com/whatsapp");
  const auto t = s.find("api_token=T");
  s.replace(t, 11, "api_token=at_tok");
  return s;
}

const Endpoint kEndpoint{"https://api.lowcodeapi.com/whatsapp", "v22.0", "at_tok"};

TEST(UrlBuilder, EveryRouteHasARowAndBothFormatsMatchTheSpec) {
  ASSERT_EQ(std::size(kRows), kRoutes.size());
  std::set<RouteId> seen;
  for (const Row& row : kRows) {
    const auto& r = whatsapp::route(row.id);
    SCOPED_TRACE(std::string(r.name));
    seen.insert(row.id);
    EXPECT_EQ(whatsapp::to_string(r.method), row.method);
    auto n = build_url(kEndpoint, r, row.path, row.query, UrlFormat::kNew);
    auto o = build_url(kEndpoint, r, row.path, row.query, UrlFormat::kOld);
    ASSERT_TRUE(n.ok()) << n.error().message();
    ASSERT_TRUE(o.ok()) << o.error().message();
    EXPECT_EQ(*n, expand(row.new_url));
    EXPECT_EQ(*o, expand(row.old_url));
  }
  EXPECT_EQ(seen.size(), kRoutes.size());
}

TEST(UrlBuilder, OnlyUploadMediaIsMultipart) {
  for (const auto& r : kRoutes) {
    EXPECT_EQ(r.multipart, r.id == RouteId::kUploadMedia) << r.name;
  }
}

struct Hostile {
  const char* value;
  const char* encoded;
};

// Each value must come out as exactly one path segment (New) or one query value (Old).
const Hostile kHostile[] = {
    {"a/b", "a%2Fb"},
    {"a?b=c", "a%3Fb%3Dc"},
    {"x#frag", "x%23frag"},
    {"a&api_token=evil", "a%26api_token%3Devil"},
    {"100%", "100%25"},
    {"a+b", "a%2Bb"},
    {"a b", "a%20b"},
    {"..", "%2E%2E"},
    {".", "%2E"},
    {"../../admin", "..%2F..%2Fadmin"},
    {"caf\xC3\xA9 \xE2\x9C\x93", "caf%C3%A9%20%E2%9C%93"},
    {"line\r\nX-Injected: 1", "line%0D%0AX-Injected%3A%201"},
    {"a.b-c_d~e", "a.b-c_d~e"},
};

TEST(UrlBuilder, HostilePathValuesStayInTheirSegmentInEveryRoute) {
  for (const auto& r : kRoutes) {
    for (const Hostile& h : kHostile) {
      SCOPED_TRACE(std::string(r.name) + " with " + h.value);
      PathValues values{h.value, r.path_param_count() > 1 ? h.value : ""};
      auto n = build_url(kEndpoint, r, values, {}, UrlFormat::kNew);
      auto o = build_url(kEndpoint, r, values, {}, UrlFormat::kOld);
      ASSERT_TRUE(n.ok());
      ASSERT_TRUE(o.ok());
      // New Format: the template with each <PARAM> replaced by the encoded value, nothing else.
      std::string expected_path = "https://api.lowcodeapi.com/whatsapp/v22.0";
      std::string tmpl(r.path);
      for (std::size_t pos; (pos = tmpl.find('<')) != std::string::npos;) {
        tmpl.replace(pos, tmpl.find('>', pos) - pos + 1, h.encoded);
      }
      EXPECT_EQ(*n, expected_path + tmpl + "?api_token=at_tok");
      // Old Format: every value appears encoded as one query value.
      for (std::size_t i = 0; i < r.path_param_count(); ++i) {
        EXPECT_NE(o->find(std::string(r.path_params[i]) + "=" + h.encoded), std::string::npos) << *o;
      }
      EXPECT_EQ(o->find('#'), std::string::npos);
      EXPECT_EQ(o->find(' '), std::string::npos);
      EXPECT_EQ(o->find('\n'), std::string::npos);
      EXPECT_EQ(n->find("api_token=evil"), std::string::npos);
    }
  }
}

TEST(UrlBuilder, QueryValuesAreEncodedToo) {
  QueryParams q{{"fields", "a,b c&d=e"}, {"name", "x+y/#"}};
  auto u = build_url(kEndpoint, whatsapp::route(RouteId::kListTemplates), {"2290"}, q, UrlFormat::kNew);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(*u,
            "https://api.lowcodeapi.com/whatsapp/v22.0/2290/message_templates?api_token=at_tok"
            "&fields=a%2Cb%20c%26d%3De&name=x%2By%2F%23");
}

TEST(UrlBuilder, TokenIsEncodedAndBaseSlashIsTolerated) {
  Endpoint ep{"http://127.0.0.1:8080/whatsapp/", "v22.0", "at_a&b"};
  auto u = build_url(ep, whatsapp::route(RouteId::kGetPhoneNumber), {"1"}, {}, UrlFormat::kNew);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(*u, "http://127.0.0.1:8080/whatsapp/v22.0/1?api_token=at_a%26b");
}

TEST(UrlBuilder, EmptyPathValueIsAnInvalidArgumentNamingTheParameter) {
  auto u =
      build_url(kEndpoint, whatsapp::route(RouteId::kMarkMessageRead), {"1065", ""}, {}, UrlFormat::kNew);
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.error().kind(), whatsapp::ErrorKind::kInvalidArgument);
  EXPECT_EQ(u.error().field(), "MESSAGE_ID");
}

TEST(UrlBuilder, ApiVersionIsAnOption) {
  Endpoint ep{"https://x/whatsapp", "v23.0", "t"};
  auto u = build_url(ep, whatsapp::route(RouteId::kSendMessage), {"9"}, {}, UrlFormat::kOld);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(*u, "https://x/whatsapp/v23.0/from_phone_number_id/messages?FROM_PHONE_NUMBER_ID=9&api_token=t");
}

}  // namespace url_test
