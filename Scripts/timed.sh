#!/usr/bin/env bash
# Runs a command and prints a timing line for it: `timing: LABEL: N.N s (exit S)`.
label=$1; shift
start=$(date +%s%N)
"$@"; status=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
printf 'timing: %s: %d.%01d s (exit %d)\n' "$label" $((ms / 1000)) $(((ms % 1000) / 100)) "$status" >&2
exit $status
