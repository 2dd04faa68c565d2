#pragma once

// Fakes shared by the batch and stream tests: a send server, transports with send_many() and
// send_streamed(), and the client options and messages they use.

#include <algorithm>
#include <chrono>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "fake_time.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/transport/fake.hpp"

namespace whatsapp_test::batch {

using whatsapp::ClientOptions;
using whatsapp::HttpRequest;
using whatsapp::HttpResponse;
using whatsapp::Message;
using whatsapp::Result;
using whatsapp::transport::FakeTransport;

inline bool is_old(const std::string& url) { return url.find("FROM_PHONE_NUMBER_ID=") != std::string::npos; }

inline std::string text_of(const HttpRequest& req) {
  return nlohmann::json::parse(req.body).at("text").at("body").get<std::string>();
}

/// Answers a send with the message id "wamid.<text>"; New Format URLs get 404 unless `knows_new`.
inline FakeTransport server(bool knows_new = true) {
  FakeTransport t;
  t.on_request([=](const HttpRequest& req) -> Result<HttpResponse> {
    HttpResponse r;
    if (!knows_new && !is_old(req.url)) {
      r.status = 404;
      r.body = R"({"message":"Not Found"})";
      return r;
    }
    r.status = 200;
    r.body = nlohmann::json{{"data",
                             {{"messaging_product", "whatsapp"},
                              {"contacts", {{{"input", "15551234567"}, {"wa_id", "15551234567"}}}},
                              {"messages", {{{"id", "wamid." + text_of(req)}}}}}}}
                 .dump();
    return r;
  });
  return t;
}

/// A FakeTransport with send_many() that answers the requests in reverse order, as a transport
/// finishing them out of order would, and records each call's size and max_in_flight.
class ReversingTransport {
 public:
  explicit ReversingTransport(FakeTransport inner) : inner_(std::move(inner)) {}
  Result<HttpResponse> send(const HttpRequest& r) { return inner_.send(r); }
  std::vector<Result<HttpResponse>> send_many(const std::vector<HttpRequest>& requests,
                                              std::size_t max_in_flight) {
    calls.emplace_back(requests.size(), max_in_flight);
    std::vector<std::optional<Result<HttpResponse>>> answers(requests.size());
    for (std::size_t i = requests.size(); i-- > 0;) answers[i] = inner_.send(requests[i]);
    std::vector<Result<HttpResponse>> out;
    for (auto& a : answers) out.push_back(std::move(*a));
    return out;
  }
  FakeTransport inner_;
  std::vector<std::pair<std::size_t, std::size_t>> calls;
};
/// A transport with send_streamed() over a FakeTransport, on a FakeTime wire: one answer arrives
/// every second, in the order the requests started. Records the order of the starts (by text)
/// and the most requests in flight at once.
class StreamingTransport {
 public:
  StreamingTransport(FakeTransport inner, whatsapp_test::FakeTime time)
      : inner_(std::move(inner)), time_(std::move(time)) {}
  Result<HttpResponse> send(const HttpRequest& r) { return inner_.send(r); }
  template <class Next, class Done>
  void send_streamed(Next&& next, Done&& done, std::size_t max_in_flight) {
    std::deque<std::pair<std::size_t, Result<HttpResponse>>> wire;
    for (;;) {
      while (wire.size() < max_in_flight) {
        const whatsapp::transport::StreamedRequest item = next();
        if (item.request == nullptr) break;
        started.push_back(text_of(*item.request));
        wire.emplace_back(item.tag, inner_.send(*item.request));
        most_in_flight = std::max(most_in_flight, wire.size());
      }
      if (wire.empty()) return;
      time_.advance(std::chrono::milliseconds(1000));
      auto [tag, answer] = std::move(wire.front());
      wire.pop_front();
      done(tag, std::move(answer));
    }
  }
  std::vector<std::string> started;
  std::size_t most_in_flight = 0;

 private:
  FakeTransport inner_;
  whatsapp_test::FakeTime time_;
};
static_assert(whatsapp::transport::has_send_streamed_v<StreamingTransport>);
static_assert(whatsapp::transport::has_send_streamed_v<whatsapp::transport::CurlTransport>);
static_assert(!whatsapp::transport::has_send_streamed_v<ReversingTransport>);

static_assert(whatsapp::transport::has_send_many_v<ReversingTransport>);
static_assert(!whatsapp::transport::has_send_many_v<FakeTransport>);
static_assert(whatsapp::transport::has_send_many_v<whatsapp::transport::CurlTransport>);

inline ClientOptions options() {
  ClientOptions o;
  o.base_url = "http://emulator.test/whatsapp";
  o.api_token = "at_0123456789";
  return o;
}

inline std::vector<Message> texts(int n, const std::string& prefix = "m") {
  std::vector<Message> v;
  for (int i = 0; i < n; ++i) v.push_back(Message::text("15551234567", prefix + std::to_string(i)));
  return v;
}

}  // namespace whatsapp_test::batch
