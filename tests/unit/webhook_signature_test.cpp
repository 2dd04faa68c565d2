// Tests for webhook::verify_signature() and webhook::sign() with the vectors in
// tests/data/webhook/webhook_signature_vectors.json.

#include <cctype>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "whatsapp/webhook/signature.hpp"

namespace webhook_signature_test {

using whatsapp::webhook::sign;
using whatsapp::webhook::SignatureStatus;
using whatsapp::webhook::verify_signature;

std::string read_file(const std::string& name) {
  std::ifstream in(std::string(WHATSAPP_TEST_DATA_DIR) + "/webhook/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

nlohmann::json vectors() { return nlohmann::json::parse(read_file("webhook_signature_vectors.json")); }

TEST(WebhookSignature, Vectors) {
  auto v = vectors()["vectors"];
  ASSERT_EQ(v.size(), 3u);
  // Vector 2: plain ASCII body.
  EXPECT_EQ(sign("ping", "bakery-secret"), v[1]["header"].get<std::string>());
  EXPECT_EQ(verify_signature("ping", v[1]["header"].get<std::string>(), "bakery-secret").status,
            SignatureStatus::kValid);
  // Vector 3: the exact bytes of a fixture file.
  std::string body = read_file(v[2]["body_file"].get<std::string>());
  ASSERT_FALSE(body.empty());
  EXPECT_EQ(sign(body, "harbor-webhook-secret"),
            "sha256=36d37932fb270a2974cf5c8388d059b143a323fea3c3e72d84450d2f48d2a0de");
  EXPECT_TRUE(verify_signature(body, v[2]["header"].get<std::string>(), "harbor-webhook-secret").ok());
}

TEST(WebhookSignature, MetaSignsTheEscapedBytesNotTheUtf8) {
  auto v = vectors()["vectors"][0];
  const std::string secret = v["app_secret"];
  const std::string header = v["header"];
  const std::string escaped = v["body_as_escaped"];  // what Meta sends: \u307f... as ASCII
  const std::string utf8 = v["body"];                // the same text decoded

  // The escaped form is pure ASCII with backslash-u sequences.
  EXPECT_NE(escaped.find("\\u307f"), std::string::npos);
  for (char c : escaped) ASSERT_LT(static_cast<unsigned char>(c), 0x80);
  EXPECT_TRUE(verify_signature(escaped, header, secret).ok());
  EXPECT_EQ(sign(escaped, secret), header);

  auto bad = verify_signature(utf8, header, secret);
  EXPECT_EQ(bad.status, SignatureStatus::kMismatch);
  EXPECT_EQ(bad.http_status(), 403);
  EXPECT_EQ(sign(utf8, secret), "sha256=81a6f5a933636158da8ccc4a76f8c835ad61136b197b148ca986538954eafaf9");
}

TEST(WebhookSignature, MissingIsDistinctFromMalformedAndMismatch) {
  const std::string good = sign("test", "secret");
  EXPECT_EQ(verify_signature("test", "", "secret").status, SignatureStatus::kMissing);
  EXPECT_EQ(verify_signature("test", "   ", "secret").status, SignatureStatus::kMissing);
  EXPECT_EQ(verify_signature("test", "", "secret").http_status(), 401);

  EXPECT_EQ(verify_signature("test", "sha256=wrong", "secret").status, SignatureStatus::kMalformed);
  // The hex without its prefix.
  EXPECT_EQ(verify_signature("test", good.substr(7), "secret").status, SignatureStatus::kMalformed);
  EXPECT_EQ(verify_signature("test", "sha1=" + good.substr(7), "secret").status, SignatureStatus::kMalformed);
  // One digit short, one too many, a non-hex digit.
  EXPECT_EQ(verify_signature("test", good.substr(0, good.size() - 1), "secret").status,
            SignatureStatus::kMalformed);
  EXPECT_EQ(verify_signature("test", good + "0", "secret").status, SignatureStatus::kMalformed);
  std::string nonhex = good;
  nonhex[20] = 'g';
  EXPECT_EQ(verify_signature("test", nonhex, "secret").status, SignatureStatus::kMalformed);
  EXPECT_EQ(verify_signature("test", "sha256=wrong", "secret").http_status(), 401);

  // Well-formed, wrong: other secret, changed body, one flipped digit.
  EXPECT_EQ(verify_signature("test", good, "other").status, SignatureStatus::kMismatch);
  EXPECT_EQ(verify_signature("test ", good, "secret").status, SignatureStatus::kMismatch);
  std::string flipped = good;
  flipped.back() = flipped.back() == '4' ? '5' : '4';
  EXPECT_EQ(verify_signature("test", flipped, "secret").status, SignatureStatus::kMismatch);
}

TEST(WebhookSignature, AcceptsUppercaseHexAndSurroundingBlanks) {
  std::string good = sign("test", "secret");
  std::string upper = "sha256=";
  for (char c : good.substr(7)) upper.push_back(static_cast<char>(std::toupper(c)));
  EXPECT_TRUE(verify_signature("test", upper, "secret").ok());
  EXPECT_TRUE(verify_signature("test", " " + good + "\r\n", "secret").ok());
}

TEST(WebhookSignature, EmptySecretNeverValidates) {
  const std::string header = sign("body", "");
  EXPECT_EQ(header.size(), 71u);
  auto r = verify_signature("body", header, "");
  EXPECT_EQ(r.status, SignatureStatus::kNoSecret);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.http_status(), 500);
}

TEST(WebhookSignature, EmptyAndBinaryBodies) {
  const std::string empty_sig = sign("", "secret");
  EXPECT_TRUE(verify_signature("", empty_sig, "secret").ok());
  const std::string binary("a\0b\xff", 4);
  EXPECT_TRUE(verify_signature(binary, sign(binary, "secret"), "secret").ok());
  EXPECT_EQ(verify_signature(std::string("a\0b", 3), sign(binary, "secret"), "secret").status,
            SignatureStatus::kMismatch);
}

TEST(WebhookSignature, MessagesNameTheProblem) {
  EXPECT_EQ(verify_signature("x", "", "s").message(), "X-Hub-Signature-256 header missing");
  EXPECT_EQ(whatsapp::webhook::to_string(SignatureStatus::kMismatch), "mismatch");
}

}  // namespace webhook_signature_test
