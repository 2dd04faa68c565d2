#!/usr/bin/env bash
# The project's test command (README "Build and test"; CI's .ci/run calls it). Two tiers:
#
#   scripts/test.sh                   everything: builds and runs the unit and integration tests,
#                                     the consumer projects (installed package, add_subdirectory,
#                                     FetchContent, the installed emulator), the examples, the docs
#                                     and header checks, whatsapp::redis against redis-servers it
#                                     starts on free ports of 127.0.0.1 (never the system's 6379;
#                                     label "slow": the multi-process ones, about 2 minutes);
#                                     then the unit and integration tests again
#                                     under ASan+UBSan, and the fuzzers for a bounded time (clang).
#   scripts/test.sh --quick [FILTER]  the iteration loop: rebuilds only the unit test binary in
#                                     $BUILD_ROOT/quick (clang, configured on first use;
#                                     $BUILD_ROOT/default without clang) and runs it, optionally
#                                     with a gtest filter ('Url*', 'Retry*:Deadline*').
#
#   JOBS=N      how many jobs run at once, compiles and tests together (default: the number of
#               cores). The configurations are built one after another, each with -j N, and
#               ctest runs with -j N: never more than N compilers at once, so two cores are not
#               oversubscribed (six compilers on two cores took longer, not shorter).
#   BUILD_ROOT  build directory root (default: <repo>/build)
#
# Installs what is missing first. Safe to run twice; a second run rebuilds only what changed.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_root=${BUILD_ROOT:-$root/build}
jobs=${JOBS:-$(nproc)}
start=$(date +%s)

quick=0
filter=""
case "${1:-}" in
  --quick)
    quick=1
    filter=${2:-}
    ;;
  "") ;;
  *)
    echo "usage: scripts/test.sh [--quick [GTEST_FILTER]]" >&2
    exit 2
    ;;
esac

"$root/scripts/install-deps.sh"

configure() {  # name, cmake args...
  local name=$1
  shift
  cmake -S "$root" -B "$build_root/$name" -G Ninja "$@" >"$build_root/$name.configure.log" 2>&1 ||
    { cat "$build_root/$name.configure.log"; return 1; }
}

build() {  # name, [target]
  local name=$1
  shift
  cmake --build "$build_root/$name" -j "$jobs" ${1:+--target "$1"} >"$build_root/$name.build.log" 2>&1 ||
    { echo "build of $name failed:"; grep -E -A12 'error|FAILED' "$build_root/$name.build.log" | head -n 80;
      echo "(full log: $build_root/$name.build.log)"; return 1; }
}

mkdir -p "$build_root"
# No optimisation and no debug information where a failure is read from the test output: full
# debug information costs a third of the compile time. ASan keeps line tables for its reports.
default_args=(-DCMAKE_BUILD_TYPE= -DWHATSAPP_BUILD_TESTS=ON -DWHATSAPP_BUILD_EXAMPLES=ON
              -DWHATSAPP_BUILD_BENCHMARKS=ON  # bench smoke ctests (label bench) against the emulator
              -DWHATSAPP_WITH_REDIS=ON)  # whatsapp::redis and its tests against redis-server (label redis)

# ASan+UBSan with clang when it is there (install-deps.sh installs it): it compiles the sanitized
# tests in less than half of g++'s time, and a second compiler's warnings (errors here) come free.
asan_args=(-DCMAKE_BUILD_TYPE= -DCMAKE_CXX_FLAGS=-g1 -DWHATSAPP_SANITIZE=ON -DWHATSAPP_BUILD_TESTS=ON
           -DWHATSAPP_BUILD_EXAMPLES=OFF)
have_clang=0
command -v clang++ >/dev/null && { have_clang=1; asan_args=(-DCMAKE_CXX_COMPILER=clang++ "${asan_args[@]}"); }
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

if [ "$quick" -eq 1 ]; then
  # A build of its own with clang, no sanitizers and no debug information: clang compiles the
  # unit tests in half of g++'s time, and ASan with line tables doubles it again (a library
  # header change here: 25 s of build against 48 s in default or asan). It is built only by the
  # quick tier, from scratch in about the same 25 s. Without clang: the full run's default build.
  if [ "$have_clang" -eq 1 ]; then
    name=quick
    args=(-DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE= -DWHATSAPP_BUILD_TESTS=ON -DWHATSAPP_BUILD_EXAMPLES=OFF)
  else
    name=default
    args=("${default_args[@]}")
  fi
  [ -f "$build_root/$name/build.ninja" ] || configure "$name" "${args[@]}"
  build "$name" whatsapp_unit_tests
  echo "built whatsapp_unit_tests ($name) in $(( $(date +%s) - start )) s"
  status=0
  "$build_root/$name/tests/whatsapp_unit_tests" --gtest_brief=1 ${filter:+"--gtest_filter=$filter"} ||
    status=$?
  echo "quick tier finished in $(( $(date +%s) - start )) s"
  exit "$status"
fi

configure default "${default_args[@]}"
configure asan "${asan_args[@]}"
configs=(default asan)
if [ "$have_clang" -eq 1 ]; then
  configure fuzz -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_COMPILER=clang++ -DWHATSAPP_BUILD_TESTS=OFF \
    -DWHATSAPP_BUILD_EXAMPLES=OFF -DWHATSAPP_BUILD_EMULATOR=OFF -DWHATSAPP_BUILD_FUZZERS=ON \
    -DWHATSAPP_INSTALL=OFF -DWHATSAPP_FUZZ_SECONDS=10  # 10 s per target here; longer by hand
  configs+=(fuzz)
fi

# One configuration after another, each with every job: the test files are compiled in groups
# (unity builds, tests/CMakeLists.txt), so each configuration has enough parallel work of its own.
for c in "${configs[@]}"; do
  build "$c"
  echo "built $c at $(( $(date +%s) - start )) s"
done

status=0
for c in "${configs[@]}"; do
  echo "=== tests: $c ==="
  ctest --test-dir "$build_root/$c" -j "$jobs" --output-on-failure --timeout 900 || status=1
done
echo "test command finished in $(( $(date +%s) - start )) s"
exit "$status"
