// webhook::Dispatcher and webhook::DuplicateFilter, including use from several threads.

#include <atomic>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "webhook_support.hpp"
#include "whatsapp/webhook/dispatcher.hpp"
#include "whatsapp/webhook/duplicate_filter.hpp"
#include "whatsapp/webhook/parse.hpp"

namespace webhook_dispatch_test {

using namespace whatsapp::webhook;  // NOLINT(google-build-using-namespace)

using whatsapp_test::load_notification;
using whatsapp_test::webhook_fixture;

TEST(WebhookDuplicateFilter, FirstTimeThenDuplicate) {
  DuplicateFilter f(3);
  EXPECT_EQ(f.capacity(), 3u);
  EXPECT_TRUE(f.first_time("a"));
  EXPECT_FALSE(f.first_time("a"));
  EXPECT_TRUE(f.contains("a"));
  EXPECT_TRUE(f.first_time(""));  // empty keys are never remembered
  EXPECT_TRUE(f.first_time(""));
  EXPECT_EQ(f.size(), 1u);
  f.forget("a");
  EXPECT_FALSE(f.contains("a"));
  EXPECT_TRUE(f.first_time("a"));
  f.clear();
  EXPECT_EQ(f.size(), 0u);
}

TEST(WebhookDuplicateFilter, EvictsTheLeastRecentlySeen) {
  DuplicateFilter f(3);
  EXPECT_TRUE(f.first_time("a"));
  EXPECT_TRUE(f.first_time("b"));
  EXPECT_TRUE(f.first_time("c"));
  EXPECT_FALSE(f.first_time("a"));  // a is now the most recent; b the least
  EXPECT_TRUE(f.first_time("d"));   // evicts b
  EXPECT_EQ(f.size(), 3u);
  EXPECT_FALSE(f.contains("b"));
  EXPECT_TRUE(f.contains("a"));
  EXPECT_TRUE(f.contains("c"));
  EXPECT_TRUE(f.contains("d"));
  EXPECT_TRUE(f.first_time("b"));  // evicts c
  EXPECT_FALSE(f.contains("c"));

  DuplicateFilter none(0);
  EXPECT_TRUE(none.first_time("x"));
  EXPECT_TRUE(none.first_time("x"));
  EXPECT_EQ(none.size(), 0u);
}

TEST(WebhookDuplicateFilter, ConcurrentOffersAcceptEachKeyOnce) {
  constexpr int kThreads = 8;
  constexpr int kKeys = 2000;
  DuplicateFilter f(kKeys);
  std::atomic<int> accepted{0};
  std::vector<std::atomic<int>> per_key(kKeys);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kKeys; ++i) {
        int k = (i * 7 + t * 13) % kKeys;  // each thread in its own order
        if (f.first_time("key" + std::to_string(k))) {
          accepted.fetch_add(1);
          per_key[k].fetch_add(1);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(accepted.load(), kKeys);
  for (int k = 0; k < kKeys; ++k) ASSERT_EQ(per_key[k].load(), 1) << k;
  EXPECT_EQ(f.size(), static_cast<std::size_t>(kKeys));
}

TEST(WebhookDuplicateFilter, ConcurrentUseBeyondCapacityStaysBounded) {
  DuplicateFilter f(64);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5000; ++i) {
        (void)f.first_time(std::to_string(t) + ":" + std::to_string(i));
        if (i % 10 == 0) f.forget(std::to_string(t) + ":" + std::to_string(i - 5));
        (void)f.contains(std::to_string(i));
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_LE(f.size(), 64u);
}

TEST(WebhookDispatcher, MostSpecificHandlerRunsOnce) {
  std::vector<std::string> calls;
  Dispatcher d;
  d.on_text([&](const Event& e, const Message& m) {
     calls.push_back("text:" + m.text->body + "@" + std::string(e.phone_number_id));
   })
      .on_message([&](const Event&, const Message& m) { calls.push_back("message:" + m.type); })
      .on_status([&](const Event&, const Status& s) { calls.push_back("status:" + s.status); })
      .on_template_status(
          [&](const Event&, const TemplateStatusUpdate& u) { calls.push_back("template:" + u.event); })
      .on_unknown(
          [&](const Event& e) { calls.push_back(std::string("unknown:") + std::string(to_string(e.kind))); });

  const char* files[] = {"webhook_text.json",
                         "webhook_image.json",
                         "webhook_status_read.json",
                         "webhook_template_status_update_rejected.json",
                         "webhook_template_quality_update_yellow.json",
                         "webhook_user_marketing_preferences_resume.json",
                         "webhook_interactive_missing_body.json"};
  for (const char* f : files) {
    auto report = d.dispatch(load_notification(f));
    EXPECT_TRUE(report.ok()) << f;
    EXPECT_EQ(report.unhandled, 0u) << f;
  }
  const std::vector<std::string> expected = {"text:Is the rye ready?@2088114577301",
                                             "message:image",
                                             "status:read",
                                             "template:REJECTED",
                                             "unknown:template_quality",
                                             "unknown:user_preference",
                                             "message:interactive",
                                             "unknown:error"};
  EXPECT_EQ(calls, expected);
}

TEST(WebhookDispatcher, EveryMessageFixtureReachesItsHandler) {
  std::map<std::string, std::string> got;  // file -> handler
  std::string current;
  Dispatcher d;
  auto mark = [&](const char* name) {
    return [&, name](const Event&, const Message&) { got[current] = name; };
  };
  d.on_text(mark("text"))
      .on_image(mark("image"))
      .on_video(mark("video"))
      .on_document(mark("document"))
      .on_audio(mark("audio"))
      .on_sticker(mark("sticker"))
      .on_location(mark("location"))
      .on_contacts(mark("contacts"))
      .on_interactive(mark("interactive"))
      .on_button(mark("button"))
      .on_reaction(mark("reaction"))
      .on_order(mark("order"))
      .on_system(mark("system"))
      .on_chat_opened(mark("chat_opened"))
      .on_unsupported(mark("unsupported"));
  const std::map<std::string, std::string> expected = {
      {"webhook_audio.json", "audio"},
      {"webhook_voice.json", "audio"},
      {"webhook_video.json", "video"},
      {"webhook_document.json", "document"},
      {"webhook_sticker_animated.json", "sticker"},
      {"webhook_location_current.json", "location"},
      {"webhook_contacts.json", "contacts"},
      {"webhook_interactive_list_reply.json", "interactive"},
      {"webhook_interactive_nfm_reply.json", "interactive"},
      {"webhook_button_template_quick_reply.json", "button"},
      {"webhook_reaction_removed_empty.json", "reaction"},
      {"webhook_order.json", "order"},
      {"webhook_system_customer_identity_changed.json", "system"},
      {"webhook_chat_opened_chat_opened.json", "chat_opened"},
      {"webhook_unsupported_with_type.json", "unsupported"},
      {"webhook_referral.json", "text"},
      {"webhook_image_with_url.json", "image"},
  };
  for (const auto& [file, handler] : expected) {
    current = file;
    auto report = d.dispatch(load_notification(file));
    EXPECT_EQ(report.handled, 1u) << file;
  }
  EXPECT_EQ(got, expected);
}

TEST(WebhookDispatcher, UnhandledWithoutAnyHandler) {
  Dispatcher d;
  auto report = d.dispatch(load_notification("webhook_text.json"));
  EXPECT_EQ(report.unhandled, 1u);
  EXPECT_EQ(report.handled, 0u);
  EXPECT_TRUE(report.ok());
}

TEST(WebhookDispatcher, DuplicatesAreSkipped) {
  auto filter = std::make_shared<DuplicateFilter>(100);
  int texts = 0;
  std::vector<std::string> statuses;
  Dispatcher d(filter);
  d.on_text([&](const Event&, const Message&) { ++texts; });
  d.on_status([&](const Event&, const Status& s) { statuses.push_back(s.status); });

  Notification text = load_notification("webhook_text.json");
  EXPECT_EQ(d.dispatch(text).handled, 1u);
  auto again = d.dispatch(text);
  EXPECT_EQ(again.handled, 0u);
  EXPECT_EQ(again.duplicates, 1u);
  EXPECT_EQ(texts, 1);

  // Same wamid, different statuses: each handled once.
  for (const char* f :
       {"webhook_status_sent.json", "webhook_status_delivered.json", "webhook_status_sent.json",
        "webhook_status_read.json", "webhook_status_delivered.json"}) {
    (void)d.dispatch(load_notification(f));
  }
  EXPECT_EQ(statuses, (std::vector<std::string>{"sent", "delivered", "read"}));
  EXPECT_TRUE(filter->contains("status:wamid.SGFyYm9yV0guMDA2:read"));
}

TEST(WebhookDispatcher, AThrowingHandlerIsReportedAndItsKeyForgotten) {
  auto filter = std::make_shared<DuplicateFilter>();
  int attempts = 0;
  Dispatcher d(filter);
  d.on_text([&](const Event&, const Message&) {
    if (++attempts == 1) throw std::runtime_error("database down");
  });
  Notification n = load_notification("webhook_text.json");
  auto first = d.dispatch(n);
  EXPECT_FALSE(first.ok());
  EXPECT_EQ(first.failed, 1u);
  ASSERT_EQ(first.failures.size(), 1u);
  EXPECT_EQ(first.failures[0], "message message:wamid.SGFyYm9yV0guMDA2: database down");
  EXPECT_FALSE(filter->contains("message:wamid.SGFyYm9yV0guMDA2"));
  auto second = d.dispatch(n);  // the redelivery is handled
  EXPECT_TRUE(second.ok());
  EXPECT_EQ(second.handled, 1u);
  EXPECT_EQ(attempts, 2);

  Dispatcher odd;
  odd.on_unknown([](const Event&) { throw 42; });
  std::string why;
  auto ev = events(n);
  EXPECT_EQ(odd.dispatch(ev.at(0), &why), DispatchResult::kFailed);
  EXPECT_EQ(why, "unknown exception");
}

TEST(WebhookDispatcher, ConcurrentDeliveriesAreHandledOnce) {
  // Several threads receive the same notifications, as when Meta retries while the first
  // delivery is still being processed: every event must be handled exactly once overall.
  const char* files[] = {"webhook_text.json",
                         "webhook_status_sent.json",
                         "webhook_status_delivered.json",
                         "webhook_status_read.json",
                         "webhook_reaction.json",
                         "webhook_order.json",
                         "webhook_template_status_update_approved.json"};
  std::vector<Notification> notes;
  for (const char* f : files) notes.push_back(load_notification(f));

  auto filter = std::make_shared<DuplicateFilter>(1000);
  std::mutex mu;
  std::map<std::string, int> handled;
  auto record = [&](const Event& e) {
    std::lock_guard<std::mutex> lock(mu);
    ++handled[e.dedup_key()];
  };
  Dispatcher d(filter);
  d.on_message([&](const Event& e, const Message&) { record(e); })
      .on_status([&](const Event& e, const Status&) { record(e); })
      .on_template_status([&](const Event& e, const TemplateStatusUpdate&) { record(e); });

  constexpr int kThreads = 8;
  constexpr int kRounds = 50;
  std::atomic<std::size_t> duplicates{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int round = 0; round < kRounds; ++round) {
        for (const auto& n : notes) duplicates.fetch_add(d.dispatch(n).duplicates);
      }
    });
  }
  for (auto& th : threads) th.join();

  // text, reaction and order share the id wamid.SGFyYm9yV0guMDA2 in these fixtures: one key.
  const std::map<std::string, int> expected = {
      {"message:wamid.SGFyYm9yV0guMDA2", 1},
      {"status:wamid.SGFyYm9yV0guMDA2:sent", 1},
      {"status:wamid.SGFyYm9yV0guMDA2:delivered", 1},
      {"status:wamid.SGFyYm9yV0guMDA2:read", 1},
      {"template_status:902215573300418:APPROVED:1832247548", 1},
  };
  EXPECT_EQ(handled, expected);
  EXPECT_EQ(duplicates.load(), kThreads * kRounds * notes.size() - expected.size());
}

}  // namespace webhook_dispatch_test

namespace webhook_dispatch_test {

TEST(WebhookDispatcher, HandBuiltEventsWithoutPointersFallBackToUnknown) {
  using namespace whatsapp::webhook;  // NOLINT(google-build-using-namespace)
  int unknown = 0;
  Dispatcher d;
  d.on_template_status([](const Event&, const TemplateStatusUpdate&) { FAIL(); })
      .on_status([](const Event&, const Status&) { FAIL(); })
      .on_unknown([&](const Event&) { ++unknown; });
  Event e;
  e.kind = EventKind::kTemplateStatus;  // no change pointer
  EXPECT_EQ(d.dispatch(e), DispatchResult::kHandled);
  e.kind = EventKind::kStatus;  // no status pointer
  EXPECT_EQ(d.dispatch(e), DispatchResult::kHandled);
  EXPECT_EQ(unknown, 2);
  EXPECT_EQ(e.dedup_key(), "");
}

}  // namespace webhook_dispatch_test
