// libFuzzer target: unwrap_envelope() on arbitrary bodies and statuses, then decoding the payload
// as a SendResult and a PhoneNumber. Nothing may crash, throw or leak; every error is typed.
// Whatever the send answer's scanner (protocol/detail/send_answer.hpp) accepts, the general path must
// read to the same SendResult, and taking the body (take_send_answer, what a send does) must
// give the same raw_json as copying it; what it declines it must leave untouched.
// Input: byte 0 picks the HTTP status, the rest is the body.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/model/phone_number.hpp"
#include "whatsapp/model/send_result.hpp"
#include "whatsapp/protocol/detail/send_answer.hpp"
#include "whatsapp/protocol/envelope.hpp"

namespace {

void check(const whatsapp::Error& e) {
  if (e.message().empty()) std::abort();
  (void)e.to_string();
  (void)e.category();
  (void)e.is_transient();
}

// The scanner accepted the body: the general path must give the same answer.
void check_same(const whatsapp::SendResult& fast, const whatsapp::Result<nlohmann::json>& payload) {
  if (!payload) std::abort();
  auto general = whatsapp::detail::decode_send_result(*payload);
  if (!general || general->messaging_product != fast.messaging_product ||
      general->contacts.size() != fast.contacts.size() || general->messages.size() != fast.messages.size() ||
      general->raw() != fast.raw()) {
    std::abort();
  }
  for (std::size_t i = 0; i < fast.contacts.size(); ++i) {
    if (general->contacts[i].input != fast.contacts[i].input ||
        general->contacts[i].wa_id != fast.contacts[i].wa_id ||
        general->contacts[i].user_id != fast.contacts[i].user_id)
      std::abort();
  }
  for (std::size_t i = 0; i < fast.messages.size(); ++i) {
    if (general->messages[i].id != fast.messages[i].id ||
        general->messages[i].message_status != fast.messages[i].message_status)
      std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  static constexpr int kStatuses[] = {200, 201, 204, 400, 401, 403, 404, 429, 500, 502, 503, 0};
  whatsapp::HttpResponse resp;
  resp.status = kStatuses[data[0] % (sizeof kStatuses / sizeof kStatuses[0])];
  resp.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto fast = whatsapp::detail::read_send_answer(resp);
  {
    whatsapp::HttpResponse mine = resp;
    const auto taken = whatsapp::detail::take_send_answer(mine);
    if (taken.has_value() != fast.has_value()) std::abort();
    if (taken && taken->raw_json != fast->raw_json) std::abort();
    if (!taken && mine.body != resp.body) std::abort();
  }
  auto payload = whatsapp::unwrap_envelope(resp);
  if (fast) check_same(*fast, payload);
  if (!payload) {
    check(payload.error());
    const auto k = payload.error().kind();
    if (k != whatsapp::ErrorKind::kApi && k != whatsapp::ErrorKind::kHttp &&
        k != whatsapp::ErrorKind::kParse) {
      std::abort();
    }
    return 0;
  }
  if (resp.status < 200 || resp.status >= 300) std::abort();  // errors never unwrap as payloads
  auto sent = whatsapp::detail::decode<whatsapp::SendResult>(*payload, "send response");
  if (sent) {
    if (sent->messages.empty()) std::abort();  // from_json requires one message
    (void)sent->message_id();
  } else {
    check(sent.error());
  }
  auto phone = whatsapp::detail::decode<whatsapp::PhoneNumber>(*payload, "phone number");
  if (!phone) check(phone.error());
  return 0;
}
