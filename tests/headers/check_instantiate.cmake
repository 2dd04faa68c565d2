# Every definition file (include/whatsapp/**/*.ipp) is included by whatsapp/instantiate.hpp, the
# one file that compiles the SDK with WHATSAPP_SEPARATE_COMPILATION (WHATSAPP_BUILD_LIBRARY): a
# new .ipp left out would build header-only and fail to link only for users of the library.
#   cmake -DINCLUDE_DIR=<repo>/include -P check_instantiate.cmake
file(READ "${INCLUDE_DIR}/whatsapp/instantiate.hpp" _instantiate)
file(GLOB_RECURSE _ipps RELATIVE "${INCLUDE_DIR}" "${INCLUDE_DIR}/whatsapp/*.ipp")
set(_missing "")
foreach(_ipp IN LISTS _ipps)
  string(FIND "${_instantiate}" "#include \"${_ipp}\"" _at)
  if(_at EQUAL -1)
    list(APPEND _missing "${_ipp}")
  endif()
endforeach()
if(_missing)
  string(REPLACE ";" "\n  " _missing "${_missing}")
  message(FATAL_ERROR "whatsapp/instantiate.hpp does not include:\n  ${_missing}")
endif()
list(LENGTH _ipps _n)
message(STATUS "instantiate.hpp includes all ${_n} definition files")
