#!/usr/bin/env bash
# The demo's steps: each example in turn, saying what it does. Run by demo.sh, with the
# environment pointing at the emulator or at LowCodeAPI; demo.sh prints the verdict. Stops at the
# first step that fails, after writing its title to DEMO_FAILED_STEP (a file) when that is set.
set -euo pipefail
ex=${DEMO_BUILD:?}/examples

step() {
  local title=$1
  shift
  echo
  echo "=== $title"
  if ! "$@"; then
    [ -z "${DEMO_FAILED_STEP:-}" ] || echo "$title" >"$DEMO_FAILED_STEP"
    exit 1
  fi
}

# The examples pick the backend as example_env.hpp does: LOWCODEAPI_API_TOKEN first.
if [ -z "${LOWCODEAPI_API_TOKEN:-}" ] && [ -n "${WHATSAPP_ACCESS_TOKEN:-}" ]; then
  echo "Graph API base URL: ${WHATSAPP_GRAPH_BASE_URL:-https://graph.facebook.com (the default)}" \
    "(appsecret_proof: $([ -n "${WHATSAPP_APP_SECRET:-}" ] && echo on || echo off))"
else
  echo "LowCodeAPI base URL: ${LOWCODEAPI_BASE_URL:-https://api.lowcodeapi.com/whatsapp (the default)}"
fi
step "send_text: send a text message to $WHATSAPP_TO" "$ex/send_text" "Hello from the whatsapp-cpp demo"
# Against a real account a short series only: every message reaches $WHATSAPP_TO.
bulk=3
[ -n "${EMULATOR_PORT:-}" ] && bulk=500
step "bulk_send: $bulk messages, 8 in flight, each result as it arrives" "$ex/bulk_send" "$bulk"
step "phone_number: read the business phone number $WHATSAPP_PHONE_NUMBER_ID" "$ex/phone_number"
step "interactive: reply buttons, a list and a call-to-action URL" "$ex/interactive"
step "media: upload an image, send it, fetch it back and check its bytes" "$ex/media"
# These two change account state (a template, the business profile): only against the emulator.
if [ -n "${EMULATOR_PORT:-}" ]; then
  step "templates: create, list page by page, fetch, send and delete a template" "$ex/templates"
  step "phone_admin: phone number administration and the business profile" "$ex/phone_admin"
else
  echo; echo "=== templates, phone_admin: skipped against a real account (they change its state)"
fi
if [ -n "${EMULATOR_PORT:-}" ]; then
  step "webhook loop: send through the emulator, receive signed statuses and a group event in webhook_receiver" \
    "$(dirname "${BASH_SOURCE[0]}")/webhook-loop.sh" "$DEMO_BUILD/tests/emulator/whatsapp-emulator" \
    "$ex/webhook_receiver" "$ex/send_text"
  step "reply loop: a user with a username (no phone number) writes in; reply_bot answers by BSUID" \
    "$(dirname "${BASH_SOURCE[0]}")/reply-loop.sh" "$DEMO_BUILD/tests/emulator/whatsapp-emulator" "$ex/reply_bot"
fi
