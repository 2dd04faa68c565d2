#!/usr/bin/env bash
# Runs a command in a fresh, empty working directory and fails if the command leaves anything
# there. The example tests run through it: an example must write nothing into the directory it is
# run from (the demo runs them from the repository root, which must stay clean).
#   tests/support/leaves-cwd-empty.sh COMMAND [ARGS...]   (COMMAND by absolute path)
# Exits with the command's status, or 1 if it left files behind.
set -euo pipefail

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
status=0
"$@" || status=$?
if [ -n "$(ls -A)" ]; then
  echo "leaves-cwd-empty: this command left files in its working directory: $*" >&2
  ls -lA >&2
  exit 1
fi
exit "$status"
