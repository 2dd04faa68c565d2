#!/usr/bin/env bash
# Compile time of one send (issue 6): send.cpp (<whatsapp/whatsapp.hpp>, one messages().send)
# against baseline.cpp (<nlohmann/json.hpp> + <curl/curl.h>, one JSON body, one POST, one parsed
# answer), header-only and with the SDK compiled elsewhere (-DWHATSAPP_SEPARATE_COMPILATION,
# instances.cpp). Alternating runs; prints the median ratio to the baseline per flag set. Each
# compile is timed in CPU seconds (user + system, bash's `time`): on a shared machine the wall
# clock also counts the time the compiler waited for a core, which moved single ratios by 20 %.
#   tests/bench/compile_time/measure.sh [REPS]      (default 3; CXX=g++)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
include=$here/../../../include
cxx=${CXX:-g++}
reps=${1:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

seconds() {  # flags... : CPU seconds (user + system) of one compile
  local TIMEFORMAT='%3U %3S' t
  t=$({ time "$cxx" -std=c++17 -I"$include" "$@" -c -o "$out/x.o" 2>/dev/null; } 2>&1)
  awk -v t="$t" 'BEGIN {split(t, a, " "); printf "%.2f\n", a[1] + a[2]}'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for opt in -O0 -O2; do
  for _ in $(seq 1 "$reps"); do
    b=$(seconds "$opt" "$here/baseline.cpp")
    s=$(seconds "$opt" "$here/send.cpp")
    e=$(seconds "$opt" -DWHATSAPP_SEPARATE_COMPILATION "$here/send.cpp")
    echo "$b $s $e" >>"$out/$opt"
  done
  awk '{print $1}' "$out/$opt" | median >"$out/b"
  awk '{print $2/$1}' "$out/$opt" | median >"$out/s"
  awk '{print $3/$1}' "$out/$opt" | median >"$out/e"
  printf '%s: baseline %.1f s; send.cpp %.2f x; send.cpp with WHATSAPP_SEPARATE_COMPILATION %.2f x\n' \
    "$opt" "$(cat "$out/b")" "$(cat "$out/s")" "$(cat "$out/e")"
done
# The one-off cost of separate compilation: the .cpp that holds the SDK and the client.
i=$(seconds -O2 -DWHATSAPP_SEPARATE_COMPILATION "$here/instances.cpp")
printf 'instances.cpp (once per program, -O2): %.1f s\n' "$i"
