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
#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/model/page.hpp"
#include "whatsapp/model/phone_number.hpp"
#include "whatsapp/model/success.hpp"

namespace whatsapp {

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

/// What register_number() can send besides the PIN.
struct RegisterOptions {
  /// Migration from the On-Premises API: its backup data and password.
  std::optional<RegisterBackup> backup{};
  /// Local storage: the country where Meta keeps the number's message data at rest, as a
  /// 2-letter ISO 3166 code in capitals ("DE", "IN", "BR", ...). Meta supports AU, ID, IN, JP, SG,
  /// KR, DE, CH, GB, BR, BH, ZA, AE and CA (2026); others are sent and Meta answers. Once set it
  /// can only be changed or removed by deregistering and registering again.
  std::optional<std::string> data_localization_region{};
  /// `tier`, sent as given when set. Not in Meta's registration reference (2026); named in issue
  /// 14 from Meta's OpenAPI description. Leave it unset unless Meta asks for it.
  std::optional<std::string> tier{};
};

}  // namespace whatsapp

namespace whatsapp::api {

/// `client.phone_numbers()`. Cheap to copy; shares the client's connection and state.
class PhoneNumbers {
 public:
  explicit PhoneNumbers(std::shared_ptr<const detail::Core> core) : core_(std::move(core)) {}

  /// Get Phone Number Information. `fields` selects what Meta returns (e.g. {"verified_name",
  /// "quality_rating"}); empty: Meta's default set. Read-only: safe to repeat.
  WHATSAPP_DECL Result<PhoneNumber> get(std::string_view phone_number_id,
                                        const std::vector<std::string>& fields = {}) const;

  /// Verify Phone Number: asks Meta to send a verification code by SMS or voice call, in
  /// `language` ("en_US"). Errors: kApi (e.g. too many requests), kParse when the answer is not
  /// a success. Repeating it sends another code.
  WHATSAPP_DECL Result<void> request_code(std::string_view phone_number_id, CodeMethod method,
                                          std::string_view language = "en_US") const;

  /// Verify Code: submits the code received after request_code(); returns the answer's `id`
  /// when Meta sends one. Errors: kInvalidArgument for an empty code; kApi for a wrong or
  /// expired code; kParse when the answer is not `{"success": true}`. Repeating a correct code
  /// is harmless.
  WHATSAPP_DECL Result<CodeVerified> verify_code(std::string_view phone_number_id,
                                                 std::string_view code) const;

  /// Whether `phone_number_id` exists and this token may read it: true on an answer, false on
  /// Graph error 100 (unknown object), the error otherwise. Read-only: safe to repeat.
  WHATSAPP_DECL Result<bool> exists(std::string_view phone_number_id) const;

  /// List Phone Numbers: one page of the business account's numbers.
  /// Errors: kApi, kParse, kTransport. Read-only: safe to repeat.
  WHATSAPP_DECL Result<Page<PhoneNumber>> list(std::string_view waba_id,
                                               const PhoneNumberListOptions& options = {}) const;

  /// Every phone number of the account, page by page (after-cursors through the same route).
  /// `options.after` is the starting cursor; `before` is ignored.
  WHATSAPP_DECL Paged<PhoneNumber> list_all(std::string_view waba_id,
                                            PhoneNumberListOptions options = {}) const;

  /// Migrate account / register: registers the number for Cloud API use with a 6-digit
  /// two-step PIN, optionally migrating from the on-premises API with its backup.
  /// Errors: kInvalidArgument for a PIN that is not 6 digits; kApi. Repeating it with the same
  /// PIN is harmless, but Meta limits registrations per number (10 per 72 hours).
  WHATSAPP_DECL Result<void> register_number(
      std::string_view phone_number_id, std::string_view pin,
      const std::optional<RegisterBackup>& backup = std::nullopt) const;

  /// register_number() with options: local storage (`data_localization_region`), `tier`, an
  /// On-Premises backup. Errors: kInvalidArgument for a PIN that is not 6 digits or a region
  /// that is not two capital letters, an empty tier; kApi (e.g. a region Meta does not support).
  /// Retried only when it certainly was not processed: Meta counts registrations (10 per 72
  /// hours).
  WHATSAPP_DECL Result<void> register_number(std::string_view phone_number_id, std::string_view pin,
                                             const RegisterOptions& options) const;

  /// Deregisters the number from the Cloud API. Errors: kApi. Safe to repeat.
  WHATSAPP_DECL Result<void> deregister(std::string_view phone_number_id) const;

  /// Set Two-Step Verification: sets or changes the 6-digit PIN.
  /// Errors: kInvalidArgument for a PIN that is not 6 digits; kApi. Safe to repeat.
  WHATSAPP_DECL Result<void> set_two_step_pin(std::string_view phone_number_id, std::string_view pin) const;

 private:
  WHATSAPP_DECL static Result<void> check_pin(std::string_view pin);

  WHATSAPP_DECL Result<void> post(RouteId id, std::string_view path_value, const nlohmann::json& body,
                                  std::string_view what) const;

  std::shared_ptr<const detail::Core> core_;
};

}  // namespace whatsapp::api

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/api/impl/phone_numbers.ipp"
#endif
