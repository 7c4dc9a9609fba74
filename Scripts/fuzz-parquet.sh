#!/usr/bin/env bash
# Fuzzes the Parquet reader with libFuzzer for a bounded time.
#
#   Scripts/fuzz-parquet.sh [SECONDS]      (default 45)
#
# Builds the ParquetFuzz product with -sanitize=fuzzer,address -DPARQUET_FUZZ into .build-fuzz, runs it over a
# scratch copy of the seed corpus Fuzz/corpus/ (the committed seeds are never modified), prints
# the number of executions and whether the run was clean, and exits non-zero on a crash, a leak,
# a timeout or an out-of-memory report (the failing input is saved under .build-fuzz/artifacts/).
set -euo pipefail

seconds="${1:-45}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

scratch=".build-fuzz"
flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -DPARQUET_FUZZ)

echo "fuzz: building ParquetFuzz (libFuzzer + ASan)" >&2
swift build --scratch-path "$scratch" --product ParquetFuzz "${flags[@]}" 2>&1 | tail -n 3 >&2
binary="$(swift build --scratch-path "$scratch" --product ParquetFuzz "${flags[@]}" --show-bin-path)/ParquetFuzz"
[ -x "$binary" ] || { echo "fuzz: build produced no binary" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$scratch/artifacts"
cp Fuzz/corpus/*.parquet "$work/corpus/"

log="$work/fuzz.log"
status=0
"$binary" "$work/corpus" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$scratch/artifacts/" >"$log" 2>&1 || status=$?

executions="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)"
if [ -z "$executions" ]; then
    executions="$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#' || true)"
fi
echo "fuzz: ${executions:-0} executions in ${seconds}s"
if [ "$status" -ne 0 ]; then
    echo "fuzz: FAILED (libFuzzer exit status $status); last lines of the log:" >&2
    tail -n 40 "$log" >&2
    exit 1
fi
echo "fuzz: clean (no crash, leak, timeout or OOM)"
