#pragma once

/// @file model/recipient.hpp
/// Who an outgoing message goes to: a phone number (Meta's `to`) or a business-scoped user id,
/// a BSUID or a parent BSUID (Meta's `recipient`). Since 2026 a WhatsApp user may hide their
/// phone number behind a username; webhooks then name them by BSUID only, and a reply must be
/// addressed by it (docs/messages.md, "Phone numbers and BSUIDs").
///
///     Message::text("15551234567", "Hi");                                   // a phone number
///     Message::text(Recipient::user_id("US.13491208655302741918"), "Hi");   // a BSUID
///     Message::text(webhook::reply_recipient(event), "Thanks");             // whichever it gave
///
/// This header needs nothing but the standard library: the webhook target uses it too.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace whatsapp {

/// The most alphanumeric characters after the country code (and `ENT.`) of a BSUID: Meta
/// documents "up to 128".
inline constexpr std::size_t kMaxUserIdChars = 128;

/// True when `id` has the documented shape of a BSUID, `CC.<id>`, or of a parent BSUID,
/// `CC.ENT.<id>`: CC two upper-case ASCII letters (an ISO 3166 alpha-2 country code), <id> 1 to
/// 128 ASCII letters and digits. E.g. "US.13491208655302741918", "US.ENT.11815799212886844830".
constexpr bool is_user_id(std::string_view id) noexcept {
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto alnum = [&](char c) { return upper(c) || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (id.size() < 4 || !upper(id[0]) || !upper(id[1]) || id[2] != '.') return false;
  std::string_view rest = id.substr(3);
  if (rest.size() > 4 && rest.substr(0, 4) == "ENT.") rest.remove_prefix(4);
  if (rest.empty() || rest.size() > kMaxUserIdChars) return false;
  for (const char c : rest) {
    if (!alnum(c)) return false;
  }
  return true;
}

/// True when `id` is a parent BSUID (`CC.ENT.<id>`), shared by the businesses of one enterprise.
constexpr bool is_parent_user_id(std::string_view id) noexcept {
  return is_user_id(id) && id.size() > 7 && id.substr(2, 5) == ".ENT.";
}

/// The address of an outgoing message: exactly one of a phone number or a BSUID (or parent
/// BSUID). A std::string or a string literal converts to a phone number, so code written before
/// BSUIDs (`Message::text(to, ...)`) keeps its meaning; a BSUID is always named explicitly with
/// Recipient::user_id(). Nothing is checked here: validate(Message) does, before a send.
class Recipient {
 public:
  /// Which field of Meta's send body the id goes to.
  enum class Kind {
    kPhoneNumber,  ///< `to`: a phone number in international form, digits only (a webhook's wa_id).
    kUserId,       ///< `recipient`: a BSUID or a parent BSUID.
  };

  /// An empty phone number (validate() refuses it).
  Recipient() = default;
  /// A phone number, e.g. "15551234567" (implicit: the meaning `to` always had).
  Recipient(std::string phone_number)
      : id_(std::move(phone_number)) {}  // NOLINT(google-explicit-constructor)
  /// A phone number given as a literal.
  Recipient(const char* phone_number) : id_(phone_number != nullptr ? phone_number : "") {}  // NOLINT

  /// A phone number in international form, digits only ("15551234567").
  static Recipient phone_number(std::string number) { return Recipient(std::move(number)); }
  /// A business-scoped user id: a BSUID ("US.13491208655302741918") or a parent BSUID
  /// ("US.ENT.11815799212886844830"), exactly as a webhook gave it.
  static Recipient user_id(std::string bsuid) {
    Recipient r(std::move(bsuid));
    r.kind_ = Kind::kUserId;
    return r;
  }

  Kind kind() const noexcept { return kind_; }
  bool is_user_id() const noexcept { return kind_ == Kind::kUserId; }
  /// The phone number or the BSUID.
  const std::string& id() const noexcept { return id_; }
  bool empty() const noexcept { return id_.empty(); }
  /// Moves the id out (the Recipient is left empty).
  std::string take_id() noexcept { return std::move(id_); }

  friend bool operator==(const Recipient& a, const Recipient& b) noexcept {
    return a.kind_ == b.kind_ && a.id_ == b.id_;
  }
  friend bool operator!=(const Recipient& a, const Recipient& b) noexcept { return !(a == b); }

 private:
  std::string id_;
  Kind kind_ = Kind::kPhoneNumber;
};

}  // namespace whatsapp
