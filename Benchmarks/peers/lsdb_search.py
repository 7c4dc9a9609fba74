#!/usr/bin/env python3
"""lsdb 0.11.1's cone search and full scan: the peer figures for Scripts/bench-search.sh.

    lsdb_search.py CATALOG --case cone|scan [--query EXPR]

One process, one case, lsdb's default Dask scheduler (nothing configured):

* cone: `lsdb.open_catalog(CATALOG)` + `.cone_search(95, -25, 0.7 * 3600)` + `.compute()`
* scan: `lsdb.open_catalog(CATALOG)` (default columns) + `.query(EXPR)` + `.compute()`, where EXPR
  has 3 conditions on 3 columns: `phot_g_mean_mag < 18 and parallax > 1 and teff > 5000` for a
  Gaia-like catalog, `mean_mag_g < 18 and nobs_g > 100 and nobs_r > 100` for a ZTF-like one
  (chosen from the catalog's columns), or --query.

Prints one JSON line:
  {"case", "catalog", "query", "rows", "wall_s", "startup_s", "import_s", "open_s", "compute_s"}
* wall_s: from the process start (the kernel's start time of this process, /proc/self/stat) to
  the end of compute, so it includes the interpreter's start-up and lsdb's import (numba etc.);
  the shell wrapper also measures the whole process from outside with /usr/bin/time.
* startup_s: process start to the first line of this script (interpreter start-up).
* import_s: `import lsdb`; open_s: open_catalog + the lazy search/query calls;
  compute_s: `.compute()` only.
"""

import time

T_TOP = time.perf_counter()


def process_age_s() -> float:
    """Seconds since this process started (Linux: /proc/self/stat field 22 vs /proc/uptime)."""
    import os

    with open("/proc/self/stat") as f:
        stat = f.read()
    fields = stat[stat.rindex(")") + 2:].split()
    start_ticks = int(fields[19])  # field 22 overall; fields[0] is field 3
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


STARTUP = process_age_s() - (time.perf_counter() - T_TOP)

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402

CONE = (95.0, -25.0, 0.7 * 3600)
GAIA_QUERY = "phot_g_mean_mag < 18 and parallax > 1 and teff > 5000"
ZTF_QUERY = "mean_mag_g < 18 and nobs_g > 100 and nobs_r > 100"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("catalog")
    ap.add_argument("--case", choices=["cone", "scan"], required=True)
    ap.add_argument("--query", default=None)
    args = ap.parse_args()

    t0 = time.perf_counter()
    import lsdb

    t1 = time.perf_counter()
    cat = lsdb.open_catalog(args.catalog)
    query = None
    if args.case == "cone":
        cat = cat.cone_search(*CONE)
    else:
        query = args.query
        if query is None:
            cols = set(cat.columns)
            query = GAIA_QUERY if {"phot_g_mean_mag", "parallax", "teff"} <= cols else ZTF_QUERY
        cat = cat.query(query)
    t2 = time.perf_counter()
    df = cat.compute(progress_bar=False)
    t3 = time.perf_counter()
    print(json.dumps({
        "case": args.case,
        "catalog": args.catalog,
        "query": query,
        "rows": int(len(df)),
        "wall_s": round(STARTUP + (t3 - T_TOP), 3),
        "startup_s": round(STARTUP, 3),
        "import_s": round(t1 - t0, 3),
        "open_s": round(t2 - t1, 3),
        "compute_s": round(t3 - t2, 3),
    }))


if __name__ == "__main__":
    sys.exit(main())
