#pragma once

/// @file api/phone_numbers.hpp
/// Business phone numbers.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "whatsapp/detail/core.hpp"
#include "whatsapp/detail/decode.hpp"
#include "whatsapp/model/phone_number.hpp"

namespace whatsapp::api {

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
    if (!fields.empty()) spec.query.emplace_back("fields", join(fields));
    auto payload = core_->call(spec);
    if (!payload) return std::move(payload).error();
    return detail::decode<PhoneNumber>(*payload, "phone number");
  }

 private:
  static std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) {
      if (!out.empty()) out += ',';
      out += s;
    }
    return out;
  }

  std::shared_ptr<const detail::Core<Transport>> core_;
};

}  // namespace whatsapp::api
