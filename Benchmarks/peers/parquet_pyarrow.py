#!/usr/bin/env python3
"""pyarrow's single-threaded Parquet decode and write speed: the peer figures for ParquetBench.

    parquet_pyarrow.py DATA_DIR [--make-data | --data-only] [--rows N] [--only NAME,...]

With --make-data, first writes the inputs (once; existing files are kept):

* ``radec_hats.parquet``: N rows x 2 doubles (``ra``, ``dec``), hats-import settings
  (ZSTD level 15, BYTE_STREAM_SPLIT, 128 KiB pages, page index, 1Mi-row row groups);
* ``healpix_dbp.parquet``: N sorted int64 ``_healpix_29``, DELTA_BINARY_PACKED + ZSTD(15)
  (hats-import settings for that column);
* ``strings_dict.parquet``: N strings drawn from 1000 distinct values, pyarrow defaults
  (dictionary + RLE_DICTIONARY, SNAPPY).

Then prints one line per benchmark, in the format ParquetBench prints too:

    RESULT pyarrow <bench> rows=<n> bytes=<b> seconds=<best> rows_per_s=<r> MB_per_s=<m>

Decode = ``pq.read_table(path, use_threads=False)`` with ``pa.set_cpu_count(1)`` and one I/O
thread; one warm-up read, then the best of 3. ``bytes`` counts uncompressed value bytes: 8 per
double or int64, and for strings the UTF-8 lengths plus one 8-byte offset per value (Arrow's
large_string layout, which our reader also produces). Nulls: none. MB = 10^6 bytes.
Write = ``radec_hats`` written from memory with the same hats settings, best of 2.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

SEED = 42


def hats_kwargs(schema: pa.Schema, sort_first: bool) -> dict:
    """hats-import 0.11.1's write kwargs (taken from hats when installed)."""
    sorting = [pq.SortingColumn(0)] if sort_first else None
    try:
        from hats.io.file_io.file_io import get_parquet_write_table_kwargs
        extra = {"sorting_columns": sorting} if sorting else {}
        kw = get_parquet_write_table_kwargs(schema, write_table_kwargs=extra)
    except ImportError:
        enc = {f.name: "BYTE_STREAM_SPLIT" for f in schema if pa.types.is_floating(f.type)}
        if "_healpix_29" in schema.names:
            enc["_healpix_29"] = "DELTA_BINARY_PACKED"
        kw = {"compression": "zstd", "compression_level": 15, "column_encoding": enc,
              "use_dictionary": [f.name for f in schema if f.name not in enc],
              "data_page_size": 131072, "dictionary_pagesize_limit": 131072,
              "write_statistics": True, "write_page_index": True}
        if sorting:
            kw["sorting_columns"] = sorting
    kw.pop("row_group_size", None)  # hats-import pixel files: pyarrow's 1Mi-row default
    return kw


def radec_table(n: int) -> pa.Table:
    rng = np.random.default_rng(SEED)
    ra = rng.uniform(0.0, 360.0, n)
    dec = np.degrees(np.arcsin(rng.uniform(-1.0, 1.0, n)))
    return pa.table({"ra": ra, "dec": dec})


def make_data(data: Path, n: int) -> None:
    data.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED + 1)
    path = data / "radec_hats.parquet"
    if not path.exists():
        t = radec_table(n)
        pq.write_table(t, path, **hats_kwargs(t.schema, sort_first=False))
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)", flush=True)
    path = data / "healpix_dbp.parquet"
    if not path.exists():
        # sorted order-29 pixels of ~1M sources per order-5 pixel: exponential gaps, mean 2^28
        steps = rng.exponential(2.0**28, n).astype(np.int64) + 1
        t = pa.table({"_healpix_29": np.cumsum(steps) + 2**52})
        pq.write_table(t, path, **hats_kwargs(t.schema, sort_first=True))
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)", flush=True)
    path = data / "strings_dict.parquet"
    if not path.exists():
        vocab = np.array([f"source-class-{i:04d}-{'x' * (i % 17)}" for i in range(1000)], dtype=object)
        t = pa.table({"name": pa.array(vocab[rng.integers(0, 1000, n)], pa.string())})
        pq.write_table(t, path)
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)", flush=True)


def value_bytes(table: pa.Table) -> int:
    """Uncompressed value bytes, as documented in the module docstring."""
    total = 0
    for col in table.columns:
        if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
            total += int(pc.sum(pc.utf8_length(col)).as_py() or 0) + 8 * len(col)
        else:
            total += col.type.bit_width // 8 * len(col)
    return total


def result(bench: str, rows: int, nbytes: int, seconds: float) -> None:
    print(f"RESULT pyarrow {bench} rows={rows} bytes={nbytes} seconds={seconds:.6f} "
          f"rows_per_s={rows / seconds:.0f} MB_per_s={nbytes / seconds / 1e6:.1f}", flush=True)


def bench_decode(bench: str, path: Path) -> None:
    table = pq.read_table(path, use_threads=False)  # warm-up (page cache, allocator)
    rows, nbytes = table.num_rows, value_bytes(table)
    del table
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        table = pq.read_table(path, use_threads=False)
        best = min(best, time.perf_counter() - t0)
        del table
    result(bench, rows, nbytes, best)


def bench_write(bench: str, path: Path) -> None:
    table = pq.read_table(path, use_threads=False)
    kw = hats_kwargs(table.schema, sort_first=False)
    best = float("inf")
    with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
        out = Path(tmp) / "out.parquet"
        for _ in range(2):
            t0 = time.perf_counter()
            pq.write_table(table, out, **kw)
            best = min(best, time.perf_counter() - t0)
    result(bench, table.num_rows, value_bytes(table), best)


BENCHES = {
    "decode_radec_bss_zstd": lambda d: bench_decode("decode_radec_bss_zstd", d / "radec_hats.parquet"),
    "decode_healpix_dbp_zstd": lambda d: bench_decode("decode_healpix_dbp_zstd", d / "healpix_dbp.parquet"),
    "decode_strings_dict_snappy": lambda d: bench_decode("decode_strings_dict_snappy", d / "strings_dict.parquet"),
    "write_radec_hats": lambda d: bench_write("write_radec_hats", d / "radec_hats.parquet"),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--make-data", action="store_true")
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--only", default="", help="comma list of benchmarks (default: all)")
    ap.add_argument("--data-only", action="store_true", help="write the inputs, run nothing")
    args = ap.parse_args()
    pa.set_cpu_count(1)
    pa.set_io_thread_count(1)
    if args.make_data or args.data_only:
        make_data(args.data, args.rows)
    if args.data_only:
        return
    names = [n for n in args.only.split(",") if n] or list(BENCHES)
    for name in names:
        BENCHES[name](args.data)


if __name__ == "__main__":
    main()
