// libFuzzer target for the built-in webhook server's request parsing: the head parser, the
// body framing rules, the query decoding and the incremental chunked decoder.
//
// The input is parsed as a head (up to the first blank line) and the rest is decoded as a
// chunked body. Invariants checked (a violation aborts): the decoded body never passes the
// limit; feeding the body in pieces of any size gives the same status, body and consumed
// count as feeding it at once; a parsed head only holds what the grammar allows.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "whatsapp/webhook/detail/chunked.hpp"
#include "whatsapp/webhook/detail/http_head.hpp"

namespace {

namespace d = whatsapp::detail;

void check(bool ok) {
  if (!ok) std::abort();
}

struct Decoded {
  d::WebhookChunkedDecoder::Status status = d::WebhookChunkedDecoder::Status::kNeedMore;
  std::string body;
  std::size_t consumed = 0;
};

// Feeds `in` in pieces of `step` bytes (0: all at once), as the server does: bytes not consumed
// stay in front of the next piece.
Decoded decode(std::string_view in, std::size_t step, std::size_t limit) {
  d::WebhookChunkedDecoder dec(limit);
  Decoded r;
  std::string pending;
  std::size_t fed = 0;
  while (fed < in.size()) {
    const std::size_t n = step == 0 ? in.size() - fed : std::min(step, in.size() - fed);
    pending.append(in.data() + fed, n);
    fed += n;
    std::size_t used = 0;
    r.status = dec.feed(pending, used, r.body);
    check(used <= pending.size());
    check(r.body.size() <= limit);
    r.consumed += used;
    pending.erase(0, used);
    if (r.status != d::WebhookChunkedDecoder::Status::kNeedMore) break;
  }
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  // The head.
  const std::size_t end = d::webhook_find_head_end(input);
  const std::string_view head_text = end == std::string_view::npos ? input : input.substr(0, end);
  d::HttpRequestHead head;
  const auto parsed = d::webhook_parse_head(head_text, head, 16);
  if (parsed.ok()) {
    check(end != std::string_view::npos);
    check(!head.method.empty() && !head.target.empty() && head.headers.size() <= 16);
    check(head.minor_version == 0 || head.minor_version == 1);
    for (const auto& h : head.headers) {
      check(!h.name.empty() && h.name.find(':') == std::string::npos);
      check(h.value.find('\r') == std::string::npos && h.value.find('\n') == std::string::npos);
    }
    const auto framing = d::webhook_body_framing(head);
    check(framing.status == 0 || framing.status == 400 || framing.status == 501);
    (void)d::webhook_query_value(head.target, "hub.challenge");
    (void)d::webhook_target_path(head.target);
  } else {
    check(parsed.status == 400 || parsed.status == 431 || parsed.status == 505);
  }

  // The body, chunked, with a limit from the first byte.
  const std::string_view body = end == std::string_view::npos ? input : input.substr(end);
  const std::size_t limit = size == 0 ? 0 : data[0] * 4u;
  const Decoded whole = decode(body, 0, limit);
  for (std::size_t step : {std::size_t{1}, std::size_t{7}}) {
    const Decoded pieces = decode(body, step, limit);
    check(pieces.status == whole.status);
    if (whole.status != d::WebhookChunkedDecoder::Status::kBad &&
        whole.status != d::WebhookChunkedDecoder::Status::kTooLarge) {
      check(pieces.body == whole.body && pieces.consumed == whole.consumed);
    }
  }
  return 0;
}
