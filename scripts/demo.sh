#!/usr/bin/env bash
# Builds the examples and runs them. Without LOWCODEAPI_API_TOKEN or WHATSAPP_ACCESS_TOKEN in the
# environment they run against the emulator, started here on 127.0.0.1 and stopped at the end,
# twice: over the SDK's LowCodeAPI backend (the emulator's LowCodeAPI shape), then over its Graph
# backend (the emulator's Graph shape, with appsecret_proof). With LOWCODEAPI_API_TOKEN they go to
# LOWCODEAPI_BASE_URL (default: hosted LowCodeAPI); otherwise with WHATSAPP_ACCESS_TOKEN to Meta's
# Graph API at WHATSAPP_GRAPH_BASE_URL (default https://graph.facebook.com, WHATSAPP_APP_SECRET
# for appsecret_proof); either with WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_TO.
# Installs what is missing first. Safe to run twice. The last lines it prints are the verdict and
# what to try next; the emulator's request log goes to a file in the build directory. It writes
# nothing into the source tree but that build directory (build/demo, ignored by git; BUILD_ROOT
# moves it). Build jobs: JOBS=N as for test.sh (default: the number of cores).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/install-deps.sh"
build=${BUILD_ROOT:-$root/build}/demo
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DWHATSAPP_BUILD_TESTS=OFF \
  -DWHATSAPP_BUILD_EXAMPLES=ON -DWHATSAPP_BUILD_EMULATOR=ON >/dev/null
cmake --build "$build" -j "${JOBS:-$(nproc)}"

emulator="$build/tests/emulator/whatsapp-emulator"
log="$build/emulator-requests.log"
export DEMO_BUILD="$build"
export DEMO_FAILED_STEP="$build/demo-failed-step"
rm -f "$DEMO_FAILED_STEP"
status=0
real=""
if [ -n "${LOWCODEAPI_API_TOKEN:-}" ]; then
  real=LOWCODEAPI_API_TOKEN target=${LOWCODEAPI_BASE_URL:-https://api.lowcodeapi.com/whatsapp}
elif [ -n "${WHATSAPP_ACCESS_TOKEN:-}" ]; then
  real=WHATSAPP_ACCESS_TOKEN target="Meta's Graph API at ${WHATSAPP_GRAPH_BASE_URL:-https://graph.facebook.com}"
fi
if [ -n "$real" ]; then
  missing=""
  for v in WHATSAPP_PHONE_NUMBER_ID WHATSAPP_TO; do [ -n "${!v:-}" ] || missing="$missing $v"; done
  if [ -n "$missing" ]; then
    echo
    echo "=== verdict: NOT RUN: $real is set, so the demo would talk to $target,"
    echo "but it also needs:$missing (or unset $real to use the emulator)"
    exit 2
  fi
  echo "$real is set: the examples talk to $target"
  "$root/scripts/demo-steps.sh" || status=$?
else
  target="the emulator on 127.0.0.1, over both backends"
  echo "No LOWCODEAPI_API_TOKEN or WHATSAPP_ACCESS_TOKEN: starting the emulator on 127.0.0.1 (its request log goes to $log)"
  : >"$log"
  echo
  echo "##### 1/2: the LowCodeAPI backend (the emulator's LowCodeAPI shape, /whatsapp/v22.0/...)"
  WITH_EMULATOR_BACKEND=lowcodeapi WITH_EMULATOR_LOG="$log" \
    "$root/scripts/with-emulator.sh" "$emulator" "$root/scripts/demo-steps.sh" || status=$?
  if [ "$status" -eq 0 ]; then
    echo
    echo "##### 2/2: the Graph backend (the emulator's Graph shape, /v22.0/... with a Bearer token and appsecret_proof)"
    WITH_EMULATOR_BACKEND=graph WHATSAPP_APP_SECRET="${WHATSAPP_APP_SECRET:-demo_app_secret}" \
      WITH_EMULATOR_LOG="$log" "$root/scripts/with-emulator.sh" "$emulator" "$root/scripts/demo-steps.sh" ||
      status=$?
  fi
fi

# The verdict and what to try next: always the last lines.
echo
if [ "$status" -eq 0 ]; then
  echo "=== verdict: PASSED: every example succeeded against $target"
else
  failed="(before the first step)"
  [ -f "$DEMO_FAILED_STEP" ] && failed="at \"$(cat "$DEMO_FAILED_STEP")\""
  echo "=== verdict: FAILED $failed, exit status $status; the output above says why"
fi
[ -n "$real" ] || echo "The emulator's request log, one line per request: $log"
echo "What to try next:"
if [ -n "$real" ]; then
  echo "  - scripts/demo.sh without $real also runs templates, phone_admin and the webhook loop (emulator)"
else
  echo "  - one example by hand: scripts/with-emulator.sh $emulator $build/examples/send_text \"Hi\""
  echo "    (over the Graph backend: WITH_EMULATOR_BACKEND=graph scripts/with-emulator.sh ...)"
  echo "  - your own account: LOWCODEAPI_API_TOKEN=... WHATSAPP_PHONE_NUMBER_ID=... WHATSAPP_TO=... scripts/demo.sh"
  echo "    or with Meta's token: WHATSAPP_ACCESS_TOKEN=... [WHATSAPP_APP_SECRET=...] WHATSAPP_PHONE_NUMBER_ID=... WHATSAPP_TO=... scripts/demo.sh"
fi
echo "  - the SDK in your project: README.md \"Install and use\"; the tests: scripts/test.sh"
exit "$status"
