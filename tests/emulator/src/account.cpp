// Routes 19-24, 29: conversations, webhook subscriptions, analytics.
#include "state.hpp"
#include "util.hpp"

namespace whatsapp_emulator {

Reply State::list_conversations(Call& c) {
  std::string user = c.q("user_id");
  std::vector<json> items;
  for (auto& cv : conversations_) {
    if (!user.empty() && cv["user_id"] != user) continue;
    json out;
    Reply err;
    if (!project(cv, c.q("fields"), "WhatsAppBusinessConversation", &out, &err)) return err;
    items.push_back(out);
  }
  return page(items, c,
              c.graph_root + "/" + c.version + "/" + c.p("WHATSAPP_BUSINESS_ACCOUNT_ID") + "/conversations");
}

Reply State::mark_conversation_read(Call& c) {
  json b;
  Reply err;
  if (!parse_body(c, &b, &err)) return err;
  if (!b.contains("conversation_id") || !b["conversation_id"].is_string())
    return graph_error(100, "The parameter conversation_id is required.", "conversation_id is required");
  for (auto& cv : conversations_) {
    if (cv["id"] != b["conversation_id"]) continue;
    cv["unread_count"] = 0;
    return success();
  }
  return unknown_object(b["conversation_id"], "post");
}

Reply State::get_conversation(Call& c) {
  std::string id = c.p("CONVERSATION_ID");
  for (auto& cv : conversations_) {
    if (cv["id"] != id) continue;
    json out;
    Reply err;
    if (!project(cv, c.q("fields"), "WhatsAppBusinessConversation", &out, &err)) return err;
    return ok(out);
  }
  return unknown_object(id, "get");
}

Reply State::create_subscription(Call& c) {
  json b;
  Reply err;
  if (!parse_body(c, &b, &err)) return err;
  for (const char* k : {"object", "callback_url", "fields", "verify_token"})
    if (!b.contains(k)) return graph_error(100, std::string("The parameter ") + k + " is required.", k);
  if (!b["object"].is_string() || !b["callback_url"].is_string())
    return invalid_param("object and callback_url must be strings");
  std::string url = b["callback_url"];
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
    return invalid_param("callback_url must be an http(s) URL");
  json fields = json::array();
  std::vector<std::string> names;
  if (b["fields"].is_array()) {
    for (auto& f : b["fields"])
      if (f.is_string()) names.push_back(f);
  } else if (b["fields"].is_string()) {
    names = util::split_fields(b["fields"]);
  }
  if (names.empty()) return invalid_param("fields must list at least one field");
  for (auto& n : names) fields.push_back({{"name", n}, {"version", "v22.0"}});
  auto& list = subscriptions_[c.p("APP_ID")];
  json sub = {{"object", b["object"]}, {"callback_url", url}, {"active", true}, {"fields", fields}};
  for (auto& s : list)
    if (s["object"] == b["object"]) {
      s = sub;
      return success();
    }
  list.push_back(sub);
  return success();
}

Reply State::list_subscriptions(Call& c) {
  json data = json::array();
  for (auto& s : subscriptions_[c.p("APP_ID")]) data.push_back(s);
  return ok({{"data", data}});
}

Reply State::delete_subscription(Call& c) {
  auto& list = subscriptions_[c.p("APP_ID")];
  std::string object = c.q("object");
  if (object.empty()) {
    list.clear();
    return success();
  }
  for (auto it = list.begin(); it != list.end(); ++it)
    if ((*it)["object"] == object) {
      list.erase(it);
      break;
    }
  return success();
}

Reply State::analytics(Call& c) {
  for (const char* k : {"start", "end", "granularity"})
    if (c.q(k).empty()) return graph_error(100, std::string("The parameter ") + k + " is required.", k);
  if (!util::is_digits(c.q("start")) || !util::is_digits(c.q("end")) || c.q("start").size() > 12 ||
      c.q("end").size() > 12)
    return invalid_param("start and end must be UNIX timestamps");
  std::int64_t start = std::stoll(c.q("start")), end = std::stoll(c.q("end"));
  if (end <= start) return invalid_param("end must be after start");
  std::string g = c.q("granularity");
  std::int64_t step = g == "HALF_HOUR" ? 1800 : g == "DAY" ? 86400 : g == "MONTH" ? 2592000 : 0;
  if (step == 0) return invalid_param("granularity must be HALF_HOUR, DAY or MONTH");
  json phones = json::array();
  std::string pn = c.q("phone_numbers");
  json parsed = json::parse(pn, nullptr, false);
  if (!pn.empty() && parsed.is_array()) {
    phones = parsed;
  } else {
    for (auto& p : util::split_fields(pn)) phones.push_back(p);
  }
  json points = json::array();
  for (std::int64_t s = start; s < end && points.size() < 1000; s += step) {
    std::int64_t e = std::min(s + step, end);
    int sent = 0;
    for (auto& m : processed_) {
      std::int64_t t = m["timestamp"];
      if (t >= s && t < e) ++sent;
    }
    points.push_back({{"start", s}, {"end", e}, {"sent", sent}, {"delivered", sent}});
  }
  return ok({{"analytics", {{"phone_numbers", phones}, {"granularity", g}, {"data_points", points}}},
             {"id", c.p("WHATSAPP_BUSINESS_ACCOUNT_ID")}});
}

}  // namespace whatsapp_emulator
