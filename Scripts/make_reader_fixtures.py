#!/usr/bin/env python3
"""Writes the small Parquet files the reader's unit tests and the fuzzer's seed corpus use.

Run with the project venv:  .venv/bin/python Scripts/make_reader_fixtures.py
Outputs: Tests/ParquetTests/Fixtures/reader/*.parquet and Fuzz/corpus/*.parquet (pyarrow 26.0.1).
"""
import pathlib

import pyarrow as pa
import pyarrow.parquet as pq

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests/ParquetTests/Fixtures/reader"
CORPUS = ROOT / "Fuzz/corpus"


def sorted_pages():
    """A sorted int64 `_healpix_29` column in many small pages with a page index, two row groups."""
    n = 20_000
    hp = pa.array([i * 1000 for i in range(n)], pa.int64())
    ra = pa.array([float(i) / 10 for i in range(n)], pa.float64())
    name = pa.array([f"obj{i}" if i % 7 else None for i in range(n)], pa.string())
    table = pa.table({"_healpix_29": hp, "ra": ra, "name": name})
    pq.write_table(table, FIXTURES / "sorted_pages.parquet", row_group_size=10_000, max_rows_per_page=1000,
                   write_page_index=True, compression="zstd",
                   column_encoding={"_healpix_29": "DELTA_BINARY_PACKED", "ra": "BYTE_STREAM_SPLIT"},
                   use_dictionary=["name"], sorting_columns=[pq.SortingColumn(0)])


def sorted_lists():
    """A sorted key with a list column in 100-row pages with a page index (list pages start at rows)."""
    n = 2_000
    key = pa.array(list(range(0, n * 10, 10)), pa.int64())
    values = pa.array([None if i % 13 == 5 else [i * 10 + k for k in range(i % 4)] for i in range(n)],
                      pa.list_(pa.int64()))
    table = pa.table({"key": key, "values": values})
    pq.write_table(table, FIXTURES / "sorted_lists.parquet", max_rows_per_page=100, write_page_index=True,
                   compression="snappy")


def nested_shapes():
    """nested-pandas shapes: struct of lists and list of structs, with nulls and empty lists."""
    lc = pa.array([
        {"t": [1.0, 2.0], "flux": [10.0, None]},
        None,
        {"t": [], "flux": []},
        {"t": [3.5], "flux": [30.5]},
    ], pa.struct([("t", pa.list_(pa.float64())), ("flux", pa.list_(pa.float64()))]))
    obs = pa.array([
        [{"a": 1, "b": "x"}, {"a": None, "b": "y"}],
        [],
        None,
        [{"a": 4, "b": None}],
    ], pa.list_(pa.struct([("a", pa.int32()), ("b", pa.string())])))
    ids = pa.array([1, 2, 3, 4], pa.int64())
    table = pa.table({"id": ids, "lc": lc, "obs": obs})
    pq.write_table(table, FIXTURES / "nested_shapes.parquet")
    pq.write_table(table, CORPUS / "nested_shapes.parquet", compression="none")


def corpus():
    """Tiny valid files covering the main code paths, as fuzzing seeds."""
    t = pa.table({
        "i": pa.array([1, None, 3, 4], pa.int64()),
        "d": pa.array([0.5, 1.5, None, 3.5], pa.float64()),
        "s": pa.array(["a", "bb", None, "a"], pa.string()),
        "b": pa.array([True, False, None, True]),
        "l": pa.array([[1, 2], None, [], [3]], pa.list_(pa.int32())),
    })
    pq.write_table(t, CORPUS / "snappy_dict.parquet")
    pq.write_table(t, CORPUS / "v2_zstd.parquet", data_page_version="2.0", compression="zstd")
    pq.write_table(t, CORPUS / "plain_gzip.parquet", use_dictionary=False, compression="gzip")
    pq.write_table(t.select(["i", "s"]), CORPUS / "delta.parquet", use_dictionary=False,
                   column_encoding={"i": "DELTA_BINARY_PACKED", "s": "DELTA_BYTE_ARRAY"}, compression="lz4")
    pq.write_table(t.select(["i", "d"]), CORPUS / "page_index.parquet", write_page_index=True,
                   column_encoding={"d": "BYTE_STREAM_SPLIT"}, use_dictionary=False, compression="none")


if __name__ == "__main__":
    FIXTURES.mkdir(parents=True, exist_ok=True)
    CORPUS.mkdir(parents=True, exist_ok=True)
    sorted_pages()
    sorted_lists()
    nested_shapes()
    corpus()
