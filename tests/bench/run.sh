#!/usr/bin/env bash
# Throughput of whatsapp-cpp against its plain-libcurl baselines on the nginx bench server,
# measured alternately (baseline, ours, baseline, ours, ...) so that both see the same machine
# load; prints each JSON line and a table of the median ratios. Also: the format fallback's cost
# (1,000 sends to the Old-Format-only id 404000111 learning the format vs told it, and the number
# of requests), and peak memory. The same two throughput rows over the Graph backend (Bearer token,
# Meta's unwrapped answers; baseline: the same libcurl loop with the Graph URL and header), and
# the sequential one again with appsecret_proof on (the baseline sends the same proof).
#   tests/bench/run.sh [BUILD_DIR]     (default: build; configure with -DCMAKE_BUILD_TYPE=Release
#                                       -DWHATSAPP_BUILD_BENCHMARKS=ON)
#   REPS=5 N=20000  repetitions and messages per run
# Needs nginx-light (apt-get install -y nginx-light wrk); starts and stops the server itself.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build}
bench=$build/tests/bench
shared=${BENCH_SHARED_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)/shared/bench}
reps=${REPS:-5}
n=${N:-20000}
out=$(mktemp -d)
started=0
if ! curl -s -o /dev/null --max-time 1 http://127.0.0.1:18080/; then
  "$shared/start-server.sh" >/dev/null
  started=1
fi
trap '[ "$started" = 1 ] && "$shared/stop-server.sh" >/dev/null; rm -rf "$out"' EXIT

# appsecret_proof of the token "bench-token" under the app secret "bench-secret" (hex HMAC-SHA256).
proof=$(printf %s bench-token | openssl dgst -sha256 -hmac bench-secret | sed 's/.*= *//')
graph_send=http://127.0.0.1:18080/v22.0/123456789012345/messages
rate() { sed -n 's/.*"msgs_per_s":\([0-9.]*\).*/\1/p'; }
for _ in $(seq 1 "$reps"); do
  "$bench/whatsapp_curl_baseline" --mode seq --n "$n" | tee /dev/stderr | rate >>"$out/r_base_seq"
  "$bench/whatsapp_throughput" --concurrency 1 --n "$n" | tee /dev/stderr | rate >>"$out/r_ours_seq"
  "$bench/whatsapp_curl_baseline" --mode conc --concurrency 8 --n "$n" | tee /dev/stderr | rate >>"$out/r_base_conc"
  "$bench/whatsapp_throughput" --concurrency 8 --n "$n" | tee /dev/stderr | rate >>"$out/r_ours_conc"
  "$bench/whatsapp_curl_baseline" --backend graph --mode seq --n "$n" | tee /dev/stderr | rate >>"$out/g_base_seq"
  "$bench/whatsapp_throughput" --backend graph --concurrency 1 --n "$n" | tee /dev/stderr | rate >>"$out/g_ours_seq"
  "$bench/whatsapp_curl_baseline" --backend graph --url "$graph_send?appsecret_proof=$proof" --mode seq --n "$n" |
    tee /dev/stderr | rate >>"$out/g_base_seq_proof"
  "$bench/whatsapp_throughput" --backend graph --app-secret bench-secret --concurrency 1 --n "$n" |
    tee /dev/stderr | rate >>"$out/g_ours_seq_proof"
  "$bench/whatsapp_curl_baseline" --backend graph --mode conc --concurrency 8 --n "$n" | tee /dev/stderr | rate >>"$out/g_base_conc"
  "$bench/whatsapp_throughput" --backend graph --concurrency 8 --n "$n" | tee /dev/stderr | rate >>"$out/g_ours_conc"
  "$bench/whatsapp_throughput" --concurrency 1 --n 1000 --warmup 0 --phone-id 404000111 --format old |
    rate >>"$out/r_old_1000"
  "$bench/whatsapp_throughput" --concurrency 1 --n 1000 --warmup 0 --phone-id 404000111 --count-requests \
    2>>"$out/fallback_requests" | rate >>"$out/r_fallback_1000"
done
median_ratio() {  # median of the pairwise ratios $2/$1 (same repetition)
  paste "$1" "$2" | awk '{print $2/$1}' | sort -n | awk '{a[NR]=$1} END {printf "%.2f (min %.2f, max %.2f)", a[int((NR+1)/2)], a[1], a[NR]}'
}
echo
echo "| measure (median of $reps alternating runs) | ratio |"
echo "|---|---|"
echo "| sequential, $n msgs: messages().send / libcurl loop, one easy handle | $(median_ratio "$out/r_base_seq" "$out/r_ours_seq") |"
echo "| 8 in flight, $n msgs: send_stream / libcurl multi, 8 handles | $(median_ratio "$out/r_base_conc" "$out/r_ours_conc") |"
echo "| Graph backend, sequential, $n msgs: messages().send / libcurl loop with Bearer header | $(median_ratio "$out/g_base_seq" "$out/g_ours_seq") |"
echo "| Graph backend, 8 in flight, $n msgs: send_stream / libcurl multi, 8 handles | $(median_ratio "$out/g_base_conc" "$out/g_ours_conc") |"
echo "| Graph backend with appsecret_proof, sequential: messages().send / libcurl loop, same proof | $(median_ratio "$out/g_base_seq_proof" "$out/g_ours_seq_proof") |"
echo "| 1,000 sends to the Old-Format-only id 404000111, fresh client: New then Old (fallback) / Old only | $(median_ratio "$out/r_old_1000" "$out/r_fallback_1000") |"
echo
echo "HTTP requests for 1,000 sends to 404000111: $(sort -u "$out/fallback_requests" | tr '\n' ' ')"
/usr/bin/time -f "peak RSS, $n msgs sequential: %M KB" "$bench/whatsapp_throughput" --concurrency 1 --n "$n" >/dev/null
/usr/bin/time -f "peak RSS, $n msgs 8 in flight: %M KB" "$bench/whatsapp_throughput" --concurrency 8 --n "$n" >/dev/null
