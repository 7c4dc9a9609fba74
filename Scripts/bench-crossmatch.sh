#!/usr/bin/env bash
# Crossmatch benchmark: gaia_10m x ztf_5m (1 arcsec, nearest neighbour), each tool run as a whole
# process under /usr/bin/time -v (Debian package `time`).
#
#   Scripts/bench-crossmatch.sh                     # RUNS=1, builds our CLI first
#   RUNS=3 NO_BUILD=1 Scripts/bench-crossmatch.sh   # use the existing .build/release/lsdb
#   ONLY_PEERS=1 Scripts/bench-crossmatch.sh        # lsdb and STILTS only
#
# Contenders:
#   lsdb-distributed  Benchmarks/peers/lsdb_crossmatch.py LEFT RIGHT --scheduler distributed --workers 2
#                     (a dask.distributed LocalCluster, 2 worker processes x 1 thread)
#   lsdb-default      Benchmarks/peers/lsdb_crossmatch.py LEFT RIGHT --scheduler default (Dask threads)
#                     Both: open_catalog with default columns (RIGHT is a collection, opened with its
#                     10" margin), crossmatch(radius_arcsec=1, n_neighbors=1), compute() to pandas.
#   stilts            Benchmarks/peers/stilts_tmatch2.sh on FITS exports of id/ra/dec
#                     (Scripts/export_fits.py, run here when the files are missing):
#                     stilts tmatch2 matcher=sky params=1 values1='ra dec' values2='ra dec'
#                            find=best1 join=1and2 omode=count
#                     (best1 = the best match for each left row, as LSDB pairs; a whole-table match,
#                     so no margin is involved; 3 columns instead of all of them)
#   ours              .build/release/lsdb crossmatch LEFT RIGHT --radius-arcsec 1   (computed into memory, printed)
#                     (if the subcommand does not exist yet the script says so and reports the others)
#
# Table: per contender, medians over RUNS (default 1) of wall seconds and peak RSS ("Maximum
# resident set size") from /usr/bin/time -v, lsdb's planning and compute-only seconds from the peer's
# JSON, the match count, and ratio = that contender's wall time / ours (above 1: we are faster).
# Environment: LSDB_PYTHON (default .venv/bin/python), LEFT, RIGHT, RUNS, NO_BUILD, ONLY_PEERS,
# STILTS_HEAP (Java -Xmx for STILTS, default 6g).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${LSDB_PYTHON:-.venv/bin/python}
LEFT=${LEFT:-Benchmarks/data/gaia_10m}
RIGHT=${RIGHT:-Benchmarks/data/ztf_5m}
RUNS=${RUNS:-1}
OURS=.build/release/lsdb
OURS_OUT=/tmp/bench-xmatch.parquet
FITS_DIR=Benchmarks/data/fits
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if [ ! -x /usr/bin/time ]; then
  echo "== installing GNU time (Debian package 'time')"
  apt-get install -y time > /dev/null
fi

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
for cat in "$LEFT" "$RIGHT"; do
  if [ ! -e "$cat/properties" ] && [ ! -e "$cat/hats.properties" ] && [ ! -e "$cat/collection.properties" ]; then
    echo "error: $cat is not a HATS catalog; build it with Scripts/make_bench_catalogs.py" >&2
    exit 1
  fi
done

# --- ours: build and check that the subcommand exists
ours_ok=0
ours_note=""
if [ -z "${ONLY_PEERS:-}" ]; then
  if [ -z "${NO_BUILD:-}" ]; then
    echo "== building lsdb (release)"
    if ! swift build -c release --product lsdb > "$out/build.log" 2>&1; then
      tail -20 "$out/build.log"
      ours_note="our lsdb CLI did not build"
    fi
  fi
  if [ -z "$ours_note" ]; then
    if [ ! -x "$OURS" ]; then
      ours_note="$OURS does not exist (build it, or run without NO_BUILD)"
    elif ! "$OURS" --help 2>&1 | grep -qE '^[[:space:]]+crossmatch([[:space:]]|$)'; then
      # (`lsdb crossmatch --help` is no test: swift-argument-parser prints the root help, exit 0,
      # for an unknown subcommand followed by --help.)
      ours_note="'$OURS crossmatch' does not exist yet (not listed in 'lsdb --help')"
    else
      ours_ok=1
    fi
  fi
  [ "$ours_ok" = 1 ] || echo "== ours: $ours_note; only the peers' figures follow"
else
  ours_note="skipped (ONLY_PEERS)"
fi

# --- STILTS and its FITS inputs
stilts_ok=1
stilts_note=""
if ! command -v stilts > /dev/null; then
  echo "== installing STILTS (Debian package 'stilts')"
  apt-get install -y stilts > /dev/null 2>&1 || true
fi
if ! command -v stilts > /dev/null || ! stilts -version > /dev/null 2>&1; then
  stilts_ok=0; stilts_note="stilts is not installed or does not run"
fi
left_fits=$FITS_DIR/$(basename "$LEFT").fits
right_fits=$FITS_DIR/$(basename "$RIGHT").fits
if [ "$stilts_ok" = 1 ]; then
  echo "== FITS exports for STILTS (Scripts/export_fits.py)"
  "$PY" Scripts/export_fits.py --out "$FITS_DIR" "$LEFT" "$RIGHT"
fi

# run_timed NAME CMD...: one run under /usr/bin/time -v; stdout to $out/NAME.out, report to NAME.time
run_timed() {
  local name=$1; shift
  if /usr/bin/time -v -o "$out/$name.time" "$@" > "$out/$name.out" 2> "$out/$name.err"; then
    echo 0 > "$out/$name.rc"
  else
    echo $? > "$out/$name.rc"
    echo "   (exit $(cat "$out/$name.rc"); stderr: $(tail -1 "$out/$name.err"))"
  fi
}

: > "$out/runs.txt"
for i in $(seq 1 "$RUNS"); do
  echo "== lsdb distributed (2 workers x 1 thread): run $i"
  run_timed "lsdb-distributed-$i" "$PY" Benchmarks/peers/lsdb_crossmatch.py "$LEFT" "$RIGHT" --scheduler distributed --workers 2
  tail -1 "$out/lsdb-distributed-$i.out"
  echo "lsdb-distributed $out/lsdb-distributed-$i" >> "$out/runs.txt"

  echo "== lsdb default scheduler: run $i"
  run_timed "lsdb-default-$i" "$PY" Benchmarks/peers/lsdb_crossmatch.py "$LEFT" "$RIGHT" --scheduler default
  tail -1 "$out/lsdb-default-$i.out"
  echo "lsdb-default $out/lsdb-default-$i" >> "$out/runs.txt"

  if [ "$stilts_ok" = 1 ]; then
    echo "== stilts tmatch2 find=best1: run $i"
    run_timed "stilts-$i" Benchmarks/peers/stilts_tmatch2.sh "$left_fits" "$right_fits" 1
    tail -1 "$out/stilts-$i.out"
    echo "stilts $out/stilts-$i" >> "$out/runs.txt"
  fi

  if [ "$ours_ok" = 1 ]; then
    echo "== ours: run $i"
    # Like lsdb's compute(): the result is computed into memory, then printed (head and tail).
    run_timed "ours-$i" "$OURS" crossmatch "$LEFT" "$RIGHT" --radius-arcsec 1
    sed -n 's/^\[\([0-9]*\) rows x .*/\1/p' "$out/ours-$i.out" | tail -1 > "$out/ours-$i.matches"
    [ -s "$out/ours-$i.matches" ] || echo "?" > "$out/ours-$i.matches"
    echo "   matches: $(cat "$out/ours-$i.matches")"
    echo "ours $out/ours-$i" >> "$out/runs.txt"
  fi
done

echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
[ -n "$ours_note" ] && echo "ours: $ours_note"
[ -n "$stilts_note" ] && echo "stilts: $stilts_note"
"$PY" - "$out/runs.txt" "$LEFT" "$RIGHT" <<'PYEOF'
import json, re, statistics, sys
from collections import defaultdict

def parse_time(path):
    text = open(path).read()
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text)
    parts = [float(p) for p in m.group(1).split(":")]
    wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return wall, rss_kb / 1024

runs = defaultdict(list)
for line in open(sys.argv[1]):
    who, base = line.split()
    rc = int(open(base + ".rc").read().strip())
    wall, rss = parse_time(base + ".time")
    rec = {"wall": wall, "rss": rss, "rc": rc, "plan": None, "compute": None, "matches": "?"}
    if who.startswith("lsdb"):
        try:
            j = json.loads(open(base + ".out").read().splitlines()[-1])
            rec.update(plan=j["planning_s"], compute=j["compute_s"], matches=j["matches"])
        except Exception:
            pass
    elif who == "stilts":
        m = re.search(r"matches: (\d+)", open(base + ".out").read())
        rec["matches"] = int(m.group(1)) if m else "?"
    else:
        rec["matches"] = open(base + ".matches").read().strip()
    runs[who].append(rec)

med = lambda xs: statistics.median(xs) if xs else float("nan")
ok = {k: [r for r in v if r["rc"] == 0] for k, v in runs.items()}
ours_wall = med([r["wall"] for r in ok.get("ours", [])]) if ok.get("ours") else None
print(f"{sys.argv[2]} x {sys.argv[3]}, radius 1 arcsec, n_neighbors 1; medians of {max(len(v) for v in runs.values())} run(s)")
print("| contender | wall s | planning s | compute s | peak MB (RSS) | matches | wall / ours |")
print("|---|---|---|---|---|---|---|")
fmt = lambda x: "" if x is None else f"{x:.2f}"
for who in ("lsdb-distributed", "lsdb-default", "stilts", "ours"):
    rs = ok.get(who, [])
    if not rs:
        if who in runs:
            print(f"| {who} | failed (exit {runs[who][0]['rc']}) | | | | | |")
        continue
    wall = med([r["wall"] for r in rs])
    plan = med([r["plan"] for r in rs if r["plan"] is not None]) if rs[0]["plan"] is not None else None
    comp = med([r["compute"] for r in rs if r["compute"] is not None]) if rs[0]["compute"] is not None else None
    ratio = f"{wall / ours_wall:.1f}x" if ours_wall else "n/a"
    print(f"| {who} | {wall:.2f} | {fmt(plan)} | {fmt(comp)} | {med([r['rss'] for r in rs]):.0f} | {rs[0]['matches']} | {ratio} |")
print("(peak RSS as /usr/bin/time reports it: the largest single process of the tree, not a sum; "
      "for lsdb-distributed the client and 2 worker processes together use more)")
PYEOF
