#include <openssl/hmac.h>

#include <mutex>
#include <thread>

#include "harness.hpp"

namespace wet {
namespace {

std::string hmac_hex(const std::string& key, const std::string& body) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(body.data()), body.size(), md, &len);
  std::string out;
  char buf[3];
  for (unsigned i = 0; i < len; ++i) {
    std::snprintf(buf, sizeof buf, "%02x", md[i]);
    out += buf;
  }
  return out;
}

struct Receiver {
  Receiver() {
    svr.Post("/webhook", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu);
      bodies.push_back(req.body);
      sigs.push_back(req.get_header_value("X-Hub-Signature-256"));
      res.status = 200;
    });
    port = svr.bind_to_any_port("127.0.0.1");
    th = std::thread([this] { svr.listen_after_bind(); });
  }
  ~Receiver() {
    while (!svr.is_running()) std::this_thread::yield();
    svr.stop();
    th.join();
  }
  httplib::Server svr;
  int port = 0;
  std::thread th;
  std::mutex mu;
  std::vector<std::string> bodies, sigs;
};

TEST(Webhooks, StatusesAreSignedAndOrdered) {
  Receiver rx;
  we::Options o;
  o.webhook_url = "http://127.0.0.1:" + std::to_string(rx.port) + "/webhook";
  o.app_secret = "s3cret";
  Running r(o);
  auto a = r.post_json(r.v("106853218861309/messages"), text_send());
  ASSERT_TRUE(a);
  std::string wamid = body_of(a)["data"]["messages"][0]["id"];
  ASSERT_TRUE(r.emu->wait_for_webhooks(3, std::chrono::seconds(5)));
  std::string err;
  ASSERT_TRUE(r.emu->inject_inbound(
      {{"phone_number_id", "106853218861309"}, {"from", "15551234567"}, {"text", "hi"}}, &err))
      << err;
  ASSERT_TRUE(r.emu->wait_for_webhooks(4, std::chrono::seconds(5)));
  std::lock_guard<std::mutex> lock(rx.mu);
  ASSERT_EQ(rx.bodies.size(), 4u);
  const char* expect[] = {"sent", "delivered", "read"};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(rx.sigs[i], "sha256=" + hmac_hex("s3cret", rx.bodies[i]));
    json v = json::parse(rx.bodies[i])["entry"][0]["changes"][0]["value"];
    EXPECT_EQ(v["statuses"][0]["status"], expect[i]);
    EXPECT_EQ(v["statuses"][0]["id"], wamid);
    EXPECT_EQ(v["metadata"]["phone_number_id"], "106853218861309");
    EXPECT_EQ(v["metadata"]["display_phone_number"], "15555555555");
  }
  json in = json::parse(rx.bodies[3])["entry"][0]["changes"][0]["value"];
  EXPECT_EQ(in["messages"][0]["text"]["body"], "hi");
  EXPECT_EQ(in["contacts"][0]["wa_id"], "15551234567");
}

TEST(Webhooks, UnreachableReceiverCountsFailures) {
  we::Options o;
  o.webhook_url = "http://127.0.0.1:1/webhook";
  o.app_secret = "x";
  Running r(o);
  ASSERT_TRUE(r.post_json(r.v("1/messages"), text_send()));
  for (int i = 0; i < 200 && r.emu->stats().webhooks_failed < 3; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(r.emu->stats().webhooks_failed, 3);
  EXPECT_FALSE(r.emu->wait_for_webhooks(1, std::chrono::milliseconds(10)));
}

}  // namespace
}  // namespace wet
