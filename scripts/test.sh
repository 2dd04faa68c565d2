#!/usr/bin/env bash
# Builds and runs every test: unit, integration (curl against the emulator), consumer projects
# (installed package, add_subdirectory, FetchContent) and the examples; then the unit and
# integration tests again under ASan+UBSan, and the fuzzers for a bounded time with clang.
# The configurations build in parallel. Installs what is missing first. Safe to run twice.
#   JOBS=N     build jobs per configuration (default: the number of cores; the configurations
#              run side by side, so a core freed by one is taken by another)
#   BUILD_ROOT build directory root (default: <repo>/build)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/install-deps.sh"

build_root=${BUILD_ROOT:-$root/build}
jobs=${JOBS:-$(nproc)}
start=$(date +%s)

configure() {  # name, cmake args...
  local name=$1
  shift
  cmake -S "$root" -B "$build_root/$name" -G Ninja "$@" >"$build_root/$name.configure.log" 2>&1 ||
    { cat "$build_root/$name.configure.log"; return 1; }
}

mkdir -p "$build_root"
# No optimisation and no debug information where a failure is read from the test output: full
# debug information costs a third of the compile time. ASan keeps line tables for its reports.
configure default -DCMAKE_BUILD_TYPE= -DWHATSAPP_BUILD_TESTS=ON -DWHATSAPP_BUILD_EXAMPLES=ON \
  -DWHATSAPP_BUILD_BENCHMARKS=ON  # bench smoke ctests (label bench) against the emulator
configure asan -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_FLAGS=-g1 -DWHATSAPP_SANITIZE=ON \
  -DWHATSAPP_BUILD_TESTS=ON -DWHATSAPP_BUILD_EXAMPLES=OFF
configs=(default asan)
if command -v clang++ >/dev/null; then
  configure fuzz -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_COMPILER=clang++ -DWHATSAPP_BUILD_TESTS=OFF \
    -DWHATSAPP_BUILD_EXAMPLES=OFF -DWHATSAPP_BUILD_EMULATOR=OFF -DWHATSAPP_BUILD_FUZZERS=ON \
    -DWHATSAPP_INSTALL=OFF
  configs+=(fuzz)
fi

# Build every configuration at once; each gets its share of the cores.
pids=()
for c in "${configs[@]}"; do
  cmake --build "$build_root/$c" -j "$jobs" >"$build_root/$c.build.log" 2>&1 &
  pids+=($!)
done
failed=0
for i in "${!pids[@]}"; do
  if ! wait "${pids[$i]}"; then
    echo "build of ${configs[$i]} failed:"
    tail -n 60 "$build_root/${configs[$i]}.build.log"
    failed=1
  fi
done
[ "$failed" -eq 0 ] || exit 1
echo "built ${configs[*]} in $(( $(date +%s) - start )) s"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for c in "${configs[@]}"; do
  echo "=== tests: $c ==="
  ctest --test-dir "$build_root/$c" -j 2 --output-on-failure --timeout 900 || status=1
done
echo "test command finished in $(( $(date +%s) - start )) s"
exit "$status"
