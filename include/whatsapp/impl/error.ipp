// Definitions of the functions error.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include <atomic>

#include "whatsapp/error.hpp"

namespace whatsapp {

WHATSAPP_DECL ErrorCategory error_category(std::int64_t code) noexcept {
  switch (code) {
    case 0:
    case 3:
    case 10:
    case 102:  // API session: the login status or access token is invalid
    case 104:  // incorrect signature: the access token is malformed or missing
    case 190:
    case 131005: return ErrorCategory::kAuthorization;
    case 4:
    case 17:   // user request limit reached
    case 32:   // page request limit reached
    case 341:  // application limit reached
    case 613:  // calls within one hour exceeded
    case 80007:
    case 130429:
    case 131048:
    case 131056:
    case 131064:
    case 133016: return ErrorCategory::kThrottling;
    case 368:
    case 130497:
    case 131031: return ErrorCategory::kIntegrity;
    case 131052:
    case 131053: return ErrorCategory::kMedia;
    case 130472:
    case 131021:
    case 131026:
    case 131030:
    case 131037:
    case 131042:
    case 131049:
    case 131050:
    case 131051:
    case 137000: return ErrorCategory::kRecipient;
    case 131062:  // this kind of message cannot go to a BSUID (authentication templates, ...)
      return ErrorCategory::kUserIdUnsupported;
    case 131047: return ErrorCategory::kReengagement;
    case 1:
    case 33:
    case 100:
    case 803:  // some of the aliases (ids) requested do not exist
    case 131008:
    case 131009:
    case 135000: return ErrorCategory::kParameter;
    case 2:
    case 131000:
    case 131016:
    case 131057: return ErrorCategory::kServer;
    case 131045:  // incorrect certificate: a phone number registration error
      return ErrorCategory::kRegistration;
    case 131063:  // marketing templates disabled on the Cloud API
      return ErrorCategory::kTemplate;
    default: break;
  }
  if (code >= 200 && code <= 299) return ErrorCategory::kAuthorization;
  if ((code >= 132000 && code <= 132999) || (code >= 2388000 && code <= 2388999)) {
    return ErrorCategory::kTemplate;
  }
  if (code >= 133000 && code <= 133999) return ErrorCategory::kRegistration;
  return ErrorCategory::kUnknown;
}

}  // namespace whatsapp

namespace whatsapp {

WHATSAPP_DECL std::string_view Error::hint() const noexcept {
  if (!rare().hint.empty()) return rare().hint;
  switch (kind()) {
    case ErrorKind::kInvalidArgument: return "fix the argument field() names; nothing was sent";
    case ErrorKind::kCancelled: return {};
    case ErrorKind::kTransport:
    case ErrorKind::kTimeout:
      if (delivery() == Delivery::kMaybeSent) {
        return "the request may have been processed: check (e.g. with the status webhook) before sending "
               "it again";
      }
      return "check base_url and the network; transient failures are retried as the RetryPolicy allows";
    case ErrorKind::kApi:
    case ErrorKind::kHttp:
    case ErrorKind::kParse: break;
  }
  const ErrorSource from = source();
  if (kind() == ErrorKind::kParse) {
    if (http_status_ == 0) return {};  // not an answer's (a webhook body, a model read directly)
    return "the answer has an unexpected shape; the request may have been processed: check before "
           "repeating it, and report body_excerpt()";
  }
  if (from == ErrorSource::kLowCodeApi) {
    if (category() == ErrorCategory::kAuthorization) {
      return "check ClientOptions::api_token: LowCodeAPI wants its own token (\"at_...\"), not a Meta "
             "access token, with WhatsApp credentials connected to it in LowCodeAPI";
    }
    if (http_status_ == 404) {
      return "check base_url and api_version, and that this LowCodeAPI serves the route (a self-hosted "
             "server serves the Old URL format only, and not every route)";
    }
    if (http_status_ >= 500) {
      return "LowCodeAPI failed; the request may have reached Meta: retried as the call allows";
    }
    return "LowCodeAPI refused the request before it reached Meta: see the message";
  }
  if (from == ErrorSource::kUpstream) {
    return "LowCodeAPI could not get an answer from Meta: retried as the call allows; if it lasts, check "
           "the LowCodeAPI server's network and Meta's status";
  }
  if (from == ErrorSource::kUnknown) {
    return "the answer came from neither LowCodeAPI nor Meta (a gateway's page?): check base_url; 5xx "
           "answers are retried as the call allows";
  }
  switch (category()) {
    case ErrorCategory::kAuthorization:
      return "renew the Meta access token connected to LowCodeAPI, or grant it the missing permission";
    case ErrorCategory::kThrottling:
      return "send more slowly: retried after the server's delay as the call allows";
    case ErrorCategory::kIntegrity:
      return "the WhatsApp Business Account is restricted: see WhatsApp Manager";
    case ErrorCategory::kTemplate:
      return "check the template's name, language, status and parameters in WhatsApp Manager";
    case ErrorCategory::kMedia:
      return "check the media (reachable URL, type, size), or ask the sender to send it again";
    case ErrorCategory::kRecipient:
      return "this recipient cannot get this message: check the number, its WhatsApp account and opt-in";
    case ErrorCategory::kReengagement:
      return "more than 24 hours since the customer last wrote: send a template message";
    case ErrorCategory::kParameter: return "fix the request: graph() has Meta's details";
    case ErrorCategory::kRegistration:
      return "register the phone number, or check its two-step verification PIN";
    case ErrorCategory::kServer:
      return "Meta is down or overloaded: retried as the call allows; try again later";
    case ErrorCategory::kUserIdUnsupported:
      return "this message cannot be sent to a BSUID (e.g. one-tap, zero-tap and copy-code authentication "
             "templates): send it to the user's phone number, or send another kind of message";
    case ErrorCategory::kUnknown:
      return "look the code up in Meta's error-code reference (graph() has every field)";
    case ErrorCategory::kNone: break;
  }
  return {};
}

WHATSAPP_DECL bool Error::is_transient() const noexcept {
  if (transient_ >= 0) return transient_ == 1;
  switch (kind()) {
    case ErrorKind::kTransport:
    case ErrorKind::kTimeout: return true;
    case ErrorKind::kInvalidArgument:
    case ErrorKind::kCancelled:
    case ErrorKind::kParse: return false;
    case ErrorKind::kHttp:
    case ErrorKind::kApi: break;
  }
  if (is_throttling()) return true;
  // A BSUID refused for this kind of message stays refused, whatever the HTTP status relayed.
  if (code() == 131062) return false;
  const auto& g = graph();
  if (g && g->is_transient) return *g->is_transient;
  if (is_transient_code(code())) return true;
  return http_status_ == 408 || http_status_ == 429 || (http_status_ >= 500 && http_status_ <= 599);
}

WHATSAPP_DECL std::string Error::to_string() const {
  std::string s(whatsapp::to_string(kind()));
  s += " error";
  const ErrorSource from = source();
  const bool named =
      from != ErrorSource::kNone && from != ErrorSource::kTransport && from != ErrorSource::kUnknown;
  if (named || http_status_ != 0 || code() != 0) {
    std::string facts;
    if (named) facts += whatsapp::to_string(from);
    if (http_status_ != 0)
      facts += std::string(facts.empty() ? "" : ", ") + "HTTP " + std::to_string(http_status_);
    if (code() != 0) facts += std::string(facts.empty() ? "" : ", ") + "code " + std::to_string(code());
    s += " (" + facts + ")";
  }
  s += ": ";
  s += message_;
  const std::string_view todo = hint();
  if (!todo.empty()) {
    s += " - what to do: ";
    s += todo;
  }
  return s;
}

WHATSAPP_DECL const Error::Rare& Error::no_rare() noexcept {
  static const Rare kNone;
  return kNone;
}

WHATSAPP_DECL Error::Rare& Error::rare_for_write() {
  if (!rare_) {
    rare_ = std::make_shared<Rare>();
  } else if (rare_.use_count() != 1) {
    rare_ = std::make_shared<Rare>(*rare_);  // another copy shares it: change a copy of our own
  } else {
    // Sole owner. The other copies that shared the block released it (an acq_rel decrement);
    // this fence orders their last reads of it before the writes that follow.
    std::atomic_thread_fence(std::memory_order_acquire);
  }
  return *rare_;
}

}  // namespace whatsapp
