#include "state.hpp"

#include "util.hpp"

namespace whatsapp_emulator {

std::string Call::q(const std::string& key) const {
  auto it = query.find(key);
  return it == query.end() ? std::string() : it->second;
}
bool Call::has_q(const std::string& key) const { return query.count(key) > 0; }
std::string Call::p(const std::string& key) const {
  auto it = params.find(key);
  return it == params.end() ? std::string() : it->second;
}

State::State(const Options& o) : opts_(o) { seed(); }

void State::reset() {
  std::lock_guard<std::mutex> lock(mu_);
  counter_ = 0;
  media_.clear();
  templates_.clear();
  conversations_.clear();
  phone_order_.clear();
  phones_.clear();
  profiles_.clear();
  compliance_.clear();
  subscriptions_.clear();
  retired_.clear();
  processed_.clear();
  seed();
}

std::vector<json> State::processed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return processed_;
}

std::string State::new_id(int prefix) {
  // 16 digits: prefix digit, then a counter mixed so ids look unrelated.
  ++counter_;
  std::uint64_t v = 100000000000000ULL + (counter_ * 7919ULL + 104729ULL) % 899999999999999ULL;
  return std::to_string(prefix) + std::to_string(v);
}

json& State::phone(const std::string& id) {
  auto it = phones_.find(id);
  if (it != phones_.end()) return it->second;
  std::string tail = id.size() >= 4 ? id.substr(id.size() - 4) : id;
  while (tail.size() < 4) tail = "0" + tail;
  json ph = {{"id", id},
             {"display_phone_number", "+1 555-010-" + tail},
             {"verified_name", "Emulated Business"},
             {"status", "CONNECTED"},
             {"quality_rating", "GREEN"},
             {"country_code", "US"},
             {"country_dial_code", "1"},
             {"code_verification_status", "VERIFIED"},
             {"name_status", "APPROVED"},
             {"new_name_status", "NONE"},
             {"unified_cert_status", "APPROVED"},
             {"account_mode", "LIVE"},
             {"host_platform", "CLOUD_API"},
             {"platform_type", "CLOUD_API"},
             {"messaging_limit_tier", "TIER_1K"},
             {"is_official_business_account", false},
             {"is_pin_enabled", false},
             {"throughput", {{"level", "STANDARD"}}},
             {"search_visibility", "VISIBLE"}};
  phone_order_.push_back(id);
  return phones_[id] = ph;
}

std::string State::display_number(const std::string& phone_number_id) {
  std::lock_guard<std::mutex> lock(mu_);
  return util::digits_of(phone(phone_number_id)["display_phone_number"].get<std::string>());
}

bool State::parse_body(const Call& c, json* out, Reply* err) const {
  if (c.body.empty()) {
    *out = json::object();
    return true;
  }
  *out = json::parse(c.body, nullptr, false);
  if (out->is_discarded() || !out->is_object()) {
    *err = invalid_param("The request body must be a JSON object");
    return false;
  }
  return true;
}

int State::resolve(Call& c, Reply* err) {
  if (c.candidates.size() == 1) return c.candidates[0];
  // New Format `/<version>/<X>`: decide by what X is.
  std::string x = c.params.begin()->second;
  auto has = [&](int id) {
    for (int r : c.candidates)
      if (r == id) return true;
    return false;
  };
  bool get = c.method == "GET";
  if (media_.count(x)) return get ? 4 : 5;
  for (auto& t : templates_)
    if (t["id"] == x) return get ? 18 : 17;
  for (auto& cv : conversations_)
    if (cv["id"] == x && get) return 29;
  if (x == opts_.waba_id && has(27)) return 27;
  if (x.rfind("http", 0) == 0 && has(6)) return 6;
  if (!retired_.count(x) && util::is_digits(x) && has(9)) return 9;
  *err = unknown_object(x, get ? "get" : "delete");
  return 0;
}

Reply State::handle(Call& c) {
  std::lock_guard<std::mutex> lock(mu_);
  Reply err;
  c.route = resolve(c, &err);
  if (c.route == 0) return err;
  return dispatch(c);
}

Reply State::dispatch(Call& c) {
  switch (c.route) {
    case 1: return send_message(c);
    case 2: return mark_read(c);
    case 3: return upload_media(c);
    case 4: return get_media_url(c);
    case 5: return delete_media(c);
    case 6: return download_media(c);
    case 7: return request_code(c);
    case 8: return verify_code(c);
    case 9: return get_phone_number(c);
    case 10: return register_number(c);
    case 11: return two_step(c);
    case 12: return get_profile(c);
    case 13: return update_profile(c);
    case 14: return deregister(c);
    case 15: return create_template(c);
    case 16: return list_templates(c);
    case 17: return delete_template(c);
    case 18: return get_template(c);
    case 19: return list_conversations(c);
    case 20: return mark_conversation_read(c);
    case 21: return create_subscription(c);
    case 22: return list_subscriptions(c);
    case 23: return delete_subscription(c);
    case 24: return analytics(c);
    case 25: return get_compliance(c);
    case 26: return update_compliance(c);
    case 27: return get_business_account(c);
    case 28: return list_phone_numbers(c);
    case 29: return get_conversation(c);
    default: return unknown_object("?", "get");
  }
}

}  // namespace whatsapp_emulator
