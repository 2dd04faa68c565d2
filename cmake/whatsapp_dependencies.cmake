# The library's own dependencies: the same calls are made by the installed package config.
# whatsapp::webhook (receiving webhooks) needs nlohmann/json and OpenSSL's libcrypto;
# whatsapp::whatsapp (everything) needs libcurl and threads as well. Without libcurl only
# whatsapp::webhook is defined and installed, and the parts that need the client (tests,
# examples, benchmarks) are skipped as cmake/whatsapp_parts.cmake says (docs/design.md,
# "Packaging: whatsapp::whatsapp and whatsapp::webhook").
find_package(nlohmann_json 3.10 REQUIRED)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
find_package(CURL)
set(WHATSAPP_HAVE_CURL ${CURL_FOUND})
if(WHATSAPP_HAVE_CURL)
  find_package(Threads REQUIRED)
else()
  message(STATUS "whatsapp: libcurl not found: only whatsapp::webhook (receiving webhooks) is "
                 "defined and installed. For whatsapp::whatsapp (the client) install libcurl "
                 "(Debian/Ubuntu: apt-get install libcurl4-openssl-dev) and configure again.")
endif()
