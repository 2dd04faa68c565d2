// CurlTransport::send_streamed against a real HTTP server on 127.0.0.1: answers come back as they
// arrive, a freed slot is filled from next() at once (with requests an answer made), no more
// than max_in_flight are on the wire, and an exception from a callback leaves the transport whole.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "local_server.hpp"
#include "whatsapp/transport/curl.hpp"

namespace curl_streamed_test {

using whatsapp::HttpMethod;
using whatsapp::HttpRequest;
using whatsapp::HttpResponse;
using whatsapp::Result;
using whatsapp::transport::CurlTransport;
using whatsapp::transport::StreamedRequest;
using whatsapp_test::LocalServer;

/// A server whose /hold answers only once /release has been asked for (bounded: 10 s), and whose
/// /fast answers at once; it counts the requests being served at the same time.
struct HoldingServer {
  std::mutex m;
  std::condition_variable cv;
  bool released = false;
  bool hold_was_released = false;  // /hold ended by /release, not by its 10 s bound
  int serving = 0;
  int most_serving = 0;

  LocalServer srv;  // last: stopped before the state its handlers use is destroyed

  HoldingServer() {
    const auto serve = [this](const httplib::Request& req, httplib::Response& res) {
      std::unique_lock<std::mutex> lock(m);
      most_serving = std::max(most_serving, ++serving);
      if (req.path == "/release") {
        released = true;
        cv.notify_all();
      }
      if (req.path == "/hold") {
        hold_was_released = cv.wait_for(lock, std::chrono::seconds(10), [this] { return released; });
      }
      --serving;
      res.set_content(R"({"path":")" + req.path + R"("})", "application/json");
    };
    for (const char* path : {"/hold", "/release", "/fast"}) srv.server().Post(path, serve);
    srv.start();
  }

  HttpRequest post(const std::string& path) const {
    HttpRequest r;
    r.method = HttpMethod::kPost;
    r.url = srv.url(path);
    r.body = "{}";
    return r;
  }
};

/// A next() that gives `requests` in order, counting in `next`.
auto in_order(const std::vector<HttpRequest>& requests, std::size_t& next) {
  return [&requests, &next] {
    if (next == requests.size()) return StreamedRequest{};
    const std::size_t i = next++;
    return StreamedRequest{&requests[i], i};
  };
}

TEST(CurlStreamed, AnswersArriveAsTheyComeAndAnAnswerCanMakeTheNextRequest) {
  HoldingServer server;
  CurlTransport t;
  // /hold and /fast go first; /release exists only once /fast has been answered, and frees /hold.
  std::deque<HttpRequest> requests;  // stable addresses while in flight
  std::deque<std::size_t> ready;
  const auto add = [&](const std::string& path) {
    requests.push_back(server.post(path));
    ready.push_back(requests.size() - 1);
  };
  add("/hold");
  add("/fast");
  std::vector<std::string> answered;
  t.send_streamed(
      [&] {
        if (ready.empty()) return StreamedRequest{};
        const std::size_t i = ready.front();
        ready.pop_front();
        return StreamedRequest{&requests[i], i};
      },
      [&](std::size_t tag, Result<HttpResponse>&& answer) {
        ASSERT_TRUE(answer.ok()) << answer.error().to_string();
        EXPECT_EQ(answer->status, 200);
        EXPECT_EQ(answer->body,
                  R"({"path":")" + requests[tag].url.substr(requests[tag].url.rfind('/')) + R"("})");
        answered.push_back(requests[tag].url.substr(requests[tag].url.rfind('/')));
        if (answered.back() == "/fast") add("/release");
      },
      2);
  // /hold could only finish after /release, which was made by /fast's answer: send_streamed
  // asked for it while /hold was still in flight.
  ASSERT_EQ(answered.size(), 3u);
  EXPECT_EQ(answered[0], "/fast");
  EXPECT_TRUE(server.hold_was_released);
  EXPECT_LE(server.most_serving, 2);
}

TEST(CurlStreamed, NoMoreThanMaxInFlightAndEveryRequestAnsweredOnce) {
  HoldingServer server;
  CurlTransport t;
  std::vector<HttpRequest> requests(40, server.post("/fast"));
  std::size_t next = 0;
  std::vector<int> answers(requests.size(), 0);
  t.send_streamed(
      in_order(requests, next),
      [&](std::size_t tag, Result<HttpResponse>&& answer) {
        EXPECT_TRUE(answer.ok());
        ++answers[tag];
      },
      3);
  EXPECT_EQ(answers, std::vector<int>(requests.size(), 1));
  EXPECT_LE(server.most_serving, 3);
}

TEST(CurlStreamed, AnExceptionFromDoneLeavesAndTheTransportStillWorks) {
  HoldingServer server;
  CurlTransport t;
  std::vector<HttpRequest> requests(6, server.post("/fast"));
  std::size_t next = 0;
  int answered = 0;
  const auto source = in_order(requests, next);
  EXPECT_THROW(t.send_streamed(
                   source,
                   [&](std::size_t, Result<HttpResponse>&&) {
                     if (++answered == 2) throw std::runtime_error("caller gave up");
                   },
                   3),
               std::runtime_error);
  EXPECT_EQ(answered, 2);
  // The transfers still in flight were abandoned and their handles returned: the next calls work.
  auto single = t.send(server.post("/fast"));
  ASSERT_TRUE(single.ok()) << single.error().to_string();
  EXPECT_EQ(single->status, 200);
  auto many = t.send_many(std::vector<HttpRequest>(4, server.post("/fast")), 4);
  ASSERT_EQ(many.size(), 4u);
  for (const auto& r : many) EXPECT_TRUE(r.ok());
}

TEST(CurlStreamed, ARequestThatCannotStartIsAnsweredAtOnceAndTheOthersGo) {
  HoldingServer server;
  CurlTransport t;
  std::vector<HttpRequest> requests{server.post("/fast"), server.post("/fast"), server.post("/fast")};
  requests[1].headers.emplace_back("X-Bad", "a\r\nInjected: yes");  // refused before sending
  std::size_t next = 0;
  std::vector<std::optional<Result<HttpResponse>>> answers(requests.size());
  t.send_streamed(
      in_order(requests, next),
      [&](std::size_t tag, Result<HttpResponse>&& answer) { answers[tag] = std::move(answer); }, 2);
  ASSERT_TRUE(answers[0] && answers[1] && answers[2]);
  EXPECT_TRUE(answers[0]->ok());
  ASSERT_FALSE(answers[1]->ok());
  EXPECT_EQ(answers[1]->error().kind(), whatsapp::ErrorKind::kInvalidArgument);
  EXPECT_TRUE(answers[2]->ok());
}

}  // namespace curl_streamed_test
