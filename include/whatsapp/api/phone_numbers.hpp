#pragma once

/// @file api/phone_numbers.hpp
/// Business phone numbers.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "whatsapp/api/detail/query.hpp"
#include "whatsapp/client/detail/core.hpp"
#include "whatsapp/detail/decode.hpp"
#include "whatsapp/model/page.hpp"
#include "whatsapp/model/phone_number.hpp"
#include "whatsapp/model/success.hpp"

namespace whatsapp::api {

/// How request_code() delivers the code.
enum class CodeMethod { kSms, kVoice };

/// Filters and cursors of List Phone Numbers.
struct PhoneNumberListOptions {
  std::vector<std::string> fields;  ///< Empty: Meta's default set.
  std::optional<int> limit;         ///< Items per page.
  std::string after;                ///< Cursor: the page after this one.
  std::string before;               ///< Cursor: the page before this one.
};

/// Backup data for migrating a number from the on-premises API (register()).
struct RegisterBackup {
  std::string data;
  std::string password;
};

/// `client.phone_numbers()`. Cheap to copy; shares the client's connection and state.
template <class Transport>
class PhoneNumbers {
 public:
  explicit PhoneNumbers(std::shared_ptr<const detail::Core<Transport>> core) : core_(std::move(core)) {}

  /// Get Phone Number Information. `fields` selects what Meta returns (e.g. {"verified_name",
  /// "quality_rating"}); empty: Meta's default set. Read-only: safe to repeat.
  Result<PhoneNumber> get(std::string_view phone_number_id,
                          const std::vector<std::string>& fields = {}) const {
    detail::RequestSpec spec{&route(RouteId::kGetPhoneNumber), {phone_number_id}, {}, {}, {}};
    detail::add_fields(spec.query, fields);
    return core_->template call_read<PhoneNumber>(
        spec, [](nlohmann::json&& payload) { return detail::decode<PhoneNumber>(payload, "phone number"); });
  }

  /// Verify Phone Number: asks Meta to send a verification code by SMS or voice call, in
  /// `language` ("en_US"). Errors: kApi (e.g. too many requests), kParse when the answer is not
  /// a success. Repeating it sends another code.
  Result<void> request_code(std::string_view phone_number_id, CodeMethod method,
                            std::string_view language = "en_US") const {
    if (language.empty()) return Error::invalid_argument("language", "must not be empty");
    nlohmann::json body{{"code_method", method == CodeMethod::kSms ? "SMS" : "VOICE"},
                        {"language", language}};
    return post(RouteId::kRequestCode, phone_number_id, body, "request code");
  }

  /// Verify Code: submits the code received after request_code(). Errors: kInvalidArgument for
  /// an empty code; kApi for a wrong or expired code. Repeating a correct code is harmless.
  Result<void> verify_code(std::string_view phone_number_id, std::string_view code) const {
    if (code.empty()) return Error::invalid_argument("code", "must not be empty");
    return post(RouteId::kVerifyCode, phone_number_id, {{"code", code}}, "verify code");
  }

  /// Whether `phone_number_id` exists and this token may read it: true on an answer, false on
  /// Graph error 100 (unknown object), the error otherwise. Read-only: safe to repeat.
  Result<bool> exists(std::string_view phone_number_id) const {
    auto r = get(phone_number_id, {"id"});
    if (r) return true;
    if (r.error().kind() == ErrorKind::kApi && r.error().code() == 100) return false;
    return std::move(r).error();
  }

  /// List Phone Numbers: one page of the business account's numbers.
  /// Errors: kApi, kParse, kTransport. Read-only: safe to repeat.
  Result<Page<PhoneNumber>> list(std::string_view waba_id, const PhoneNumberListOptions& options = {}) const {
    detail::RequestSpec spec{&route(RouteId::kListPhoneNumbers), {waba_id}, {}, {}, {}};
    detail::add_fields(spec.query, options.fields);
    if (options.limit) spec.query.emplace_back("limit", std::to_string(*options.limit));
    if (!options.after.empty()) spec.query.emplace_back("after", options.after);
    if (!options.before.empty()) spec.query.emplace_back("before", options.before);
    return core_->template call_read<Page<PhoneNumber>>(spec, [](nlohmann::json&& payload) {
      return detail::decode_page<PhoneNumber>(payload, "phone number");
    });
  }

  /// Every phone number of the account, page by page (after-cursors through the same route).
  /// `options.after` is the starting cursor; `before` is ignored.
  Paged<PhoneNumber> list_all(std::string_view waba_id, PhoneNumberListOptions options = {}) const {
    auto self = *this;
    std::string waba(waba_id);
    options.before.clear();
    const std::string start = options.after;
    return Paged<PhoneNumber>([self, waba, options, start](const std::string& cursor) {
      auto o = options;
      o.after = cursor.empty() ? start : cursor;
      return self.list(waba, o);
    });
  }

  /// Migrate account / register: registers the number for Cloud API use with a 6-digit
  /// two-step PIN, optionally migrating from the on-premises API with its backup.
  /// Errors: kInvalidArgument for a PIN that is not 6 digits; kApi. Repeating it with the same
  /// PIN is harmless, but Meta limits registrations per number (10 per 72 hours).
  Result<void> register_number(std::string_view phone_number_id, std::string_view pin,
                               const std::optional<RegisterBackup>& backup = std::nullopt) const {
    if (auto r = check_pin(pin); !r) return r;
    nlohmann::json body{{"messaging_product", "whatsapp"}, {"pin", pin}};
    if (backup) body["backup"] = {{"data", backup->data}, {"password", backup->password}};
    return post(RouteId::kRegister, phone_number_id, body, "register");
  }

  /// Deregisters the number from the Cloud API. Errors: kApi. Safe to repeat.
  Result<void> deregister(std::string_view phone_number_id) const {
    return post(RouteId::kDeregister, phone_number_id, nlohmann::json::object(), "deregister");
  }

  /// Set Two-Step Verification: sets or changes the 6-digit PIN.
  /// Errors: kInvalidArgument for a PIN that is not 6 digits; kApi. Safe to repeat.
  Result<void> set_two_step_pin(std::string_view phone_number_id, std::string_view pin) const {
    if (auto r = check_pin(pin); !r) return r;
    return post(RouteId::kSetTwoStepPin, phone_number_id, {{"pin", pin}}, "two-step verification");
  }

 private:
  static Result<void> check_pin(std::string_view pin) {
    bool digits = pin.size() == 6;
    for (const char c : pin) digits = digits && c >= '0' && c <= '9';
    if (!digits) return Error::invalid_argument("pin", "must be 6 digits");
    return {};
  }

  Result<void> post(RouteId id, std::string_view path_value, const nlohmann::json& body,
                    std::string_view what) const {
    detail::RequestSpec spec{&route(id), {path_value}, {}, {}, {}};
    spec.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return core_->call_success(spec, what);
  }

  std::shared_ptr<const detail::Core<Transport>> core_;
};

}  // namespace whatsapp::api
