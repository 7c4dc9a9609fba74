#!/usr/bin/env python3
"""Write Tests/HATSTests/Fixtures/alignment.json: hats' own partitioning results.

Reference: hats 0.11.1 `hats.pixel_math.partition_stats.generate_alignment` with
`use_lower_order=True` (as hats-import and lsdb's `from_dataframe` call it). Deterministic.
Run with the project venv:

    .venv/bin/python Scripts/make_partitioning_fixtures.py

Each case holds its parameters, its histogram (sparse `[pixel, count]` pairs at the highest
order, or `"sample": "gaia"` for the histogram of Samples/gaia's `_healpix_29` at that order),
an optional byte histogram, and the expected result: the distinct destinations
`[order, pixel, rows]` in breadth-first order, or the error message.
"""
import json
import pathlib

import numpy as np
import pyarrow.parquet as pq
from hats.pixel_math.partition_stats import generate_alignment
from hats.pixel_math.healpix_pixel_function import get_pixel_argsort
from hats.pixel_math import HealpixPixel

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests/HATSTests/Fixtures/alignment.json"


def gaia_index():
    files = sorted((ROOT / "Samples/gaia/dataset").rglob("Npix=*.parquet"))
    return np.concatenate([pq.read_table(f, columns=["_healpix_29"])["_healpix_29"].to_numpy() for f in files])


def histogram(order, index29):
    return np.bincount(index29 >> (2 * (29 - order)), minlength=12 * 4**order).astype(np.int64)


def clumps(order, seed):
    rng = np.random.default_rng(seed)
    hist = np.zeros(12 * 4**order, dtype=np.int64)
    for _ in range(6):
        centre = rng.integers(0, len(hist))
        width = int(rng.integers(1, 200))
        lo, hi = max(0, centre - width), min(len(hist), centre + width)
        hist[lo:hi] += rng.integers(0, 40, size=hi - lo)
    hist[rng.integers(0, len(hist), size=5)] += 3  # isolated specks
    return hist


def run(hist, high, low, threshold, drop, supplement=None):
    try:
        alignment = generate_alignment(hist, highest_order=high, lowest_order=low, threshold=threshold,
                                       drop_empty_siblings=drop, supplemental_count_histogram=supplement,
                                       use_lower_order=True)
    except ValueError as error:
        return {"error": str(error)}
    dest = {(int(t[0]), int(t[1])): int(t[2]) for t in alignment if t is not None and t[2] > 0}
    pixels = [HealpixPixel(o, p) for o, p in dest]
    ordered = [pixels[i] for i in get_pixel_argsort(pixels)]
    return {"destinations": [[p.order, p.pixel, dest[(p.order, p.pixel)]] for p in ordered]}


def sparse(hist):
    nz = np.nonzero(hist)[0]
    return [[int(i), int(hist[i])] for i in nz]


cases = []
for name, high, low, threshold, drop in [
    ("clumps drop", 4, 0, 600, True), ("clumps keep", 4, 0, 600, False),
    ("clumps lowest 2", 4, 2, 600, True), ("clumps constant 3", 3, 3, 10**9, True),
    ("clumps high threshold", 4, 0, 10**6, True), ("clumps too small", 4, 0, 30, True),
]:
    hist = clumps(high, 7 if high == 4 else 11)
    case = {"name": name, "highest": high, "lowest": low, "threshold": threshold, "drop": drop,
            "histogram": sparse(hist)}
    case.update(run(hist, high, low, threshold, drop))
    cases.append(case)

# byte mode: a supplemental histogram of 24 bytes per row, plus extra in a few bins
hist = clumps(4, 7)
supplement = hist * 24
supplement[np.nonzero(hist)[0][::7]] += 500
case = {"name": "clumps bytes", "highest": 4, "lowest": 0, "threshold": 12000, "drop": True,
        "histogram": sparse(hist), "bytes": sparse(supplement)}
case.update(run(hist, 4, 0, 12000, True, supplement))
cases.append(case)

index = gaia_index()
for high, low, threshold, drop in [(7, 0, 4000, True), (6, 1, 1000, True), (5, 0, 2000, False), (7, 0, 10**6, True)]:
    case = {"name": f"gaia order {high} threshold {threshold}", "sample": "gaia", "highest": high,
            "lowest": low, "threshold": threshold, "drop": drop}
    case.update(run(histogram(high, index), high, low, threshold, drop))
    cases.append(case)

OUT.write_text(json.dumps(cases, indent=None, separators=(",", ":")) + "\n")
print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(cases)} cases)")
