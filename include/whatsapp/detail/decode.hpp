#pragma once

// Turning a JSON payload into a model without letting an exception escape.

#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"

namespace whatsapp::detail {

/// Thrown by from_json when a required field is missing or of the wrong type.
struct DecodeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Throws DecodeError unless `j` is an object.
WHATSAPP_DECL void require_object(const nlohmann::json& j, std::string_view what);

/// `j` converted with the model's from_json; a parse error naming `what` on failure. The payload
/// came with a success status, so the request was processed as far as anyone can tell: the
/// error says it may have been (Delivery::kMaybeSent).
template <class T>
Result<T> decode(const nlohmann::json& j, std::string_view what) {
  std::string text;
  try {
    T value;
    from_json(j, value);
    return value;
  } catch (const DecodeError& e) {
    text = e.what();
  } catch (const nlohmann::json::exception& e) {
    text = e.what();
  }
  Error err(ErrorKind::kParse, std::string("cannot read ") + std::string(what) + ": " + text);
  err.with_delivery(Delivery::kMaybeSent);
  return err;
}

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/detail/impl/decode.ipp"
#endif
