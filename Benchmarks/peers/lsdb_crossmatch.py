#!/usr/bin/env python3
"""lsdb 0.11.1's crossmatch: the peer figures for Scripts/bench-crossmatch.sh.

    lsdb_crossmatch.py LEFT RIGHT --scheduler distributed|default [--workers 2] [--radius-arcsec 1]

One process:
* `lsdb.open_catalog(LEFT)`, `lsdb.open_catalog(RIGHT)` with all default columns (what lsdb loads
  by default; a collection opens with its default margin),
* `left.crossmatch(right, radius_arcsec=1, n_neighbors=1, suffix_method="all_columns")`
  (all_columns is lsdb 0.11.1's default; passing it only avoids the FutureWarning),
* `.compute()` into one pandas frame.
--scheduler distributed starts a `dask.distributed` LocalCluster of --workers worker processes,
1 thread each, and a Client (so compute runs on it); default leaves Dask's default scheduler
(threads) alone.

Prints one JSON line:
  {"left", "right", "scheduler", "workers", "matches", "wall_s", "startup_s", "import_s",
   "cluster_s", "planning_s", "compute_s"}
* wall_s: from the process start (the kernel's start time of this process, /proc/self/stat) to the
  end of compute: interpreter start-up, imports (numba etc.), cluster start, planning and compute.
* planning_s: open_catalog of both sides + the lazy crossmatch call (pixel alignment, task graph
  set-up); compute_s: `.compute()` only; cluster_s: LocalCluster + Client start-up (0 for default).
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
import tempfile  # noqa: E402
import warnings  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("left")
    ap.add_argument("right")
    ap.add_argument("--scheduler", choices=["distributed", "default"], required=True)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--radius-arcsec", type=float, default=1.0)
    args = ap.parse_args()

    t0 = time.perf_counter()
    import lsdb

    t1 = time.perf_counter()
    client = cluster = None
    workdir = None
    if args.scheduler == "distributed":
        from dask.distributed import Client, LocalCluster

        workdir = tempfile.TemporaryDirectory(prefix="lsdb-xmatch-dask-")
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, local_directory=workdir.name)
        client = Client(cluster)
    t2 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nested-pandas deprecation notices
        left = lsdb.open_catalog(args.left)
        right = lsdb.open_catalog(args.right)
        xm = left.crossmatch(right, radius_arcsec=args.radius_arcsec, n_neighbors=1,
                             suffix_method="all_columns")
        t3 = time.perf_counter()
        df = xm.compute(progress_bar=False)
    t4 = time.perf_counter()
    print(json.dumps({
        "left": args.left,
        "right": args.right,
        "right_margin": right.margin.name if right.margin is not None else None,
        "scheduler": args.scheduler,
        "workers": args.workers if args.scheduler == "distributed" else None,
        "matches": int(len(df)),
        "columns": len(df.columns),
        "wall_s": round(STARTUP + (t4 - T_TOP), 3),
        "startup_s": round(STARTUP, 3),
        "import_s": round(t1 - t0, 3),
        "cluster_s": round(t2 - t1, 3),
        "planning_s": round(t3 - t2, 3),
        "compute_s": round(t4 - t3, 3),
    }), flush=True)
    if client is not None:
        client.close()
        cluster.close()
        workdir.cleanup()


if __name__ == "__main__":
    sys.exit(main())
