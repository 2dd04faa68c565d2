// The SDK's functions (whatsapp/instantiate.hpp), compiled once for every test file: the test
// binaries are built with WHATSAPP_SEPARATE_COMPILATION, so the other files see declarations
// only. The examples, the fuzzers and the consumer project use the header-only default.

#include "whatsapp/instantiate.hpp"
