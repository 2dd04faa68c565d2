// Every error of a call carries its context (issue 12, item 4): the HTTP status of a 2xx answer
// whose payload has the wrong types, the attempts made on every path (reads, paging, success
// answers, sends, downloads), and download mismatches that are not transient.

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "api_test_support.hpp"
#include "whatsapp/detail/sha256.hpp"

namespace error_context_test {

using whatsapp::ErrorKind;
using whatsapp::ErrorSource;
using whatsapp::MediaInfo;
using whatsapp::Message;
using whatsapp::transport::FakeTransport;
using whatsapp_test::api_options;
using whatsapp_test::FakeClient;
using whatsapp_test::in_data_envelope;
using json = nlohmann::json;

void expect_context(const whatsapp::Error& e, int status, int attempts) {
  EXPECT_EQ(e.kind(), ErrorKind::kParse) << e.to_string();
  EXPECT_EQ(e.http_status(), status) << e.to_string();
  EXPECT_EQ(e.attempts(), attempts) << e.to_string();
  EXPECT_TRUE(e.url_format().has_value());
  EXPECT_NE(e.to_string().find("HTTP " + std::to_string(status)), std::string::npos) << e.to_string();
}

TEST(ErrorContext, AReadWhosePayloadHasTheWrongTypesKeepsStatusAndAttempts) {
  FakeTransport t;
  t.push(200, in_data_envelope(json{{"id", json::array({42})}, {"display_phone_number", json::array()}}));
  FakeClient client(api_options(), t);
  auto r = client.phone_numbers().get("106540352242922");
  ASSERT_FALSE(r.ok());
  expect_context(r.error(), 200, 1);
  EXPECT_EQ(r.error().source(), ErrorSource::kGraph);
}

TEST(ErrorContext, ASendWhosePayloadHasTheWrongTypesKeepsItsStatus) {
  FakeTransport t;
  t.push(200, in_data_envelope(json{{"messages", "not a list"}}));
  FakeClient client(api_options(), t);
  auto r = client.messages().send("106540352242922", Message::text("15550001111", "hi"));
  ASSERT_FALSE(r.ok());
  expect_context(r.error(), 200, 1);
}

TEST(ErrorContext, AnAnswerThatIsNotASuccessKeepsStatusAndAttempts) {
  FakeTransport t;
  t.push(200, in_data_envelope(json{{"success", false}}));
  FakeClient client(api_options(), t);
  auto r = client.media().remove("781204456390231");
  ASSERT_FALSE(r.ok());
  expect_context(r.error(), 200, 1);
}

TEST(ErrorContext, APageThatCannotBeReadKeepsStatusAndAttemptsInTheWalk) {
  FakeTransport t;
  t.push(200, in_data_envelope(json{{"data", json::array({json{{"id", "1"}, {"name", "a"}}})},
                                    {"paging", {{"cursors", {{"after", "c1"}}}, {"next", "https://x"}}}}));
  t.push(200, in_data_envelope(json{{"data", "oops"}}));
  FakeClient client(api_options(), t);
  int items = 0;
  for (auto& item : client.templates().list_all("102290129340398")) {
    if (item.ok()) {
      ++items;
      continue;
    }
    expect_context(item.error(), 200, 1);
  }
  EXPECT_EQ(items, 1);
  EXPECT_EQ(t.request_count(), 2u);
}

TEST(ErrorContext, AFormatFallbackCountsBothRequestsOnAParseError) {
  FakeTransport t;
  t.push(404, R"({"message":"Not Found"})");
  t.push(200, in_data_envelope(json{{"id", json::object()}}));
  FakeClient client(api_options(whatsapp::FormatPolicy::kNewThenOld), t);
  auto r = client.phone_numbers().get("106540352242922");
  ASSERT_FALSE(r.ok());
  expect_context(r.error(), 200, 2);
}

// ---- downloads ------------------------------------------------------------------------------

MediaInfo info_for(const std::string& bytes) {
  whatsapp::detail::Sha256 h;
  h.update(bytes.data(), bytes.size());
  MediaInfo info;
  info.url = "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=9&ext=1&hash=c/d";
  info.sha256 = whatsapp::detail::to_hex(h.finish());
  info.file_size = bytes.size();
  return info;
}

whatsapp::HttpResponse raw(int status, std::string body) {
  whatsapp::HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

TEST(ErrorContext, ADownloadThatDoesNotMatchIsNotTransient) {
  FakeTransport t;
  t.push(raw(200, "\xEF\xBF\xBD\xEF\xBF\xBD-corrupted"));  // as a proxy that decoded binary as text
  t.push(raw(200, "0123456789"));
  FakeClient client(api_options(), t);
  auto sink = [](std::string_view) { return true; };
  auto size = client.media().download(info_for("\xFF\xD8-original"), sink);
  ASSERT_FALSE(size.ok());
  EXPECT_FALSE(size.error().is_transient()) << size.error().to_string();
  EXPECT_EQ(size.error().attempts(), 1);
  EXPECT_EQ(size.error().http_status(), 200);

  auto info = info_for("9876543210");  // same size, other bytes
  auto hash = client.media().download(info, sink);
  ASSERT_FALSE(hash.ok());
  EXPECT_FALSE(hash.error().is_transient()) << hash.error().to_string();
  EXPECT_EQ(hash.error().attempts(), 1);
  EXPECT_NE(hash.error().to_string().find("self-hosted"), std::string::npos);  // what to do
}

/// A transport that does not stream (ignores HttpRequest::on_body and keeps the body), which the
/// client then feeds to the sink itself.
class KeepingTransport {
 public:
  explicit KeepingTransport(FakeTransport inner) : inner_(std::move(inner)) {}
  whatsapp::Result<whatsapp::HttpResponse> send(const whatsapp::HttpRequest& request) {
    whatsapp::HttpRequest plain = request;
    plain.on_body = nullptr;
    return inner_.send(plain);
  }

 private:
  FakeTransport inner_;
};

TEST(ErrorContext, ADownloadStoppedByTheSinkCountsItsRequest) {
  FakeTransport t;
  t.push(raw(200, "abcdef"));
  whatsapp::Client<KeepingTransport> client(api_options(), KeepingTransport(t));
  auto r = client.media().download(info_for("abcdef"), [](std::string_view) { return false; });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  EXPECT_EQ(r.error().attempts(), 1);
}

TEST(ErrorContext, ADownloadErrorAnswerSaysWhoRefused) {
  FakeTransport t;
  t.push(403, R"({"message":"Invalid api_token","error":{"code":403}})");
  FakeClient client(api_options(), t);
  auto r = client.media().download(info_for("x"), [](std::string_view) { return true; });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().category(), whatsapp::ErrorCategory::kAuthorization);
  EXPECT_EQ(r.error().source(), ErrorSource::kLowCodeApi);
  EXPECT_EQ(r.error().attempts(), 1);
}

}  // namespace error_context_test
