# Runs one libFuzzer target on a fresh copy of its seed corpus (the checked-in seeds stay as
# they are). -DFUZZER=<binary> -DSEEDS=<seed dir> -DWORK=<scratch dir>
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(GLOB _seeds "${SEEDS}/*")
file(COPY ${_seeds} DESTINATION "${WORK}")
execute_process(
  COMMAND "${FUZZER}" -max_total_time=15 -rss_limit_mb=2048 -print_final_stats=1 "${WORK}"
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (exit ${_rc})")
endif()
