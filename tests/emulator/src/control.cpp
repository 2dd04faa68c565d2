// /__emulator/* control endpoints (no token) and webhook hand-off.
#include <utility>

#include "group_webhooks.hpp"
#include "impl.hpp"

namespace whatsapp_emulator {
namespace {

void answer(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), kJson);
}

// The JSON body of a control POST. An empty (or all-blank) body means `{}`, whatever the
// Content-Type says: `curl -X POST .../__emulator/faults` works like `-d '{}'`. Discarded if
// the body is not JSON.
json control_body(const httplib::Request& req) {
  if (req.body.find_first_not_of(" \t\r\n") == std::string::npos) return json::object();
  return json::parse(req.body, nullptr, false);
}

}  // namespace

void Emulator::Impl::handle_control(const std::string& path, const httplib::Request& req,
                                    httplib::Response& res) {
  const std::string name = path.substr(std::string("/__emulator/").size());
  const bool get = req.method == "GET", post = req.method == "POST";
  if (name == "health" && get) return answer(res, 200, {{"status", "ok"}});
  if (name == "stats" && get) {
    std::lock_guard<std::mutex> lock(stats_mu);
    return answer(res, 200, to_json(stats));
  }
  if (name == "messages" && get) {
    json list = state.processed();
    return answer(res, 200, {{"messages", list}, {"count", list.size()}});
  }
  if (name == "reset" && post) {
    state.reset();
    {
      std::lock_guard<std::mutex> lock(usernames_mu);
      usernames.clear();
    }
    faults.clear();
    faults.set_policy(opts.faults);
    {
      std::lock_guard<std::mutex> lock(stats_mu);
      stats = Stats{};
    }
    return answer(res, 200, {{"success", true}});
  }
  if (name == "inbound" && post) {
    json body = control_body(req);
    std::string error;
    if (body.is_discarded()) return answer(res, 400, {{"error", "body must be JSON"}});
    if (!inbound(body, &error)) return answer(res, 400, {{"error", error}});
    return answer(res, 200, {{"success", true}});
  }
  if (name == "group_event" && post) {
    json body = control_body(req);
    std::string error;
    if (body.is_discarded()) return answer(res, 400, {{"error", "body must be JSON"}});
    std::string group_id;
    if (!group_event(body, &error, &group_id)) return answer(res, 400, {{"error", error}});
    return answer(res, 200, {{"success", true}, {"group_id", group_id}});
  }
  if (name == "webhook" && post) {  // {"url": "http://127.0.0.1:<port>/<path>"}: where webhooks go now
    json body = control_body(req);
    if (!body.is_object() || !body.contains("url") || !body["url"].is_string() ||
        body["url"].get<std::string>().rfind("http://", 0) != 0)
      return answer(res, 400, {{"error", "give {\"url\": \"http://host:port/path\"}"}});
    auto next = std::make_shared<WebhookSender>(body["url"].get<std::string>(), opts.app_secret,
                                                [this](bool ok) { on_webhook_result(ok); });
    std::shared_ptr<WebhookSender> old;
    {
      std::lock_guard<std::mutex> lock(webhooks_mu);
      old = std::exchange(webhooks, std::move(next));
    }
    if (old) old->stop();
    return answer(res, 200, {{"success", true}});
  }
  if (name == "faults" && get) return answer(res, 200, faults.describe());
  if (name == "faults" && (post || req.method == "DELETE")) {
    if (req.method == "DELETE") {
      faults.set({}, false);
      return answer(res, 200, {{"success", true}});
    }
    json body = control_body(req);
    if (!body.is_object()) return answer(res, 400, {{"error", "body must be a JSON object"}});
    std::vector<Fault> list;
    std::string error;
    for (auto& j : body.value("faults", json::array())) {
      Fault f;
      if (!parse_fault(j, &f, &error)) return answer(res, 400, {{"error", error}});
      list.push_back(f);
    }
    if (body.contains("always") || body.contains("rate")) {
      FaultPolicy policy;
      for (auto& j : body.value("always", json::array())) {
        Fault f;
        if (!parse_fault(j, &f, &error)) return answer(res, 400, {{"error", error}});
        policy.always.push_back(f);
      }
      policy.rate = body.value("rate", 0.0);
      policy.seed = body.value("seed", std::uint64_t{1});
      faults.set_policy(policy);
    }
    if (body.contains("faults") || !body.contains("always")) faults.set(list, body.value("append", false));
    return answer(res, 200, {{"success", true}, {"queued", list.size()}});
  }
  answer(res, 404, {{"message", "Not Found"}});
}

void Emulator::Impl::on_webhook_result(bool ok) {
  {
    std::lock_guard<std::mutex> lock(stats_mu);
    ++(ok ? stats.webhooks_delivered : stats.webhooks_failed);
  }
  webhook_cv.notify_all();
}

std::shared_ptr<WebhookSender> Emulator::Impl::sender() {
  std::lock_guard<std::mutex> lock(webhooks_mu);
  return webhooks;
}

void Emulator::Impl::deliver_statuses(const json& accepted) {
  auto to = sender();
  if (!to) return;
  std::string phone_id = accepted.value("phone_number_id", "");
  std::string display = state.display_number(phone_id);
  std::string username;
  if (accepted.contains("user_id")) {
    std::lock_guard<std::mutex> lock(usernames_mu);
    auto it = usernames.find(accepted["user_id"].get<std::string>());
    if (it != usernames.end()) username = it->second;
  }
  for (const char* st : {"sent", "delivered", "read"})
    to->enqueue(status_webhook(opts.waba_id, phone_id, display, accepted, st, username).dump());
}

bool Emulator::Impl::inbound(const json& body, std::string* error) {
  auto to = sender();
  if (!to) {
    *error = "no webhook_url configured";
    return false;
  }
  std::string phone_id = body.is_object() ? body.value("phone_number_id", "") : "";
  json payload;
  if (!inbound_webhook(opts.waba_id, state.display_number(phone_id), body, &payload, error)) return false;
  if (body.contains("user_id") && body["user_id"].is_string() && body.contains("username") &&
      body["username"].is_string()) {
    std::lock_guard<std::mutex> lock(usernames_mu);
    usernames[body["user_id"].get<std::string>()] = body["username"].get<std::string>();
  }
  to->enqueue(payload.dump());
  return true;
}

bool Emulator::Impl::group_event(const json& body, std::string* error, std::string* group_id) {
  const std::shared_ptr<WebhookSender> to = sender();  // POST /__emulator/webhook may swap it
  if (!to) {
    *error = "no webhook_url configured";
    return false;
  }
  auto pid = body.is_object() ? body.find("phone_number_id") : body.end();
  std::string phone_id =
      body.is_object() && pid != body.end() && pid->is_string() ? pid->get<std::string>() : "";
  json payload;
  if (!group_webhook(opts.waba_id, state.display_number(phone_id), body, &payload, error)) return false;
  if (group_id != nullptr) {
    const json& groups = payload["entry"][0]["changes"][0]["value"]["groups"];
    *group_id = !groups.empty() && groups[0].is_object() ? groups[0].value("group_id", "") : "";
  }
  to->enqueue(payload.dump());
  return true;
}

}  // namespace whatsapp_emulator
