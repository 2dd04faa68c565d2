#include "harness.hpp"

namespace wet {
namespace {

we::Fault fault(const std::string& kind, int ms = -1) {
  we::Fault f;
  f.kind = kind;
  f.ms = ms;
  return f;
}

TEST(Faults, ResetsAndProcessing) {
  Running r;
  r.emu->set_faults({fault("reset_before_answer"), fault("reset_after_processing")});
  EXPECT_FALSE(r.post_json(r.v("1/messages"), text_send()));
  EXPECT_FALSE(r.post_json(r.v("1/messages"), text_send()));
  auto ok = r.post_json(r.v("1/messages"), text_send());
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  auto msgs = r.emu->processed_messages();
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[0]["fault"], "reset_after_processing");
  EXPECT_TRUE(msgs[1]["fault"].is_null());
}

TEST(Faults, BrokenBodies) {
  Running r;
  we::Fault throttle = fault("graph_throttle");
  throttle.code = 131056;
  we::Fault r429 = fault("status_429");
  r429.retry_after = "date";
  r.emu->set_faults({fault("reset_mid_body"), fault("truncated_json"), fault("empty_body"),
                     fault("wrong_content_type"), fault("error_in_200"), fault("data_wrong_type"), throttle,
                     r429, fault("html_error"), fault("status_503")});
  EXPECT_FALSE(r.post_json(r.v("1/messages"), text_send()));
  auto t = r.post_json(r.v("1/messages"), text_send());
  ASSERT_TRUE(t);
  EXPECT_TRUE(body_of(t).is_discarded());
  auto e = r.post_json(r.v("1/messages"), text_send());
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->body.empty());
  auto w = r.post_json(r.v("1/messages"), text_send());
  ASSERT_TRUE(w);
  EXPECT_EQ(w->get_header_value("Content-Type").rfind("text/plain", 0), 0u);
  auto e200 = r.post_json(r.v("1/messages"), text_send());
  ASSERT_TRUE(e200);
  EXPECT_EQ(body_of(e200)["data"]["error"]["code"], 131000);
  auto dw = r.post_json(r.v("1/messages"), text_send());
  ASSERT_TRUE(dw);
  EXPECT_EQ(body_of(dw)["data"], "oops");
  auto th = r.post_json(r.v("1/messages"), text_send());
  ASSERT_TRUE(th);
  EXPECT_EQ(th->status, 400);
  EXPECT_EQ(body_of(th)["data"]["error"]["code"], 131056);
  auto s429 = r.post_json(r.v("1/messages"), text_send());
  ASSERT_TRUE(s429);
  EXPECT_EQ(s429->status, 429);
  EXPECT_NE(s429->get_header_value("Retry-After").find("GMT"), std::string::npos);
  auto html = r.post_json(r.v("1/messages"), text_send());
  ASSERT_TRUE(html);
  EXPECT_EQ(html->status, 502);
  auto s503 = r.post_json(r.v("1/messages"), text_send());
  ASSERT_TRUE(s503);
  EXPECT_EQ(s503->status, 503);
  // reset_mid_body and truncated_json processed the send; the others did not.
  EXPECT_EQ(r.emu->processed_messages().size(), 2u);
}

TEST(Faults, DelayTrickleHugeAndRouteFilter) {
  Running r;
  we::Fault send_only = fault("status_500");
  send_only.route = "send";
  r.emu->set_faults({send_only, fault("delay", 200), fault("trickle", 200), fault("huge_body")});
  auto g = r.cli->Get(r.v("123").c_str());  // not a send: skips the send-only fault
  ASSERT_TRUE(g);
  auto s = r.post_json(r.v("1/messages"), text_send());
  ASSERT_TRUE(s);
  EXPECT_EQ(g->status, 200);
  EXPECT_EQ(s->status, 500);
  auto t0 = std::chrono::steady_clock::now();
  auto tr = r.post_json(r.v("1/messages"), text_send());
  ASSERT_TRUE(tr);
  EXPECT_GE(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(150));
  EXPECT_EQ(tr->status, 200);
  EXPECT_FALSE(body_of(tr).is_discarded());
  std::size_t size = 0;
  char first = 0, last = 0;
  auto huge = r.cli->Get(r.v("123").c_str(), [&](const char* data, size_t n) {
    if (size == 0) first = data[0];
    size += n;
    last = data[n - 1];
    return true;
  });
  ASSERT_TRUE(huge);
  EXPECT_EQ(size, 50u * 1024u * 1024u);
  EXPECT_EQ(first, '{');
  EXPECT_EQ(last, '}');
}

TEST(Faults, StopInterruptsDelay) {
  Running r;
  r.emu->set_faults({fault("delay", 30000)});
  std::thread client([&] { r.post_json(r.v("1/messages"), text_send()); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto t0 = std::chrono::steady_clock::now();
  r.emu->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
  client.join();
}

TEST(Faults, SeededRateIsDeterministic) {
  auto run = [] {
    we::Options o;
    o.faults.always = {fault("status_502"), fault("status_503")};
    o.faults.rate = 0.5;
    o.faults.seed = 42;
    Running r(o);
    std::string seq;
    for (int i = 0; i < 20; ++i) {
      auto res = r.cli->Get(r.v("123").c_str());
      seq += std::to_string(res ? res->status : 0) + ",";
    }
    return seq;
  };
  std::string a = run();
  EXPECT_EQ(a, run());
  EXPECT_NE(a.find("200"), std::string::npos);
  EXPECT_NE(a.find("50"), std::string::npos);
}

}  // namespace
}  // namespace wet
