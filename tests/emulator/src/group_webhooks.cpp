#include "group_webhooks.hpp"

#include <atomic>
#include <map>

#include "util.hpp"

namespace whatsapp_emulator {
namespace {

using json = nlohmann::json;

// event name -> {field, type}
const std::map<std::string, std::pair<const char*, const char*>>& events() {
  static const std::map<std::string, std::pair<const char*, const char*>> kEvents = {
      {"created", {"group_lifecycle_update", "group_create"}},
      {"create_failed", {"group_lifecycle_update", "group_create"}},
      {"deleted", {"group_lifecycle_update", "group_delete"}},
      {"joined", {"group_participants_update", "group_participants_add"}},
      {"left", {"group_participants_update", "group_participants_remove"}},
      {"removed", {"group_participants_update", "group_participants_remove"}},
      {"join_request", {"group_participants_update", "group_join_request_created"}},
      {"settings", {"group_settings_update", "group_settings_update"}},
      {"suspended", {"group_status_update", "group_suspend"}},
      {"suspend_cleared", {"group_status_update", "group_suspend_cleared"}},
  };
  return kEvents;
}

// body[key] when it is a string, else `fallback` (a wrong type is not an exception here).
std::string str(const json& body, const char* key, const std::string& fallback) {
  auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : fallback;
}

json participants(const json& body) {
  json list = json::array();
  const json given = body.contains("participants") ? body["participants"] : json::array({"15551234567"});
  for (const auto& p : given.is_array() ? given : json::array({given})) {
    if (p.is_string()) list.push_back({{"wa_id", p}});
    if (p.is_object()) list.push_back(p);
  }
  return list;
}

json envelope(const std::string& waba_id, const std::string& display, const std::string& phone_id,
              const std::string& field, json groups) {
  json value = {{"messaging_product", "whatsapp"},
                {"metadata", {{"display_phone_number", display}, {"phone_number_id", phone_id}}},
                {"groups", std::move(groups)}};
  return {{"object", "whatsapp_business_account"},
          {"entry",
           json::array({{{"id", waba_id},
                         {"changes", json::array({{{"value", std::move(value)}, {"field", field}}})}}})}};
}

}  // namespace

std::string new_group_id() {
  static std::atomic<unsigned> counter{0};
  return util::base64("capi_group:emulator:" + std::to_string(++counter) + ":" + util::random_hex(8));
}

bool group_webhook(const std::string& waba_id, const std::string& display_number, const json& body, json* out,
                   std::string* error) {
  if (!body.is_object() || !body.contains("phone_number_id") || !body["phone_number_id"].is_string()) {
    *error = "phone_number_id (string) is required";
    return false;
  }
  const std::string phone_id = body["phone_number_id"];
  const std::string ts = std::to_string(util::now_epoch());
  if (body.contains("groups")) {  // raw items under any group field
    std::string field = str(body, "field", "");
    if (field.rfind("group_", 0) != 0 || !body["groups"].is_array()) {
      *error = "a raw group webhook needs \"field\" (group_...) and a \"groups\" array";
      return false;
    }
    json groups = body["groups"];
    for (auto& g : groups) {
      if (!g.is_object()) continue;
      if (!g.contains("timestamp")) g["timestamp"] = ts;
    }
    *out = envelope(waba_id, display_number, phone_id, field, std::move(groups));
    return true;
  }
  const std::string event = str(body, "event", "");
  auto it = events().find(event);
  if (it == events().end()) {
    *error =
        "event must be one of created, create_failed, deleted, joined, left, removed, join_request, "
        "settings, suspended, suspend_cleared (or give \"field\" and raw \"groups\")";
    return false;
  }
  const std::string group_id = str(body, "group_id", new_group_id());
  const std::string subject = str(body, "subject", "Emulator group");
  json g = {{"timestamp", ts}, {"group_id", group_id}, {"type", it->second.second}};
  auto request_id = [&] { g["request_id"] = str(body, "request_id", "req." + util::random_hex(12)); };
  if (event == "created" || event == "create_failed") {
    request_id();
    g["subject"] = subject;
    if (body.contains("description")) g["description"] = str(body, "description", "");
    if (event == "created") {
      g["invite_link"] = "https://chat.whatsapp.com/" + util::random_token(22);
      g["join_approval_mode"] = str(body, "join_approval_mode", "auto_approve");
      if (body.contains("participants")) g["added_participants"] = participants(body);
    } else {
      g["errors"] =
          json::array({{{"code", 131000},
                        {"title", "Something went wrong"},
                        {"message", "Something went wrong"},
                        {"error_data", {{"details", "The emulator was asked to fail this request"}}}}});
    }
  } else if (event == "deleted") {
    request_id();
  } else if (event == "joined") {
    g["reason"] = "invite_link";
    g["initiated_by"] = "participant";
    g["added_participants"] = participants(body);
  } else if (event == "left") {
    g["initiated_by"] = "participant";
    g["removed_participants"] = participants(body);
  } else if (event == "removed") {
    request_id();
    g["initiated_by"] = "business";
    g["removed_participants"] = participants(body);
  } else if (event == "join_request") {
    g["join_request_id"] = str(body, "join_request_id", "jr." + util::random_hex(10));
    const json ps = participants(body);
    g["wa_id"] = ps.empty() ? std::string("15551234567") : str(ps[0], "wa_id", "15551234567");
  } else if (event == "settings") {
    request_id();
    g["group_subject"] = {{"text", subject}, {"update_successful", true}};
    if (body.contains("description")) {
      g["group_description"] = {{"text", str(body, "description", "")}, {"update_successful", true}};
    }
  }
  *out = envelope(waba_id, display_number, phone_id, it->second.first, json::array({g}));
  return true;
}

}  // namespace whatsapp_emulator
