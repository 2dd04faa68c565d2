#pragma once

// Many sends at once. Each is a Call (client/detail/call.hpp), which makes every decision of a
// single send; the engine only decides which call's request goes next and keeps up to
// max_in_flight of them on the wire.
//
// The calls come from a source, one at a time, only when there is room for another: the
// transport pulls whenever an in-flight slot is free, and the engine then takes a call whose
// format fallback is ready, else a retry whose backoff is over, else the source's next call.
// Each answer moves its call on as it arrives (done, fallback request ready at once, or a retry
// ready after its backoff), and a finished call's result goes to the sink at once. So only the
// calls under way exist (at most kLivePerSlot × max_in_flight), however many the source gives.
// When nothing is in flight and nothing is ready, the engine waits for the earliest call that
// will be.

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "whatsapp/client/detail/call.hpp"
#include "whatsapp/client/detail/core.hpp"
#include "whatsapp/client/detail/readers.hpp"
#include "whatsapp/client/options.hpp"
#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/function_ref.hpp"
#include "whatsapp/model/send_result.hpp"
#include "whatsapp/transport/any_transport.hpp"

namespace whatsapp::detail {

/// Calls under way at once (in flight, or waiting for a retry or a rate-limit slot), per
/// in-flight slot: room for retries to wait while new calls keep the wire busy, and a bound on
/// the memory and rate-limit bookings of a long stream.
inline constexpr std::size_t kLivePerSlot = 4;

/// The most requests a batch keeps in flight, whatever BatchOptions::max_in_flight says.
inline constexpr std::size_t kMaxInFlight = 1024;

/// Fills in the next call's spec (its path may view `keep`, which lives as long as the call) and
/// returns the id its result goes to the sink with, or nullopt when there are no more; asked
/// only when the call can start.
using CallSource = FunctionRef<std::optional<std::size_t>(RequestSpec& spec, std::string& keep)>;
/// Gets each call's result as soon as it is known.
using SendSink = FunctionRef<void(std::size_t id, Result<SendResult>&& result)>;

class BatchEngine {
 public:
  WHATSAPP_DECL BatchEngine(const Core& core, const BatchOptions& options);

  /// Runs every call `source` gives until it gives none and each has its result. Both run on the
  /// calling thread, inside the transport's loop.
  WHATSAPP_DECL void run(CallSource source, SendSink sink);

 private:
  using Clock = std::chrono::steady_clock;
  using Due = std::pair<Clock::time_point, std::size_t>;  // when, which slot

  struct Slot {
    explicit Slot(const Core& core) : call(core) {}
    Call call;
    SendReader reader;
    std::size_t id = 0;   // the source's
    std::size_t tag = 0;  // of its request in flight
    std::string keep;     // what the spec's path may view
    bool in_flight = false;
  };

  transport::StreamedRequest next(CallSource& source, SendSink& sink);
  void take(std::size_t tag, Result<HttpResponse>&& answer, SendSink& sink);
  std::optional<std::size_t> start(CallSource& source);
  void wait_until(Clock::time_point when, std::size_t slot);
  void finish(std::size_t slot, SendSink& sink);
  void lose_unanswered(SendSink& sink);
  void give_up(SendSink& sink);

  const Core& core_;
  const bool probe_format_;
  const std::size_t in_flight_max_;
  const std::size_t live_max_;
  std::vector<std::unique_ptr<Slot>> slots_;  // stable: the transport holds &request in flight
  std::vector<std::size_t> free_;             // slots not under way
  std::vector<Due> waiting_;  // a heap on when each may send; a fallback (at once) at the clock's zero
  std::size_t live_ = 0;      // calls under way
  std::size_t in_flight_ = 0;
  std::size_t requests_ = 0;  // handed to the transport
  std::size_t asked_ = 0;     // times the transport asked for a request
  bool exhausted_ = false;    // the source gave nullopt
  bool probed_ = false;
  bool probing_ = false;  // the first call goes alone: its answer confirms the route's format
  std::size_t probe_ = 0;
};

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/client/detail/impl/batch_engine.ipp"
#endif
