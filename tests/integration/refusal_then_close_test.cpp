// A server that refuses a send (429, or the New Format's 404) on a kept-alive connection and
// then closes that connection when the next request arrives on it, without answering: the
// instant a server closes an idle connection. A send's next request after an error answer goes
// over a new connection (HttpRequest::fresh_connection), so it is answered; reusing the old one
// ended the call with "may have been processed" although nothing was (libcurl may not resend a
// send, and the client cannot tell the two apart).

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "loopback_socket.hpp"
#include "whatsapp/client/client.hpp"

namespace refusal_then_close_test {

using std::chrono::milliseconds;
using whatsapp::Client;
using whatsapp::ClientOptions;
using whatsapp::Message;

constexpr char kPhone[] = "106853218861310";
constexpr char kSent[] =
    R"({"data":{"messaging_product":"whatsapp","contacts":[{"input":"16505551234","wa_id":"16505551234"}],)"
    R"("messages":[{"id":"wamid.ZnJlc2gwMQ=="}]}})";

std::string http(const std::string& status, const std::string& body, const std::string& extra = "") {
  return "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\n" + extra +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

/// The first connection answers its first request with `refusal` and closes when a second
/// request arrives on it (counted in reused()); every later connection answers every request
/// with a successful send.
class RefuseThenCloseServer {
 public:
  explicit RefuseThenCloseServer(std::string refusal) : refusal_(std::move(refusal)) {}

  std::string base_url() const {
    return "http://127.0.0.1:" + std::to_string(listener_.port()) + "/whatsapp";
  }
  int requests() const { return requests_; }
  int reused() const { return reused_; }
  std::vector<std::string> paths() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return paths_;
  }

 private:
  void serve() {
    std::vector<std::string> pending;  // bytes read per open connection
    while (!listener_.stopping()) {
      std::vector<pollfd> fds{{listener_.fd(), POLLIN, 0}};
      for (int fd : open_) fds.push_back({fd, POLLIN, 0});
      if (::poll(fds.data(), fds.size(), 20) <= 0) continue;
      if ((fds[0].revents & POLLIN) != 0) {
        const int fd = ::accept(listener_.fd(), nullptr, nullptr);
        if (fd >= 0) {
          open_.push_back(fd);
          pending.emplace_back();
          first_.push_back(connections_++ == 0);
        }
      }
      for (std::size_t i = open_.size(); i-- > 0;) {
        if (i + 1 >= fds.size() || (fds[i + 1].revents & (POLLIN | POLLHUP)) == 0) continue;
        char buf[4096];
        const ssize_t n = ::recv(open_[i], buf, sizeof buf, 0);
        if (n > 0) pending[i].append(buf, static_cast<std::size_t>(n));
        bool close_it = n <= 0;
        std::size_t end = 0;
        while (!close_it && (end = whatsapp_test::http_request_size(pending[i])) != std::string::npos &&
               pending[i].size() >= end) {
          {
            std::lock_guard<std::mutex> lock(mutex_);
            paths_.push_back(pending[i].substr(0, pending[i].find(" HTTP/")));
          }
          pending[i].erase(0, end);
          ++requests_;
          if (first_[i] && answered_first_) {  // the request that meets the closing connection
            ++reused_;
            close_it = true;
            break;
          }
          whatsapp_test::write_all(open_[i], first_[i] ? refusal_ : http("200 OK", kSent));
          if (first_[i]) answered_first_ = true;
        }
        if (close_it) {
          ::close(open_[i]);
          open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(i));
          pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(i));
          first_.erase(first_.begin() + static_cast<std::ptrdiff_t>(i));
        }
      }
    }
    for (const int fd : open_) ::close(fd);
  }

  std::string refusal_;
  std::vector<int> open_;
  std::vector<bool> first_;  // per open connection: the first one accepted
  int connections_ = 0;
  bool answered_first_ = false;
  mutable std::mutex mutex_;
  std::vector<std::string> paths_;
  std::atomic<int> requests_{0};
  std::atomic<int> reused_{0};
  whatsapp_test::LoopbackServerThread listener_{[this] { serve(); }};
};

ClientOptions options(const RefuseThenCloseServer& server, whatsapp::FormatPolicy policy) {
  ClientOptions o;  // default retries: 4 attempts
  o.api_token = "at_fresh_c0nnecti0n";
  o.base_url = server.base_url();
  o.format_policy = policy;
  o.timeout = std::chrono::seconds(5);
  o.time.sleep = [](milliseconds) {};  // Retry-After: 0 and backoff: retried at once
  return o;
}

std::string too_many() {
  return http("429 Too Many Requests", R"({"error":{"message":"slow down","code":130429}})",
              "Retry-After: 0\r\n");
}

TEST(RefusalThenClose, ASendRetriedAfterA429GoesOverANewConnection) {
  RefuseThenCloseServer server(too_many());
  Client<> client(options(server, whatsapp::FormatPolicy::kNewOnly));
  auto r = client.messages().send(kPhone, Message::text("16505551234", "after a refusal"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->message_id(), "wamid.ZnJlc2gwMQ==");
  EXPECT_EQ(server.reused(), 0);
  EXPECT_EQ(server.requests(), 2);
}

TEST(RefusalThenClose, TheOldFormatFallbackOfASendGoesOverANewConnection) {
  RefuseThenCloseServer server(http("404 Not Found", R"({"message":"Not Found"})"));
  Client<> client(options(server, whatsapp::FormatPolicy::kNewThenOld));
  auto r = client.messages().send(kPhone, Message::text("16505551234", "after a 404"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(server.reused(), 0);
  const auto paths = server.paths();
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_NE(paths[1].find("from_phone_number_id"), std::string::npos) << paths[1];
}

TEST(RefusalThenClose, ABatchRetriesOverANewConnectionToo) {
  RefuseThenCloseServer server(too_many());
  Client<> client(options(server, whatsapp::FormatPolicy::kNewOnly));
  auto results =
      client.messages().send_batch(kPhone, {Message::text("16505551234", "batch after a refusal")});
  ASSERT_EQ(results.size(), 1u);
  ASSERT_TRUE(results[0].ok()) << results[0].error().to_string();
  EXPECT_EQ(server.reused(), 0);
  EXPECT_EQ(server.requests(), 2);
}

}  // namespace refusal_then_close_test
