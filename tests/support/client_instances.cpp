// The SDK's functions and the client over CurlTransport (whatsapp/instantiate.hpp) and over
// FakeTransport, compiled once for every test file: the test binaries are built with
// WHATSAPP_SEPARATE_COMPILATION, so the other files see declarations only. The examples, the
// fuzzers and the consumer project use the header-only default.

#include "whatsapp/instantiate.hpp"
#include "whatsapp/transport/fake.hpp"

WHATSAPP_INSTANTIATE_CLIENT(::whatsapp::transport::FakeTransport)
