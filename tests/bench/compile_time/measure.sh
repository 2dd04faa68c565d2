#!/usr/bin/env bash
# Compile time of one send (issue 6): send.cpp (<whatsapp/whatsapp.hpp>, one messages().send)
# against baseline.cpp (<nlohmann/json.hpp> + <curl/curl.h>, one JSON body, one POST, one parsed
# answer), header-only and with the SDK compiled elsewhere (-DWHATSAPP_SEPARATE_COMPILATION,
# instances.cpp). Alternating runs; prints the median ratio to the baseline per flag set.
#   tests/bench/compile_time/measure.sh [REPS]      (default 3; CXX=g++)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
include=$here/../../../include
cxx=${CXX:-g++}
reps=${1:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

seconds() {  # flags... : wall seconds of one compile
  local start end
  start=$(date +%s%N)
  "$cxx" -std=c++17 -I"$include" "$@" -c -o "$out/x.o"
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN {printf "%.2f\n", ns / 1e9}'
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
