# cpp-httplib as Debian ships it (libcpp-httplib-dev: a header plus a shared library, found
# through pkg-config). Used only by the emulator, tests and examples, never by the library.
if(NOT TARGET whatsapp_httplib)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(WHATSAPP_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
  add_library(whatsapp_httplib INTERFACE)
  target_link_libraries(whatsapp_httplib INTERFACE PkgConfig::WHATSAPP_HTTPLIB Threads::Threads)
endif()
