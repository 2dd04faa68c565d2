#pragma once

/// @file batch.hpp
/// Options of batch sends (`client.messages().send_batch(...)`).

#include <cstddef>
#include <string>

#include "whatsapp/model/message.hpp"

namespace whatsapp {

struct BatchOptions {
  /// Requests on the wire at once. Over HTTP/1.1 each takes its own kept-alive connection; with
  /// CurlOptions::http2 against an HTTP/2 server they share one. Transports without send_many
  /// send one request at a time whatever this says.
  std::size_t max_in_flight = 8;
  /// While the send route's URL format is unconfirmed, send the first message alone so that its
  /// answer confirms the format before the others go; otherwise every message of the first wave
  /// may make its own New Format request and Old Format fallback.
  bool probe_format = true;
};

/// One message of a batch with its own sending business number.
struct BatchItem {
  std::string phone_number_id;
  Message message;
};

}  // namespace whatsapp
