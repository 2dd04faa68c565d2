#pragma once

/// @file duplicate_filter.hpp
/// Meta delivers webhooks at least once: after a timeout or a non-200 answer the same
/// notification comes again, sometimes minutes later. DuplicateFilter remembers the last N event
/// keys (Event::dedup_key()) so that each event is handled once.

#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "whatsapp/webhook/duplicate_store.hpp"

namespace whatsapp::webhook {

/// A bounded set of recently seen keys, least recently seen evicted first. All members are
/// thread-safe. Memory: about capacity x (key length + 100 bytes). The default DuplicateStore of
/// a Dispatcher: one process's memory (several receivers share one with whatsapp::redis).
class DuplicateFilter final : public DuplicateStore {
 public:
  static constexpr std::size_t kDefaultCapacity = 10000;

  /// Remembers up to `capacity` keys; 0 remembers nothing (every key is new).
  explicit DuplicateFilter(std::size_t capacity = kDefaultCapacity) noexcept : capacity_(capacity) {}

  DuplicateFilter(const DuplicateFilter&) = delete;
  DuplicateFilter& operator=(const DuplicateFilter&) = delete;

  /// True the first time `key` is offered (and remembers it); false while it is remembered, in
  /// which case it becomes the most recently seen. An empty key is always new and never kept.
  /// If memory runs out the key is treated as new: better handled twice than lost.
  bool first_time(std::string_view key) noexcept {
    if (key.empty() || capacity_ == 0) return true;
    std::lock_guard<std::mutex> lock(mu_);
    try {
      auto it = index_.find(key);
      if (it != index_.end()) {
        order_.splice(order_.begin(), order_, it->second);
        return false;
      }
      order_.emplace_front(key);
      try {
        index_.emplace(std::string_view(order_.front()), order_.begin());
      } catch (...) {
        order_.pop_front();
        throw;
      }
      if (order_.size() > capacity_) {
        index_.erase(std::string_view(order_.back()));
        order_.pop_back();
      }
    } catch (...) {
      return true;
    }
    return true;
  }

  /// DuplicateStore: first_time() as a Claim (never kUnavailable).
  Claim claim(std::string_view key) noexcept override {
    return first_time(key) ? Claim::kFirst : Claim::kDuplicate;
  }

  /// Whether `key` is remembered, without changing its recency.
  bool contains(std::string_view key) const noexcept {
    std::lock_guard<std::mutex> lock(mu_);
    return index_.find(key) != index_.end();
  }

  /// Forgets `key` (e.g. when its handler failed, so a redelivery is handled again).
  void forget(std::string_view key) noexcept override {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(key);
    if (it == index_.end()) return;
    auto node = it->second;
    index_.erase(it);
    order_.erase(node);
  }

  /// Forgets every key.
  void clear() noexcept {
    std::lock_guard<std::mutex> lock(mu_);
    index_.clear();
    order_.clear();
  }

  /// How many keys are remembered now.
  std::size_t size() const noexcept {
    std::lock_guard<std::mutex> lock(mu_);
    return index_.size();
  }

  std::size_t capacity() const noexcept { return capacity_; }

 private:
  const std::size_t capacity_;
  mutable std::mutex mu_;
  std::list<std::string> order_;  // most recent first; the index's views point into these nodes
  std::unordered_map<std::string_view, std::list<std::string>::iterator> index_;
};

}  // namespace whatsapp::webhook
