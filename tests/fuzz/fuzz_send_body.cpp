// libFuzzer target: the send body writers. Whatever message the input builds (any content type
// and interactive action, any strings, JSON trees of the caller's, with or without
// recipient_type, context and biz_opaque_callback_data), the SDK's writer
// (protocol/detail/send_body.hpp) and nlohmann's (nlohmann::json(message).dump()) must write the
// same bytes, and the result must be JSON. The builder is shared with the unit
// test tests/unit/send_body_differential_test.cpp.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "../support/message_from_bytes.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Each input twice: as it is, and with every string made valid UTF-8 (one invalid string in a
  // message takes every string of it through replacement).
  for (const bool valid_utf8 : {false, true}) {
    const whatsapp::Message m = whatsapp_test::message_from_bytes(data, size, valid_utf8);
    const std::string diff = whatsapp_test::compare_body_writers(m);
    if (!diff.empty()) {
      std::fprintf(stderr, "%s\n", diff.c_str());
      std::abort();
    }
  }
  return 0;
}
