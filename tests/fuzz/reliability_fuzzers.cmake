# libFuzzer targets of the reliability work: fuzz_envelope, fuzz_url, fuzz_retry_after.
# Built when WHATSAPP_BUILD_FUZZERS is ON and the compiler takes -fsanitize=fuzzer (clang with
# compiler-rt's libFuzzer; on Debian: apt-get install libclang-rt-14-dev). Configure with
# CXX=clang++. Each target is one ctest that runs it for 15 s on a fresh copy of its seed corpus.
include(CheckCXXSourceCompiles)
set(_wa_saved_required_flags "${CMAKE_REQUIRED_FLAGS}")
set(CMAKE_REQUIRED_FLAGS "-fsanitize=fuzzer")
check_cxx_source_compiles([=[
#include <cstddef>
#include <cstdint>
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }
]=] WHATSAPP_HAVE_LIBFUZZER)
set(CMAKE_REQUIRED_FLAGS "${_wa_saved_required_flags}")

if(NOT WHATSAPP_HAVE_LIBFUZZER)
  message(WARNING "WHATSAPP_BUILD_FUZZERS: ${CMAKE_CXX_COMPILER_ID} cannot link -fsanitize=fuzzer "
                  "(use clang++ and install libclang-rt-14-dev); the reliability fuzzers are skipped")
  return()
endif()

enable_testing()
foreach(_wa_fuzzer IN ITEMS fuzz_envelope fuzz_url fuzz_retry_after)
  add_executable(${_wa_fuzzer} ${CMAKE_CURRENT_LIST_DIR}/${_wa_fuzzer}.cpp)
  target_link_libraries(${_wa_fuzzer} PRIVATE whatsapp::whatsapp)
  target_compile_options(${_wa_fuzzer} PRIVATE -g -O1 -fno-omit-frame-pointer
                         -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined)
  target_link_options(${_wa_fuzzer} PRIVATE -fsanitize=fuzzer,address,undefined)
  add_test(NAME ${_wa_fuzzer}
           COMMAND ${CMAKE_COMMAND}
                   -DFUZZER=$<TARGET_FILE:${_wa_fuzzer}>
                   -DSEEDS=${CMAKE_CURRENT_LIST_DIR}/corpus/${_wa_fuzzer}
                   -DWORK=${CMAKE_CURRENT_BINARY_DIR}/corpus_${_wa_fuzzer}
                   -P ${CMAKE_CURRENT_LIST_DIR}/run_fuzzer.cmake)
  set_tests_properties(${_wa_fuzzer} PROPERTIES LABELS fuzz TIMEOUT 120)
endforeach()
