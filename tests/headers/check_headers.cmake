# Compiles each public header on its own (-fsyntax-only): every header must include what it uses.
#   cmake -DCXX=<compiler> -DINCLUDE_DIR=<repo>/include -DEXTRA_FLAGS="..." -P check_headers.cmake
file(GLOB_RECURSE headers RELATIVE "${INCLUDE_DIR}" "${INCLUDE_DIR}/whatsapp/*.hpp")
list(SORT headers)
separate_arguments(extra UNIX_COMMAND "${EXTRA_FLAGS}")
set(failed "")
foreach(h IN LISTS headers)
  if(h MATCHES "/detail/")
    continue()  # private helpers are checked through the public headers that use them
  endif()
  set(mode "")
  if(h STREQUAL "whatsapp/instantiate.hpp")
    set(mode -DWHATSAPP_SEPARATE_COMPILATION)  # it refuses the header-only default
  endif()
  execute_process(
    COMMAND ${CXX} -std=c++17 -fsyntax-only -Wall -Wextra -Werror -I${INCLUDE_DIR} ${extra} ${mode}
            -x c++ -include ${h} /dev/null
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    list(APPEND failed ${h})
    message("${h} does not compile on its own:\n${err}")
  endif()
endforeach()
list(LENGTH headers n)
if(failed)
  message(FATAL_ERROR "headers that do not compile on their own: ${failed}")
endif()
message(STATUS "all public headers compile on their own (${n} files, detail/ skipped)")
