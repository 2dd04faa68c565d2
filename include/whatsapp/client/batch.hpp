#pragma once

/// @file batch.hpp
/// Options of many sends at once (`client.messages().send_batch(...)` and `send_stream(...)`).

#include <cstddef>
#include <string>

#include "whatsapp/model/message.hpp"

namespace whatsapp {

struct BatchOptions {
  /// Requests on the wire at once. Over HTTP/1.1 each takes its own kept-alive connection; with
  /// CurlOptions::http2 against an HTTP/2 server they share one. Transports with neither
  /// send_streamed nor send_many send one request at a time whatever this says. At most
  /// 4 x max_in_flight messages are under way at once (on the wire, or waiting for a retry or a
  /// rate-limit slot); the next message starts when one of them finishes. 0 counts as 1, and
  /// more than 1024 as 1024.
  std::size_t max_in_flight = 8;
  /// While the send route's URL format is unconfirmed, send the first message alone so that its
  /// answer confirms the format before the others go; otherwise every message sent before the
  /// first answer may make its own New Format request and Old Format fallback.
  bool probe_format = true;
};

/// One message of a batch with its own sending business number.
struct BatchItem {
  std::string phone_number_id;
  Message message;
};

}  // namespace whatsapp
