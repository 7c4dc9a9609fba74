#!/usr/bin/env bash
# Search benchmarks: our CLI (`lsdb select`, release build) against lsdb 0.11.1
# (Benchmarks/peers/lsdb_search.py), each run as a whole process under /usr/bin/time -v.
#
#   Scripts/bench-search.sh                                   # Benchmarks/data/gaia_10m, 3 runs
#   CATALOGS="Benchmarks/data/gaia_10m Benchmarks/data/ztf_5m" RUNS=5 Scripts/bench-search.sh
#   NO_BUILD=1 Scripts/bench-search.sh                        # use the existing .build/release/lsdb
#   ONLY_PEER=1 Scripts/bench-search.sh                       # lsdb's side only
#
# Cases, per catalog:
#   cone  lsdb: open_catalog + cone_search(95, -25, 0.7 deg) + compute()
#         ours: lsdb select CATALOG --cone 95,-25,2520   (computed into memory, head and tail printed)
#   scan  lsdb: open_catalog + query(Q) + compute(), Q = 3 conditions on 3 columns (the peer picks
#               it from the catalog's columns and prints it)
#         ours: lsdb select CATALOG --where "Q"
# Build the catalogs first with Scripts/make_bench_catalogs.py.
#
# Each side runs RUNS times per case (default 3); the table shows medians: wall time and peak RSS
# ("Maximum resident set size") from /usr/bin/time -v, lsdb's compute-only time from the peer's
# JSON, and ratio = lsdb whole-process time / ours (above 1 means we are faster).
# Environment: LSDB_PYTHON (default .venv/bin/python), CATALOGS, RUNS, NO_BUILD, ONLY_PEER.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${LSDB_PYTHON:-.venv/bin/python}
CATALOGS=${CATALOGS:-Benchmarks/data/gaia_10m}
RUNS=${RUNS:-3}
OURS=.build/release/lsdb
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if [ ! -x /usr/bin/time ]; then
  echo "== installing GNU time (Debian package 'time')"
  apt-get install -y time > /dev/null
fi

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"

for cat in $CATALOGS; do
  if [ ! -e "$cat/properties" ] && [ ! -e "$cat/hats.properties" ] && [ ! -e "$cat/collection.properties" ]; then
    echo "error: $cat is not a HATS catalog; build it with Scripts/make_bench_catalogs.py" >&2
    exit 1
  fi
done

ours_ok=0
ours_note=""
if [ -z "${ONLY_PEER:-}" ]; then
  if [ -z "${NO_BUILD:-}" ]; then
    echo "== building lsdb (release)"
    if ! swift build -c release --product lsdb > "$out/build.log" 2>&1; then
      tail -20 "$out/build.log"
      ours_note="our lsdb CLI did not build"
    fi
  fi
  if [ -z "$ours_note" ]; then
    if [ ! -x "$OURS" ]; then
      ours_note="$OURS does not exist"
    elif ! "$OURS" --help 2>&1 | grep -qE '^[[:space:]]+select([[:space:]]|$)'; then
      # (`lsdb select --help` is no test: swift-argument-parser prints the root help, exit 0,
      # for an unknown subcommand followed by --help.)
      ours_note="'$OURS select' does not exist yet (not listed in 'lsdb --help')"
    else
      ours_ok=1
    fi
  fi
  if [ "$ours_ok" = 0 ]; then
    echo "== ours: $ours_note; only lsdb's figures follow"
  fi
else
  ours_note="skipped (ONLY_PEER)"
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
for cat in $CATALOGS; do
  label=$(basename "$cat")
  for case in cone scan; do
    query=""
    for i in $(seq 1 "$RUNS"); do
      echo "== $label $case: lsdb run $i"
      run_timed "peer-$label-$case-$i" "$PY" Benchmarks/peers/lsdb_search.py "$cat" --case "$case"
      cat "$out/peer-$label-$case-$i.out"
      echo "peer $label $case $out/peer-$label-$case-$i" >> "$out/runs.txt"
      query=$("$PY" -c 'import json,sys; print(json.loads(open(sys.argv[1]).read().splitlines()[-1])["query"] or "")' \
        "$out/peer-$label-$case-$i.out" 2>/dev/null || true)
    done
    if [ "$ours_ok" = 1 ]; then
      for i in $(seq 1 "$RUNS"); do
        echo "== $label $case: ours run $i"
        # Like lsdb's compute(): the result is computed into memory, then printed (head and tail).
        if [ "$case" = cone ]; then
          run_timed "ours-$label-$case-$i" "$OURS" select "$cat" --cone 95,-25,2520
        else
          run_timed "ours-$label-$case-$i" "$OURS" select "$cat" --where "$query"
        fi
        sed -n 's/^\[\([0-9]*\) rows x .*/\1/p' "$out/ours-$label-$case-$i.out" | tail -1 > "$out/ours-$label-$case-$i.rows"
        [ -s "$out/ours-$label-$case-$i.rows" ] || echo "?" > "$out/ours-$label-$case-$i.rows"
        echo "   rows: $(cat "$out/ours-$label-$case-$i.rows")"
        echo "ours $label $case $out/ours-$label-$case-$i" >> "$out/runs.txt"
      done
    fi
  done
done

echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
[ -n "$ours_note" ] && echo "ours: $ours_note"
"$PY" - "$out/runs.txt" <<'PYEOF'
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
    side, label, case, base = line.split()
    rc = int(open(base + ".rc").read().strip())
    wall, rss = parse_time(base + ".time")
    rec = {"wall": wall, "rss": rss, "rc": rc}
    if side == "peer":
        try:
            j = json.loads(open(base + ".out").read().splitlines()[-1])
            rec.update(compute=j["compute_s"], rows=j["rows"])
        except Exception:
            rec.update(compute=float("nan"), rows="?")
    else:
        rec["rows"] = open(base + ".rows").read().strip()
    runs[(label, case, side)].append(rec)

med = lambda xs: statistics.median(xs) if xs else float("nan")
print("| case | ours s | ours peak MB | lsdb s (whole process) | lsdb compute-only s | lsdb peak MB | ratio | rows ours / lsdb |")
print("|---|---|---|---|---|---|---|---|")
for (label, case) in dict.fromkeys((k[0], k[1]) for k in runs):
    p = runs.get((label, case, "peer"), [])
    o = [r for r in runs.get((label, case, "ours"), []) if r["rc"] == 0]
    pw, pc, pr = med([r["wall"] for r in p]), med([r["compute"] for r in p]), med([r["rss"] for r in p])
    if o:
        ow, orss = med([r["wall"] for r in o]), med([r["rss"] for r in o])
        ours_cells = f"{ow:.2f} | {orss:.0f}"
        ratio = f"{pw / ow:.1f}x"
        orows = o[0]["rows"]
    else:
        ours_cells, ratio, orows = "n/a | n/a", "n/a", "n/a"
    prows = p[0]["rows"] if p else "?"
    print(f"| {label} {case} | {ours_cells} | {pw:.2f} | {pc:.2f} | {pr:.0f} | {ratio} | {orows} / {prows} |")
PYEOF
