// The rules of detail/redact.hpp on their own: pieces of the token in every form, short tokens,
// the marker, and a cut after redaction.

#include <gtest/gtest.h>

#include <string>

#include "whatsapp/detail/redact.hpp"

namespace redactor_test {

using whatsapp::detail::Redactor;

const std::string kToken = "at_R3dact10nT3stT0ken_4f2a";

TEST(Redactor, PiecesInEveryFormShortTokensAndCuts) {
  const Redactor r(kToken);
  // Pieces of 8 characters or more go, raw or encoded in any way; shorter ones stay.
  EXPECT_EQ(r("x " + kToken.substr(3, 8) + " y"), "x *** y");
  EXPECT_EQ(r("x " + kToken.substr(3, 7) + " y"), "x " + kToken.substr(3, 7) + " y");
  EXPECT_EQ(r("at%5FR3dact10nT3st"), "***");
  EXPECT_EQ(r("at%5fR3dact10nT3st"), "***");
  EXPECT_EQ(r("%61%74%5f%52%33%64%61%63"), "***");                       // every character, lowercase hex
  EXPECT_EQ(r("at%255FR3dact10n"), "***");                               // encoded twice
  EXPECT_EQ(r(R"(at\u005fR3dact10n)"), "***");                           // JSON-escaped
  EXPECT_EQ(Redactor("a b+c/d&e=f")("q=a+b%2Bc%2Fd%26e%3Df"), "q=***");  // form encoding
  // A token shorter than a piece is removed whole; the marker never loops.
  EXPECT_EQ(Redactor("tok")("a tok b"), "a *** b");
  EXPECT_EQ(Redactor("***")("a *** b"), "a *** b");
  EXPECT_EQ(Redactor("********")("**********"), "***");
  // In any letter case: a server that upper- or lower-cases what it echoes.
  EXPECT_EQ(r("x AT_R3DACT10NT3STT0KEN_4F2A y"), "x *** y");
  EXPECT_EQ(r("x at_r3dact10nt3stt0ken_4f2a y"), "x *** y");
  EXPECT_EQ(r("at%5fr3DACT10n"), "***");
  EXPECT_TRUE(r.holds_piece("T3STT0KE"));
  // A cut through the token leaves none of it on either side of the cut.
  for (std::size_t at = 0; at < 40; ++at) {
    const std::string text = std::string(at, '|') + kToken + "|||";
    const std::string cut = r.excerpt(text, 30);
    EXPECT_FALSE(r.holds_piece(cut)) << cut;
    EXPECT_EQ(cut.find(kToken.substr(0, 4)), std::string::npos) << cut;
  }
}

TEST(Redactor, CredentialsWhateverTheToken) {
  const Redactor none;  // no secret: what a transport can remove
  EXPECT_EQ(none("Authorization: Bearer EAAGx123\r\nHost: h"), "Authorization: Bearer ***\r\nHost: h");
  EXPECT_EQ(none(R"({"authorization":"Basic dXNlcjpwYXNz"})"), R"({"authorization":"Basic ***"})");
  EXPECT_EQ(none("authorization: failed for this user"), "authorization: *** for this user");
  EXPECT_EQ(none("GET https://u:p%40ss@h.test/x?a=1"), "GET https://***@h.test/x?a=1");
  EXPECT_EQ(none("see https://h.test/a@b and mailto:x@y"), "see https://h.test/a@b and mailto:x@y");
  EXPECT_EQ(none("/v1?api_token=abc&x=1"), "/v1?api_token=***&x=1");
  EXPECT_EQ(none("/v1?API%5FTOKEN=abc#f"), "/v1?API%5FTOKEN=***#f");
  EXPECT_EQ(none(R"({"access_token":"EAAGm0PX"})"), R"({"access_token":"***"})");
  EXPECT_EQ(none(R"({"api_token":{"nested":1}})"), R"({"api_token":{"nested":1}})");
}

}  // namespace redactor_test
