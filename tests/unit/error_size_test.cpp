// Error keeps what every error has inline and its rare parts in one shared block that is copied
// only when a copy is changed, so an Error (and a Result<T>) is small and copies stay independent.

#include <chrono>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "whatsapp/error.hpp"
#include "whatsapp/model/send_result.hpp"
#include "whatsapp/result.hpp"

namespace error_size_test {

using whatsapp::Delivery;
using whatsapp::Error;
using whatsapp::ErrorKind;
using whatsapp::GraphError;
using whatsapp::Result;
using whatsapp::SendResult;

TEST(ErrorSize, ErrorAndResultAreSmall) {
  // Was 392-440 bytes (every rare field inline), which every Result<T> paid.
  EXPECT_LE(sizeof(Error), 96u);
  EXPECT_LE(sizeof(Result<SendResult>), sizeof(SendResult) + 16u);
  EXPECT_LE(sizeof(Result<void>), 104u);
}

Error rich_error() {
  GraphError g;
  g.code = 131030;
  g.message = "Recipient phone number not in allowed list";
  Error e(ErrorKind::kApi, "(#131030) Recipient phone number not in allowed list");
  e.with_http_status(400)
      .with_graph(g)
      .with_body_excerpt("{\"error\":{}}")
      .with_field("to")
      .with_hint("add the number to the allowed list")
      .with_retry_after(std::chrono::milliseconds(1500))
      .with_delivery(Delivery::kAnswered);
  return e;
}

TEST(ErrorSize, ChangingACopyLeavesTheOriginalAlone) {
  const Error original = rich_error();
  Error copy = original;
  copy.with_hint("another hint").with_field("text.body").with_body_excerpt("x");
  GraphError g2;
  g2.code = 4;
  copy.with_graph(g2).with_retry_after(std::chrono::milliseconds(10));

  EXPECT_EQ(original.hint(), "add the number to the allowed list");
  EXPECT_EQ(original.field(), "to");
  EXPECT_EQ(original.body_excerpt(), "{\"error\":{}}");
  EXPECT_EQ(original.code(), 131030);
  EXPECT_EQ(original.retry_after(), std::chrono::milliseconds(1500));

  EXPECT_EQ(copy.hint(), "another hint");
  EXPECT_EQ(copy.field(), "text.body");
  EXPECT_EQ(copy.body_excerpt(), "x");
  EXPECT_EQ(copy.code(), 4);
  EXPECT_EQ(copy.retry_after(), std::chrono::milliseconds(10));
}

TEST(ErrorSize, InlineFieldsAndUnsetRareFieldsReadAsBefore) {
  Error e(ErrorKind::kTimeout, "timed out");
  EXPECT_EQ(e.kind(), ErrorKind::kTimeout);
  EXPECT_FALSE(e.graph().has_value());
  EXPECT_EQ(e.code(), 0);
  EXPECT_TRUE(e.field().empty());
  EXPECT_TRUE(e.body_excerpt().empty());
  EXPECT_FALSE(e.retry_after().has_value());
  EXPECT_FALSE(e.url_format().has_value());
  EXPECT_TRUE(e.is_transient());
  e.with_transient(false).with_url_format(whatsapp::UrlFormat::kOld).with_delivery(Delivery::kMaybeSent);
  EXPECT_FALSE(e.is_transient());
  EXPECT_EQ(e.url_format(), whatsapp::UrlFormat::kOld);
  EXPECT_TRUE(e.may_have_been_sent());
  const Error moved = std::move(e);
  EXPECT_EQ(moved.message(), "timed out");
}

}  // namespace error_size_test
