#!/usr/bin/env bash
# STILTS (Debian package `stilts`) sky crossmatch: the peer figure for Scripts/bench-crossmatch.sh.
#
#   Benchmarks/peers/stilts_tmatch2.sh LEFT.fits RIGHT.fits [RADIUS_ARCSEC]
#
# STILTS cannot read Parquet: export the catalogs first with Scripts/export_fits.py
# (Benchmarks/data/fits/{gaia_10m,ztf_5m}.fits: id, ra, dec).
#
# The command (radius 1 arcsec):
#   stilts -Xmx${STILTS_HEAP:-6g} tmatch2 in1=LEFT.fits in2=RIGHT.fits matcher=sky params=1 \
#          values1='ra dec' values2='ra dec' find=best1 join=1and2 omode=count
# find=best1: for each row of table 1 (LEFT) the best (nearest) match in table 2; a table-2 row may
# be the best match of several table-1 rows.  That is LSDB's crossmatch with n_neighbors=1 (each
# left row gets its nearest right neighbour within the radius, right rows can repeat).  find=best
# would be a symmetric one-to-one match (each row of either table at most once), find=all every pair.
# join=1and2 keeps only matched rows.  omode=count prints "columns: N   rows: M" instead of writing
# the table (the match is done in full; only the output is skipped), and this script prints
# "matches: M" from it.  STILTS uses its default parallelism (all cores).
# Environment: STILTS (default: stilts on PATH), STILTS_HEAP (Java -Xmx, default 6g).
set -euo pipefail
left=${1:?usage: stilts_tmatch2.sh LEFT.fits RIGHT.fits [RADIUS_ARCSEC]}
right=${2:?usage: stilts_tmatch2.sh LEFT.fits RIGHT.fits [RADIUS_ARCSEC]}
radius=${3:-1}
STILTS=${STILTS:-stilts}

out=$("$STILTS" -Xmx"${STILTS_HEAP:-6g}" tmatch2 in1="$left" in2="$right" matcher=sky params="$radius" \
  values1='ra dec' values2='ra dec' find=best1 join=1and2 omode=count)
echo "$out"
rows=$(echo "$out" | sed -n 's/.*rows: *\([0-9][0-9]*\).*/\1/p' | tail -1)
echo "matches: ${rows:-?}"
