#!/usr/bin/env bash
# Runs a command against a fresh emulator on 127.0.0.1, then stops the emulator.
#   scripts/with-emulator.sh EMULATOR_BINARY COMMAND [ARGS...]
# Extra emulator flags come from EMULATOR_ARGS (e.g. "--formats old"). The command gets
# LOWCODEAPI_BASE_URL pointing at the emulator, and a token, phone number id and recipient
# unless they are set already. With WITH_EMULATOR_LOG=FILE the emulator's request log is
# appended to FILE when the command ends (also by nested runs, which inherit it); without it
# the log is dropped. Exits with the command's status.
# WITH_EMULATOR_BACKEND=graph points the command at the emulator's Graph shape instead (the
# examples then use the SDK's Graph backend): it gets WHATSAPP_GRAPH_BASE_URL and
# WHATSAPP_ACCESS_TOKEN=demo_graph_access_token (the only token the emulator then accepts) and no
# LOWCODEAPI_API_TOKEN; with WHATSAPP_APP_SECRET set, the emulator also checks appsecret_proof on
# every call (--app-secret, --require-appsecret-proof).
set -euo pipefail

emulator=$1
shift
log_dir=$(mktemp -d)
trap 'kill "$emu_pid" 2>/dev/null || true; wait "$emu_pid" 2>/dev/null || true; rm -rf "$log_dir"' EXIT

# The files exist before the emulator starts: its redirections happen in the background child,
# so the loop below could otherwise read before they are made (and set -e would end the script).
: >"$log_dir/out"
: >"$log_dir/err"
backend=${WITH_EMULATOR_BACKEND:-lowcodeapi}
graph_args=()
case $backend in
  lowcodeapi) ;;
  graph)
    # Always the demo token: a real one from the environment is never handed to the emulator.
    export WHATSAPP_ACCESS_TOKEN=demo_graph_access_token
    graph_args=(--access-token "$WHATSAPP_ACCESS_TOKEN")
    [ -z "${WHATSAPP_APP_SECRET:-}" ] || graph_args+=(--app-secret "$WHATSAPP_APP_SECRET" --require-appsecret-proof)
    ;;
  *)
    echo "with-emulator: WITH_EMULATOR_BACKEND must be lowcodeapi or graph, not '$backend'" >&2
    exit 2
    ;;
esac
# shellcheck disable=SC2086
"$emulator" --port 0 ${graph_args[@]+"${graph_args[@]}"} ${EMULATOR_ARGS:-} >"$log_dir/out" 2>"$log_dir/err" &
emu_pid=$!

# Wait (at most 10 s) for the line that names the port.
port=""
for _ in $(seq 1 200); do
  port=$(sed -n 's#^whatsapp-emulator listening on http://127.0.0.1:\([0-9]*\).*#\1#p' "$log_dir/out")
  [ -n "$port" ] && break
  kill -0 "$emu_pid" 2>/dev/null || break
  sleep 0.05
done
if [ -z "$port" ]; then
  echo "with-emulator: the emulator did not start" >&2
  cat "$log_dir/err" >&2
  exit 1
fi

if [ "$backend" = graph ]; then
  unset LOWCODEAPI_API_TOKEN LOWCODEAPI_BASE_URL
  export WHATSAPP_GRAPH_BASE_URL="http://127.0.0.1:$port"
else
  export LOWCODEAPI_BASE_URL="http://127.0.0.1:$port/whatsapp"
  export LOWCODEAPI_API_TOKEN="${LOWCODEAPI_API_TOKEN:-at_emulator_demo_token}"
fi
export WHATSAPP_PHONE_NUMBER_ID="${WHATSAPP_PHONE_NUMBER_ID:-106540352242922}"
export WHATSAPP_TO="${WHATSAPP_TO:-15551234567}"
export WHATSAPP_BUSINESS_ACCOUNT_ID="${WHATSAPP_BUSINESS_ACCOUNT_ID:-102290129340398}"
export EMULATOR_PORT="$port"

status=0
"$@" || status=$?
if [ -n "${WITH_EMULATOR_LOG:-}" ]; then
  { echo "# whatsapp-emulator on 127.0.0.1:$port ($backend shape) ${EMULATOR_ARGS:-}"; cat "$log_dir/err"; } >>"$WITH_EMULATOR_LOG"
fi
exit "$status"
