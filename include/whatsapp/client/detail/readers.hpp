#pragma once

// How a call reads a successful answer. A reader is handed to the call engine behind a virtual
// interface and keeps the value it reads, so that the engine is not a template over the type of
// the answer.

#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/function_ref.hpp"
#include "whatsapp/model/send_result.hpp"
#include "whatsapp/protocol/detail/send_answer.hpp"
#include "whatsapp/result.hpp"
#include "whatsapp/transport/http.hpp"

namespace whatsapp::detail {

/// Reads a call's successful answer: read_fast() may take it straight from the response (false:
/// not handled, and the response is left as it was; true: it may have taken the body;
/// `enveloped`: a LowCodeAPI answer, else Meta's own); otherwise read() gets the unwrapped
/// payload and returns the error of a payload it cannot decode.
class AnswerReader {
 public:
  virtual bool read_fast(HttpResponse& /*response*/, bool /*enveloped*/) { return false; }
  virtual Result<void> read(nlohmann::json&& payload) = 0;

 protected:
  AnswerReader() = default;
  AnswerReader(const AnswerReader&) = default;
  AnswerReader& operator=(const AnswerReader&) = default;
  ~AnswerReader() = default;
};

/// Keeps the payload as JSON (Client::call()).
class JsonReader final : public AnswerReader {
 public:
  Result<void> read(nlohmann::json&& payload) override {
    value = std::move(payload);
    return {};
  }
  nlohmann::json value;
};

/// The answer of a send: the scanner of its usual shape first, the general decode otherwise.
class SendReader final : public AnswerReader {
 public:
  bool read_fast(HttpResponse& response, bool enveloped) override {
    return take_send_answer(response, enveloped, value);
  }
  Result<void> read(nlohmann::json&& payload) override {
    auto r = decode_send_result(payload);
    if (!r) return std::move(r).error();
    value = std::move(*r);
    return {};
  }
  std::optional<SendResult> value;
};

/// Turns the payload into T with `decode`, a model's decoder.
template <class T>
class ValueReader final : public AnswerReader {
 public:
  explicit ValueReader(FunctionRef<Result<T>(nlohmann::json&&)> decode) : decode_(decode) {}
  Result<void> read(nlohmann::json&& payload) override {
    auto r = decode_(std::move(payload));
    if (!r) return std::move(r).error();
    value.emplace(std::move(*r));
    return {};
  }
  std::optional<T> value;

 private:
  FunctionRef<Result<T>(nlohmann::json&&)> decode_;
};

}  // namespace whatsapp::detail
