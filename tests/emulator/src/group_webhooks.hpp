// Groups API webhooks (group_lifecycle_update, group_participants_update,
// group_settings_update, group_status_update) in Meta's documented shapes.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace whatsapp_emulator {

// The body of POST /__emulator/group_event as a signed-webhook payload. `body`:
//   {"phone_number_id":"...","event":E, "group_id"?, "subject"?, "description"?,
//    "participants"?:[wa_id...], "request_id"?, "join_request_id"?}
// with E one of "created", "create_failed", "deleted", "joined" (invite link), "left",
// "removed", "join_request", "settings", "suspended", "suspend_cleared"; or, for any other shape,
//   {"phone_number_id":"...","field":"group_...","groups":[...raw items...]}.
// Missing ids and timestamps are filled in. False (and *error set) when the body is unusable.
bool group_webhook(const std::string& waba_id, const std::string& display_number, const nlohmann::json& body,
                   nlohmann::json* out, std::string* error);

// A group id in Meta's form (base64 text) for a new group of this emulator.
std::string new_group_id();

}  // namespace whatsapp_emulator
