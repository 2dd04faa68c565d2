# Every C++ file of the project is formatted as .clang-format says.
#   cmake -DCLANG_FORMAT=<binary> -DSOURCE_DIR=<repo> -P check_format.cmake
file(GLOB_RECURSE files RELATIVE "${SOURCE_DIR}"
  "${SOURCE_DIR}/include/*.hpp" "${SOURCE_DIR}/include/*.ipp" "${SOURCE_DIR}/tests/*.hpp" "${SOURCE_DIR}/tests/*.cpp"
  "${SOURCE_DIR}/examples/*.hpp" "${SOURCE_DIR}/examples/*.cpp")
list(FILTER files EXCLUDE REGEX "/corpus/")
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${files}
  WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "not formatted (run clang-format -i on these):\n${err}")
endif()
list(LENGTH files n)
message(STATUS "${n} files formatted as .clang-format says")
