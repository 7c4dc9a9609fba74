#!/usr/bin/env bash
# Parquet benchmarks: our reader/writer (Benchmarks/ParquetBench, release build) against pyarrow
# (Benchmarks/peers/parquet_pyarrow.py), both single-threaded, in the same run.
#
#   Scripts/bench-parquet.sh                # 10M-row inputs in Benchmarks/data/parquet (made once)
#   ROWS=1000000 DATA=Benchmarks/data/parquet-1m Scripts/bench-parquet.sh
#   ONLY=decode_radec_bss_zstd Scripts/bench-parquet.sh
#
# Environment: LSDB_PYTHON (default .venv/bin/python), ROWS, DATA, ONLY (comma list),
# SCRATCH (SwiftPM scratch path, default .build-bench). Prints each side's RESULT lines, then a
# table with the ratio ours/pyarrow of throughput (above 1 means we are faster).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${LSDB_PYTHON:-.venv/bin/python}
ROWS=${ROWS:-10000000}
DATA=${DATA:-Benchmarks/data/parquet}
ONLY=${ONLY:-}
SCRATCH=${SCRATCH:-.build-bench}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"

echo "== inputs ($ROWS rows) in $DATA"
"$PY" Benchmarks/peers/parquet_pyarrow.py "$DATA" --data-only --rows "$ROWS"

echo "== building ParquetBench (release, $SCRATCH)"
: > "$out/ours.txt"
if swift build -c release --scratch-path "$SCRATCH" --product ParquetBench > "$out/build.log" 2>&1; then
  echo "== ours"
  "$SCRATCH/release/ParquetBench" "$DATA" ${ONLY:+--only "$ONLY"} | tee "$out/ours.txt" || true
else
  tail -20 "$out/build.log"
  echo "== ours: ParquetBench did not build; only pyarrow's figures follow"
fi

echo "== pyarrow"
"$PY" Benchmarks/peers/parquet_pyarrow.py "$DATA" ${ONLY:+--only "$ONLY"} | tee "$out/pyarrow.txt"

echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
"$PY" - "$out/ours.txt" "$out/pyarrow.txt" <<'PYEOF'
import re, sys

def parse(path):
    rows = {}
    for line in open(path):
        if line.startswith("RESULT "):
            parts = line.split()
            fields = dict(p.split("=", 1) for p in parts[3:])
            rows[parts[2]] = {k: float(v) for k, v in fields.items()}
    return rows

ours, peer = parse(sys.argv[1]), parse(sys.argv[2])
print(f"| benchmark | ours (Mrows/s, MB/s) | pyarrow (Mrows/s, MB/s) | ours / pyarrow |")
print(f"|---|---|---|---|")
for name in peer:
    p = peer[name]
    o = ours.get(name)
    ps = f"{p['rows_per_s'] / 1e6:.1f}, {p['MB_per_s']:.0f}"
    if o is None:
        print(f"| {name} | n/a | {ps} | n/a |")
    else:
        os_ = f"{o['rows_per_s'] / 1e6:.1f}, {o['MB_per_s']:.0f}"
        print(f"| {name} | {os_} | {ps} | {p['seconds'] / o['seconds']:.2f} |")
PYEOF
