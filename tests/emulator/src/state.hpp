// The emulated WhatsApp Business account: media, templates, phone numbers, profiles, sends.
// Every public method takes the state mutex; handlers run on httplib's thread pool.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "reply.hpp"
#include "whatsapp_emulator/emulator.hpp"

namespace whatsapp_emulator {

using nlohmann::json;

struct Part {
  std::string filename, content_type, content;
};

// One LowCodeAPI call after routing.
struct Call {
  std::vector<int> candidates;  // from RouteMatch
  int route = 0;                // resolved route
  std::string method;
  bool old_format = false;
  std::string version;
  std::map<std::string, std::string> params;  // path params
  std::multimap<std::string, std::string> query;
  std::string body;
  std::string content_type;
  bool multipart = false;
  std::map<std::string, Part> parts;
  std::string base_url;  // http://127.0.0.1:<port>/whatsapp (Graph shape: http://127.0.0.1:<port>)
  bool graph = false;    // came in the Graph shape (no `/whatsapp` prefix, Bearer token)
  // Host of the `paging.next`/`previous` links: Meta's for LowCodeAPI (as the proxy passes
  // them on), the emulator itself for the Graph shape (the host the client talks to).
  std::string graph_root = "https://graph.facebook.com";
  std::string fault;  // fault kind applied to this request, if any
  json accepted;      // set by an accepted send: {"id","phone_number_id","wa_id",...}

  std::string q(const std::string& key) const;
  bool has_q(const std::string& key) const;
  std::string p(const std::string& key) const;
};

class State {
 public:
  explicit State(const Options& o);
  Reply handle(Call& c);
  void reset();
  std::vector<json> processed() const;
  // Webhook helpers.
  std::string display_number(const std::string& phone_number_id);

 private:
  struct Media {
    std::string id, mime, filename, sha256, phone_number_id, bytes;
  };

  void seed();
  int resolve(Call& c, Reply* err);  // 0 on error
  Reply dispatch(Call& c);
  json& phone(const std::string& id);
  std::string new_id(int prefix);
  bool parse_body(const Call& c, json* out, Reply* err) const;

  Reply send_message(Call& c);
  Reply mark_read(Call& c);
  Reply upload_media(Call& c);
  Reply get_media_url(Call& c);
  Reply delete_media(Call& c);
  Reply download_media(Call& c);
  Reply request_code(Call& c);
  Reply verify_code(Call& c);
  Reply get_phone_number(Call& c);
  Reply register_number(Call& c);
  Reply two_step(Call& c);
  Reply deregister(Call& c);
  Reply list_phone_numbers(Call& c);
  Reply get_profile(Call& c);
  Reply update_profile(Call& c);
  Reply get_compliance(Call& c);
  Reply update_compliance(Call& c);
  Reply get_business_account(Call& c);
  Reply create_template(Call& c);
  Reply list_templates(Call& c);
  Reply get_template(Call& c);
  Reply delete_template(Call& c);
  Reply list_conversations(Call& c);
  Reply mark_conversation_read(Call& c);
  Reply get_conversation(Call& c);
  Reply create_subscription(Call& c);
  Reply list_subscriptions(Call& c);
  Reply delete_subscription(Call& c);
  Reply analytics(Call& c);

  std::string conversation_for(const std::string& phone_id, const std::string& wa_id,
                               const std::string& category);

  Options opts_;
  mutable std::mutex mu_;
  std::uint64_t counter_ = 0;
  std::map<std::string, Media> media_;
  std::vector<json> templates_;  // creation order
  std::vector<json> conversations_;
  std::vector<std::string> phone_order_;
  std::map<std::string, json> phones_;
  std::map<std::string, json> profiles_;
  std::map<std::string, json> compliance_;
  std::map<std::string, std::vector<json>> subscriptions_;  // app id -> list
  std::set<std::string> retired_;                           // deleted media/template ids
  std::vector<json> processed_;
};

// Paging over `items` with Graph cursors; `next_base` is the graph.facebook.com URL without query.
Reply page(const std::vector<json>& items, const Call& c, const std::string& next_base);
// Keeps only `fields` (comma list) plus "id"; unknown field -> Graph error 100. Empty: all.
bool project(const json& obj, const std::string& fields, const std::string& node_type, json* out, Reply* err,
             const std::vector<std::string>& always = {"id"});

}  // namespace whatsapp_emulator
