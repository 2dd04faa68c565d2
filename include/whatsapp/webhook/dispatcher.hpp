#pragma once

/// @file dispatcher.hpp
/// Routes each event of a notification to the handler registered for its kind, skipping events
/// already handled (with a DuplicateStore: a DuplicateFilter in this process, or one shared by
/// several receivers).

#include <array>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "whatsapp/webhook/duplicate_filter.hpp"
#include "whatsapp/webhook/events.hpp"
#include "whatsapp/webhook/notification.hpp"

namespace whatsapp::webhook {

/// What became of one event.
enum class DispatchResult {
  kHandled,    ///< A handler ran and returned.
  kDuplicate,  ///< Its key was seen before; no handler ran.
  kUnhandled,  ///< No handler fits it, not even on_unknown.
  kFailed,     ///< The handler threw; the key was forgotten so a redelivery is handled again.
  kDeferred,   ///< The duplicate store could not tell (DuplicateStore's Claim::kUnavailable); no
               ///< handler ran: the notification must be delivered again.
};

/// The tally of dispatching one notification.
struct DispatchReport {
  std::size_t handled = 0;
  std::size_t duplicates = 0;
  std::size_t unhandled = 0;
  std::size_t failed = 0;
  std::size_t deferred = 0;           ///< Events the duplicate store could not tell about (kDeferred).
  std::vector<std::string> failures;  ///< One line per failed handler: event key and what().

  /// True when no handler failed and none was deferred. A receiver answers 200 then, and a
  /// 5xx otherwise so that Meta delivers the notification again (the events already handled
  /// are then duplicates).
  bool ok() const noexcept { return failed == 0 && deferred == 0; }
};

/// Handlers per event kind. Exactly one handler runs per event, the most specific registered:
///  - messages: the handler for its MessageType (on_text, on_image, ...), else on_message,
///    else on_unknown;
///  - statuses: on_status, else on_unknown; template, account, preference and error events:
///    their handler, else on_unknown;
///  - group updates: the handler for its field (on_group_lifecycle, on_group_participants,
///    on_group_settings, on_group_status), else on_group, else on_unknown; an update under a
///    "group_*" field this library does not know goes to on_group, else on_unknown;
///  - unknown changes: on_unknown.
/// Register handlers before dispatching; dispatch() is const and may run on many threads at
/// once (the handlers must then be thread-safe themselves).
class Dispatcher {
 public:
  using MessageHandler = std::function<void(const Event&, const Message&)>;
  using StatusHandler = std::function<void(const Event&, const Status&)>;
  using TemplateStatusHandler = std::function<void(const Event&, const TemplateStatusUpdate&)>;
  using TemplateQualityHandler = std::function<void(const Event&, const TemplateQualityUpdate&)>;
  using TemplateCategoryHandler = std::function<void(const Event&, const TemplateCategoryUpdate&)>;
  using TemplateComponentsHandler = std::function<void(const Event&, const TemplateComponentsUpdate&)>;
  using AccountUpdateHandler = std::function<void(const Event&, const AccountUpdate&)>;
  using UserPreferenceHandler = std::function<void(const Event&, const UserPreference&)>;
  using UserIdUpdateHandler = std::function<void(const Event&, const UserIdUpdate&)>;
  using ErrorHandler = std::function<void(const Event&, const ErrorObject&)>;
  using GroupHandler = std::function<void(const Event&, const GroupUpdate&)>;
  using EventHandler = std::function<void(const Event&)>;

  /// A dispatcher that handles every event; with a filter (a DuplicateFilter, or a store shared
  /// by several receivers), events whose dedup_key() was seen before are skipped. The filter
  /// may be shared by several dispatchers.
  explicit Dispatcher(std::shared_ptr<DuplicateStore> filter = nullptr) noexcept
      : filter_(std::move(filter)) {}

  /// Any message with no handler for its type.
  Dispatcher& on_message(MessageHandler h) {
    any_message_ = std::move(h);
    return *this;
  }
  /// Messages of one type; MessageType::kUnknown covers every type this library does not know.
  Dispatcher& on_message_type(MessageType t, MessageHandler h) {
    by_type_[static_cast<std::size_t>(t)] = std::move(h);
    return *this;
  }
  Dispatcher& on_text(MessageHandler h) { return on_message_type(MessageType::kText, std::move(h)); }
  Dispatcher& on_image(MessageHandler h) { return on_message_type(MessageType::kImage, std::move(h)); }
  Dispatcher& on_video(MessageHandler h) { return on_message_type(MessageType::kVideo, std::move(h)); }
  Dispatcher& on_document(MessageHandler h) { return on_message_type(MessageType::kDocument, std::move(h)); }
  /// Audio files and voice notes (Message::audio->voice tells which).
  Dispatcher& on_audio(MessageHandler h) { return on_message_type(MessageType::kAudio, std::move(h)); }
  Dispatcher& on_sticker(MessageHandler h) { return on_message_type(MessageType::kSticker, std::move(h)); }
  Dispatcher& on_location(MessageHandler h) { return on_message_type(MessageType::kLocation, std::move(h)); }
  Dispatcher& on_contacts(MessageHandler h) { return on_message_type(MessageType::kContacts, std::move(h)); }
  /// Button, list and flow replies (Message::interactive->kind() tells which).
  Dispatcher& on_interactive(MessageHandler h) {
    return on_message_type(MessageType::kInteractive, std::move(h));
  }
  /// Template quick-reply buttons.
  Dispatcher& on_button(MessageHandler h) { return on_message_type(MessageType::kButton, std::move(h)); }
  /// Reactions and their removal (Message::reaction->removed()).
  Dispatcher& on_reaction(MessageHandler h) { return on_message_type(MessageType::kReaction, std::move(h)); }
  Dispatcher& on_order(MessageHandler h) { return on_message_type(MessageType::kOrder, std::move(h)); }
  Dispatcher& on_system(MessageHandler h) { return on_message_type(MessageType::kSystem, std::move(h)); }
  /// The user opened the chat (type "request_welcome").
  Dispatcher& on_chat_opened(MessageHandler h) {
    return on_message_type(MessageType::kRequestWelcome, std::move(h));
  }
  Dispatcher& on_unsupported(MessageHandler h) {
    return on_message_type(MessageType::kUnsupported, std::move(h));
  }

  Dispatcher& on_status(StatusHandler h) {
    status_ = std::move(h);
    return *this;
  }
  Dispatcher& on_template_status(TemplateStatusHandler h) {
    template_status_ = std::move(h);
    return *this;
  }
  Dispatcher& on_template_quality(TemplateQualityHandler h) {
    template_quality_ = std::move(h);
    return *this;
  }
  Dispatcher& on_template_category(TemplateCategoryHandler h) {
    template_category_ = std::move(h);
    return *this;
  }
  Dispatcher& on_template_components(TemplateComponentsHandler h) {
    template_components_ = std::move(h);
    return *this;
  }
  Dispatcher& on_account_update(AccountUpdateHandler h) {
    account_update_ = std::move(h);
    return *this;
  }
  Dispatcher& on_user_preference(UserPreferenceHandler h) {
    user_preference_ = std::move(h);
    return *this;
  }
  /// A user's BSUID changed (`field: user_id_update`): re-key what is stored under the old one.
  Dispatcher& on_user_id_update(UserIdUpdateHandler h) {
    user_id_update_ = std::move(h);
    return *this;
  }
  /// Errors in value.errors (not tied to one message).
  Dispatcher& on_error(ErrorHandler h) {
    error_ = std::move(h);
    return *this;
  }
  /// group_lifecycle_update: a group created or deleted (GroupUpdate::failed() says if it failed).
  Dispatcher& on_group_lifecycle(GroupHandler h) {
    return set_group(EventKind::kGroupLifecycle, std::move(h));
  }
  /// group_participants_update: users joined (invite link, approved request), left or were
  /// removed; join requests made or withdrawn.
  Dispatcher& on_group_participants(GroupHandler h) {
    return set_group(EventKind::kGroupParticipants, std::move(h));
  }
  /// group_settings_update: subject, description or profile picture changed (or not).
  Dispatcher& on_group_settings(GroupHandler h) { return set_group(EventKind::kGroupSettings, std::move(h)); }
  /// group_status_update: a group suspended or its suspension cleared.
  Dispatcher& on_group_status(GroupHandler h) { return set_group(EventKind::kGroupStatus, std::move(h)); }
  /// Any group update with no handler for its field, including "group_*" fields this library
  /// does not know yet.
  Dispatcher& on_group(GroupHandler h) {
    any_group_ = std::move(h);
    return *this;
  }
  /// Every event no other registered handler takes.
  Dispatcher& on_unknown(EventHandler h) {
    unknown_ = std::move(h);
    return *this;
  }

  /// Handles one event: claims its key in the duplicate filter, then runs the most specific
  /// handler and tells the filter it is done. Exceptions from the handler are caught: the
  /// result is kFailed, `failure` (if given) gets what(), and the event's key is forgotten by
  /// the filter. A filter that cannot tell gives kDeferred, and no handler runs.
  DispatchResult dispatch(const Event& e, std::string* failure = nullptr) const noexcept {
    std::string key;
    try {
      key = e.dedup_key();
    } catch (...) {
      key.clear();  // out of memory: handle without filtering
    }
    if (filter_) {
      const Claim c = filter_->claim(key);
      if (c == Claim::kDuplicate) return DispatchResult::kDuplicate;
      if (c == Claim::kUnavailable) return DispatchResult::kDeferred;
    }
    try {
      const bool ran = run(e);
      if (filter_) filter_->done(key);
      return ran ? DispatchResult::kHandled : DispatchResult::kUnhandled;
    } catch (const std::exception& ex) {
      if (failure != nullptr) assign_noexcept(*failure, ex.what());
    } catch (...) {
      if (failure != nullptr) assign_noexcept(*failure, "unknown exception");
    }
    if (filter_) filter_->forget(key);
    return DispatchResult::kFailed;
  }

  /// Handles every event of `n` (see for_each_event() for the order) and tallies the results.
  DispatchReport dispatch(const Notification& n) const noexcept {
    DispatchReport report;
    try {
      for_each_event(n, [&](const Event& e) {
        std::string failure;
        switch (dispatch(e, &failure)) {
          case DispatchResult::kHandled: ++report.handled; break;
          case DispatchResult::kDuplicate: ++report.duplicates; break;
          case DispatchResult::kUnhandled: ++report.unhandled; break;
          case DispatchResult::kDeferred: ++report.deferred; break;
          case DispatchResult::kFailed:
            ++report.failed;
            try {
              std::string key = e.dedup_key();
              report.failures.push_back(std::string(to_string(e.kind)) + (key.empty() ? "" : " " + key) +
                                        ": " + failure);
            } catch (...) {
            }
            break;
        }
      });
    } catch (...) {
      // Only allocation failures reach here; report them as one failure.
      ++report.failed;
    }
    return report;
  }

 private:
  static void assign_noexcept(std::string& out, const char* what) noexcept {
    try {
      out = what;
    } catch (...) {
      out.clear();
    }
  }

  static constexpr std::size_t kGroupKinds = 4;  // lifecycle, participants, settings, status
  static_assert(static_cast<std::size_t>(EventKind::kGroupStatus) -
                        static_cast<std::size_t>(EventKind::kGroupLifecycle) + 1 ==
                    kGroupKinds,
                "the four group kinds with their own handler are consecutive, lifecycle first");

  Dispatcher& set_group(EventKind k, GroupHandler h) {
    by_group_[static_cast<std::size_t>(k) - static_cast<std::size_t>(EventKind::kGroupLifecycle)] =
        std::move(h);
    return *this;
  }

  // The handler registered for a group kind; an empty one for kGroup (only on_group takes it).
  const GroupHandler& group_handler(EventKind k) const noexcept {
    const auto i = static_cast<std::size_t>(k) - static_cast<std::size_t>(EventKind::kGroupLifecycle);
    return i < kGroupKinds ? by_group_[i] : any_group_none_;
  }

  // Runs the handler for `e`; false when there is none.
  bool run(const Event& e) const {
    switch (e.kind) {
      case EventKind::kMessage:
        if (e.message != nullptr) {
          const auto& specific = by_type_[static_cast<std::size_t>(e.message->kind())];
          if (specific) {
            specific(e, *e.message);
            return true;
          }
          if (any_message_) {
            any_message_(e, *e.message);
            return true;
          }
        }
        break;
      case EventKind::kStatus:
        if (status_ && e.status != nullptr) {
          status_(e, *e.status);
          return true;
        }
        break;
      case EventKind::kTemplateStatus:
        if (template_status_ && e.change != nullptr && e.change->template_status) {
          template_status_(e, *e.change->template_status);
          return true;
        }
        break;
      case EventKind::kTemplateQuality:
        if (template_quality_ && e.change != nullptr && e.change->template_quality) {
          template_quality_(e, *e.change->template_quality);
          return true;
        }
        break;
      case EventKind::kTemplateCategory:
        if (template_category_ && e.change != nullptr && e.change->template_category) {
          template_category_(e, *e.change->template_category);
          return true;
        }
        break;
      case EventKind::kTemplateComponents:
        if (template_components_ && e.change != nullptr && e.change->template_components) {
          template_components_(e, *e.change->template_components);
          return true;
        }
        break;
      case EventKind::kAccountUpdate:
        if (account_update_ && e.change != nullptr && e.change->account_update) {
          account_update_(e, *e.change->account_update);
          return true;
        }
        break;
      case EventKind::kUserPreference:
        if (user_preference_ && e.user_preference != nullptr) {
          user_preference_(e, *e.user_preference);
          return true;
        }
        break;
      case EventKind::kUserIdUpdate:
        if (user_id_update_ && e.user_id_update != nullptr) {
          user_id_update_(e, *e.user_id_update);
          return true;
        }
        break;
      case EventKind::kError:
        if (error_ && e.error != nullptr) {
          error_(e, *e.error);
          return true;
        }
        break;
      case EventKind::kGroupLifecycle:
      case EventKind::kGroupParticipants:
      case EventKind::kGroupSettings:
      case EventKind::kGroupStatus:
      case EventKind::kGroup:
        if (e.group != nullptr) {
          const GroupHandler& specific = group_handler(e.kind);
          if (specific) {
            specific(e, *e.group);
            return true;
          }
          if (any_group_) {
            any_group_(e, *e.group);
            return true;
          }
        }
        break;
      case EventKind::kUnknown: break;
    }
    if (unknown_) {
      unknown_(e);
      return true;
    }
    return false;
  }

  std::shared_ptr<DuplicateStore> filter_;
  std::array<MessageHandler, static_cast<std::size_t>(MessageType::kUnknown) + 1> by_type_;
  MessageHandler any_message_;
  StatusHandler status_;
  TemplateStatusHandler template_status_;
  TemplateQualityHandler template_quality_;
  TemplateCategoryHandler template_category_;
  TemplateComponentsHandler template_components_;
  AccountUpdateHandler account_update_;
  UserPreferenceHandler user_preference_;
  UserIdUpdateHandler user_id_update_;
  ErrorHandler error_;
  std::array<GroupHandler, kGroupKinds> by_group_;
  GroupHandler any_group_;
  GroupHandler any_group_none_;  // always empty
  EventHandler unknown_;
};

}  // namespace whatsapp::webhook
