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
    case 190:
    case 131005: return ErrorCategory::kAuthorization;
    case 4:
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
    case 131062:
    case 137000: return ErrorCategory::kRecipient;
    case 131047: return ErrorCategory::kReengagement;
    case 1:
    case 33:
    case 100:
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
