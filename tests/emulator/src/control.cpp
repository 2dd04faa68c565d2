// /__emulator/* control endpoints (no token) and webhook hand-off.
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

void Emulator::Impl::deliver_statuses(const json& accepted) {
  if (!webhooks) return;
  std::string phone_id = accepted.value("phone_number_id", "");
  std::string display = state.display_number(phone_id);
  for (const char* st : {"sent", "delivered", "read"})
    webhooks->enqueue(status_webhook(opts.waba_id, phone_id, display, accepted, st).dump());
}

bool Emulator::Impl::inbound(const json& body, std::string* error) {
  if (!webhooks) {
    *error = "no webhook_url configured";
    return false;
  }
  std::string phone_id = body.is_object() ? body.value("phone_number_id", "") : "";
  json payload;
  if (!inbound_webhook(opts.waba_id, state.display_number(phone_id), body, &payload, error)) return false;
  webhooks->enqueue(payload.dump());
  return true;
}

bool Emulator::Impl::group_event(const json& body, std::string* error, std::string* group_id) {
  if (!webhooks) {
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
  webhooks->enqueue(payload.dump());
  return true;
}

}  // namespace whatsapp_emulator
