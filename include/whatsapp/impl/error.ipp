// Definitions of the functions error.hpp declares: included by it (header-only), or
// compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

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
    case 131062:  // a recipient given by BSUID cannot get this kind of message: the closest family
    case 137000: return ErrorCategory::kRecipient;
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
  if (!hint_.empty()) return hint_;
  switch (kind_) {
    case ErrorKind::kInvalidArgument: return "fix the argument field() names; nothing was sent";
    case ErrorKind::kCancelled: return {};
    case ErrorKind::kTransport:
    case ErrorKind::kTimeout:
      if (delivery_ == Delivery::kMaybeSent) {
        return "the request may have been processed: check (e.g. with the status webhook) before sending "
               "it again";
      }
      return "check base_url and the network; transient failures are retried as the RetryPolicy allows";
    case ErrorKind::kApi:
    case ErrorKind::kHttp:
    case ErrorKind::kParse: break;
  }
  const ErrorSource from = source();
  if (kind_ == ErrorKind::kParse) {
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
    case ErrorCategory::kUnknown:
      return "look the code up in Meta's error-code reference (graph() has every field)";
    case ErrorCategory::kNone: break;
  }
  return {};
}

}  // namespace whatsapp
