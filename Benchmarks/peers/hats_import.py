#!/usr/bin/env python3
"""Peer of `lsdb import` for Scripts/bench-import.sh: hats-import 0.11.1 on a local Dask client.

Usage: hats_import.py FORMAT OUTPUT_DIR NAME MARGIN_ARCSEC INPUT...

Builds the catalog (hats-import defaults: orders 0-10, 1,000,000-row threshold) and, when
MARGIN_ARCSEC > 0, its margin cache, with a local Dask client of 2 worker processes (1 thread
each). Prints one JSON line: {"catalog_s", "margin_s", "total_s", "partitions", "margin_rows"}.
"""
import json
import pathlib
import sys
import time
import warnings

# This file is named like the package it measures: drop its own directory from the import path.
_here = pathlib.Path(__file__).resolve().parent
sys.path = [p for p in sys.path if pathlib.Path(p or ".").resolve() != _here]


def main():
    fmt, output, name, margin = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    inputs = sys.argv[5:]
    import hats
    from dask.distributed import Client
    from hats_import.catalog.arguments import ImportArguments
    from hats_import.margin_cache.margin_cache_arguments import MarginCacheArguments
    from hats_import.pipeline import pipeline_with_client

    warnings.simplefilter("ignore")
    start = time.perf_counter()
    with Client(n_workers=2, threads_per_worker=1, dashboard_address=None) as client:
        args = ImportArguments(output_artifact_name=name, input_file_list=inputs, file_reader=fmt,
                               ra_column="ra", dec_column="dec", output_path=output, progress_bar=False)
        pipeline_with_client(args, client)
        catalog_s = time.perf_counter() - start
        margin_rows = None
        if margin > 0:
            margin_args = MarginCacheArguments(input_catalog_path=f"{output}/{name}", output_path=output,
                                               output_artifact_name=f"{name}_{int(margin)}arcs",
                                               margin_threshold=margin, progress_bar=False)
            pipeline_with_client(margin_args, client)
            margin_rows = hats.read_hats(f"{output}/{name}_{int(margin)}arcs").catalog_info.total_rows
    total = time.perf_counter() - start
    partitions = len(hats.read_hats(f"{output}/{name}").get_healpix_pixels())
    print(json.dumps({"catalog_s": round(catalog_s, 2), "margin_s": round(total - catalog_s, 2),
                      "total_s": round(total, 2), "partitions": partitions, "margin_rows": margin_rows}))


if __name__ == "__main__":
    main()
