// examples/webhook_receiver under unauthenticated abuse, as a separate process whose peak RSS
// (VmHWM) is read from /proc: a 1 GiB chunked body, a gzip bomb, 16 trickling plus 200 idle
// connections in front of a signed delivery, and the handshake's headers. Each test prints the
// figure it measured ("[figure] ..."). Run with WHATSAPP_TEST_WEBHOOK_RECEIVER=<old binary> to
// measure another receiver; WHATSAPP_TEST_ABUSE_WAIT_S (default 10) bounds the wait for the
// delivery under load.

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "webhook_http_client.hpp"
#include "webhook_receiver_process.hpp"

#if WHATSAPP_TEST_HAVE_ZLIB
#include <zlib.h>
#endif

namespace webhook_receiver_abuse_test {

using std::chrono::milliseconds;
using whatsapp_test::RawAnswer;
using whatsapp_test::RawConnection;
using whatsapp_test::ReceiverProcess;
using whatsapp_test::WebhookClock;

const std::string kSecret = "abuse_test_app_secret";
const std::string kToken = "abuse_test_verify_token";
constexpr long kRssLimitKb = 64 * 1024;

// One receiver for the whole suite, so that its peak RSS covers all of the abuse together.
class ReceiverAbuse : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string binary = whatsapp_test::webhook_receiver_binary();
    if (!binary.empty()) shared_ = new ReceiverProcess(binary, kSecret, kToken);
  }
  static void TearDownTestSuite() {
    delete shared_;
    shared_ = nullptr;
  }
  void SetUp() override {
    if (shared_ == nullptr) GTEST_SKIP() << "examples are not built (WHATSAPP_BUILD_EXAMPLES=OFF)";
    ASSERT_GT(shared_->port(), 0) << "the receiver did not start: "
                                  << whatsapp_test::webhook_receiver_binary();
    ASSERT_TRUE(shared_->running()) << "the receiver died in an earlier test";
    rx_ = shared_;
  }
  void TearDown() override {
    if (rx_ == nullptr) return;
    EXPECT_TRUE(rx_->running()) << "the receiver died";
    const long kb = rx_->peak_rss_kb();
    std::printf("[figure] %s: receiver peak RSS so far %ld kB\n",
                ::testing::UnitTest::GetInstance()->current_test_info()->name(), kb);
    EXPECT_LT(kb, kRssLimitKb);
  }
  static ReceiverProcess* shared_;
  ReceiverProcess* rx_ = nullptr;
};

ReceiverProcess* ReceiverAbuse::shared_ = nullptr;

TEST_F(ReceiverAbuse, AGibibyteChunkedBodyIsRefusedWith413BeforeItIsBuffered) {
  RawConnection c(rx_->port());
  ASSERT_TRUE(c.send_all("POST /webhook HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n" +
                         whatsapp_test::wrong_signature_line() + "\r\n"));
  const std::string chunk = "10000\r\n" + std::string(0x10000, 'a') + "\r\n";  // 64 KiB of data
  const std::uint64_t total = std::uint64_t{1} << 30;
  std::uint64_t sent = 0;
  const auto deadline = WebhookClock::now() + std::chrono::seconds(120);
  // Send until the whole GiB is out, the server answers, or it stops taking bytes.
  while (sent < total && !c.readable_within(milliseconds(0)) && WebhookClock::now() < deadline) {
    if (!c.send_all(chunk, milliseconds(10000))) break;
    sent += 0x10000;
  }
  if (sent >= total) c.send_all("0\r\n\r\n");
  const RawAnswer a = c.read_answer(milliseconds(60000));
  std::printf("[figure] chunked: %llu MiB sent before the answer %d\n",
              static_cast<unsigned long long>(sent >> 20), a.status);
  EXPECT_EQ(a.status, 413);
  EXPECT_LT(sent, total);
}

#if WHATSAPP_TEST_HAVE_ZLIB
// A gzip stream of `mib` MiB of zeros, about 1 kB per MiB: one MiB compressed after a sync
// flush only refers to the zeros before it, so it can be repeated.
std::string gzip_bomb(unsigned mib) {
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
  std::string zeros(1 << 20, '\0');
  auto run = [&](const std::string& in, int flush) {
    std::string out;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    char buf[1 << 16];
    do {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof(buf);
      deflate(&z, flush);
      out.append(buf, sizeof(buf) - z.avail_out);
    } while (z.avail_out == 0 || z.avail_in > 0);
    return out;
  };
  const std::string first = run(zeros, Z_SYNC_FLUSH);
  const std::string again = run(zeros, Z_SYNC_FLUSH);
  const std::string end = run(std::string(), Z_FINISH);
  deflateEnd(&z);
  const uLong crc_mib =
      crc32(0, reinterpret_cast<const Bytef*>(zeros.data()), static_cast<uInt>(zeros.size()));
  uLong crc = crc_mib;
  std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
  out += first;
  for (unsigned i = 1; i < mib; ++i) {
    out += again;
    crc = crc32_combine(crc, crc_mib, 1 << 20);
  }
  out += end;
  const std::uint32_t size = static_cast<std::uint32_t>((std::uint64_t{mib} << 20) & 0xffffffffu);
  for (std::uint32_t v : {static_cast<std::uint32_t>(crc), size}) {
    for (int b = 0; b < 4; ++b) out.push_back(static_cast<char>((v >> (8 * b)) & 0xff));
  }
  return out;
}

TEST_F(ReceiverAbuse, AGzipBombIsRefusedWith415AndNeverInflated) {
  const std::string bomb = gzip_bomb(1000);  // 1000 MiB inflated, under 1 MiB compressed
  RawConnection c(rx_->port());
  ASSERT_TRUE(
      c.send_all("POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nContent-Type: "
                 "application/json\r\nContent-Length: " +
                 std::to_string(bomb.size()) + "\r\n" + whatsapp_test::wrong_signature_line() + "\r\n"));
  c.send_all(bomb, milliseconds(20000));  // may be cut short by the answer
  const RawAnswer a = c.read_answer(milliseconds(60000));
  std::printf("[figure] gzip bomb: %zu bytes, answer %d\n", bomb.size(), a.status);
  EXPECT_EQ(a.status, 415);
}
#endif

TEST_F(ReceiverAbuse, SixteenTricklingAndTwoHundredIdleConnectionsDoNotDelayASignedDelivery) {
  std::vector<std::unique_ptr<RawConnection>> idle, slow;
  for (int i = 0; i < 200; ++i) idle.push_back(std::make_unique<RawConnection>(rx_->port()));
  for (int i = 0; i < 16; ++i) {
    slow.push_back(std::make_unique<RawConnection>(rx_->port()));
    ASSERT_TRUE(slow.back()->send_all("POST /webhook HTTP/1.1\r\nHost: x\r\n"));
  }
  const char* wait_env = std::getenv("WHATSAPP_TEST_ABUSE_WAIT_S");
  const auto bound = std::chrono::seconds(wait_env != nullptr ? std::atoi(wait_env) : 10);
  const std::string body = whatsapp_test::webhook_status_body("wamid.ABUSE");
  const auto start = WebhookClock::now();
  RawConnection delivery(rx_->port());
  ASSERT_TRUE(delivery.send_all(whatsapp_test::signed_post(body, kSecret)));
  // While waiting, each slow client sends one more header line every 4 s.
  auto next_line = start + std::chrono::seconds(4);
  int line = 0;
  while (
      !delivery.readable_within(std::chrono::duration_cast<milliseconds>(next_line - WebhookClock::now())) &&
      WebhookClock::now() - start < bound) {
    for (auto& s : slow) s->send_all("X-Slow-" + std::to_string(line) + ": v\r\n", milliseconds(100));
    ++line;
    next_line += std::chrono::seconds(4);
  }
  const RawAnswer a = delivery.read_answer(milliseconds(100));
  const double seconds = std::chrono::duration<double>(WebhookClock::now() - start).count();
  std::printf("[figure] delivery under 16 trickling + 200 idle: answer %d after %.3f s\n", a.status, seconds);
  EXPECT_EQ(a.status, 200);
  EXPECT_LT(seconds, 2.0);
}

// Out of file descriptors, the receiver closes a connection to accept the next. It closed the
// one it had just accepted (new connections counted as idle, and idle ones went first), so slow
// heads holding every descriptor turned each delivery away unanswered. This receiver has 32.
TEST_F(ReceiverAbuse, OutOfDescriptorsSlowHeadsGiveWayToADelivery) {
  ReceiverProcess rx(whatsapp_test::webhook_receiver_binary(), kSecret, kToken, "", 32);
  ASSERT_GT(rx.port(), 0);
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 64; ++i) {
    slow.push_back(std::make_unique<RawConnection>(rx.port()));
    ASSERT_TRUE(slow.back()->send_all("POST /webhook HTTP/1.1\r\nHost: x\r\n"));
  }
  for (int round = 0; round < 3; ++round) {
    RawConnection delivery(rx.port());
    ASSERT_TRUE(delivery.send_all(whatsapp_test::signed_post(
        whatsapp_test::webhook_status_body("wamid.NOFD" + std::to_string(round)), kSecret)));
    EXPECT_EQ(delivery.read_answer(milliseconds(5000)).status, 200) << "round " << round;
  }
  EXPECT_TRUE(rx.running());
}

TEST_F(ReceiverAbuse, TheHandshakeEchoIsPlainTextWithNosniff) {
  RawConnection c(rx_->port());
  ASSERT_TRUE(c.send_all("GET /webhook?hub.mode=subscribe&hub.verify_token=" + kToken +
                         "&hub.challenge=%3Cscript%3E HTTP/1.1\r\nHost: x\r\n\r\n"));
  const RawAnswer a = c.read_answer();
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(a.body, "<script>");
  EXPECT_EQ(a.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(a.header("content-type").rfind("text/plain", 0), 0u);
}

}  // namespace webhook_receiver_abuse_test
