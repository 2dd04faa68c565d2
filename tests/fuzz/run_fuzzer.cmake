# Runs one libFuzzer target on a fresh copy of its seed corpus (the source tree is never
# written to): cmake -DFUZZER=... -DSEEDS=... -DWORKDIR=... [-DSECONDS=...] -P run_fuzzer.cmake
# (SECONDS defaults to 15.)
if(NOT DEFINED SECONDS)
  set(SECONDS 15)
endif()
file(REMOVE_RECURSE "${WORKDIR}")
file(MAKE_DIRECTORY "${WORKDIR}")
file(GLOB _seeds "${SEEDS}/*")
file(COPY ${_seeds} DESTINATION "${WORKDIR}")
execute_process(
  COMMAND "${FUZZER}" -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048
          -print_final_stats=1 "${WORKDIR}"
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (exit ${_rc}); the crashing input is in the working directory")
endif()
