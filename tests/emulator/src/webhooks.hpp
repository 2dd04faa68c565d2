// Signed webhook delivery on a background worker with a bounded queue.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace whatsapp_emulator {

class WebhookSender {
 public:
  // on_result(true) for a 2xx answer, on_result(false) otherwise (also when dropped).
  WebhookSender(std::string url, std::string app_secret, std::function<void(bool)> on_result,
                std::size_t max_queue = 1024);
  ~WebhookSender();
  bool enqueue(std::string body);  // false (and counted failed) when the queue is full
  void stop();                     // drops what is queued, waits for the in-flight POST

 private:
  void run();
  bool post(const std::string& body);

  std::string scheme_host_port_, path_, secret_;
  std::function<void(bool)> on_result_;
  std::size_t max_queue_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> queue_;
  bool stop_ = false;
  httplib::Client* current_ = nullptr;  // in-flight POST, guarded by mu_
  std::thread worker_;
};

// Meta webhook envelopes.
// A send to a BSUID (`accepted` has "user_id") gives statuses in Meta's 2026 shape:
// recipient_user_id, no recipient_id unless the phone number is known, and contacts[] with the
// user_id (and, for delivered and read, the user's `username` when not empty).
nlohmann::json status_webhook(const std::string& waba_id, const std::string& phone_number_id,
                              const std::string& display_number, const nlohmann::json& accepted,
                              const std::string& status, const std::string& username = "");
// body: {"phone_number_id","from","text"} or {"phone_number_id","from","type",...raw message}.
// With "user_id" (a BSUID) and no "from", the user has hidden their phone number behind a
// username: no `from`, no `wa_id`; `from_user_id`, contacts[].user_id and profile.username
// ("username") instead, as Meta sends since 2026. "parent_user_id" is passed on too.
bool inbound_webhook(const std::string& waba_id, const std::string& display_number,
                     const nlohmann::json& body, nlohmann::json* out, std::string* error);

}  // namespace whatsapp_emulator
