// Placeholder, filled in by the micro-benchmark commit.
#include <benchmark/benchmark.h>
BENCHMARK_MAIN();
