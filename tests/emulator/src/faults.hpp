// Fault selection: scripted (next N matching requests), standing (every request), random (rate).
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp_emulator/emulator.hpp"

namespace whatsapp_emulator {

const std::vector<std::string>& fault_kinds();
// Whether the request is processed before the fault is applied (kind default or f.process).
bool fault_processes(const Fault& f);
bool parse_fault(const nlohmann::json& j, Fault* out, std::string* error);
nlohmann::json fault_to_json(const Fault& f);

class FaultBook {
 public:
  explicit FaultBook(FaultPolicy policy);
  // The fault for a request on route `route` (1 = send), if any. Consumes scripted counts.
  std::optional<Fault> pick(int route);
  void set(std::vector<Fault> scripted, bool append);
  void set_policy(FaultPolicy policy);
  void clear();
  nlohmann::json describe() const;

 private:
  static bool matches(const Fault& f, int route);
  mutable std::mutex mu_;
  std::deque<Fault> scripted_;
  FaultPolicy policy_;
  std::mt19937_64 rng_;
  std::size_t round_robin_ = 0;
};

}  // namespace whatsapp_emulator
