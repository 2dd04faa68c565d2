# Compiles every C++ block of one Markdown page, so that no snippet users read can rot.
#   cmake -DCXX=<compiler> -DSOURCE_DIR=<repo> -DPAGE=<page, relative to SOURCE_DIR> -DWORK_DIR=<dir>
#         -DINCLUDE_DIRS="a|b" -P check_doc_snippets.cmake
# Each ```cpp block (also ```c++, ```cxx, ```cc) must directly follow a line
# "<!-- compiled: NAME -->" (invisible on the rendered page); a block without one fails the check.
# NAME is a context in snippets/NAME.cpp.in: what the fragment has at hand (a `client`, a
# `phone_id`, ...), with @SNIPPET@ where the block goes; `file` is a block that is a whole file.
# All blocks of the page become one translation unit, each block in its own namespace (`file`
# blocks at global scope, where main() is main()), and are checked with one -fsyntax-only run;
# a warning fails the check too (a snippet that ignores a [[nodiscard]] Result teaches that). #include lines are moved to the top of that file (in place
# they become empty lines) and #line directives make errors name the page and its line.
cmake_minimum_required(VERSION 3.16)
foreach(var CXX SOURCE_DIR PAGE WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_doc_snippets.cmake: -D${var}=... is required")
  endif()
endforeach()
set(contexts "${CMAKE_CURRENT_LIST_DIR}/snippets")
file(READ "${SOURCE_DIR}/${PAGE}" doc)
file(MAKE_DIRECTORY "${WORK_DIR}")
set(include_flags "-I${SOURCE_DIR}/include")
string(REPLACE "|" ";" INCLUDE_DIRS "${INCLUDE_DIRS}")
foreach(dir IN LISTS INCLUDE_DIRS)
  list(APPEND include_flags "-I${dir}")
endforeach()

set(include_regex "(^|\n)[ \t]*#[ \t]*include[^\n]*")
set(includes "")  # every #include line of the contexts and blocks, in order
set(body "")      # the blocks in their contexts, each in its namespace
set(unmarked "")
set(rest "${doc}")
set(consumed 0)  # offset of rest in doc
set(index 0)
while(TRUE)
  string(FIND "${rest}" "```" open)
  if(open EQUAL -1)
    break()
  endif()
  math(EXPR fence_at "${consumed} + ${open}")
  string(SUBSTRING "${doc}" 0 ${fence_at} before)
  math(EXPR info_at "${open} + 3")
  string(SUBSTRING "${rest}" ${info_at} -1 rest)
  string(FIND "${rest}" "\n" eol)
  if(eol EQUAL -1)
    message(FATAL_ERROR "${PAGE}: a ``` fence at the end of the page has no content")
  endif()
  string(SUBSTRING "${rest}" 0 ${eol} info)
  string(STRIP "${info}" info)
  string(TOLOWER "${info}" info)
  math(EXPR code_at "${eol} + 1")
  string(SUBSTRING "${rest}" ${code_at} -1 rest)
  string(FIND "${rest}" "```" close)
  if(close EQUAL -1)
    message(FATAL_ERROR "${PAGE}: a ``` fence is never closed")
  endif()
  string(SUBSTRING "${rest}" 0 ${close} code)
  string(REGEX REPLACE "\n[ \t]*$" "" code "${code}")  # the closing fence's line
  math(EXPR after_close "${close} + 3")
  string(SUBSTRING "${rest}" ${after_close} -1 rest)
  string(LENGTH "${doc}" doc_length)
  string(LENGTH "${rest}" rest_length)
  math(EXPR consumed "${doc_length} - ${rest_length}")
  if(NOT info MATCHES "^(cpp|c\\+\\+|cxx|cc)$")
    continue()
  endif()

  # The page line of the block's first code line: newlines before the fence, plus two.
  string(REGEX REPLACE "[^\n]" "" newlines "${before}")
  string(LENGTH "${newlines}" fence_line)
  math(EXPR first_line "${fence_line} + 2")
  math(EXPR fence_line "${fence_line} + 1")
  math(EXPR index "${index} + 1")
  if(NOT before MATCHES "<!-- compiled: ([A-Za-z0-9_]+) -->[ \t]*\n[ \t]*$")
    list(APPEND unmarked "${PAGE}:${fence_line}")
    continue()
  endif()
  set(name "${CMAKE_MATCH_1}")
  set(context_file "${contexts}/${name}.cpp.in")
  if(NOT EXISTS "${context_file}")
    message(FATAL_ERROR "${PAGE}:${fence_line}: no snippet context ${name} (tests/docs/snippets/${name}.cpp.in)")
  endif()
  file(READ "${context_file}" template)
  string(FIND "${template}" "@SNIPPET@\n" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "tests/docs/snippets/${name}.cpp.in has no line @SNIPPET@")
  endif()
  string(SUBSTRING "${template}" 0 ${at} head)
  math(EXPR tail_at "${at} + 10")
  string(SUBSTRING "${template}" ${tail_at} -1 tail)
  string(REGEX REPLACE "[^\n]" "" newlines "${head}")
  string(LENGTH "${newlines}" tail_line)
  math(EXPR tail_line "${tail_line} + 2")

  foreach(part head code tail)
    string(REGEX MATCHALL "${include_regex}" found "${${part}}")
    foreach(line IN LISTS found)
      string(STRIP "${line}" line)
      list(APPEND includes "${line}")
    endforeach()
    string(REGEX REPLACE "${include_regex}" "\\1" ${part} "${${part}}")
  endforeach()
  set(open_scope "namespace doc_block_${index} {\n")
  set(close_scope "}  // namespace doc_block_${index}\n\n")
  if(name STREQUAL "file")
    set(open_scope "")
    set(close_scope "\n")
  endif()
  string(APPEND body "${open_scope}#line 1 \"tests/docs/snippets/${name}.cpp.in\"\n${head}"
                     "#line ${first_line} \"${PAGE}\"\n${code}\n"
                     "#line ${tail_line} \"tests/docs/snippets/${name}.cpp.in\"\n${tail}${close_scope}")
endwhile()

if(unmarked)
  string(REPLACE ";" "\n  " unmarked "${unmarked}")
  message(FATAL_ERROR "${PAGE}: C++ blocks without a '<!-- compiled: NAME -->' line before them "
                      "(NAME: a context in tests/docs/snippets/):\n  ${unmarked}")
endif()
if(index EQUAL 0)
  message(STATUS "${PAGE}: no C++ blocks")
  return()
endif()

list(REMOVE_DUPLICATES includes)
string(REPLACE ";" "\n" includes "${includes}")
string(MAKE_C_IDENTIFIER "${PAGE}" stem)
set(source "${WORK_DIR}/${stem}.cpp")
file(WRITE "${source}"
  "// The C++ blocks of ${PAGE}, generated by tests/docs/check_doc_snippets.cmake.\n${includes}\n\n${body}")
# With WHATSAPP_SEPARATE_COMPILATION the SDK's headers give declarations only: the snippets are
# checked against the whole API in about half the time of the header-only parse, whose
# definitions the header checks and the test binaries compile anyway.
execute_process(COMMAND ${CXX} -std=c++17 -fsyntax-only -DWHATSAPP_SEPARATE_COMPILATION ${include_flags} "${source}"
                WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PAGE}: C++ blocks that do not compile (all blocks: ${source}):\n${out}${err}")
endif()
if(NOT err STREQUAL "")
  message(FATAL_ERROR "${PAGE}: C++ blocks compile with warnings (all blocks: ${source}):\n${err}")
endif()
message(STATUS "${PAGE}: all ${index} C++ blocks compile")
