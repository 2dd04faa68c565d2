#pragma once

// The answer to a send read without a JSON tree. Every successful send answers with the same
// small object; building an nlohmann DOM for it cost more CPU than the rest of the SDK's work on
// a send together (docs/performance.md). This reader accepts exactly that shape and nothing
// else; for any other answer it returns nullopt and the caller takes the general path
// (unwrap_envelope + decode_send_result), which gives the same SendResult or the typed error.

#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_plain.hpp"
#include "whatsapp/model/send_result.hpp"
#include "whatsapp/transport/http.hpp"

namespace whatsapp::detail {

/// A strict reader of the subset of JSON a send answer uses: objects, arrays of objects and
/// plain ASCII strings. Anything outside it (escapes, non-ASCII bytes, numbers, literals,
/// unknown keys, repeated keys) makes the whole read give up.
class SendAnswerScanner {
 public:
  explicit SendAnswerScanner(std::string_view text) noexcept : s_(text) {}

  /// Reads `{"data"|"result": <payload>}` (or, not `enveloped`, Meta's own answer: the payload
  /// alone) and nothing after it but whitespace into `out`, except SendResult::raw_json;
  /// `payload_text` is where the payload's text is. The SendResult is made in `out` (the
  /// reader's own optional), not moved there. False, with `out` empty, for any other answer.
  bool read(std::string_view& payload_text, bool enveloped, std::optional<SendResult>& out) {
    enveloped_ = enveloped;
    if (read_compact(payload_text, out)) return true;
    pos_ = 0;
    return read_general(payload_text, out);
  }

 private:
  bool read_general(std::string_view& payload_text, std::optional<SendResult>& out) {
    SendResult r;
    std::string_view key;
    if (enveloped_ && (!take('{') || !string(key) || (key != "data" && key != "result") || !take(':'))) {
      return false;
    }
    const std::size_t payload_begin = skip_ws();
    if (!payload(r)) return false;
    const std::size_t payload_end = pos_;
    if ((enveloped_ && !take('}')) || skip_ws() != s_.size()) return false;
    if (r.messages.empty()) return false;
    payload_text = s_.substr(payload_begin, payload_end - payload_begin);
    out.emplace(std::move(r));
    return true;
  }

  // The answer as Meta and LowCodeAPI write it: no whitespace, Meta's key order, one contact
  // and one message. Checked piece by piece against that text, which costs a third of the
  // general reader; anything else gives false and read() takes the general way.
  bool read_compact(std::string_view& payload_text, std::optional<SendResult>& out) {
    if (enveloped_ && !literal(R"({"data":)") && !literal(R"({"result":)")) return false;
    const std::size_t payload_begin = pos_;
    SendResult& r = out.emplace();  // made in place in the caller's optional, read into
    SendContact& c = r.contacts.emplace_back();
    SentMessage& m = r.messages.emplace_back();
    std::string_view status;
    // A send to a phone number: "input","wa_id"; to a BSUID: "input","user_id", or both ids.
    const auto ids = [&] {
      bool any = false;
      if (literal(R"(","wa_id":")")) {
        if (!plain(c.wa_id)) return false;
        any = true;
      }
      if (literal(R"(","user_id":")")) {
        std::string_view user;
        if (!plain(user)) return false;
        c.user_id.emplace(user);
        any = true;
      }
      return any;
    };
    if (!literal(R"({"messaging_product":")") || !plain(r.messaging_product) ||
        !literal(R"(","contacts":[{"input":")") || !plain(c.input) || !ids() ||
        !literal(R"("}],"messages":[{"id":")") || !plain(m.id) || m.id.empty() ||
        (literal(R"(","message_status":")") && !plain(status)) || !literal(R"("}]})")) {
      out.reset();
      return false;
    }
    const std::size_t payload_end = pos_;
    if ((enveloped_ && !literal("}")) || skip_ws() != s_.size()) {
      out.reset();
      return false;
    }
    if (!status.empty()) m.message_status = std::string(status);
    payload_text = s_.substr(payload_begin, payload_end - payload_begin);
    return true;
  }

  // Takes `text` (a literal) when the input goes on with it.
  template <std::size_t N>
  bool literal(const char (&text)[N]) noexcept {
    constexpr std::size_t n = N - 1;
    if (s_.size() - pos_ < n || std::memcmp(s_.data() + pos_, text, n) != 0) return false;
    pos_ += n;
    return true;
  }

  // The plain ASCII up to the next '"' (not taken), which must follow it.
  bool plain(std::string_view& out) noexcept {
    const std::size_t end = skip_json_plain(s_, pos_);
    if (end >= s_.size() || s_[end] != '"') return false;
    out = s_.substr(pos_, end - pos_);
    pos_ = end;
    return true;
  }

  bool plain(std::string& out) {
    std::string_view v;
    if (!plain(v)) return false;
    out.assign(v.data(), v.size());
    return true;
  }

  std::size_t skip_ws() noexcept {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t')) {
      ++pos_;
    }
    return pos_;
  }

  bool take(char c) noexcept {
    skip_ws();
    if (pos_ >= s_.size() || s_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  // A string of printable ASCII without escapes, into `out` (a view of the text, or a copy); plain() reads
  // it.
  template <class Out>
  bool string(Out& out) {
    if (!take('"') || !plain(out)) return false;  // an escape, a control or non-ASCII byte
    ++pos_;
    return true;
  }

  // Calls `member(key)` for each member of an object; each key at most once (bit in `seen`).
  template <class Member>
  bool object(Member member) {
    if (!take('{')) return false;
    if (take('}')) return true;
    unsigned seen = 0;
    do {
      std::string_view key;
      if (!string(key) || !take(':')) return false;
      const unsigned bit = member(key);
      if (bit == 0 || (seen & bit) != 0) return false;
      seen |= bit;
    } while (take(','));
    return take('}');
  }

  // Calls `element()` for each element of an array.
  template <class Element>
  bool array(Element element) {
    if (!take('[')) return false;
    if (take(']')) return true;
    do {
      if (!element()) return false;
    } while (take(','));
    return take(']');
  }

  bool payload(SendResult& r) {
    return object([&](std::string_view key) -> unsigned {
      if (key == "messaging_product") return string(r.messaging_product) ? 1U : 0U;
      if (key == "contacts") return array([&] { return contact(r); }) ? 2U : 0U;
      if (key == "messages") return array([&] { return message(r); }) ? 4U : 0U;
      return 0U;
    });
  }

  bool contact(SendResult& r) {
    SendContact c;
    if (!object([&](std::string_view key) -> unsigned {
          if (key == "input") return string(c.input) ? 1U : 0U;
          if (key == "wa_id") return string(c.wa_id) ? 2U : 0U;
          if (key == "user_id") return string(c.user_id.emplace()) ? 4U : 0U;
          return 0U;
        })) {
      return false;
    }
    r.contacts.push_back(std::move(c));
    return true;
  }

  bool message(SendResult& r) {
    SentMessage m;
    std::string_view status;
    if (!object([&](std::string_view key) -> unsigned {
          if (key == "id") return string(m.id) ? 1U : 0U;
          if (key == "message_status") return string(status) ? 2U : 0U;
          return 0U;
        })) {
      return false;
    }
    if (m.id.empty()) return false;  // the general path reports it
    if (!status.empty()) m.message_status = std::string(status);
    r.messages.push_back(std::move(m));
    return true;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  bool enveloped_ = true;
};

/// The SendResult of a successful send answer of the usual shape, or nullopt (see above).
/// `enveloped`: LowCodeAPI's answer (`{"data": ...}`); false: Meta's own (Backend::kGraph).
WHATSAPP_DECL std::optional<SendResult> read_send_answer(const HttpResponse& resp, bool enveloped = true);

/// read_send_answer() that moves `resp.body` into raw_json (and cuts it to the payload) instead
/// of copying the payload, and reads into `out` (a send's reader; its SendResult is made there);
/// false, with `out` empty and `resp` untouched, when the answer is not of the usual shape.
WHATSAPP_DECL bool take_send_answer(HttpResponse& resp, bool enveloped, std::optional<SendResult>& out);

/// take_send_answer() returning the SendResult, or nullopt.
inline std::optional<SendResult> take_send_answer(HttpResponse& resp, bool enveloped = true) {
  std::optional<SendResult> out;
  take_send_answer(resp, enveloped, out);
  return out;
}

}  // namespace whatsapp::detail

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/protocol/detail/impl/send_answer.ipp"
#endif
