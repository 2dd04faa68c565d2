// libFuzzer target for the webhook receiving side: parse(), parse_change(), events(), the
// Dispatcher with a DuplicateFilter, verify_signature()/sign() and answer_challenge().
//
// The whole input is parsed as a body. It is also split at the first '\n' into a header value
// and a body for the signature check, and at '&' for the handshake values.
// Invariants checked (a violation aborts): a body signed with sign() always verifies; it never
// verifies with another secret or when the body changes; no call throws.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "whatsapp/webhook/webhook.hpp"

namespace {

namespace wh = whatsapp::webhook;

void check(bool ok) {
  if (!ok) std::abort();
}

void touch(const wh::Message& m) {
  (void)m.kind();
  (void)m.timestamp.seconds();
  (void)m.timestamp.time_point();
  (void)m.forwarded();
  (void)m.media();
  if (m.interactive) {
    (void)m.interactive->kind();
    if (m.interactive->nfm_reply) (void)m.interactive->nfm_reply->flow_token();
  }
  if (m.reaction) (void)m.reaction->removed();
  for (const auto& e : m.errors) {
    (void)e.category();
    (void)e.to_graph_error();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  // Parsing, the flat events and dispatching.
  auto parsed = wh::parse(input, wh::ParseOptions{64 * 1024, 64});
  if (parsed) {
    static auto filter = std::make_shared<wh::DuplicateFilter>(256);
    wh::Dispatcher dispatcher(filter);
    dispatcher.on_message([](const wh::Event& e, const wh::Message& m) {
      touch(m);
      (void)e.dedup_key();
    });
    dispatcher.on_status([](const wh::Event&, const wh::Status& s) {
      (void)s.kind();
      if (s.pricing) (void)s.pricing->model();
      if (s.conversation && s.conversation->expiration_timestamp) {
        (void)s.conversation->expiration_timestamp->time_point();
      }
    });
    dispatcher.on_group([](const wh::Event& e, const wh::GroupUpdate& g) {
      (void)e.dedup_key();
      (void)g.kind();
      (void)g.failed();
      (void)g.timestamp.time_point();
      for (const auto& p : g.added_participants) (void)p.id();
      for (const auto& p : g.failed_participants) (void)p.id();
    });
    dispatcher.on_unknown([](const wh::Event& e) { (void)e.dedup_key(); });
    auto report = dispatcher.dispatch(*parsed);
    check(report.ok());
    for (const auto& entry : parsed->entries) {
      for (const auto& change : entry.changes) {
        auto again = wh::parse_change(change.value, change.field);
        check(!change.value.is_object() || again.ok());
      }
    }
  } else {
    check(parsed.error().kind() == whatsapp::ErrorKind::kParse);
  }

  // The signature: "header\nbody".
  const std::size_t nl = input.find('\n');
  const std::string_view header = nl == std::string_view::npos ? input : input.substr(0, nl);
  const std::string_view body = nl == std::string_view::npos ? std::string_view() : input.substr(nl + 1);
  (void)wh::verify_signature(body, header, "fuzz_secret");
  (void)wh::verify_signature(body, header, "");
  const std::string good = wh::sign(body, "fuzz_secret");
  check(wh::verify_signature(body, good, "fuzz_secret").ok());
  check(wh::verify_signature(body, good, "other_secret").status == wh::SignatureStatus::kMismatch);
  check(!wh::verify_signature(std::string(body) + "x", good, "fuzz_secret").ok());

  // The handshake: "mode&token&challenge".
  const std::size_t a = input.find('&');
  const std::size_t b = a == std::string_view::npos ? a : input.find('&', a + 1);
  if (b != std::string_view::npos) {
    auto mode = input.substr(0, a);
    auto token = input.substr(a + 1, b - a - 1);
    auto challenge = input.substr(b + 1);
    auto answer = wh::answer_challenge(mode, token, challenge, "fuzz_token");
    check(answer.accepted() == (mode == "subscribe" && token == "fuzz_token" && !challenge.empty()));
    check(!answer.accepted() || answer.body == challenge);
  }
  return 0;
}
