# Compiles each public header on its own (-fsyntax-only): every header must include what it uses.
#   cmake -DCXX=<compiler> -DINCLUDE_DIR=<repo>/include -DEXTRA_FLAGS="..." [-DSHARD=i -DSHARDS=n]
#         [-DWITH_REDIS=ON: also whatsapp/redis/, which needs hiredis]
#         -P check_headers.cmake
# With SHARD and SHARDS, only every n-th header from the i-th (0-based) of the sorted list: the
# build runs n such tests side by side (tests/CMakeLists.txt), each a share of the headers.
file(GLOB_RECURSE all_headers RELATIVE "${INCLUDE_DIR}" "${INCLUDE_DIR}/whatsapp/*.hpp")
list(SORT all_headers)
if(NOT DEFINED SHARDS)
  set(SHARDS 1)
  set(SHARD 0)
endif()
set(headers "")
set(index 0)
foreach(h IN LISTS all_headers)
  if(h MATCHES "/detail/")
    continue()  # private helpers are checked through the public headers that use them
  endif()
  if(h MATCHES "^whatsapp/redis/" AND NOT WITH_REDIS)
    continue()  # whatsapp::redis needs hiredis, absent here
  endif()
  math(EXPR pick "${index} % ${SHARDS}")
  if(pick EQUAL SHARD)
    list(APPEND headers ${h})
  endif()
  math(EXPR index "${index} + 1")
endforeach()
separate_arguments(extra UNIX_COMMAND "${EXTRA_FLAGS}")
set(failed "")
foreach(h IN LISTS headers)
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
message(STATUS "all public headers compile on their own (${n} files of ${index}, shard ${SHARD} of ${SHARDS}, detail/ skipped)")
