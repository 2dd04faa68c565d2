#!/usr/bin/env bash
# The full receive loop on 127.0.0.1: the client sends a message through the emulator, the
# emulator delivers signed status webhooks (sent, delivered, read) to webhook_receiver, then a
# signed Groups API webhook (a group created), and the receiver verifies, parses, dispatches and
# prints them. Fails unless all three statuses and the group event arrive.
#   scripts/webhook-loop.sh EMULATOR RECEIVER SEND_TEXT
set -euo pipefail

# Inner step, run by with-emulator.sh while the emulator is up: send, ask the emulator for a
# group_lifecycle_update webhook, then keep the emulator running until the receiver has printed
# its four events and exited (at most 20 s).
if [ "${1:-}" = "--send-and-wait" ]; then
  "$2" "Hello, webhook loop"
  curl -fsS -X POST "http://127.0.0.1:$EMULATOR_PORT/__emulator/group_event" \
    -d "{\"phone_number_id\":\"$WHATSAPP_PHONE_NUMBER_ID\",\"event\":\"created\",\"subject\":\"Harbor Lane pick-ups\"}" >/dev/null
  for _ in $(seq 1 400); do
    kill -0 "$3" 2>/dev/null || exit 0
    sleep 0.05
  done
  echo "webhook-loop: the receiver did not get four events in 20 s" >&2
  exit 1
fi

emulator=$1 receiver=$2 send_text=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'kill "$rx_pid" 2>/dev/null || true; wait "$rx_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

export WHATSAPP_APP_SECRET="${WHATSAPP_APP_SECRET:-demo_app_secret}"
export WHATSAPP_VERIFY_TOKEN="${WHATSAPP_VERIFY_TOKEN:-demo_verify_token}"
: >"$work/events"  # made before the receiver starts, whose redirections happen in the child
: >"$work/receiver.err"
"$receiver" --port 0 --max-events 4 >"$work/events" 2>"$work/receiver.err" &
rx_pid=$!

port=""
for _ in $(seq 1 200); do  # at most 10 s
  port=$(sed -n 's#^webhook_receiver listening on http://127.0.0.1:\([0-9]*\).*#\1#p' "$work/events")
  [ -n "$port" ] && break
  kill -0 "$rx_pid" 2>/dev/null || break
  sleep 0.05
done
[ -n "$port" ] || { echo "webhook-loop: the receiver did not start" >&2; cat "$work/receiver.err" >&2; exit 1; }
echo "webhook_receiver listening on port $port"

EMULATOR_ARGS="--webhook-url http://127.0.0.1:$port/webhook --app-secret $WHATSAPP_APP_SECRET ${EMULATOR_ARGS:-}" \
  "$here/with-emulator.sh" "$emulator" "$0" --send-and-wait "$send_text" "$rx_pid" || true
echo "events printed by webhook_receiver:"
grep -v '^webhook_receiver listening' "$work/events" || true
for s in sent delivered read; do
  grep -q "\"status\":\"$s\"" "$work/events" || { echo "webhook-loop: no '$s' status arrived" >&2; cat "$work/receiver.err" >&2; exit 1; }
done
grep -q '"kind":"group_lifecycle","group_type":"group_create"' "$work/events" ||
  { echo "webhook-loop: no group event was dispatched" >&2; cat "$work/receiver.err" >&2; exit 1; }
echo "webhook loop complete: sent, delivered and read arrived signed and verified; a group_create was dispatched"
