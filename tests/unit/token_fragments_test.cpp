// No piece of the api_token in any text (issue 12, item 3): a property test over random tokens
// and the positions where the library cuts the texts it quotes (80 and 160 characters). Servers
// echo the token back, raw, percent-encoded (either hex case, any character) or with '+' for a
// space, in every text field of a Graph error, in HTML and non-JSON bodies, in proxy messages,
// in truncated JSON, in Retry-After and in transport errors. No 8-character substring of the
// token may survive in any text the library produces: every text of every error, the exception
// value() throws, and every log line (debug level on).

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch_fakes.hpp"
#include "fake_time.hpp"
#include "text_collector.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/transport/fake.hpp"

namespace token_fragments_test {

using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::Error;
using whatsapp::ErrorKind;
using whatsapp::HttpRequest;
using whatsapp::HttpResponse;
using whatsapp::Message;
using whatsapp::Result;
using whatsapp::transport::FakeTransport;
using whatsapp_test::TextCollector;

constexpr std::size_t kPiece = 8;

/// splitmix64: the same sequence on every platform and standard library.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool one_in(std::size_t n) { return below(n) == 0; }

 private:
  std::uint64_t state_;
};

const std::string kAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
// '|' is the filler of the tests' texts: never in a token.
const std::vector<std::string> kAlphabets = {kAlnum, kAlnum + "_-.~", kAlnum + "_-.~ +/=&?#@:;,!$'()[]%\"\\"};

std::string random_token(Rng& rng) {
  const std::string& alphabet = kAlphabets[rng.below(kAlphabets.size())];
  const std::size_t length = rng.one_in(4) ? kPiece + rng.below(8) : 12 + rng.below(120);
  std::string t = rng.one_in(2) ? "at_" : "";
  while (t.size() < length) t += alphabet[rng.below(alphabet.size())];
  return t;
}

std::string hex(unsigned char c, bool lower) {
  const char* digits = lower ? "0123456789abcdef" : "0123456789ABCDEF";
  return std::string{'%', digits[c >> 4], digits[c & 15]};
}

/// `token` as a server may echo it: raw, percent-encoded in one of several ways, form-encoded.
std::string echo_form(const std::string& token, Rng& rng) {
  const std::size_t form = rng.below(7);
  if (form == 0) return token;
  std::string out;
  for (const char ch : token) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = std::isalnum(c) != 0 || ch == '_' || ch == '-' || ch == '.' || ch == '~';
    switch (form) {
      case 1: out += unreserved ? std::string(1, ch) : hex(c, false); break;  // %5F
      case 2: out += unreserved ? std::string(1, ch) : hex(c, true); break;   // %5f
      case 3: out += hex(c, false); break;                                    // all, upper
      case 4: out += hex(c, true); break;                                     // all, lower
      case 5: out += rng.one_in(3) || !unreserved ? hex(c, rng.one_in(2)) : std::string(1, ch); break;
      default: out += ch == ' ' ? std::string("+") : unreserved ? std::string(1, ch) : hex(c, false);
    }
  }
  return out;
}

std::string json_escaped(const std::string& s) {
  const std::string quoted = nlohmann::json(s).dump();
  return quoted.substr(1, quoted.size() - 2);
}

/// Checks texts for pieces of one token: raw, and after percent-decoding (with and without '+'
/// for a space), so that an encoded piece counts too.
class PieceFinder {
 public:
  explicit PieceFinder(std::string token) : token_(std::move(token)) {
    for (std::size_t i = 0; i + kPiece <= token_.size(); ++i) pieces_.insert(token_.substr(i, kPiece));
  }

  /// The longest piece of the token (8 or more characters) in `text`, as it is (`raw_only`) or
  /// in any form; 0 if none.
  std::size_t longest_piece(const std::string& text, bool raw_only = false) const {
    std::size_t longest = 0;
    const std::vector<std::string> forms =
        raw_only ? std::vector<std::string>{text}
                 : std::vector<std::string>{text, decoded(text, false), decoded(text, true)};
    for (const std::string& form : forms) {
      for (std::size_t i = 0; i + kPiece <= form.size(); ++i) {
        if (pieces_.count(form.substr(i, kPiece)) == 0) continue;
        std::size_t n = kPiece;
        while (i + n < form.size() && token_.find(form.substr(i, n + 1)) != std::string::npos) ++n;
        longest = std::max(longest, n);
      }
    }
    return longest;
  }

 private:
  static std::string decoded(const std::string& s, bool plus) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) != 0 &&
          std::isxdigit(static_cast<unsigned char>(s[i + 2])) != 0) {
        out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else if (s[i] == '\\' && i + 1 < s.size() &&
                 (s[i + 1] == '"' || s[i + 1] == '\\' || s[i + 1] == '/')) {
        out += s[++i];
      } else {
        out += plus && s[i] == '+' ? ' ' : s[i];
      }
    }
    return out;
  }

  std::string token_;
  std::unordered_set<std::string> pieces_;
};

/// One hostile answer: `echo` placed so that it starts at `start` of the body where that can be.
Result<HttpResponse> hostile_answer(const std::string& echo, std::size_t kind, std::size_t start, Rng& rng) {
  static const std::string kMark = "@@MARK@@";
  const bool json = kind <= 2;
  const std::string piece = json ? json_escaped(echo) : echo;
  std::string body;
  int status = 400;
  switch (kind) {
    case 0: {  // a Graph error with the echo in one field, or in all of them
      static const char* kFields[] = {"message",          "type",           "details",
                                      "error_user_title", "error_user_msg", "fbtrace_id"};
      const std::size_t field = rng.below(7);
      nlohmann::json e{{"code", rng.one_in(2) ? 100 : 131000}, {"message", "refused"}};
      for (std::size_t f = 0; f < 6; ++f) {
        if (field != 6 && field != f) continue;
        if (f == 2) {
          e["error_data"] = {{"details", kMark}};
        } else {
          e[kFields[f]] = kMark;
        }
      }
      body = (rng.one_in(2) ? nlohmann::json{{"error", e}} : nlohmann::json{{"data", {{"error", e}}}}).dump();
      status = rng.one_in(2) ? 400 : 500;
      break;
    }
    case 1:  // a proxy's message without an error object
      body = nlohmann::json{{"message", kMark}}.dump();
      status = rng.one_in(2) ? 401 : 503;
      break;
    case 2:  // truncated JSON in a 2xx answer
      body = R"({"data":{"messages":[{"id":")" + kMark;
      status = 200;
      break;
    case 3:  // an HTML page
      body = "<html><head><title>502</title></head><body>upstream said: " + kMark + " bye</body></html>";
      status = rng.one_in(2) ? 502 : 404;
      break;
    case 4:  // not JSON at all
      body = kMark + " is not welcome here";
      status = rng.one_in(2) ? 200 : 500;
      break;
    default: {  // the transport failed, its text holding the echo
      std::string text = "could not reach the server: ";
      text += std::string(start > text.size() ? start - text.size() : 0, '|') + echo;
      return Error(ErrorKind::kTransport, text);
    }
  }
  const std::size_t at = body.find(kMark);
  const std::string filler(start > at ? start - at : 0, '|');
  body.replace(at, kMark.size(), filler + piece + (rng.one_in(2) ? "" : " tail"));
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  if (rng.one_in(3)) {
    r.status = rng.one_in(2) ? 429 : 503;
    r.headers.emplace_back("Retry-After", echo);
  }
  return r;
}

/// What one run found: texts holding a piece, the longest piece, the cases with any.
struct Findings {
  std::size_t texts = 0;
  std::size_t leaking_texts = 0;
  std::size_t leaking_cases = 0;
  std::size_t longest = 0;
  std::size_t raw_leaking_texts = 0;  // holding a piece as it is, not encoded
  std::size_t raw_longest = 0;
  std::size_t cut_pieces = 0;  // raw pieces shorter than the token: what a cut left
  std::size_t cut_longest = 0;
  std::vector<std::string> examples;
};

ClientOptions options_for(const std::string& token, TextCollector& out) {
  ClientOptions o;
  o.base_url = "http://server.test/whatsapp";
  o.api_token = token;
  o.log_level = whatsapp::LogLevel::kDebug;
  o.log_sink = [&out](whatsapp::LogLevel, std::string_view line) { out.add(std::string(line)); };
  o.time = whatsapp_test::FakeTime().source();  // retries (and their log lines) take no time
  return o;
}

void check(const PieceFinder& finder, std::size_t token_size, const TextCollector& out, Findings& f) {
  bool leaked = false;
  for (const std::string& text : out.all) {
    ++f.texts;
    const std::size_t n = finder.longest_piece(text);
    if (n == 0) continue;
    leaked = true;
    ++f.leaking_texts;
    f.longest = std::max(f.longest, n);
    if (const std::size_t raw = finder.longest_piece(text, true); raw > 0) {
      ++f.raw_leaking_texts;
      f.raw_longest = std::max(f.raw_longest, raw);
      if (raw < token_size) {
        ++f.cut_pieces;
        f.cut_longest = std::max(f.cut_longest, raw);
      }
    }
    if (f.examples.size() < 5) f.examples.push_back(text);
  }
  if (leaked) ++f.leaking_cases;
}

TEST(TokenFragments, NoPieceOfTheTokenSurvivesAnyCutOrEncoding) {
  Rng rng(0x5EC12E7ULL);
  Findings f;
  const int kCases = std::getenv("FRAGMENT_CASES") ? std::atoi(std::getenv("FRAGMENT_CASES")) : 2000;
  for (int c = 0; c < kCases; ++c) {
    const std::string token = random_token(rng);
    const std::string echo = echo_form(token, rng);
    const std::size_t kind = rng.below(6);
    // Around a cut (80: the "body starts:" quote, 160: body_excerpt), or anywhere.
    const std::size_t cut = rng.one_in(2) ? 80 : 160;
    const std::size_t start =
        rng.one_in(5) ? rng.below(200) : cut - std::min(cut, rng.below(echo.size() + 1));
    const std::uint64_t seed = rng.next();

    TextCollector out;
    const ClientOptions o = options_for(token, out);
    FakeTransport t;
    t.on_request([&](const HttpRequest&) {
      Rng local(seed);  // the same answer for every request of the case
      return hostile_answer(echo, kind, start, local);
    });
    if (c % 5 == 3) {  // send_stream, over the same engine
      Client<FakeTransport> client(o, t);
      int left = 2;
      client.messages().send_stream(
          "1065",
          [&]() -> std::optional<Message> {
            if (left-- <= 0) return std::nullopt;
            return Message::text("1555", "s");
          },
          [&](std::size_t, Result<whatsapp::SendResult>&& r) {
            if (!r.ok()) out.add(r.error());
          });
    } else if (c % 5 == 4) {  // the batch engine, over a transport with send_many()
      Client<whatsapp_test::batch::ReversingTransport> client(o, whatsapp_test::batch::ReversingTransport(t));
      for (auto& r :
           client.messages().send_batch("1065", {Message::text("1555", "a"), Message::text("1556", "b")}))
        if (!r.ok()) out.add(r.error());
    } else {
      Client<FakeTransport> client(o, t);
      auto sent = client.messages().send("1065", Message::text("1555", "hi"));
      if (!sent.ok()) out.add(sent.error());
      auto phone = client.phone_numbers().get("1065");
      if (!phone.ok()) out.add(phone.error());
    }
    check(PieceFinder(token), token.size(), out, f);
  }
  std::cout << "[ fragments ] " << f.leaking_texts << " of " << f.texts << " texts in " << f.leaking_cases
            << " of " << kCases << " cases hold a piece of the token; longest " << f.longest
            << " characters; not encoded: " << f.raw_leaking_texts << " texts, longest " << f.raw_longest
            << "; of which part of the token only: " << f.cut_pieces << " texts, longest " << f.cut_longest
            << "\n";
  EXPECT_EQ(f.leaking_texts, 0u) << "e.g. " << (f.examples.empty() ? "" : f.examples[0]);
  for (const auto& e : f.examples) ADD_FAILURE() << e;
}

}  // namespace token_fragments_test
