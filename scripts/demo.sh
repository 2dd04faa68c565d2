#!/usr/bin/env bash
# Builds the examples and runs them. Without LOWCODEAPI_API_TOKEN in the environment they run
# against the emulator, started here on 127.0.0.1 and stopped at the end; with it they go to
# LOWCODEAPI_BASE_URL (default: hosted LowCodeAPI) with WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_TO.
# Installs what is missing first. Safe to run twice.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/install-deps.sh"
build=${BUILD_ROOT:-$root/build}/demo
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DWHATSAPP_BUILD_TESTS=OFF \
  -DWHATSAPP_BUILD_EXAMPLES=ON -DWHATSAPP_BUILD_EMULATOR=ON >/dev/null
cmake --build "$build" -j "$(nproc)"

export DEMO_BUILD="$build"
if [ -n "${LOWCODEAPI_API_TOKEN:-}" ]; then
  echo "LOWCODEAPI_API_TOKEN is set: the examples talk to ${LOWCODEAPI_BASE_URL:-https://api.lowcodeapi.com/whatsapp}"
  exec "$root/scripts/demo-steps.sh"
fi
echo "No LOWCODEAPI_API_TOKEN: starting the emulator on 127.0.0.1"
WITH_EMULATOR_SHOW_LOG=1 exec "$root/scripts/with-emulator.sh" "$build/tests/emulator/whatsapp-emulator" \
  "$root/scripts/demo-steps.sh"
