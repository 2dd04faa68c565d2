// CurlTransport against a real HTTP server on 127.0.0.1.

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "local_server.hpp"
#include "whatsapp/client/client.hpp"
#include "whatsapp/transport/curl.hpp"

namespace curl_transport_test {

using whatsapp::Delivery;
using whatsapp::ErrorKind;
using whatsapp::HttpMethod;
using whatsapp::HttpRequest;
using whatsapp::transport::CurlOptions;
using whatsapp::transport::CurlTransport;
using whatsapp_test::LocalServer;

struct CurlTransportTest : ::testing::Test {
  std::mutex m;
  std::vector<httplib::Request> seen;
  std::set<int> client_ports;
  LocalServer srv;  // last: destroyed (stopped) first, before the state its handlers use

  void SetUp() override {
    auto record = [this](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard<std::mutex> lock(m);
        seen.push_back(req);
        client_ports.insert(req.remote_port);
      }
      res.set_content(R"({"data":{"ok":true}})", "application/json");
      res.set_header("X-Echo-Method", req.method);
    };
    srv.server().Get("/echo", record);
    srv.server().Post("/echo", record);
    srv.server().Delete("/echo", record);
    srv.start();
  }

  HttpRequest request(HttpMethod method, std::string path = "/echo") {
    HttpRequest r;
    r.method = method;
    r.url = srv.url(path);
    return r;
  }
};

TEST_F(CurlTransportTest, PostSendsJsonBodyAndUserAgent) {
  CurlTransport t;
  auto req = request(HttpMethod::kPost);
  req.body = R"({"a":1})";
  auto r = t.send(req);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, R"({"data":{"ok":true}})");
  EXPECT_EQ(r->header("x-echo-method"), "POST");
  EXPECT_EQ(r->header("Content-Type"), "application/json");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].body, R"({"a":1})");
  EXPECT_EQ(seen[0].get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(seen[0].get_header_value("User-Agent"), std::string("whatsapp-cpp/") + whatsapp::kVersion);
  EXPECT_FALSE(seen[0].has_header("Expect"));
}

TEST_F(CurlTransportTest, GetAndDeleteUseTheirMethods) {
  CurlTransport t;
  ASSERT_TRUE(t.send(request(HttpMethod::kGet)).ok());
  ASSERT_TRUE(t.send(request(HttpMethod::kDelete)).ok());
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].method, "GET");
  EXPECT_EQ(seen[1].method, "DELETE");
}

// A handle is not reset between plain JSON POSTs (transport/detail/curl_setup.hpp): any other request in
// between must neither keep its options nor leave them to the next.
TEST_F(CurlTransportTest, ReusedHandleKeepsNoOptionOfThePreviousRequest) {
  CurlTransport t;
  auto post = [&](std::string body) {
    HttpRequest r = request(HttpMethod::kPost);
    r.body = std::move(body);
    return r;
  };
  HttpRequest with_header = post(R"({"h":1})");
  with_header.headers.emplace_back("X-Test", "yes");
  const std::vector<HttpRequest> sequence = {
      post(R"({"n":1})"), request(HttpMethod::kDelete), post(R"({"n":2})"), request(HttpMethod::kGet),
      with_header,        post(R"({"n":3})"),           post(R"({"n":4})")};
  for (const auto& r : sequence) ASSERT_TRUE(t.send(r).ok());
  ASSERT_EQ(seen.size(), sequence.size());
  const std::string agent = std::string("whatsapp-cpp/") + whatsapp::kVersion;
  for (std::size_t i = 0; i < sequence.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(seen[i].method, whatsapp::to_string(sequence[i].method));
    EXPECT_EQ(seen[i].body, sequence[i].body);
    EXPECT_EQ(seen[i].get_header_value("User-Agent"), agent);
    EXPECT_EQ(seen[i].has_header("X-Test"), i == 4);
    EXPECT_EQ(seen[i].get_header_value("Content-Type"),
              sequence[i].method == HttpMethod::kPost ? "application/json" : "");
    EXPECT_FALSE(seen[i].has_header("Expect"));
  }
  EXPECT_EQ(client_ports.size(), 1U);
}

// A download streamed to on_body accepts any type; every other request asks for JSON. Both the
// shared header lists and a request's own list (with a header of its own) say so.
TEST_F(CurlTransportTest, DownloadsAcceptAnyTypeOtherRequestsJson) {
  CurlTransport t;
  std::string streamed;
  HttpRequest download = request(HttpMethod::kGet);
  download.on_body = [&](const char* data, std::size_t n) {
    streamed.append(data, n);
    return true;
  };
  HttpRequest download_with_header = download;
  download_with_header.headers.emplace_back("X-Test", "yes");
  HttpRequest get_with_header = request(HttpMethod::kGet);
  get_with_header.headers.emplace_back("X-Test", "yes");
  const std::vector<HttpRequest> sequence = {download, request(HttpMethod::kGet), download_with_header,
                                             get_with_header, request(HttpMethod::kPost)};
  for (const auto& r : sequence) ASSERT_TRUE(t.send(r).ok());
  ASSERT_EQ(seen.size(), sequence.size());
  const char* expected[] = {"*/*", "application/json", "*/*", "application/json", "application/json"};
  for (std::size_t i = 0; i < sequence.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(seen[i].get_header_value("Accept"), expected[i]);
    EXPECT_EQ(seen[i].get_header_value_count("Accept"), 1u);
  }
  EXPECT_EQ(streamed, std::string(R"({"data":{"ok":true}})") + R"({"data":{"ok":true}})");
}

TEST_F(CurlTransportTest, UserAgentIsConfigurableAndCannotInjectHeaders) {
  CurlOptions o;
  o.user_agent = "bot/1\r\nX-Injected: 1";
  CurlTransport t(o);
  ASSERT_TRUE(t.send(request(HttpMethod::kGet)).ok());
  o.user_agent.clear();
  CurlTransport none(o);
  ASSERT_TRUE(none.send(request(HttpMethod::kGet)).ok());
  ASSERT_EQ(seen.size(), 2U);
  EXPECT_EQ(seen[0].get_header_value("User-Agent"), "bot/1  X-Injected: 1");
  EXPECT_FALSE(seen[0].has_header("X-Injected"));
  EXPECT_FALSE(seen[1].has_header("User-Agent"));
}

TEST_F(CurlTransportTest, ConnectionIsReusedAcrossRequestsAndCopies) {
  CurlTransport t;
  CurlTransport copy = t;
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(t.send(request(HttpMethod::kGet)).ok());
    ASSERT_TRUE(copy.send(request(HttpMethod::kPost)).ok());
  }
  EXPECT_EQ(seen.size(), 40u);
  EXPECT_EQ(client_ports.size(), 1u) << "every request should travel on one kept-alive connection";
}

TEST_F(CurlTransportTest, ErrorStatusIsAnAnswerNotAFailure) {
  srv.server().Get("/missing", [](const httplib::Request&, httplib::Response& res) {
    res.status = 404;
    res.set_content(R"({"message":"Not Found"})", "application/json");
  });
  CurlTransport t;
  auto r = t.send(request(HttpMethod::kGet, "/missing"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 404);
}

TEST_F(CurlTransportTest, ConsecutivePostsToDifferentUrlsOnOneHandleGoWhereEachSays) {
  srv.server().Post("/other", [this](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(m);
    seen.push_back(req);
    res.set_content("{}", "application/json");
  });
  CurlTransport t;
  for (const char* path : {"/echo", "/other", "/other", "/echo"}) {
    HttpRequest r = request(HttpMethod::kPost, path);
    r.body = "{}";
    ASSERT_TRUE(t.send(r).ok());
  }
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen[0].path, "/echo");
  EXPECT_EQ(seen[1].path, "/other");
  EXPECT_EQ(seen[2].path, "/other");
  EXPECT_EQ(seen[3].path, "/echo");
  EXPECT_EQ(client_ports.size(), 1u);  // one handle, kept alive
}

TEST_F(CurlTransportTest, SuccessHeadersAreDroppedOnlyWhenTheRequestSaysSoAndOnlyFor2xx) {
  srv.server().Post("/throttled", [](const httplib::Request&, httplib::Response& res) {
    res.status = 429;
    res.set_header("Retry-After", "7");
    res.set_content(R"({"error":{"code":130429}})", "application/json");
  });
  CurlTransport t;
  const HttpRequest keep = request(HttpMethod::kPost);
  auto all = t.send(keep);
  ASSERT_TRUE(all.ok()) << all.error().to_string();
  EXPECT_EQ(all->header("X-Echo-Method"), "POST");

  HttpRequest drop = request(HttpMethod::kPost);
  drop.success_headers = false;
  auto none = t.send(drop);
  ASSERT_TRUE(none.ok()) << none.error().to_string();
  EXPECT_EQ(none->status, 200);
  EXPECT_TRUE(none->headers.empty());
  EXPECT_EQ(none->body, R"({"data":{"ok":true}})");

  HttpRequest error = request(HttpMethod::kPost, "/throttled");
  error.success_headers = false;
  auto throttled = t.send(error);
  ASSERT_TRUE(throttled.ok()) << throttled.error().to_string();
  EXPECT_EQ(throttled->status, 429);
  EXPECT_EQ(throttled->header("Retry-After"), "7");  // what the client reads of an error answer

  auto again = t.send(keep);  // the same handle, a request that wants every header
  ASSERT_TRUE(again.ok()) << again.error().to_string();
  EXPECT_EQ(again->header("X-Echo-Method"), "POST");
}

TEST_F(CurlTransportTest, MultipartPartsArrive) {
  srv.server().Post("/upload", [this](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(m);
    seen.push_back(req);
    res.set_content("{}", "application/json");
  });
  CurlTransport t;
  auto req = request(HttpMethod::kPost, "/upload");
  req.multipart.push_back({"file", std::string("\x89PNG\0data", 9), "", "pic.png", "image/png"});
  req.multipart.push_back({"type", "image/png", "", "", ""});
  req.multipart.push_back({"messaging_product", "whatsapp", "", "", ""});
  ASSERT_TRUE(t.send(req).ok());
  ASSERT_EQ(seen.size(), 1u);
  const auto& got = seen[0];
  ASSERT_TRUE(got.has_file("file"));
  EXPECT_EQ(got.get_file_value("file").content, std::string("\x89PNG\0data", 9));
  EXPECT_EQ(got.get_file_value("file").filename, "pic.png");
  EXPECT_EQ(got.get_file_value("file").content_type, "image/png");
  EXPECT_EQ(got.get_file_value("type").content, "image/png");
  EXPECT_EQ(got.get_file_value("messaging_product").content, "whatsapp");
}

TEST(CurlTransportFailures, RefusedConnectionWasCertainlyNotSent) {
  int port = 0;
  {
    LocalServer closed;  // bind a port, then close it: nothing listens there any more
    closed.start();
    port = closed.port();
  }
  CurlTransport t;
  HttpRequest req;
  req.method = HttpMethod::kPost;
  req.url = "http://127.0.0.1:" + std::to_string(port) + "/x?api_token=at_secret";
  req.body = "{}";
  auto r = t.send(req);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kTransport);
  EXPECT_EQ(r.error().delivery(), Delivery::kNotSent);
  EXPECT_EQ(r.error().message().find("at_secret"), std::string::npos);
}

TEST(CurlTransportFailures, SlowAnswerTimesOutAndMayHaveBeenProcessed) {
  std::mutex m;  // declared before the server: a handler may still be running when it stops
  std::condition_variable cv;
  bool release = false;
  LocalServer srv;
  srv.server().Post("/slow", [&](const httplib::Request&, httplib::Response& res) {
    std::unique_lock<std::mutex> lock(m);
    cv.wait_for(lock, std::chrono::seconds(10), [&] { return release; });
    res.set_content("{}", "application/json");
  });
  srv.start();
  CurlOptions o;
  o.timeout = std::chrono::milliseconds(300);
  CurlTransport t(o);
  HttpRequest req;
  req.method = HttpMethod::kPost;
  req.url = srv.url("/slow");
  req.body = "{}";
  const auto start = std::chrono::steady_clock::now();
  auto r = t.send(req);
  const auto took = std::chrono::steady_clock::now() - start;
  {
    std::lock_guard<std::mutex> lock(m);
    release = true;
  }
  cv.notify_all();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kTimeout);
  EXPECT_EQ(r.error().delivery(), Delivery::kMaybeSent);
  EXPECT_LT(took, std::chrono::seconds(5));
}

TEST(CurlTransportFailures, HugeBodyIsCutAtTheLimit) {
  LocalServer srv;
  srv.server().Get("/huge", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(3 * 1024 * 1024, 'x'), "application/json");
  });
  srv.start();
  CurlOptions o;
  o.max_response_bytes = 1024 * 1024;
  CurlTransport t(o);
  HttpRequest req;
  req.url = srv.url("/huge");
  auto r = t.send(req);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kTransport);
  EXPECT_NE(r.error().message().find("exceeds the limit of 1048576 bytes"), std::string::npos)
      << r.error().message();
  EXPECT_EQ(r.error().delivery(), Delivery::kMaybeSent);
}

TEST(CurlTransportFailures, HeaderWithNewlineIsRefused) {
  CurlTransport t;
  HttpRequest req;
  req.url = "http://127.0.0.1:1/";
  req.headers.emplace_back("X-Test", "a\r\nX-Injected: 1");
  auto r = t.send(req);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
}

TEST(CurlTransportThreads, ManyThreadsShareOneTransport) {
  std::atomic<int> served{0};
  LocalServer srv;
  srv.server().Post("/echo", [&](const httplib::Request& req, httplib::Response& res) {
    ++served;
    res.set_content(req.body, "application/json");
  });
  srv.start();
  CurlTransport t;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      for (int k = 0; k < 50; ++k) {
        HttpRequest req;
        req.method = HttpMethod::kPost;
        req.url = srv.url("/echo");
        req.body = std::to_string(i * 1000 + k);
        auto r = t.send(req);
        if (r.ok() && r->body == req.body) ++ok;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 200);
  EXPECT_EQ(served.load(), 200);
}

}  // namespace curl_transport_test

namespace curl_transport_test {

/// Sets an environment variable for the life of the object (each test runs in its own process).
struct ScopedEnv {
  std::string name;
  ScopedEnv(std::string n, const std::string& value) : name(std::move(n)) {
    ::setenv(name.c_str(), value.c_str(), 1);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;
  ~ScopedEnv() { ::unsetenv(name.c_str()); }
};

TEST(CurlTransportProxy, AProxyTheEnvironmentNamesIsUsedAndNoneIsUsedOtherwise) {
  // Whatever the machine's environment says (this process runs this test alone).
  for (const char* name :
       {"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY"}) {
    ::unsetenv(name);
  }
  // Two servers: the proxy answers "proxy", the origin "origin"; each records what it was asked.
  std::mutex m;
  std::vector<std::string> seen;
  LocalServer proxy;  // after the state their handlers use: stopped before it is destroyed
  LocalServer origin;
  const auto serve = [&](LocalServer& srv, const std::string& name) {
    srv.server().Post(".*", [&m, &seen, name](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard<std::mutex> lock(m);
        seen.push_back(name + " " + req.target);
      }
      res.set_content(R"({"data":{"via":")" + name + R"("}})", "application/json");
    });
    srv.start();
  };
  serve(proxy, "proxy");
  serve(origin, "origin");
  HttpRequest req;
  req.method = HttpMethod::kPost;
  req.url = origin.url("/echo?api_token=t");
  req.body = "{}";
  {
    const ScopedEnv env("http_proxy", proxy.url());
    const CurlTransport through_proxy;  // reads the environment now
    auto r = through_proxy.send(req);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->body, R"({"data":{"via":"proxy"}})");
    for (const auto& a : through_proxy.send_many({req, req}, 2)) EXPECT_TRUE(a.ok());
  }
  const CurlTransport direct;  // no proxy in the environment now
  auto r = direct.send(req);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->body, R"({"data":{"via":"origin"}})");
  std::lock_guard<std::mutex> lock(m);
  const std::string absolute = "proxy " + req.url;  // a proxy is asked for the absolute URL
  EXPECT_EQ(seen, (std::vector<std::string>{absolute, absolute, absolute, "origin /echo?api_token=t"}));
}

}  // namespace curl_transport_test
