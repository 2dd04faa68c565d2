# cpp-httplib, used only by the emulator, the tests and a benchmark, never by the library.
# Looked for as upstream installs it (find_package(httplib): httplibConfig.cmake, target
# httplib::httplib), then as Debian ships it (libcpp-httplib-dev: a header plus a shared library,
# found through pkg-config). Sets WHATSAPP_HTTPLIB_FOUND and, when found, the interface target
# whatsapp_httplib and WHATSAPP_HTTPLIB_INCLUDE_DIRS. Never fails: the top-level CMakeLists.txt
# decides what a missing cpp-httplib means. -DCMAKE_DISABLE_FIND_PACKAGE_httplib=ON hides it
# from both lookups (how the test of a machine without it is made).
if(TARGET whatsapp_httplib)
  set(WHATSAPP_HTTPLIB_FOUND TRUE)
  return()
endif()
set(WHATSAPP_HTTPLIB_FOUND FALSE)
find_package(Threads REQUIRED)
find_package(httplib CONFIG QUIET)
if(httplib_FOUND AND TARGET httplib::httplib)
  add_library(whatsapp_httplib INTERFACE)
  target_link_libraries(whatsapp_httplib INTERFACE httplib::httplib Threads::Threads)
  get_target_property(WHATSAPP_HTTPLIB_INCLUDE_DIRS httplib::httplib INTERFACE_INCLUDE_DIRECTORIES)
  set(WHATSAPP_HTTPLIB_FOUND TRUE)
elseif(NOT CMAKE_DISABLE_FIND_PACKAGE_httplib)
  find_package(PkgConfig QUIET)
  if(PKG_CONFIG_FOUND)
    pkg_check_modules(WHATSAPP_HTTPLIB QUIET IMPORTED_TARGET cpp-httplib)
  endif()
  if(WHATSAPP_HTTPLIB_FOUND)
    add_library(whatsapp_httplib INTERFACE)
    target_link_libraries(whatsapp_httplib INTERFACE PkgConfig::WHATSAPP_HTTPLIB Threads::Threads)
  endif()
endif()
