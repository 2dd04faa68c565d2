# The README's first code block must be the [send_text] section of examples/send_text.cpp, so
# that the example users read is one that compiles and runs in CI.
#   cmake -DSOURCE_DIR=<repo> -P check_readme_example.cmake
file(READ "${SOURCE_DIR}/examples/send_text.cpp" example)
file(READ "${SOURCE_DIR}/README.md" readme)
string(REGEX MATCH "// \\[send_text\\]\n(.*)\n[ ]*// \\[send_text\\]" _ "${example}")
set(section "${CMAKE_MATCH_1}")
if(section STREQUAL "")
  message(FATAL_ERROR "examples/send_text.cpp has no // [send_text] section")
endif()
string(REGEX REPLACE "(^|\n)  " "\\1" section "${section}")  # the example is indented once
string(FIND "${readme}" "```cpp\n${section}\n```" at)
if(at EQUAL -1)
  message(FATAL_ERROR "README.md does not show the [send_text] section of examples/send_text.cpp:\n${section}")
endif()
message(STATUS "README example matches examples/send_text.cpp")
