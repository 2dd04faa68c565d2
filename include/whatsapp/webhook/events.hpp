#pragma once

/// @file events.hpp
/// A flat view of a Notification: one Event per message, status, template update, account
/// update, user preference, change-level error, group update or unrecognised change, each with the business
/// phone number it concerns. Events point into the Notification and are valid while it lives.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "whatsapp/webhook/notification.hpp"

namespace whatsapp::webhook {

/// What an Event carries.
enum class EventKind {
  kMessage,             ///< Event::message is set.
  kStatus,              ///< Event::status is set.
  kTemplateStatus,      ///< Event::change->template_status is set.
  kTemplateQuality,     ///< Event::change->template_quality is set.
  kTemplateCategory,    ///< Event::change->template_category is set.
  kTemplateComponents,  ///< Event::change->template_components is set.
  kAccountUpdate,       ///< Event::change->account_update is set.
  kUserPreference,      ///< Event::user_preference is set.
  kUserIdUpdate,        ///< Event::user_id_update is set: a user's BSUID changed.
  kError,               ///< Event::error is set: an error in value.errors, not tied to a message.
  kGroupLifecycle,      ///< Event::group is set: group_lifecycle_update (created, deleted).
  kGroupParticipants,   ///< Event::group is set: group_participants_update (joins, removals, ...).
  kGroupSettings,       ///< Event::group is set: group_settings_update (subject, picture, ...).
  kGroupStatus,         ///< Event::group is set: group_status_update (suspended, cleared).
  kGroup,               ///< Event::group is set: a "group_*" field this library does not know.
  kUnknown,             ///< A change this library does not type: read Event::change->value.
};

/// "message", "status", "template_status", "template_quality", "template_category",
/// "template_components", "account_update", "user_preference", "user_id_update", "error",
/// "group_lifecycle", "group_participants", "group_settings", "group_status", "group" or "unknown".
constexpr std::string_view to_string(EventKind k) noexcept {
  switch (k) {
    case EventKind::kMessage: return "message";
    case EventKind::kStatus: return "status";
    case EventKind::kTemplateStatus: return "template_status";
    case EventKind::kTemplateQuality: return "template_quality";
    case EventKind::kTemplateCategory: return "template_category";
    case EventKind::kTemplateComponents: return "template_components";
    case EventKind::kAccountUpdate: return "account_update";
    case EventKind::kUserPreference: return "user_preference";
    case EventKind::kUserIdUpdate: return "user_id_update";
    case EventKind::kError: return "error";
    case EventKind::kGroupLifecycle: return "group_lifecycle";
    case EventKind::kGroupParticipants: return "group_participants";
    case EventKind::kGroupSettings: return "group_settings";
    case EventKind::kGroupStatus: return "group_status";
    case EventKind::kGroup: return "group";
    case EventKind::kUnknown: return "unknown";
  }
  return "unknown";
}

/// True for the kinds that carry Event::group.
constexpr bool is_group_event(EventKind k) noexcept {
  return k == EventKind::kGroupLifecycle || k == EventKind::kGroupParticipants ||
         k == EventKind::kGroupSettings || k == EventKind::kGroupStatus || k == EventKind::kGroup;
}

/// The EventKind of the group updates of a change with field `f`.
inline EventKind group_event_kind(ChangeField f) noexcept {
  switch (f) {
    case ChangeField::kGroupLifecycleUpdate: return EventKind::kGroupLifecycle;
    case ChangeField::kGroupParticipantsUpdate: return EventKind::kGroupParticipants;
    case ChangeField::kGroupSettingsUpdate: return EventKind::kGroupSettings;
    case ChangeField::kGroupStatusUpdate: return EventKind::kGroupStatus;
    default: return EventKind::kGroup;
  }
}

/// One thing that happened. The pointers refer into the Notification it came from.
struct Event {
  EventKind kind = EventKind::kUnknown;
  const Entry* entry = nullptr;      ///< Always set.
  const Change* change = nullptr;    ///< Always set.
  std::string_view phone_number_id;  ///< metadata.phone_number_id; "" for template/account events.
  const Message* message = nullptr;
  const Status* status = nullptr;
  const UserPreference* user_preference = nullptr;
  const UserIdUpdate* user_id_update = nullptr;
  const ErrorObject* error = nullptr;
  const GroupUpdate* group = nullptr;  ///< Group events (is_group_event(kind)).
  /// The sender (messages) or recipient (statuses) in value.contacts, when listed there.
  const Contact* contact = nullptr;

  /// The key a DuplicateFilter uses: "message:<wamid>" for messages, "status:<wamid>:<status>"
  /// for statuses (a message is sent, then delivered, then read: three events), and for
  /// template updates the field, template id, new state and entry time; for group updates the
  /// field, group id, type, timestamp, request id, join request id and the participants named
  /// (two users joining in the same second are two events). Empty when the event
  /// has no stable identity (it is then never treated as a duplicate).
  std::string dedup_key() const {
    switch (kind) {
      case EventKind::kMessage:
        return message != nullptr && !message->id.empty() ? "message:" + message->id : std::string();
      case EventKind::kStatus:
        return status != nullptr && !status->id.empty() ? "status:" + status->id + ":" + status->status
                                                        : std::string();
      case EventKind::kUserIdUpdate:
        return user_id_update != nullptr && !user_id_update->current_user_id.empty()
                   ? "user_id_update:" + user_id_update->previous_user_id + ":" +
                         user_id_update->current_user_id
                   : std::string();
      default: break;
    }
    if (is_group_event(kind)) return group_dedup_key();
    if (change == nullptr || entry == nullptr || !entry->time || entry->time->empty()) return {};
    const std::string& time = entry->time->text;
    if (kind == EventKind::kTemplateStatus && change->template_status) {
      const auto& u = *change->template_status;
      return "template_status:" + u.template_ref.id + ":" + u.event + ":" + time;
    }
    if (kind == EventKind::kTemplateQuality && change->template_quality) {
      const auto& u = *change->template_quality;
      return "template_quality:" + u.template_ref.id + ":" + u.new_quality_score + ":" + time;
    }
    if (kind == EventKind::kTemplateCategory && change->template_category) {
      const auto& u = *change->template_category;
      return "template_category:" + u.template_ref.id + ":" + u.new_category + ":" + time;
    }
    if (kind == EventKind::kTemplateComponents && change->template_components) {
      return "template_components:" + change->template_components->template_ref.id + ":" + time;
    }
    return {};
  }

 private:
  std::string group_dedup_key() const {
    if (group == nullptr || change == nullptr || (group->timestamp.empty() && !group->request_id)) return {};
    const GroupUpdate& g = *group;
    std::string key = "group:" + change->field + ":" + g.group_id + ":" + g.type + ":" + g.timestamp.text;
    if (g.request_id) key += ":r=" + *g.request_id;
    if (g.join_request_id) key += ":j=" + *g.join_request_id;
    if (g.wa_id) key += ":u=" + *g.wa_id;
    for (const auto* list : {&g.added_participants, &g.removed_participants, &g.failed_participants}) {
      key += ':';
      for (const GroupParticipant& p : *list) key.append(p.id()).push_back(',');
    }
    return key;
  }
};

/// Calls `visitor(const Event&)` for each event of `n`, in the order they appear: per entry and
/// change, messages, then statuses, then change errors, then preferences, then group updates
/// (value.groups); a change whose field is
/// unknown, or that is known but has none of its typed parts, is one kUnknown event. Exceptions
/// thrown by the visitor propagate; nothing else throws.
template <class Visitor>
void for_each_event(const Notification& n, Visitor&& visitor) {
  for (const Entry& entry : n.entries) {
    for (const Change& change : entry.changes) {
      Event base;
      base.entry = &entry;
      base.change = &change;
      base.phone_number_id = change.phone_number_id();
      bool any = false;
      auto emit = [&](Event e) {
        any = true;
        visitor(static_cast<const Event&>(e));
      };
      switch (change.kind()) {
        case ChangeField::kTemplateStatusUpdate:
          if (change.template_status) {
            Event e = base;
            e.kind = EventKind::kTemplateStatus;
            emit(e);
          }
          break;
        case ChangeField::kTemplateQualityUpdate:
          if (change.template_quality) {
            Event e = base;
            e.kind = EventKind::kTemplateQuality;
            emit(e);
          }
          break;
        case ChangeField::kTemplateCategoryUpdate:
          if (change.template_category) {
            Event e = base;
            e.kind = EventKind::kTemplateCategory;
            emit(e);
          }
          break;
        case ChangeField::kTemplateComponentsUpdate:
          if (change.template_components) {
            Event e = base;
            e.kind = EventKind::kTemplateComponents;
            emit(e);
          }
          break;
        case ChangeField::kAccountUpdate:
          if (change.account_update) {
            Event e = base;
            e.kind = EventKind::kAccountUpdate;
            emit(e);
          }
          break;
        default: break;
      }
      for (const Message& m : change.messages) {
        Event e = base;
        e.kind = EventKind::kMessage;
        e.message = &m;
        e.contact = change.find_contact(m.from);
        if (e.contact == nullptr && m.from_user_id) e.contact = change.find_contact(*m.from_user_id);
        emit(e);
      }
      for (const Status& s : change.statuses) {
        Event e = base;
        e.kind = EventKind::kStatus;
        e.status = &s;
        e.contact = change.find_contact(s.recipient_id);
        if (e.contact == nullptr && s.recipient_user_id)
          e.contact = change.find_contact(*s.recipient_user_id);
        if (e.contact == nullptr && s.recipient_participant_id)
          e.contact = change.find_contact(*s.recipient_participant_id);  // a group member
        emit(e);
      }
      for (const ErrorObject& err : change.errors) {
        Event e = base;
        e.kind = EventKind::kError;
        e.error = &err;
        emit(e);
      }
      for (const UserPreference& p : change.user_preferences) {
        Event e = base;
        e.kind = EventKind::kUserPreference;
        e.user_preference = &p;
        e.contact = change.find_contact(p.wa_id);
        if (e.contact == nullptr && p.user_id) e.contact = change.find_contact(*p.user_id);
        emit(e);
      }
      for (const UserIdUpdate& u : change.user_id_updates) {
        Event e = base;
        e.kind = EventKind::kUserIdUpdate;
        e.user_id_update = &u;
        e.contact = change.find_contact(u.wa_id.value_or(std::string()));
        if (e.contact == nullptr) e.contact = change.find_contact(u.current_user_id);
        if (e.contact == nullptr) e.contact = change.find_contact(u.previous_user_id);
        emit(e);
      }
      for (const GroupUpdate& g : change.groups) {
        Event e = base;
        e.kind = group_event_kind(change.kind());
        e.group = &g;
        emit(e);
      }
      if (!any) {
        Event e = base;
        e.kind = EventKind::kUnknown;
        emit(e);
      }
    }
  }
}

/// The events of `n` as a list (see for_each_event() for the order). Valid while `n` lives and
/// is not modified.
inline std::vector<Event> events(const Notification& n) {
  std::vector<Event> out;
  for_each_event(n, [&out](const Event& e) { out.push_back(e); });
  return out;
}

}  // namespace whatsapp::webhook
