#!/usr/bin/env bash
# Order-29 hashing throughput, ours versus cdshealpix, one core each.
#
#     Scripts/bench-healpix.sh [count] [repeats]
#
# Builds HealpixBench in release mode, runs it pinned to one CPU (when
# taskset exists), then cdshealpix single-threaded, and prints the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-10000000}
REPEATS=${2:-5}
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || PY=/work/main/.venv/bin/python
SCRATCH=${SCRATCH_PATH:-.build}
PIN=()
command -v taskset >/dev/null && PIN=(taskset -c 0)

swift build -c release --scratch-path "$SCRATCH" --product HealpixBench >/dev/null
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/HealpixBench"

ours=$("${PIN[@]}" "$BIN" "$COUNT" "$REPEATS")
echo "$ours"
peer=$(OMP_NUM_THREADS=1 RAYON_NUM_THREADS=1 "${PIN[@]}" "$PY" Benchmarks/peers/healpix_cdshealpix.py "$COUNT" "$REPEATS")
echo "$peer"

rate() { sed -E 's/.*\(([0-9]+) hashes\/s\).*/\1/' <<<"$1"; }
core=$(sed -nE 's/.*Rust extension alone: .*, ([0-9.]+) Mhash\/s.*/\1/p' <<<"$peer")
awk -v a="$(rate "$ours")" -v b="$(rate "$(head -1 <<<"$peer")")" -v c="$core" 'BEGIN {
    printf "ratio swift/cdshealpix: %.2fx (%.2f vs %.2f Mhash/s)\n", a / b, a / 1e6, b / 1e6
    if (c > 0) printf "ratio swift/cdshealpix Rust extension alone: %.2fx (%.2f vs %.2f Mhash/s)\n", a / 1e6 / c, a / 1e6, c
}'
