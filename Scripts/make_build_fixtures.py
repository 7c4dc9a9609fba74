#!/usr/bin/env python3
"""Write Tests/LSDBTests/Fixtures/build/: lsdb.from_dataframe results on a small table.

Reference: lsdb 0.11.1 `lsdb.from_dataframe` (partitioning, per-partition row order, margin).
Deterministic. Run with the project venv:

    .venv/bin/python Scripts/make_build_fixtures.py

Files:
  table.parquet   3000 rows (id int64, ra, dec double, mag float, band string) in clumps, one
                  across RA=0 and one near the south pole, plus scattered rows.
  expected.json   one entry per case: the arguments, the partitions in lsdb's order with the
                  ids of their rows in lsdb's row order, the margin name and threshold, and the
                  margin partitions with their ids in lsdb's order.
"""
import json
import pathlib
import warnings

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import lsdb

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests/LSDBTests/Fixtures/build"
OUT.mkdir(parents=True, exist_ok=True)

rng = np.random.default_rng(42)
parts = []
for ra, dec, n, width in [(10, 20, 900, 6), (359.5, -3, 700, 4), (200, -85, 500, 3), (95, -25, 400, 0.4)]:
    parts.append((np.mod(ra + rng.normal(0, width, n), 360), np.clip(dec + rng.normal(0, width, n), -89.9, 89.9)))
parts.append((rng.uniform(0, 360, 500), np.degrees(np.arcsin(rng.uniform(-1, 1, 500)))))
ra = np.concatenate([p[0] for p in parts])
dec = np.concatenate([p[1] for p in parts])
order = rng.permutation(len(ra))
ra, dec = ra[order], dec[order]
n = len(ra)
table = pa.table({
    "id": pa.array(np.arange(n, dtype=np.int64) * 7 + 3),
    "ra": pa.array(ra),
    "dec": pa.array(dec),
    "mag": pa.array(rng.uniform(14, 21, n).astype(np.float32)),
    "band": pa.array([["g", "r", "i"][i % 3] for i in range(n)]),
})
pq.write_table(table, OUT / "table.parquet", compression="zstd")
df = table.to_pandas()

cases = [
    {"name": "rows 250", "partition_rows": 250, "highest_order": 5, "margin_threshold": 600.0},
    {"name": "default bytes", "margin_threshold": 3600.0},
    {"name": "keep siblings", "partition_rows": 400, "lowest_order": 1, "drop_empty_siblings": False,
     "margin_threshold": None},
    {"name": "rows 250 margin 20", "partition_rows": 250, "highest_order": 6, "margin_threshold": 20.0},
]
results = []
for case in cases:
    kwargs = {k: v for k, v in case.items() if k != "name"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cat = lsdb.from_dataframe(df.copy(), ra_column="ra", dec_column="dec", **kwargs)
    entry = dict(case)
    entry["partitions"] = []
    for pixel in cat.get_healpix_pixels():
        part = cat.get_partition(pixel.order, pixel.pixel).compute()
        entry["partitions"].append({"pixel": [int(pixel.order), int(pixel.pixel)], "ids": [int(i) for i in part["id"]]})
    if cat.margin is not None:
        entry["margin_name"] = cat.margin.hc_structure.catalog_info.catalog_name
        entry["margin"] = []
        for pixel in cat.margin.get_healpix_pixels():
            part = cat.margin.get_partition(pixel.order, pixel.pixel).compute()
            entry["margin"].append({"pixel": [int(pixel.order), int(pixel.pixel)], "ids": [int(i) for i in part["id"]]})
    results.append(entry)
    print(case["name"], len(entry["partitions"]), "partitions", len(entry.get("margin", [])), "margin partitions",
          sum(len(m["ids"]) for m in entry.get("margin", [])), "margin rows")
(OUT / "expected.json").write_text(json.dumps(results, separators=(",", ":")) + "\n")
