#pragma once

/// @file logging.hpp
/// An optional log sink. Off by default and free when off. Every line the library writes has
/// every piece of the api_token (raw, percent-encoded or JSON-escaped), any `api_token=` or
/// `Authorization` value and the userinfo of every URL replaced by "***" (detail/redact.hpp);
/// bodies are never logged.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "whatsapp/detail/redact.hpp"

namespace whatsapp {

enum class LogLevel { kDebug, kInfo, kWarning, kError };

constexpr std::string_view to_string(LogLevel l) noexcept {
  switch (l) {
    case LogLevel::kDebug: return "debug";
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarning: return "warning";
    case LogLevel::kError: return "error";
  }
  return "info";
}

/// Receives each log line. Called from the thread that makes the call; must be thread-safe
/// when the client is used from several threads.
using LogSink = std::function<void(LogLevel, std::string_view)>;

namespace detail {

/// Wraps the user's sink with a level filter and redaction.
class Logger {
 public:
  Logger() = default;
  /// `redact` removes the client's secret from every line (null: credentials only).
  Logger(LogSink sink, LogLevel min_level, std::shared_ptr<const Redactor> redact)
      : sink_(std::move(sink)),
        min_(min_level),
        redact_(redact ? std::move(redact) : std::make_shared<const Redactor>()) {}

  bool enabled(LogLevel l) const noexcept { return sink_ && l >= min_; }

  /// Logs the line returned by `make()`, built only when the level is enabled.
  template <class MakeLine>
  void log(LogLevel l, MakeLine&& make) const {
    if (!enabled(l)) return;
    sink_(l, (*redact_)(std::string(make())));
  }

 private:
  LogSink sink_;
  LogLevel min_ = LogLevel::kInfo;
  std::shared_ptr<const Redactor> redact_ = std::make_shared<const Redactor>();
};

}  // namespace detail
}  // namespace whatsapp
