// Route 1 (send / mark-as-read by body) and route 2 (mark as read by path).
#include <cctype>
#include <chrono>
#include <set>

#include "state.hpp"
#include "util.hpp"

namespace whatsapp_emulator {
namespace {

Reply check_media(const json& m, const std::string& type) {
  if (!m.is_object()) return invalid_param(type + " must be an object");
  bool id = m.contains("id") && m["id"].is_string() && !m["id"].get<std::string>().empty();
  bool link = m.contains("link") && m["link"].is_string() && !m["link"].get<std::string>().empty();
  if (!id && !link) return invalid_param(type + " requires either id or link");
  if (id && link) return invalid_param(type + " must have either id or link, not both");
  Reply r;
  r.status = 0;
  return r;
}

// Validates the object named by `type`; status 0 means valid.
Reply check_payload(const json& body, const std::string& type) {
  const json& o = body[type];
  Reply okay;
  okay.status = 0;
  if (type == "text") {
    if (!o.is_object() || !o.contains("body") || !o["body"].is_string()) return required("text['body']");
    if (o["body"].get<std::string>().empty()) return invalid_param("text['body'] must not be empty");
    if (o["body"].get<std::string>().size() > 4096)
      return invalid_param("text['body'] must be at most 4096 characters");
  } else if (type == "image" || type == "audio" || type == "video" || type == "document" ||
             type == "sticker") {
    return check_media(o, type);
  } else if (type == "location") {
    if (!o.is_object() || !o.contains("latitude") || !o.contains("longitude"))
      return required("location['latitude'] and location['longitude']");
  } else if (type == "contacts") {
    if (!o.is_array() || o.empty()) return invalid_param("contacts must be a non-empty array");
  } else if (type == "interactive") {
    if (!o.is_object() || !o.contains("type") || !o["type"].is_string())
      return required("interactive['type']");
    // The Payments API's two kinds: the action's name and reference_id are fixed by Meta.
    const std::string kind = o["type"];
    if (kind == "order_details" || kind == "order_status") {
      const char* name = kind == "order_details" ? "review_and_pay" : "review_order";
      const json& action = o.contains("action") ? o["action"] : json();
      if (!action.is_object() || action.value("name", "") != name)
        return invalid_param(std::string("interactive['action']['name'] must be \"") + name + "\"");
      const json& p = action.contains("parameters") ? action["parameters"] : json();
      if (!p.is_object() || !p.contains("reference_id") || !p["reference_id"].is_string())
        return required("interactive['action']['parameters']['reference_id']");
      if (kind == "order_details" &&
          (!p.contains("total_amount") || !p["total_amount"].is_object() ||
           !p["total_amount"].contains("value") || !p["total_amount"]["value"].is_number_integer()))
        return invalid_param(
            "interactive['action']['parameters']['total_amount']['value'] must be an integer");
      if (kind == "order_status" &&
          (!p.contains("order") || !p["order"].is_object() || !p["order"].contains("status")))
        return required("interactive['action']['parameters']['order']['status']");
    }
  } else if (type == "template") {
    if (!o.is_object() || !o.contains("name") || !o["name"].is_string() ||
        o["name"].get<std::string>().empty())
      return required("template['name']");
    if (!o.contains("language") || !o["language"].is_object() || !o["language"].contains("code"))
      return required("template['language']['code']");
  } else if (type == "reaction") {
    if (!o.is_object() || !o.contains("message_id") || !o["message_id"].is_string())
      return required("reaction['message_id']");
    if (!o.contains("emoji") || !o["emoji"].is_string()) return required("reaction['emoji']");
  }
  return okay;
}

// A business-scoped user id as Meta documents it: "CC.<id>" or, for a parent BSUID, "CC.ENT.<id>"
// (CC two upper-case letters, <id> 1 to 128 letters and digits).
bool is_bsuid(const std::string& s) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (s.size() < 4 || !upper(s[0]) || !upper(s[1]) || s[2] != '.') return false;
  std::string rest = s.substr(3);
  if (rest.size() > 4 && rest.compare(0, 4, "ENT.") == 0) rest = rest.substr(4);
  if (rest.empty() || rest.size() > 128) return false;
  for (char c : rest)
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

Reply State::send_message(Call& c) {
  json body;
  Reply err;
  if (!parse_body(c, &body, &err)) return err;
  if (!body.contains("messaging_product")) return required("messaging_product");
  if (body["messaging_product"] != "whatsapp") return invalid_param("messaging_product must be \"whatsapp\"");

  if (body.contains("status")) {  // mark as read (+ typing indicator)
    if (body["status"] != "read") return invalid_param("status must be \"read\"");
    if (!body.contains("message_id") || !body["message_id"].is_string() ||
        body["message_id"].get<std::string>().empty())
      return required("message_id");
    if (body.contains("typing_indicator")) {
      const json& t = body["typing_indicator"];
      if (!t.is_object() || t.value("type", "") != "text")
        return invalid_param("typing_indicator['type'] must be \"text\"");
    }
    return success();
  }

  // `to` (a phone number) or `recipient` (a BSUID or parent BSUID); with both, `to` wins (Meta).
  const bool has_to = body.contains("to") && body["to"].is_string() && !body["to"].get<std::string>().empty();
  const bool has_recipient = body.contains("recipient") && body["recipient"].is_string() &&
                             !body["recipient"].get<std::string>().empty();
  if (!has_to && !has_recipient) return required("to");
  if (!has_to && !is_bsuid(body["recipient"]))
    return invalid_param("recipient must be a business-scoped user ID (BSUID) or parent BSUID");
  if (body.contains("recipient_type") && body["recipient_type"] != "individual" &&
      body["recipient_type"] != "group")
    return invalid_param("recipient_type must be \"individual\" or \"group\"");
  const bool group = body.contains("recipient_type") && body["recipient_type"] == "group";
  std::string type = "text";
  if (body.contains("type")) {
    if (!body["type"].is_string()) return invalid_param("type must be a string");
    type = body["type"];
  }
  static const std::set<std::string> kTypes = {"text",        "image",    "audio",    "video",
                                               "document",    "sticker",  "location", "contacts",
                                               "interactive", "template", "reaction"};
  if (!kTypes.count(type))
    return graph_error(100,
                       "Param type must be one of {AUDIO, CONTACTS, DOCUMENT, IMAGE, "
                       "INTERACTIVE, LOCATION, REACTION, STICKER, TEMPLATE, TEXT, VIDEO} - got \"" +
                           type + "\".",
                       "type");
  if (!body.contains(type)) return required(type);
  Reply check = check_payload(body, type);
  if (check.status != 0) return check;
  if (body.contains("context") && (!body["context"].is_object() || !body["context"].contains("message_id")))
    return required("context['message_id']");
  // Groups (Meta's Groups API): `to` is a group id (base64 text, never a phone number), and
  // interactive messages are not delivered to groups.
  if (group && !has_to) return required("to");  // a group is addressed by its id in `to`
  const std::string to_text = has_to ? body["to"].get<std::string>() : std::string();
  if (group && util::is_digits(to_text[0] == '+' ? to_text.substr(1) : to_text))
    return invalid_param("to must be a group id when recipient_type is \"group\"");
  if (group && type == "interactive")
    return invalid_param("interactive messages are not supported in groups");

  const std::string user_id = has_to ? "" : body["recipient"].get<std::string>();
  std::string to = has_to ? body["to"].get<std::string>() : user_id;
  std::string wa_id = has_to && !group ? util::digits_of(to) : "";
  std::string phone_id = c.p("FROM_PHONE_NUMBER_ID");
  ++counter_;
  std::string wamid =
      "wamid.HBgL" + util::base64(wa_id + "\x15\x02" + std::to_string(counter_) + util::random_hex(20));
  std::string category = "service";
  if (type == "template") {
    category = "marketing";
    for (auto& t : templates_)
      if (t["name"] == body["template"]["name"]) {
        std::string cat = t["category"];
        for (auto& ch : cat) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        category = cat;
      }
  }
  // One-tap, zero-tap and copy-code authentication templates need the phone number.
  if (!user_id.empty() && type == "template" && category == "authentication")
    return graph_error(131062, "Business-scoped User ID recipients are not supported for this message.",
                       "Authentication templates cannot be sent to a business-scoped user ID; send it to the "
                       "user's phone number.");
  std::string conv = conversation_for(phone_id, group ? to : (has_to ? wa_id : user_id), category);
  std::int64_t now = util::now_epoch();
  json entry = {{"seq", processed_.size() + 1},
                {"id", wamid},
                {"phone_number_id", phone_id},
                {"to", to},
                {"wa_id", wa_id},
                {"user_id", user_id.empty() ? json(nullptr) : json(user_id)},
                {"type", type},
                {"format", c.graph        ? "graph"
                           : c.old_format ? "old"
                                          : "new"},
                {"timestamp", now},
                {"received_us", std::chrono::duration_cast<std::chrono::microseconds>(
                                    std::chrono::steady_clock::now().time_since_epoch())
                                    .count()},
                {"body", body},
                {"fault", c.fault.empty() ? json(nullptr) : json(c.fault)}};
  processed_.push_back(entry);
  c.accepted = {{"id", wamid},          {"phone_number_id", phone_id},
                {"wa_id", wa_id},       {"conversation_id", conv},
                {"category", category}, {"timestamp", now}};
  if (group) {
    c.accepted["recipient_type"] = "group";
    c.accepted["group_id"] = to;
    return ok({{"messaging_product", "whatsapp"},
               {"contacts", json::array({{{"input", to}}})},
               {"messages", json::array({{{"id", wamid}}})}});
  }
  json contact = {{"input", to}};
  if (user_id.empty()) {
    contact["wa_id"] = wa_id;
  } else {  // sent to a BSUID: Meta answers its user_id (no wa_id)
    contact["user_id"] = user_id;
    c.accepted["user_id"] = user_id;
  }
  return ok({{"messaging_product", "whatsapp"},
             {"contacts", json::array({contact})},
             {"messages", json::array({{{"id", wamid}}})}});
}

std::string State::conversation_for(const std::string& phone_id, const std::string& wa_id,
                                    const std::string& category) {
  for (auto& cv : conversations_)
    if (cv["phone_number_id"] == phone_id && cv["user_id"] == wa_id) return cv["id"];
  std::string id = util::random_hex(32);
  conversations_.push_back({{"id", id},
                            {"phone_number_id", phone_id},
                            {"user_id", wa_id},
                            {"origin", {{"type", category}}},
                            {"expiration_timestamp", std::to_string(util::now_epoch() + 86400)},
                            {"unread_count", 0}});
  return id;
}

Reply State::mark_read(Call& c) {
  json body;
  Reply err;
  if (!parse_body(c, &body, &err)) return err;
  if (!body.contains("status")) return required("status");
  if (body["status"] != "read") return invalid_param("status must be \"read\"");
  if (c.p("MESSAGE_ID").empty()) return required("message_id");
  return success();
}

}  // namespace whatsapp_emulator
