// The client over FakeTransport and CurlTransport, compiled once for every test file
// (test_pch.hpp declares them extern).

#include "whatsapp/extern_templates.hpp"
#include "whatsapp/transport/curl.hpp"
#include "whatsapp/transport/fake.hpp"

WHATSAPP_INSTANTIATE_CLIENT(::whatsapp::transport::FakeTransport)
WHATSAPP_INSTANTIATE_CLIENT(::whatsapp::transport::CurlTransport)
