# The throughput program's smoke runs: correctness, not speed. Each starts the emulator program
# (scripts/with-emulator.sh) and sends 200 messages, one at a time and 8 in flight (send_stream,
# and send_batch in windows of 64); every reply must carry its own message id. No nginx needed.
if(TARGET whatsapp-emulator AND TARGET whatsapp_throughput)
  foreach(_wa_c IN ITEMS 1 8)
    add_test(NAME bench_smoke_concurrency_${_wa_c}
      COMMAND ${PROJECT_SOURCE_DIR}/scripts/with-emulator.sh $<TARGET_FILE:whatsapp-emulator>
              $<TARGET_FILE:whatsapp_throughput> --smoke --n 200 --warmup 0 --concurrency ${_wa_c})
    set_tests_properties(bench_smoke_concurrency_${_wa_c} PROPERTIES LABELS bench TIMEOUT 120)
  endforeach()
  add_test(NAME bench_smoke_batch_8
    COMMAND ${PROJECT_SOURCE_DIR}/scripts/with-emulator.sh $<TARGET_FILE:whatsapp-emulator>
            $<TARGET_FILE:whatsapp_throughput> --smoke --n 200 --warmup 0 --concurrency 8 --api batch --window 64)
  set_tests_properties(bench_smoke_batch_8 PROPERTIES LABELS bench TIMEOUT 120)
  # The same over the Graph backend, against the emulator's Graph shape (token and
  # appsecret_proof checked on every call).
  add_test(NAME bench_smoke_graph_concurrency_8
    COMMAND ${PROJECT_SOURCE_DIR}/scripts/with-emulator.sh $<TARGET_FILE:whatsapp-emulator>
            $<TARGET_FILE:whatsapp_throughput> --backend graph --smoke --n 200 --warmup 0 --concurrency 8)
  set_tests_properties(bench_smoke_graph_concurrency_8 PROPERTIES LABELS bench TIMEOUT 120
                       ENVIRONMENT "WITH_EMULATOR_BACKEND=graph;WHATSAPP_APP_SECRET=bench_smoke_secret")
endif()

# Peak memory of a streamed download: 64 MiB from an in-process server, the limit check on (the
# peak may grow by less than 5 MB). Needs no emulator.
if(TARGET whatsapp_download_rss)
  add_test(NAME bench_download_rss COMMAND $<TARGET_FILE:whatsapp_download_rss> --mb 64)
  set_tests_properties(bench_download_rss PROPERTIES LABELS bench TIMEOUT 300)
endif()
