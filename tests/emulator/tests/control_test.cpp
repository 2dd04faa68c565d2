// Control endpoints: an empty POST (no body, no Content-Type, with or without Content-Length)
// works as if `{}` was sent, as `curl -X POST .../__emulator/reset` sends it.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "harness.hpp"

namespace wet {
namespace {

struct RawAnswer {
  int status = 0;
  json body;
};

// Sends `head` (request line and headers, no final blank line) with `Connection: close` and no
// body over a plain socket, then reads until the server closes (bounded by a 5 s receive timeout).
RawAnswer raw_request(int port, const std::string& head) {
  RawAnswer out;
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return out;
  timeval tv{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string text;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    const std::string req = head + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if (::send(fd, req.data(), req.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(req.size())) {
      char buf[4096];
      for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;)
        text.append(buf, static_cast<std::size_t>(n));
    }
  }
  ::close(fd);
  if (text.rfind("HTTP/1.1 ", 0) == 0) out.status = std::atoi(text.c_str() + 9);
  const auto blank = text.find("\r\n\r\n");
  if (blank != std::string::npos) out.body = json::parse(text.substr(blank + 4), nullptr, false);
  return out;
}

RawAnswer empty_post(int port, const std::string& name, const std::string& headers = "") {
  return raw_request(port, "POST /__emulator/" + name + " HTTP/1.1\r\n" + headers);
}

TEST(Control, ResetAcceptsAPostWithoutBodyOrLength) {
  Running r;
  ASSERT_TRUE(r.post_json(r.v("1/messages"), text_send()));
  ASSERT_EQ(r.emu->processed_messages().size(), 1u);
  auto a = empty_post(r.port, "reset");
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(a.body, json({{"success", true}}));
  EXPECT_TRUE(r.emu->processed_messages().empty());
}

TEST(Control, EmptyFaultsPostClearsTheQueueLikeAnEmptyObject) {
  Running r;
  for (const std::string headers :
       {"", "Content-Length: 0\r\n", "Content-Type: application/json\r\nContent-Length: 0\r\n"}) {
    we::Fault f;
    f.kind = "status_503";
    r.emu->set_faults({f});
    auto a = empty_post(r.port, "faults", headers);
    EXPECT_EQ(a.status, 200) << headers;
    EXPECT_EQ(a.body, json({{"success", true}, {"queued", 0}})) << headers;
    auto sent = r.post_json(r.v("1/messages"), text_send());
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->status, 200) << "the scripted 503 should be gone; headers: " << headers;
  }
}

TEST(Control, EmptyInboundPostIsValidatedAsAnEmptyObject) {
  we::Options o;
  o.webhook_url = "http://127.0.0.1:1/webhook";
  o.app_secret = "x";
  Running r(o);
  for (const std::string headers : {"", "Content-Length: 0\r\n"}) {
    auto a = empty_post(r.port, "inbound", headers);
    EXPECT_EQ(a.status, 400) << headers;
    EXPECT_EQ(a.body, json({{"error", "phone_number_id (string) is required"}})) << headers;
  }
  // A body that is there but not JSON is still refused as such.
  auto bad = r.cli->Post("/__emulator/inbound", "{nope", "application/json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(body_of(bad), json({{"error", "body must be JSON"}}));
}

// Numbers a fault's int fields cannot hold were converted with undefined behaviour (the ASan
// build died on `"count": 1e300`); they are refused like any bad field.
TEST(Control, FaultNumbersOutsideTheirRangeAre400) {
  Running r;
  for (const char* fault :
       {R"({"kind":"status_500","count":1e300})", R"({"kind":"status_500","count":4294967296})",
        R"({"kind":"status_500","count":0})", R"({"kind":"delay","ms":-5})",
        R"({"kind":"status_429","retry_after":1e300})", R"({"kind":"status_500","code":"x"})",
        R"({"kind":"status_500","process":7})", R"({"kind":"status_500","count":1.5})"}) {
    auto a = r.post_json("/__emulator/faults", json{{"faults", json::array({json::parse(fault)})}});
    ASSERT_TRUE(a) << fault;
    EXPECT_EQ(a->status, 400) << fault << ": " << a->body;
    EXPECT_TRUE(body_of(a).contains("error")) << a->body;
  }
  auto whole =
      r.post_json("/__emulator/faults", json::parse(R"({"faults":[{"kind":"status_500","count":2.0}]})"));
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->status, 200) << whole->body;
}

// A control field of the wrong type is the caller's mistake: 400 saying so, not a 500.
TEST(Control, WrongTypedControlFieldsAre400) {
  Running r;
  for (const char* body : {R"({"rate":"x"})", R"({"faults":[],"append":"x"})"}) {
    auto a = r.post_json("/__emulator/faults", json::parse(body));
    ASSERT_TRUE(a) << body;
    EXPECT_EQ(a->status, 400) << body << ": " << a->body;
    EXPECT_FALSE(a->has_header("EXCEPTION_WHAT"));
    EXPECT_NE(body_of(a)["error"]["message"].get<std::string>().find("bad request"), std::string::npos)
        << a->body;
  }
}

}  // namespace
}  // namespace wet
