// webhook::DuplicateStore behind a Dispatcher: the claim, done and forget calls it makes, and an
// event the store cannot tell about deferred (no handler runs, the report is not ok, so the
// built-in server answers 503 and Meta delivers it again).

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "webhook_support.hpp"
#include "whatsapp/webhook/dispatcher.hpp"
#include "whatsapp/webhook/duplicate_store.hpp"

namespace duplicate_store_test {

using namespace whatsapp::webhook;  // NOLINT(google-build-using-namespace)

/// Records the calls; claims are answered from `answer` (kFirst when not listed).
class RecordingStore final : public DuplicateStore {
 public:
  std::map<std::string, Claim> answer;
  std::vector<std::string> calls;

  Claim claim(std::string_view key) noexcept override {
    calls.push_back("claim " + std::string(key));
    auto it = answer.find(std::string(key));
    return it == answer.end() ? Claim::kFirst : it->second;
  }
  void done(std::string_view key) noexcept override { calls.push_back("done " + std::string(key)); }
  void forget(std::string_view key) noexcept override { calls.push_back("forget " + std::string(key)); }
};

TEST(DuplicateStore, DispatcherClaimsThenSaysDoneOrForget) {
  auto store = std::make_shared<RecordingStore>();
  const Notification n = whatsapp_test::load_notification("webhook_text.json");
  std::string key;
  for_each_event(n, [&](const Event& e) { key = e.dedup_key(); });
  ASSERT_FALSE(key.empty());

  Dispatcher ok(store);
  ok.on_message([](const Event&, const Message&) {});
  EXPECT_TRUE(ok.dispatch(n).ok());
  EXPECT_EQ(store->calls, (std::vector<std::string>{"claim " + key, "done " + key}));

  store->calls.clear();
  Dispatcher failing(store);
  failing.on_message([](const Event&, const Message&) { throw std::runtime_error("handler broke"); });
  EXPECT_EQ(failing.dispatch(n).failed, 1U);
  EXPECT_EQ(store->calls, (std::vector<std::string>{"claim " + key, "forget " + key}));
}

TEST(DuplicateStore, UnavailableDefersTheEventAndTheReportAsksForRedelivery) {
  auto store = std::make_shared<RecordingStore>();
  const Notification n = whatsapp_test::load_notification("webhook_text.json");
  std::string key;
  for_each_event(n, [&](const Event& e) { key = e.dedup_key(); });
  store->answer[key] = Claim::kUnavailable;
  int handled = 0;
  Dispatcher d(store);
  d.on_message([&](const Event&, const Message&) { ++handled; });
  const DispatchReport r = d.dispatch(n);
  EXPECT_EQ(handled, 0);
  EXPECT_EQ(r.deferred, 1U);
  EXPECT_EQ(r.failed, 0U);
  EXPECT_FALSE(r.ok());  // the server answers 503: deliver again
  EXPECT_EQ(store->calls, (std::vector<std::string>{"claim " + key}));

  store->answer[key] = Claim::kDuplicate;
  const DispatchReport again = d.dispatch(n);
  EXPECT_EQ(again.duplicates, 1U);
  EXPECT_TRUE(again.ok());
}

}  // namespace duplicate_store_test
