# What the project builds besides the library, and what each part needs beyond the library's own
# dependencies (docs/design.md, "Optional parts: AUTO, ON, OFF"):
#   emulator    cpp-httplib
#   tests       GoogleTest, cpp-httplib and libcurl (and the emulator, built with them)
#   examples    libcurl
#   benchmarks  cpp-httplib and libcurl
# (libcurl is a dependency of whatsapp::whatsapp, optional for the library: without it only
# whatsapp::webhook exists, see whatsapp_dependencies.cmake.)
# Each WHATSAPP_BUILD_<PART> is AUTO, ON or OFF. AUTO (the default at the top level for the
# tests, the examples and the emulator) builds the part when what it needs is installed and
# otherwise says with a STATUS message what to install. ON makes a missing dependency a configure
# error, so that a CI that asks for the tests can never skip them without noticing. OFF skips.
# After this file each WHATSAPP_BUILD_<PART> is also a normal variable holding ON or OFF, what
# is really built, which the rest of the build reads.

# whatsapp_part_option(<var> <default> <doc>): the AUTO/ON/OFF cache entry.
function(whatsapp_part_option var default doc)
  set(${var} ${default} CACHE STRING "${doc} (AUTO, ON or OFF)")
  set_property(CACHE ${var} PROPERTY STRINGS AUTO ON OFF)
endfunction()

# whatsapp_resolve_part(<var> <what> <missing...>): sets <var> in the caller to ON or OFF.
function(whatsapp_resolve_part var what)
  set(missing ${ARGN})
  string(TOUPPER "${${var}}" mode)
  if(NOT mode STREQUAL "AUTO")
    if(${var})
      set(mode ON)
    else()
      set(mode OFF)
    endif()
  endif()
  if(mode STREQUAL "OFF")
    set(${var} OFF PARENT_SCOPE)
    return()
  endif()
  if(NOT missing)
    set(${var} ON PARENT_SCOPE)
    return()
  endif()
  list(JOIN missing ", " missing_text)
  if(mode STREQUAL "ON")
    message(FATAL_ERROR "whatsapp: ${var}=ON, but building the ${what} needs what is not "
                        "installed: ${missing_text}. Install it, or configure with -D${var}=OFF "
                        "(or AUTO: build the ${what} only when what they need is installed).")
  endif()
  message(STATUS "whatsapp: not building the ${what}: missing ${missing_text} "
                 "(${var}=AUTO: install what is missing, or set -D${var}=OFF to silence this)")
  set(${var} OFF PARENT_SCOPE)
endfunction()

if(WHATSAPP_IS_TOP_LEVEL)
  set(_wa_part_default AUTO)
else()
  set(_wa_part_default OFF)
endif()
whatsapp_part_option(WHATSAPP_BUILD_TESTS ${_wa_part_default} "Build the tests")
whatsapp_part_option(WHATSAPP_BUILD_EXAMPLES ${_wa_part_default} "Build the examples")
whatsapp_part_option(WHATSAPP_BUILD_EMULATOR ${_wa_part_default}
                     "Build (and install) the LowCodeAPI + WhatsApp emulator")
whatsapp_part_option(WHATSAPP_BUILD_BENCHMARKS OFF "Build the benchmarks")

# Look only for what a part that is not OFF needs.
set(_wa_need_httplib OFF)
foreach(_wa_part IN ITEMS TESTS EMULATOR BENCHMARKS)
  if(WHATSAPP_BUILD_${_wa_part})  # ON or AUTO
    set(_wa_need_httplib ON)
  endif()
endforeach()
set(_wa_no_httplib "")
if(_wa_need_httplib)
  include(${CMAKE_CURRENT_LIST_DIR}/whatsapp_httplib.cmake)
  if(NOT WHATSAPP_HTTPLIB_FOUND)
    set(_wa_no_httplib "cpp-httplib (Debian/Ubuntu: apt-get install libcpp-httplib-dev)")
  endif()
endif()
set(_wa_no_gtest "")
if(WHATSAPP_BUILD_TESTS)  # AUTO is true here too
  find_package(GTest QUIET)
  if(NOT GTest_FOUND)
    set(_wa_no_gtest "GoogleTest (Debian/Ubuntu: apt-get install libgtest-dev libgmock-dev)")
  endif()
endif()

set(_wa_no_curl "")
if(NOT WHATSAPP_HAVE_CURL)
  set(_wa_no_curl "libcurl (Debian/Ubuntu: apt-get install libcurl4-openssl-dev)")
endif()

whatsapp_resolve_part(WHATSAPP_BUILD_TESTS "tests" ${_wa_no_gtest} ${_wa_no_httplib} ${_wa_no_curl})
whatsapp_resolve_part(WHATSAPP_BUILD_EMULATOR "emulator" ${_wa_no_httplib})
whatsapp_resolve_part(WHATSAPP_BUILD_EXAMPLES "examples" ${_wa_no_curl})
whatsapp_resolve_part(WHATSAPP_BUILD_BENCHMARKS "benchmarks" ${_wa_no_httplib} ${_wa_no_curl})
