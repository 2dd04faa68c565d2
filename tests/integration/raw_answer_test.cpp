// A raw-socket server that reads each request whole, answers bytes that are not a valid HTTP
// answer and closes. libcurl reports these with codes (CURLE_UNSUPPORTED_PROTOCOL,
// CURLE_WEIRD_SERVER_REPLY, ...) that it also uses before anything is sent, so the transport
// must judge delivery by what happened on the wire: the request went out, so a send may have
// been processed and is never repeated, through send(), send_batch() and send_stream() alike.

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "../unit/text_collector.hpp"
#include "loopback_socket.hpp"
#include "whatsapp/client/client.hpp"

namespace raw_answer_test {

using std::chrono::milliseconds;
using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::Delivery;
using whatsapp::Message;

constexpr char kToken[] = "at_RAW_w1re_s3cret";
constexpr char kPhone[] = "106853218861309";

/// Accepts connections on 127.0.0.1, reads one request from each (head and Content-Length
/// body), counts it by method, writes `answer` and closes.
class RawServer {
 public:
  explicit RawServer(std::string answer) : answer_(std::move(answer)) {}

  std::string base_url() const {
    return "http://127.0.0.1:" + std::to_string(listener_.port()) + "/whatsapp";
  }
  int posts() const { return posts_; }
  int gets() const { return gets_; }

 private:
  void serve() {
    while (!listener_.stopping()) {
      const int fd = listener_.accept_within(20);
      if (fd < 0) continue;
      if (const auto method = read_request(fd)) {
        (*method == "POST" ? posts_ : gets_)++;
        whatsapp_test::write_all(fd, answer_);
      }
      ::shutdown(fd, SHUT_WR);
      char drain[256];
      pollfd d{fd, POLLIN, 0};
      while (::poll(&d, 1, 200) > 0 && ::recv(fd, drain, sizeof drain, 0) > 0) {
      }
      ::close(fd);
    }
  }

  /// The request's method once its head and body have arrived; nullopt if the peer went away
  /// first (a connection opened and dropped without a request is not counted).
  static std::optional<std::string> read_request(int fd) {
    std::string in;
    char buf[4096];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      const std::size_t need = whatsapp_test::http_request_size(in);
      if (need != std::string::npos && in.size() >= need) return in.substr(0, in.find(' '));
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) return std::nullopt;
      in.append(buf, static_cast<std::size_t>(n));
    }
    return std::nullopt;
  }

  std::string answer_;
  std::atomic<int> posts_{0};
  std::atomic<int> gets_{0};
  whatsapp_test::LoopbackServerThread listener_{[this] { serve(); }};
};

struct Answer {
  const char* name;
  std::string bytes;
};

std::vector<Answer> answers() {
  return {
      {"garbage", "\x01\x02 this is not HTTP at all \xff\xfe\r\n\r\n"},
      {"status_2000", "HTTP/1.1 2000 OK\r\nContent-Length: 2\r\n\r\n{}"},
      {"status_abc", "HTTP/1.1 abc OK\r\nContent-Length: 2\r\n\r\n{}"},
      {"http_0_9_body", "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.X\"}]}"},
      {"tls_alert", std::string("\x15\x03\x01\x00\x02\x02\x28", 7)},
      {"tls_server_hello", std::string("\x16\x03\x03\x00\x31\x02\x00\x00\x2d\x03\x03", 11)},
      {"status_line_only", "HTTP/1.1 200"},
      {"http_2_preface", std::string("\x00\x00\x12\x04\x00\x00\x00\x00\x00", 9)},
      {"header_line_1_mb",
       "HTTP/1.1 200 OK\r\nX-Padding: " + std::string(1 << 20, 'a') + "\r\nContent-Length: 2\r\n\r\n{}"},
  };
}

/// A raw server answering `bytes`, and a client with default retries that records its waits and
/// every text it produces.
struct Rig {
  explicit Rig(std::string bytes) : server(std::move(bytes)), client(options()) {}

  ClientOptions options() {
    ClientOptions o;  // default retries: 4 attempts
    o.api_token = kToken;
    o.base_url = server.base_url();
    o.format_policy = whatsapp::FormatPolicy::kNewOnly;
    o.timeout = std::chrono::seconds(5);
    o.time.sleep = [this](milliseconds d) { sleeps.push_back(d); };
    o.log_level = whatsapp::LogLevel::kDebug;
    o.log_sink = [this](whatsapp::LogLevel, std::string_view line) { texts.add(std::string(line)); };
    return o;
  }

  /// No text the client produced holds a piece of the token.
  void expect_token_free() {
    for (const auto& t : texts.all) EXPECT_EQ(t.find("w1re"), std::string::npos) << t;
  }

  RawServer server;
  whatsapp_test::TextCollector texts;
  std::vector<milliseconds> sleeps;
  Client<> client;
};

void expect_maybe_sent(const whatsapp::Error& e, const std::string& name) {
  EXPECT_EQ(e.delivery(), Delivery::kMaybeSent) << name << ": " << e.to_string();
  EXPECT_TRUE(e.may_have_been_sent()) << name;
  EXPECT_NE(e.message().find("may have been processed"), std::string::npos) << name << ": " << e.to_string();
  EXPECT_EQ(e.message().find("was not sent"), std::string::npos) << name << ": " << e.to_string();
  EXPECT_EQ(e.attempts(), 1) << name << ": " << e.to_string();
}

TEST(RawAnswer, SendIsDeliveredOnceWhateverBytesAnswerIt) {
  for (const Answer& a : answers()) {
    Rig rig(a.bytes);
    auto r = rig.client.messages().send(kPhone, Message::text("16505551234", "exactly once"));
    ASSERT_FALSE(r.ok()) << a.name;
    rig.texts.add(r.error());
    expect_maybe_sent(r.error(), a.name);
    EXPECT_EQ(rig.server.posts(), 1) << a.name << ": " << r.error().to_string();
    EXPECT_TRUE(rig.sleeps.empty()) << a.name;
    rig.expect_token_free();
  }
}

TEST(RawAnswer, BatchMessageIsDeliveredOnce) {
  for (const Answer& a : answers()) {
    Rig rig(a.bytes);
    auto results = rig.client.messages().send_batch(kPhone, {Message::text("16505551234", "batch once")});
    ASSERT_EQ(results.size(), 1u);
    ASSERT_FALSE(results[0].ok()) << a.name;
    rig.texts.add(results[0].error());
    expect_maybe_sent(results[0].error(), a.name);
    EXPECT_EQ(rig.server.posts(), 1) << a.name << ": " << results[0].error().to_string();
    rig.expect_token_free();
  }
}

TEST(RawAnswer, StreamedMessagesAreEachDeliveredOnce) {
  for (const Answer& a : answers()) {
    Rig rig(a.bytes);
    int next = 0;
    std::vector<whatsapp::Error> errors;
    whatsapp::BatchOptions b;
    b.max_in_flight = 2;
    rig.client.messages().send_stream(
        kPhone,
        [&]() -> std::optional<Message> {
          if (next == 3) return std::nullopt;
          return Message::text("16505551234", "stream " + std::to_string(next++));
        },
        [&](std::size_t, whatsapp::Result<whatsapp::SendResult>&& r) {
          ASSERT_FALSE(r.ok()) << a.name;
          errors.push_back(r.error());
        },
        b);
    ASSERT_EQ(errors.size(), 3u) << a.name;
    for (const auto& e : errors) {
      rig.texts.add(e);
      expect_maybe_sent(e, a.name);
    }
    EXPECT_EQ(rig.server.posts(), 3) << a.name;
    rig.expect_token_free();
  }
}

TEST(RawAnswer, AnOversizedHeaderLineIsNamedNotJustOutOfMemory) {
  // libcurl refuses a header line over 100 KB with CURLE_OUT_OF_MEMORY.
  Rig rig(answers().back().bytes);
  auto r = rig.client.messages().send(kPhone, Message::text("16505551234", "big header"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("header line is over 100 KB"), std::string::npos)
      << r.error().to_string();
  expect_maybe_sent(r.error(), "header_line_1_mb");
}

TEST(RawAnswer, ReadsMayStillBeRetried) {
  // A GET changes nothing on the server: it is repeated, and its error still says it went out.
  Rig rig(answers()[0].bytes);
  auto r = rig.client.phone_numbers().get(kPhone);
  ASSERT_FALSE(r.ok());
  rig.texts.add(r.error());
  EXPECT_EQ(r.error().delivery(), Delivery::kMaybeSent) << r.error().to_string();
  EXPECT_EQ(r.error().attempts(), 4) << r.error().to_string();
  EXPECT_EQ(rig.server.gets(), 4);
  EXPECT_EQ(rig.sleeps.size(), 3u);
  rig.expect_token_free();
}

}  // namespace raw_answer_test
