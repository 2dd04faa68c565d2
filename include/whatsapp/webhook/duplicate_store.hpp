#pragma once

/// @file duplicate_store.hpp
/// Where a Dispatcher remembers the events it handled (Event::dedup_key()): the interface, so
/// that receivers behind a load balancer can share one memory (whatsapp::redis's
/// RedisDuplicateStore, docs/deployment.md). The default is DuplicateFilter, in this process.

#include <string_view>

namespace whatsapp::webhook {

/// What a DuplicateStore says about an event key.
enum class Claim {
  kFirst,        ///< Not seen before: the caller handles it now (and says done() or forget()).
  kDuplicate,    ///< Handled before: skip it.
  kUnavailable,  ///< Cannot tell now (the store is unreachable, or another receiver is handling
                 ///< it this moment): do not handle it; answer the webhook with a 5xx so that
                 ///< Meta delivers it again later.
};

/// The memory of handled events behind a Dispatcher. Every member may be called from many
/// threads at once and must not throw.
class DuplicateStore {
 public:
  virtual ~DuplicateStore() = default;

  /// Claims `key` for handling. An empty key is always kFirst and never kept.
  virtual Claim claim(std::string_view key) noexcept = 0;
  /// The handler of a claimed key returned: remember it as handled. The default does nothing
  /// (a store whose claim() already remembers it).
  virtual void done(std::string_view key) noexcept { (void)key; }
  /// The handler of a claimed key failed: forget the claim, so that a redelivery is handled.
  virtual void forget(std::string_view key) noexcept = 0;
};

}  // namespace whatsapp::webhook
