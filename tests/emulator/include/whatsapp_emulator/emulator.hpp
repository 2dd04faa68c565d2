// whatsapp_emulator: an in-process emulator of LowCodeAPI in front of the WhatsApp Cloud API.
// Independent of the SDK's headers on purpose, so it can catch the SDK's bugs.
#pragma once

#include <chrono>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace whatsapp_emulator {

enum class Formats { kNew, kOld, kBoth };
// kData: hosted {"data": X}; kResult: self-hosted {"message","provider","result": X};
// kNone: Meta's own answer, no envelope. The Graph paths (no `/whatsapp` prefix) always answer
// kNone whatever Options::envelope says; Options::envelope = kNone makes the LowCodeAPI paths
// answer unwrapped too (no LowCodeAPI server does that; it is there for tests of a pass-through).
enum class Envelope { kData, kResult, kNone };

// One fault rule. See docs/emulator.md for the kinds.
struct Fault {
  std::string kind;           // e.g. "status_503", "reset_before_answer"
  int count = 1;              // scripted faults: applied to the next `count` matching requests
  std::string route = "any";  // "send" (route 1 only) or "any" (any LowCodeAPI route)
  int ms = -1;                // delay / trickle duration; -1: kind default
  std::string retry_after;    // status_429/503: seconds ("2") or "date"; empty: "1"
  int code = 0;               // graph_throttle: 130429 (default), 131056, 4, 80007
  int process = -1;           // 1: run the request first, 0: do not, -1: kind default
};

bool is_fault_kind(const std::string& kind);

struct FaultPolicy {
  std::vector<Fault> always;  // without rate: every matching request (round-robin over the list)
  double rate = 0.0;          // with rate > 0: each matching request gets a random `always` kind
  std::uint64_t seed = 1;     // with probability `rate` (deterministic by seed)
};

struct Options {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: pick a free port
  Formats formats = Formats::kBoth;
  Envelope envelope = Envelope::kData;
  std::string api_token;  // non-empty: only this token is accepted; else any non-empty token
  bool log_requests = true;
  std::ostream* log = &std::cerr;  // one line per request; nullptr: std::cerr
  std::string webhook_url;         // e.g. http://127.0.0.1:9000/webhook ; empty: no delivery
  std::string app_secret;          // HMAC key for X-Hub-Signature-256, and for appsecret_proof
  // Graph paths: non-empty: only `Authorization: Bearer <access_token>` is accepted; else any
  // non-empty token. A wrong or missing token answers 401 with Graph error 190.
  std::string access_token;
  // Graph paths, with app_secret set: a request without appsecret_proof is refused (Meta's
  // "Require App Secret" app setting). A wrong appsecret_proof is refused either way.
  bool require_appsecret_proof = false;
  std::string waba_id = "102290129340398";
  std::string app_id = "1234567890";
  FaultPolicy faults;  // standing faults (flags --fault, --fault-rate, --fault-seed)
};

struct Stats {
  int requests = 0;
  int new_format = 0;
  int old_format = 0;
  int graph = 0;  // requests on a Graph route (no `/whatsapp` prefix)
  int not_found = 0;
  int sends_processed = 0;
  int webhooks_delivered = 0;
  int webhooks_failed = 0;
};

nlohmann::json to_json(const Stats& s);

class Emulator {
 public:
  explicit Emulator(Options o);
  ~Emulator();  // stops
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  // Binds, serves on background threads, returns the bound port once requests are answered.
  // Throws std::runtime_error if it cannot bind.
  int start();
  void stop();  // idempotent; joins every thread
  int port() const;
  std::string base_url() const;        // "http://127.0.0.1:<port>/whatsapp" (LowCodeAPI shape)
  std::string graph_base_url() const;  // "http://127.0.0.1:<port>" (Graph shape, in place of
                                       // https://graph.facebook.com)

  Stats stats() const;
  void reset_stats();
  void reset();  // stats, processed messages, faults, and all state back to the seed

  // Each accepted send, in order: {"seq","id"(wamid),"phone_number_id","to","wa_id","format",
  // "timestamp","received_us"(steady clock, us: for rate checks),"body"(the request body),
  // "fault"(kind applied to that request, or null)}.
  std::vector<nlohmann::json> processed_messages() const;

  // True once `count` webhooks were delivered (2xx) in total since start/reset_stats.
  bool wait_for_webhooks(int count, std::chrono::milliseconds timeout);
  // Delivers an incoming-message webhook; same body as POST /__emulator/inbound.
  // Returns false (and sets *error) if the body is unusable or no webhook_url is set.
  bool inject_inbound(const nlohmann::json& body, std::string* error = nullptr);
  // Delivers a Groups API webhook (group created, participants joined, ...); same body as
  // POST /__emulator/group_event (docs/emulator.md). Returns false (and sets *error) if the body
  // is unusable or no webhook_url is set.
  bool inject_group_event(const nlohmann::json& body, std::string* error = nullptr);

  void set_faults(std::vector<Fault> scripted);  // replaces the scripted queue
  void add_faults(std::vector<Fault> scripted);  // appends to it
  void set_fault_policy(FaultPolicy policy);     // replaces the standing policy
  void clear_faults();                           // scripted and standing

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace whatsapp_emulator
