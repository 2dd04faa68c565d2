#include "webhooks.hpp"

#include "util.hpp"

namespace whatsapp_emulator {

WebhookSender::WebhookSender(std::string url, std::string app_secret, std::function<void(bool)> on_result,
                             std::size_t max_queue)
    : secret_(std::move(app_secret)), on_result_(std::move(on_result)), max_queue_(max_queue) {
  // Split "http://host:port/path" into "http://host:port" and "/path".
  std::size_t scheme = url.find("://");
  std::size_t slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  scheme_host_port_ = slash == std::string::npos ? url : url.substr(0, slash);
  path_ = slash == std::string::npos ? "/" : url.substr(slash);
  worker_ = std::thread([this] { run(); });
}

WebhookSender::~WebhookSender() { stop(); }

bool WebhookSender::enqueue(std::string body) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!stop_ && queue_.size() < max_queue_) {
      queue_.push_back(std::move(body));
      cv_.notify_one();
      return true;
    }
  }
  on_result_(false);
  return false;
}

void WebhookSender::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stop_ && !worker_.joinable()) return;
    stop_ = true;
    queue_.clear();
    if (current_) current_->stop();
  }
  cv_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void WebhookSender::run() {
  while (true) {
    std::string body;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      body = std::move(queue_.front());
      queue_.pop_front();
    }
    on_result_(post(body));
  }
}

bool WebhookSender::post(const std::string& body) {
  httplib::Client cli(scheme_host_port_);
  cli.set_connection_timeout(1, 0);
  cli.set_read_timeout(2, 0);
  cli.set_write_timeout(2, 0);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stop_) return false;
    current_ = &cli;
  }
  httplib::Headers headers = {{"X-Hub-Signature-256", "sha256=" + util::hmac_sha256_hex(secret_, body)},
                              {"User-Agent", "facebookexternalua"}};
  auto res = cli.Post(path_.c_str(), headers, body, "application/json");
  {
    std::lock_guard<std::mutex> lock(mu_);
    current_ = nullptr;
  }
  return res && res->status >= 200 && res->status < 300;
}

namespace {

nlohmann::json envelope(const std::string& waba_id, nlohmann::json value) {
  return {
      {"object", "whatsapp_business_account"},
      {"entry",
       nlohmann::json::array(
           {{{"id", waba_id},
             {"changes", nlohmann::json::array({{{"value", std::move(value)}, {"field", "messages"}}})}}})}};
}

nlohmann::json metadata(const std::string& display, const std::string& phone_number_id) {
  return {{"display_phone_number", display}, {"phone_number_id", phone_number_id}};
}

}  // namespace

nlohmann::json status_webhook(const std::string& waba_id, const std::string& phone_number_id,
                              const std::string& display_number, const nlohmann::json& accepted,
                              const std::string& status, const std::string& username) {
  std::int64_t ts = util::now_epoch();
  std::string category = accepted.value("category", "service");
  nlohmann::json conversation = {{"id", accepted.value("conversation_id", "")},
                                 {"origin", {{"type", category}}}};
  if (status == "sent") conversation["expiration_timestamp"] = std::to_string(ts + 86400);
  nlohmann::json st = {
      {"id", accepted.value("id", "")}, {"status", status}, {"timestamp", std::to_string(ts)}};
  const std::string wa_id = accepted.value("wa_id", "");
  const std::string user_id = accepted.value("user_id", "");
  if (!wa_id.empty() || user_id.empty()) st["recipient_id"] = wa_id;
  if (accepted.value("recipient_type", "") == "group") {  // Meta's group statuses
    st["recipient_type"] = "group";
    st["recipient_id"] = accepted.value("group_id", "");
    if (status != "sent") st["recipient_participant_id"] = "15551234567";  // the member it reached
  }
  st["conversation"] = conversation;
  st["pricing"] = {{"billable", true}, {"pricing_model", "CBP"}, {"category", category}};
  nlohmann::json value = {{"messaging_product", "whatsapp"},
                          {"metadata", metadata(display_number, phone_number_id)}};
  if (!user_id.empty()) {  // sent to a BSUID: Meta's 2026 shape
    st["recipient_user_id"] = user_id;
    nlohmann::json contact = {{"user_id", user_id}};
    if (!wa_id.empty()) contact["wa_id"] = wa_id;
    if (!username.empty() && status != "sent") contact["profile"] = {{"username", username}};
    value["contacts"] = nlohmann::json::array({contact});
  }
  value["statuses"] = nlohmann::json::array({st});
  return envelope(waba_id, std::move(value));
}

bool inbound_webhook(const std::string& waba_id, const std::string& display_number,
                     const nlohmann::json& body, nlohmann::json* out, std::string* error) {
  if (!body.is_object() || !body.contains("phone_number_id") || !body["phone_number_id"].is_string()) {
    *error = "phone_number_id (string) is required";
    return false;
  }
  // A user known by BSUID only (a username hides the phone number): no from, no wa_id.
  const bool by_user_id = body.contains("user_id") && body["user_id"].is_string() && !body.contains("from");
  std::string from = by_user_id ? "" : body.value("from", "15551234567");
  nlohmann::json msg;
  if (body.contains("text") && body["text"].is_string()) {
    msg = {{"type", "text"}, {"text", {{"body", body["text"]}}}};
    if (body.contains("group_id") && body["group_id"].is_string())
      msg["group_id"] = body["group_id"];  // in a group
  } else if (body.contains("type") && body["type"].is_string()) {
    msg = body;
    for (const char* k : {"phone_number_id", "name", "user_id", "parent_user_id", "username"}) msg.erase(k);
  } else {
    *error = "give \"text\" or a raw message object with \"type\"";
    return false;
  }
  nlohmann::json contact = {{"profile", {{"name", body.value("name", "Test User")}}}};
  if (!from.empty()) {
    msg["from"] = from;
    contact["wa_id"] = from;
  }
  for (const char* k : {"user_id", "parent_user_id"}) {
    if (body.contains(k) && body[k].is_string()) {
      msg[std::string("from_") + k] = body[k];
      contact[k] = body[k];
    }
  }
  if (body.contains("username") && body["username"].is_string())
    contact["profile"]["username"] = body["username"];
  const std::string who = from.empty() ? body.value("user_id", "") : from;
  if (!msg.contains("id")) msg["id"] = "wamid.HBgL" + util::base64(who + util::random_hex(24));
  if (!msg.contains("timestamp")) msg["timestamp"] = std::to_string(util::now_epoch());
  nlohmann::json contacts = nlohmann::json::array({contact});
  *out = envelope(waba_id, {{"messaging_product", "whatsapp"},
                            {"metadata", metadata(display_number, body["phone_number_id"])},
                            {"contacts", contacts},
                            {"messages", nlohmann::json::array({msg})}});
  return true;
}

}  // namespace whatsapp_emulator
