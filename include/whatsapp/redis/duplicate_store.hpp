#pragma once

/// @file duplicate_store.hpp
/// The webhook duplicate filter kept in Redis, so that receivers behind a load balancer handle
/// each event once between them (docs/deployment.md):
///
/// ```cpp
/// auto redis = std::make_shared<whatsapp::redis::RedisConnection>(redis_options);
/// whatsapp::webhook::Dispatcher d(std::make_shared<whatsapp::redis::RedisDuplicateStore>(redis));
/// ```

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "whatsapp/redis/connection.hpp"
#include "whatsapp/webhook/duplicate_store.hpp"

namespace whatsapp::redis {

/// What a RedisDuplicateStore does when Redis does not answer in time.
enum class FilterFailure {
  /// The event is not handled (Claim::kUnavailable): the Dispatcher reports it deferred and the
  /// built-in server answers 503, so Meta delivers the notification again later. The default:
  /// no event is lost and none is handled twice.
  kDefer,
  /// The event is handled without the check (and a line is logged): never delayed, but a
  /// redelivery during the outage may be handled twice.
  kProcess,
};

/// Settings of a RedisDuplicateStore.
struct RedisFilterOptions {
  FilterFailure on_failure = FilterFailure::kDefer;
  /// How long a handled event is remembered. Meta redelivers for up to 7 days, mostly within
  /// minutes; memory is about 100 bytes per event.
  std::chrono::milliseconds remember{std::chrono::hours(24)};
  /// How long a claim lasts while its handler runs. A receiver that dies mid-handler frees the
  /// event after this; until then the other receivers answer its redeliveries with 503.
  std::chrono::milliseconds claim_timeout{std::chrono::minutes(2)};
};

/// webhook::DuplicateStore in Redis. One key per event, with RedisOptions::key_prefix
/// "whatsapp": `whatsapp:dedup:<Event::dedup_key()>`, value "p:<owner>" while a receiver
/// handles it (SET NX PX claim_timeout; <owner> is random per store), "d" once handled
/// (PX remember), deleted if its handler fails. Another receiver that meets a "p:" key answers
/// Claim::kUnavailable (deliver again later), so an event whose receiver dies is not lost. A
/// "d" or a delete that Redis did not confirm is kept here and written again before the next
/// command; a claim whose answer was lost is taken back by the same store on redelivery.
/// Thread-safe.
class RedisDuplicateStore final : public webhook::DuplicateStore {
 public:
  explicit RedisDuplicateStore(std::shared_ptr<RedisConnection> connection, RedisFilterOptions options = {})
      : conn_(std::move(connection)), o_(options), owner_("p:" + random_token()) {}

  webhook::Claim claim(std::string_view key) noexcept override {
    if (key.empty()) return webhook::Claim::kFirst;
    try {
      std::lock_guard<std::mutex> lock(mu_);
      if (!flush()) return failed("Redis is unavailable");
      const std::string k = key_of(key);
      if (handling_.count(k) != 0) return webhook::Claim::kUnavailable;  // this process handles it now
      const std::string ttl = std::to_string(o_.claim_timeout.count());
      auto set = conn_->command({"SET", k, owner_, "NX", "PX", ttl}, deadline());
      if (!set) return failed(set.error().message());
      if ((*set)->type == REDIS_REPLY_STATUS) return take(k);
      if ((*set)->type != REDIS_REPLY_NIL) return failed(conn_->reply_error(**set, "SET NX").message());
      auto get = conn_->command({"GET", k}, deadline());
      if (!get) return failed(get.error().message());
      if ((*get)->type == REDIS_REPLY_NIL) return webhook::Claim::kUnavailable;  // freed just now: later
      // Anything but "d" or a claim ("p:...") is not this filter's (another type, a stray
      // value): the failure policy decides, and says so, rather than deferring in silence.
      if ((*get)->type != REDIS_REPLY_STRING) return failed(conn_->reply_error(**get, "GET").message());
      const std::string_view v((*get)->str, (*get)->len);
      if (v != "d" && v.substr(0, 2) != "p:")
        return failed("the key " + k + " holds a value this filter did not write");
      if (v == "d") return webhook::Claim::kDuplicate;
      if (v == owner_) {  // our own claim, whose answer was lost: nobody handles it, take it back
        auto again = conn_->command({"SET", k, owner_, "PX", ttl}, deadline());
        if (!again) return failed(again.error().message());
        return take(k);
      }
      return webhook::Claim::kUnavailable;  // being handled elsewhere (or just freed): later
    } catch (...) {
      return failed("out of memory");
    }
  }

  void done(std::string_view key) noexcept override { finish(key, true); }

  void forget(std::string_view key) noexcept override { finish(key, false); }

  /// Marks ("d") and deletes that Redis has not confirmed yet (written again before the next
  /// command of this store).
  std::size_t pending() const {
    std::lock_guard<std::mutex> lock(mu_);
    return pending_.size();
  }

 private:
  static std::string random_token() {
    std::random_device rd;
    std::uint64_t v = (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
    v ^= static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    char buf[17];
    std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(v));
    return buf;
  }

  webhook::Claim take(const std::string& k) {
    defer_logged_ = false;
    handling_.insert(k);
    return webhook::Claim::kFirst;
  }

  // Records the end of a claimed key's handling: "d" (handled) or deleted (failed).
  void finish(std::string_view key, bool handled) noexcept {
    if (key.empty()) return;
    try {
      std::lock_guard<std::mutex> lock(mu_);
      std::string k = key_of(key);
      handling_.erase(k);
      pending_.emplace_back(std::move(k), handled);
      if (pending_.size() > kMaxPending) pending_.pop_front();  // a long outage: bound the memory
      flush();
    } catch (...) {
    }
  }

  // Writes the pending marks and deletes in order; false when Redis did not confirm them all.
  bool flush() {
    while (!pending_.empty()) {
      const auto& [k, handled] = pending_.front();
      const std::string ttl = std::to_string(o_.remember.count());
      auto r = handled ? conn_->command({"SET", k, "d", "PX", ttl}, deadline())
                       : conn_->command({"DEL", k}, deadline());
      if (!r || (*r)->type == REDIS_REPLY_ERROR) {
        if (!warned_)
          log("could not record the end of an event's handling; kept to write again: " +
              (r ? conn_->reply_error(**r, "SET").message() : r.error().message()));
        warned_ = true;
        return false;
      }
      pending_.pop_front();
    }
    warned_ = false;
    return true;
  }

  std::string key_of(std::string_view key) const {
    std::string k = conn_->options().key_prefix + ":dedup:";
    k.append(key);
    return k;
  }

  RedisConnection::Clock::time_point deadline() const {
    return RedisConnection::Clock::now() + conn_->options().command_timeout;
  }

  // A claim Redis could not decide. Deferring is logged once until a claim succeeds again
  // (every redelivery would repeat it); handling anyway is logged each time.
  webhook::Claim failed(const std::string& why) noexcept {
    if (o_.on_failure == FilterFailure::kDefer) {
      if (!defer_logged_) log("duplicate check failed, events are deferred (503) until it works: " + why);
      defer_logged_ = true;
      return webhook::Claim::kUnavailable;
    }
    log("duplicate check skipped, handling the event anyway: " + why);
    return webhook::Claim::kFirst;
  }

  void log(const std::string& line) const noexcept {
    if (!conn_->options().log) return;
    try {
      conn_->options().log(line);
    } catch (...) {
    }
  }

  static constexpr std::size_t kMaxPending = 100000;

  std::shared_ptr<RedisConnection> conn_;
  RedisFilterOptions o_;
  const std::string owner_;
  mutable std::mutex mu_;
  std::unordered_set<std::string> handling_;          // claimed here, handler running
  std::deque<std::pair<std::string, bool>> pending_;  // (key, handled) not yet confirmed
  bool warned_ = false;
  bool defer_logged_ = false;
};

}  // namespace whatsapp::redis
