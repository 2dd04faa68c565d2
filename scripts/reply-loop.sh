#!/usr/bin/env bash
# A user with a username answered by BSUID, on 127.0.0.1: the emulator delivers a signed message
# from a user who hides their phone number (no `from`, no `wa_id`: a BSUID and a username), the
# reply_bot example answers it with webhook::reply_recipient() (the send goes as `recipient`),
# and the statuses of that answer come back naming the BSUID. Fails unless the answer went to
# the BSUID and its sent, delivered and read statuses arrived.
#   scripts/reply-loop.sh EMULATOR REPLY_BOT
set -euo pipefail

bsuid="US.73920184657320918465"

# Inner step, run by with-emulator.sh while the emulator is up (LOWCODEAPI_BASE_URL and
# EMULATOR_PORT point at it): start the bot, point the emulator's webhooks at it, let the user
# write, and wait (at most 20 s) for the bot to print its four events and exit.
if [ "${1:-}" = "--inner" ]; then
  bot=$2 work=$3
  "$bot" --port 0 --max-events 4 >"$work/events" 2>"$work/bot.err" &
  bot_pid=$!
  port=""
  for _ in $(seq 1 200); do  # at most 10 s
    port=$(sed -n 's#^reply_bot listening on http://127.0.0.1:\([0-9]*\).*#\1#p' "$work/events")
    [ -n "$port" ] && break
    kill -0 "$bot_pid" 2>/dev/null || break
    sleep 0.05
  done
  [ -n "$port" ] || { echo "reply-loop: reply_bot did not start" >&2; cat "$work/bot.err" >&2; exit 1; }
  echo "reply_bot listening on port $port"
  control="http://127.0.0.1:$EMULATOR_PORT/__emulator"
  curl -fsS -X POST "$control/webhook" -d "{\"url\":\"http://127.0.0.1:$port/webhook\"}" >/dev/null
  echo "a user with the username rye.lover (no phone number shared, BSUID $bsuid) writes in"
  curl -fsS -X POST "$control/inbound" -d "{\"phone_number_id\":\"$WHATSAPP_PHONE_NUMBER_ID\",\
\"user_id\":\"$bsuid\",\"username\":\"rye.lover\",\"name\":\"Ines\",\"text\":\"Is the rye ready?\"}" >/dev/null
  for _ in $(seq 1 400); do
    kill -0 "$bot_pid" 2>/dev/null || { wait "$bot_pid"; exit $?; }
    sleep 0.05
  done
  kill "$bot_pid" 2>/dev/null || true
  echo "reply-loop: reply_bot did not get four events in 20 s" >&2
  cat "$work/bot.err" >&2
  exit 1
fi

emulator=$1 bot=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WHATSAPP_APP_SECRET="${WHATSAPP_APP_SECRET:-demo_app_secret}"
: >"$work/events"
: >"$work/bot.err"
EMULATOR_ARGS="--app-secret $WHATSAPP_APP_SECRET ${EMULATOR_ARGS:-}" \
  "$here/with-emulator.sh" "$emulator" "$0" --inner "$bot" "$work" || {
  cat "$work/events" "$work/bot.err" >&2
  exit 1
}
echo "events printed by reply_bot:"
grep -v '^reply_bot listening' "$work/events" || true
grep -q "\"reply_to\":{\"recipient\":\"$bsuid\"},\"sent\":\"wamid" "$work/events" ||
  { echo "reply-loop: the answer did not go to the BSUID" >&2; cat "$work/bot.err" >&2; exit 1; }
for s in sent delivered read; do
  grep -q "\"status\":\"$s\".*\"recipient_user_id\":\"$bsuid\"" "$work/events" ||
    { echo "reply-loop: no '$s' status for the BSUID arrived" >&2; cat "$work/bot.err" >&2; exit 1; }
done
echo "reply loop complete: the username user was answered by BSUID, and its statuses came back"
