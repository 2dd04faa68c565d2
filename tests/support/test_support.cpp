// The one source of whatsapp_test_support, the library every test binary links: it carries the
// precompiled header (support/test_pch.hpp) that the test binaries reuse, and links the SDK
// compiled once for this project (WHATSAPP_PROJECT_SDK in the top-level CMakeLists.txt). The test
// files are built with WHATSAPP_SEPARATE_COMPILATION and see declarations only.

namespace whatsapp_test {
// A symbol, so that the library is not empty.
void test_support_anchor() {}
}  // namespace whatsapp_test
