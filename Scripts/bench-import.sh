#!/usr/bin/env bash
# Import benchmark: `lsdb import` (release build) against hats-import 0.11.1 on a local Dask client
# with 2 workers (Benchmarks/peers/hats_import.py), on the same input, in the same run, each as a
# whole process under /usr/bin/time -v, both building the catalog and a 10" margin.
#
#   Scripts/bench-import.sh                 # Parquet and CSV, Benchmarks/data/input/gaia_10m
#   FORMATS=parquet NO_BUILD=1 Scripts/bench-import.sh
#
# The CSV input is made once from the Parquet input (pyarrow.csv) under $CSV_DIR. Outputs go to a
# temporary directory that is removed at the end. Wall time and peak RSS ("Maximum resident set
# size") come from /usr/bin/time -v; for hats-import that is the largest single process of the
# tree (the client or one Dask worker), not the sum over workers. ratio = hats-import / ours.
# Ours runs once per ZSTD level in LEVELS (default "3 15": our default, then hats-import's level).
# Environment: LSDB_PYTHON (default .venv/bin/python), INPUT, CSV_DIR, FORMATS, MARGIN, LEVELS, NO_BUILD.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${LSDB_PYTHON:-.venv/bin/python}
INPUT=${INPUT:-Benchmarks/data/input/gaia_10m}
CSV_DIR=${CSV_DIR:-/tmp/lsdb-bench-import/$(basename "$INPUT")_csv}
FORMATS=${FORMATS:-"parquet csv"}
MARGIN=${MARGIN:-10}
LEVELS=${LEVELS:-"3 15"}
OURS=.build/release/lsdb
out=$(mktemp -d /tmp/lsdb-bench-import-run.XXXXXX)
trap 'rm -rf "$out"' EXIT

if [ ! -x /usr/bin/time ]; then apt-get install -y time > /dev/null; fi
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
if [ -z "${NO_BUILD:-}" ]; then
  echo "== building lsdb (release)"
  swift build -c release --product lsdb > "$out/build.log" 2>&1 || { tail -20 "$out/build.log"; exit 1; }
fi

if [[ " $FORMATS " == *" csv "* ]] && [ ! -e "$CSV_DIR/.complete" ]; then
  echo "== writing the CSV input to $CSV_DIR"
  mkdir -p "$CSV_DIR"
  "$PY" - "$INPUT" "$CSV_DIR" <<'PYEOF'
import pathlib, sys
import pyarrow.csv as pc, pyarrow.parquet as pq
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for f in sorted(src.glob("*.parquet")):
    pc.write_csv(pq.read_table(f), dst / (f.stem + ".csv"))
(dst / ".complete").write_text("")
PYEOF
fi

measure() {  # label, command...  -> "wall_s rss_mb"
  local label=$1; shift
  /usr/bin/time -v "$@" > "$out/$label.out" 2> "$out/$label.time" || { echo "error: $label failed" >&2; tail -20 "$out/$label.time" >&2; exit 1; }
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$out/$label.time" | awk -F': ' '{print $2}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident set size" "$out/$label.time" | awk -F': ' '{printf "%.0f", $2/1024}')
  echo "$wall $rss"
}

rows=()
for fmt in $FORMATS; do
  if [ "$fmt" = csv ]; then files=("$CSV_DIR"/*.csv); else files=("$INPUT"/*.parquet); fi
  echo "== $fmt: ${#files[@]} files"
  read -r hw hr < <(measure "hats_$fmt" "$PY" Benchmarks/peers/hats_import.py "$fmt" "$out/hats_$fmt" cat "$MARGIN" "${files[@]}")
  echo "   hats-import: ${hw} s, ${hr} MB, $(du -sm "$out/hats_$fmt/cat" | cut -f1) MB on disk  $(cat "$out/hats_$fmt.out")"
  rm -rf "$out/hats_$fmt"
  for level in $LEVELS; do
    read -r ow orr < <(measure "ours_${fmt}_$level" "$OURS" import "${files[@]}" --output "$out/ours_$fmt" --name cat \
      --margin-arcsec "$MARGIN" --no-progress --threads 2 --compression-level "$level")
    echo "   lsdb import (zstd $level): ${ow} s, ${orr} MB, $(du -sm "$out/ours_$fmt" | cut -f1) MB on disk"
    grep -h "rows in" "$out/ours_${fmt}_$level.time" | sed 's/^/     /' || true
    rm -rf "$out/ours_$fmt"
    ratio=$(awk -v a="$hw" -v b="$ow" 'BEGIN { printf "%.1f", a / b }')
    rows+=("| $fmt | ${#files[@]} files | $hw s | $hr MB | zstd $level | $ow s | $orr MB | ${ratio}× |")
  done
done

echo
echo "| input | files | hats-import wall | hats-import peak RSS | lsdb import level | lsdb import wall | lsdb import peak RSS | ratio |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
