#pragma once

/// @file webhook/detail/read_group.hpp
/// Private: reads the `value.groups[]` items of Meta's group webhooks (webhook/group.hpp) with
/// the tolerant readers of detail/json_read.hpp, like the rest of detail/read.hpp (which
/// includes this file at its end). Never throws except std::bad_alloc.

#include <string>
#include <vector>

#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/webhook/detail/read.hpp"
#include "whatsapp/webhook/group.hpp"

namespace whatsapp::detail {

inline wh::GroupParticipant webhook_read_group_participant(const WebhookDoc& d, const webhook_json& j) {
  wh::GroupParticipant p;
  p.wa_id = text_at(j, "wa_id");
  p.user_id = text_at(j, "user_id");
  p.parent_user_id = text_at(j, "parent_user_id");
  p.username = text_at(j, "username");
  if (!p.username) {
    if (const webhook_json* profile = object_at(j, "profile")) p.username = text_at(*profile, "username");
  }
  p.input = text_at(j, "input");
  p.errors = webhook_read_errors(d, j);
  p.raw = d.ref(j);
  return p;
}

inline wh::GroupSetting webhook_read_group_setting(const WebhookDoc& d, const webhook_json& j) {
  wh::GroupSetting s;
  s.text = text_at(j, "text");
  s.mime_type = text_at(j, "mime_type");
  s.sha256 = text_at(j, "sha256");
  s.update_successful = bool_at(j, "update_successful");
  s.errors = webhook_read_errors(d, j);
  s.raw = d.ref(j);
  return s;
}

/// One item of `value.groups[]`. `subject` and `description` are text on a group_create; a
/// settings update sends them as `group_subject`/`group_description` objects (an object under
/// the plain name is read as that setting too, so neither form is lost).
inline wh::GroupUpdate webhook_read_group(const WebhookDoc& d, const webhook_json& j) {
  wh::GroupUpdate g;
  g.group_id = text_or_empty(j, "group_id");
  g.type = text_or_empty(j, "type");
  g.timestamp = webhook_read_timestamp(j, "timestamp");
  g.request_id = text_at(j, "request_id");
  g.subject = text_at(j, "subject");
  g.description = text_at(j, "description");
  g.invite_link = text_at(j, "invite_link");
  g.join_approval_mode = text_at(j, "join_approval_mode");
  g.initiated_by = text_at(j, "initiated_by");
  g.reason = text_at(j, "reason");
  g.join_request_id = text_at(j, "join_request_id");
  g.wa_id = text_at(j, "wa_id");
  g.user_id = text_at(j, "user_id");
  g.added_participants =
      webhook_read_list<wh::GroupParticipant>(d, j, "added_participants", webhook_read_group_participant);
  g.removed_participants =
      webhook_read_list<wh::GroupParticipant>(d, j, "removed_participants", webhook_read_group_participant);
  g.failed_participants =
      webhook_read_list<wh::GroupParticipant>(d, j, "failed_participants", webhook_read_group_participant);
  g.group_subject =
      webhook_read_optional<wh::GroupSetting>(d, j, "group_subject", webhook_read_group_setting);
  if (!g.group_subject) {
    g.group_subject = webhook_read_optional<wh::GroupSetting>(d, j, "subject", webhook_read_group_setting);
  }
  g.group_description =
      webhook_read_optional<wh::GroupSetting>(d, j, "group_description", webhook_read_group_setting);
  if (!g.group_description) {
    g.group_description =
        webhook_read_optional<wh::GroupSetting>(d, j, "description", webhook_read_group_setting);
  }
  g.profile_picture =
      webhook_read_optional<wh::GroupSetting>(d, j, "profile_picture", webhook_read_group_setting);
  g.errors = webhook_read_errors(d, j);
  g.raw = d.ref(j);
  return g;
}

inline std::vector<wh::GroupUpdate> webhook_read_groups(const WebhookDoc& d, const webhook_json& value) {
  return webhook_read_list<wh::GroupUpdate>(d, value, "groups", webhook_read_group);
}

}  // namespace whatsapp::detail
