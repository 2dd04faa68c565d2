#include "faults.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace whatsapp_emulator {

const std::vector<std::string>& fault_kinds() {
  static const std::vector<std::string> kKinds = {"reset_before_answer",
                                                  "reset_after_processing",
                                                  "reset_mid_body",
                                                  "delay",
                                                  "trickle",
                                                  "status_429",
                                                  "status_500",
                                                  "status_502",
                                                  "status_503",
                                                  "html_error",
                                                  "truncated_json",
                                                  "empty_body",
                                                  "huge_body",
                                                  "wrong_content_type",
                                                  "error_in_200",
                                                  "data_wrong_type",
                                                  "graph_throttle",
                                                  "selfhosted_429",
                                                  "upstream_down",
                                                  "lowcodeapi_refusal",
                                                  "route_missing"};
  return kKinds;
}

bool is_fault_kind(const std::string& kind) {
  auto& k = fault_kinds();
  return std::find(k.begin(), k.end(), kind) != k.end();
}

bool fault_processes(const Fault& f) {
  if (f.kind == "delay" || f.kind == "trickle" || f.kind == "reset_after_processing") return true;
  if (f.kind == "reset_before_answer") return false;
  if (f.process >= 0) return f.process == 1;
  return f.kind == "reset_mid_body" || f.kind == "truncated_json";
}

namespace {

// `j[key]` as an int in [lo, hi] into *out (left as is when absent): a whole number in range,
// else false with *error set. nlohmann's get<int>() converts 1e300 or 2^40 with undefined
// behaviour; a control request must get a 400 instead.
bool int_field(const nlohmann::json& j, const char* key, long long lo, long long hi, int* out,
               std::string* error) {
  const auto it = j.find(key);
  if (it == j.end()) return true;
  long long v = 0;
  if (it->is_number_integer()) {
    v = it->get<long long>();
    if (it->is_number_unsigned() && it->get<unsigned long long>() > static_cast<unsigned long long>(hi))
      v = hi + 1;
  } else if (it->is_number_float() && std::isfinite(it->get<double>()) &&
             it->get<double>() >= static_cast<double>(lo) && it->get<double>() <= static_cast<double>(hi) &&
             std::trunc(it->get<double>()) == it->get<double>()) {
    v = static_cast<long long>(it->get<double>());
  } else {
    *error = std::string("fault field \"") + key + "\" must be a whole number";
    return false;
  }
  if (v < lo || v > hi) {
    *error = std::string("fault field \"") + key + "\" must be from " + std::to_string(lo) + " to " +
             std::to_string(hi);
    return false;
  }
  *out = static_cast<int>(v);
  return true;
}

}  // namespace

bool parse_fault(const nlohmann::json& j, Fault* out, std::string* error) {
  if (!j.is_object() || !j.contains("kind") || !j["kind"].is_string()) {
    *error = "each fault needs a string \"kind\"";
    return false;
  }
  Fault f;
  f.kind = j["kind"];
  if (!is_fault_kind(f.kind)) {
    *error = "unknown fault kind: " + f.kind;
    return false;
  }
  constexpr long long kIntMax = std::numeric_limits<int>::max();
  try {
    if (!int_field(j, "count", 1, kIntMax, &f.count, error) ||
        !int_field(j, "ms", -1, 3'600'000, &f.ms, error) ||
        !int_field(j, "code", 0, kIntMax, &f.code, error)) {
      return false;
    }
    f.route = j.value("route", "any");
    if (j.contains("process") && j["process"].is_boolean()) {
      f.process = j["process"].get<bool>() ? 1 : 0;
    } else if (!int_field(j, "process", -1, 1, &f.process, error)) {
      return false;
    }
    if (j.contains("retry_after") && j["retry_after"].is_string()) {
      f.retry_after = j["retry_after"].get<std::string>();
    } else if (j.contains("retry_after")) {
      int seconds = 0;
      if (!int_field(j, "retry_after", 0, kIntMax, &seconds, error)) return false;
      f.retry_after = std::to_string(seconds);
    }
  } catch (const nlohmann::json::exception& e) {
    *error = std::string("bad fault field: ") + e.what();
    return false;
  }
  if (f.route != "any" && f.route != "send") {
    *error = "route must be \"send\" or \"any\"";
    return false;
  }
  if (f.count < 1) {
    *error = "count must be >= 1";
    return false;
  }
  *out = f;
  return true;
}

nlohmann::json fault_to_json(const Fault& f) {
  nlohmann::json j = {{"kind", f.kind}, {"count", f.count}, {"route", f.route}};
  if (f.ms >= 0) j["ms"] = f.ms;
  if (!f.retry_after.empty()) j["retry_after"] = f.retry_after;
  if (f.code != 0) j["code"] = f.code;
  if (f.process >= 0) j["process"] = f.process == 1;
  return j;
}

FaultBook::FaultBook(FaultPolicy policy) : policy_(std::move(policy)), rng_(policy_.seed) {}

bool FaultBook::matches(const Fault& f, int route) { return f.route == "any" || route == 1; }

std::optional<Fault> FaultBook::pick(int route) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = scripted_.begin(); it != scripted_.end(); ++it) {
    if (!matches(*it, route)) continue;
    Fault f = *it;
    if (--it->count == 0) scripted_.erase(it);
    f.count = 1;
    return f;
  }
  if (policy_.always.empty()) return std::nullopt;
  if (policy_.rate > 0) {
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    std::uniform_int_distribution<std::size_t> which(0, policy_.always.size() - 1);
    bool hit = coin(rng_) < policy_.rate;
    std::size_t k = which(rng_);  // drawn every time so the sequence depends only on the seed
    if (!hit || !matches(policy_.always[k], route)) return std::nullopt;
    return policy_.always[k];
  }
  for (std::size_t i = 0; i < policy_.always.size(); ++i) {
    const Fault& f = policy_.always[(round_robin_ + i) % policy_.always.size()];
    if (!matches(f, route)) continue;
    round_robin_ = (round_robin_ + i + 1) % policy_.always.size();
    return f;
  }
  return std::nullopt;
}

void FaultBook::set(std::vector<Fault> scripted, bool append) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!append) scripted_.clear();
  for (auto& f : scripted) scripted_.push_back(std::move(f));
}

void FaultBook::set_policy(FaultPolicy policy) {
  std::lock_guard<std::mutex> lock(mu_);
  policy_ = std::move(policy);
  rng_.seed(policy_.seed);
  round_robin_ = 0;
}

void FaultBook::clear() {
  std::lock_guard<std::mutex> lock(mu_);
  scripted_.clear();
  policy_ = FaultPolicy{};
  round_robin_ = 0;
}

nlohmann::json FaultBook::describe() const {
  std::lock_guard<std::mutex> lock(mu_);
  nlohmann::json s = nlohmann::json::array(), a = nlohmann::json::array();
  for (auto& f : scripted_) s.push_back(fault_to_json(f));
  for (auto& f : policy_.always) a.push_back(fault_to_json(f));
  return {{"faults", s}, {"always", a}, {"rate", policy_.rate}, {"seed", policy_.seed}};
}

}  // namespace whatsapp_emulator
