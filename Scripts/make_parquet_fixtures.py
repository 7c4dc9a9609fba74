#!/usr/bin/env python3
"""Write the Parquet reference fixtures used by Tests/ParquetTests/FixtureTests.swift.

Run with the project venv (pyarrow 26.0.1, duckdb, polars, numpy):

    .venv/bin/python Scripts/make_parquet_fixtures.py

Every fixture ``NAME.parquet`` gets a sidecar ``NAME.expected.json``:

    {"file": "NAME.parquet", "description": "...", "num_rows": N, "num_row_groups": G,
     "columns": [{"name", "type", "arrow_type", "nullable", "values"}, ...]}

* ``type`` is the pyarrow type derived from the Parquet schema alone (what a reader
  that ignores the ``ARROW:schema`` key-value hint reports); ``arrow_type`` is what
  pyarrow reports with the hint (for example ``large_string`` or a named time zone).
  Values always follow ``type`` (a ``timestamp[s]`` column is stored, and listed, in ms).
* Value encoding (lossless in JSON): null -> null; bool -> true/false; int8..int32 and
  uint8..uint32 -> numbers; int64/uint64 -> decimal strings; float/double/halffloat ->
  ``repr(float(x))`` strings ("nan", "inf", "-inf", "-0.0" kept; a float32 is widened to
  double exactly); string -> string; binary/fixed_size_binary -> lowercase hex;
  timestamps and times -> integers in the unit of ``type``; date32 -> days since the epoch;
  decimal -> the decimal string (``"-123.45"``); list -> nested list; struct -> object.

The output is deterministic (seeded) and small (well under 1 MB in all).
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import math
import shutil
import struct
import sys
import tempfile
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "ParquetTests" / "Fixtures"
SEED = 20261124


# ---------------------------------------------------------------------------
# Expected-value encoding
# ---------------------------------------------------------------------------

def _float_str(v) -> str:
    f = float(v)
    if math.isnan(f):
        return "nan"
    return repr(f)  # 'inf', '-inf', '-0.0' and shortest round-trip digits


def encode_array(arr: pa.Array) -> list:
    """Encode one Arrow array as a JSON-safe list (see the module docstring)."""
    t = arr.type
    valid = arr.is_valid().to_pylist() if len(arr) else []
    if pa.types.is_timestamp(t) or pa.types.is_date64(t) or pa.types.is_duration(t):
        return [None if v is None else int(v) for v in arr.cast(pa.int64()).to_pylist()]
    if pa.types.is_date32(t) or pa.types.is_time32(t):
        return arr.cast(pa.int32()).to_pylist()
    if pa.types.is_time64(t):
        return arr.cast(pa.int64()).to_pylist()
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        child = encode_array(arr.flatten())
        lengths = arr.value_lengths().to_pylist()
        out, pos = [], 0
        for ok, n in zip(valid, lengths):
            if not ok:
                out.append(None)
                continue
            out.append(child[pos:pos + n])
            pos += n
        return out
    if pa.types.is_struct(t):
        fields = {t.field(i).name: encode_array(arr.field(i)) for i in range(t.num_fields)}
        return [None if not ok else {k: v[i] for k, v in fields.items()}
                for i, ok in enumerate(valid)]
    values = arr.to_pylist()
    if pa.types.is_integer(t) and t.bit_width == 64:
        return [None if v is None else str(v) for v in values]
    if pa.types.is_floating(t):
        return [None if v is None else _float_str(v) for v in values]
    if pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_fixed_size_binary(t):
        return [None if v is None else v.hex() for v in values]
    if pa.types.is_decimal(t):
        return [None if v is None else f"{v:f}" for v in values]  # fixed point, never "0E-10"
    if pa.types.is_dictionary(t):
        return encode_array(arr.cast(t.value_type))
    return values  # bool, small ints, strings


def parquet_derived_schema(table: pa.Table, write_kwargs: dict) -> pa.Schema:
    """The Arrow schema pyarrow derives from the Parquet schema alone (no ARROW:schema)."""
    keep = {k: v for k, v in write_kwargs.items()
            if k in ("use_deprecated_int96_timestamps", "coerce_timestamps",
                     "allow_truncated_timestamps", "store_decimal_as_integer", "version")}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "schema.parquet"
        pq.write_table(table.slice(0, 0), path, store_schema=False, **keep)
        return pq.read_schema(path)


def write_expected(path: Path, description: str, derived: pa.Schema, *,
                   table: pa.Table | None = None, extra: dict | None = None,
                   with_values: bool = True) -> None:
    """Read `path` back with pyarrow and write `path.expected.json`.

    With `with_values=False` (metadata-only files) columns carry no "values" key."""
    md = pq.read_metadata(path)
    if table is None:
        table = pq.read_table(path)
    hinted = table.schema
    table = table.cast(derived)  # e.g. timestamp[s] -> [ms], large_string -> string
    columns = []
    for i, field in enumerate(derived):
        columns.append({
            "name": field.name,
            "type": str(field.type),
            "arrow_type": str(hinted.field(i).type),
            "nullable": field.nullable,
        })
        if with_values:
            columns[-1]["values"] = encode_array(table.column(i).combine_chunks())
    doc = {
        "file": path.name,
        "description": description,
        "num_rows": md.num_rows,
        "num_row_groups": md.num_row_groups,
        "created_by": md.created_by,
        "columns": columns,
    }
    if extra:
        doc.update(extra)
    with open(path.with_name(path.name + ".expected.json"), "w") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")


def fixture(name: str, table: pa.Table, description: str, *, skip_readers: dict | None = None,
            **kwargs) -> Path:
    """Write `table` with pq.write_table(**kwargs) and its sidecar JSON.

    `skip_readers` records tools that cannot read the file (Scripts/interop_parquet.py skips them)."""
    path = OUT / name
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, **kwargs)
    write_expected(path, description, parquet_derived_schema(table, kwargs),
                   extra={"skip_readers": skip_readers} if skip_readers else None)
    return path


def column_encodings(path: Path) -> dict[str, set[str]]:
    """Encodings listed in the footer per leaf path (union over row groups)."""
    md = pq.read_metadata(path)
    out: dict[str, set[str]] = {}
    for r in range(md.num_row_groups):
        for c in range(md.num_columns):
            col = md.row_group(r).column(c)
            out.setdefault(col.path_in_schema, set()).update(col.encodings)
    return out


def require(cond: bool, what: str) -> None:
    if not cond:
        sys.exit(f"fixture check failed: {what}")


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------

rng = np.random.default_rng(SEED)

F64_SPECIAL = [0.1, float("nan"), float("inf"), float("-inf"), -0.0, 0.0,
               5e-324, 1.7976931348623157e308, -2.5, 1e-300]
F32_SPECIAL = [0.1, float("nan"), float("inf"), float("-inf"), -0.0, 0.0,
               1.401298464324817e-45, 3.4028234663852886e38, -2.5, 1e-30]
STRINGS = ["", "a", "héllo", "日本語", "emoji 🚀", "tab\tnew\nline", 'quote "x"', "x" * 40,
           "NUL\x00in", "last"]


def with_nulls(values: list, every: int, offset: int = 0) -> list:
    """Replace every `every`-th value (starting at `offset`) by None."""
    return [None if (i - offset) % every == 0 else v for i, v in enumerate(values)]


def types_table(n: int = 10, nullable: bool = True) -> pa.Table:
    """One column per flat Arrow type, with extremes and (if nullable) one null each."""
    ts_s = [-86400 * 365 * 30, 0, 1, 1_700_000_000, 2_000_000_000, -1, 86399, 951782400, 4102444800, 12345]
    cols = {
        "bool": (pa.bool_(), [True, False, True, True, False, False, True, False, True, False]),
        "int8": (pa.int8(), [-128, 127, 0, -1, 1, 42, -42, 100, -100, 7]),
        "int16": (pa.int16(), [-32768, 32767, 0, -1, 1, 1234, -1234, 300, -300, 7]),
        "int32": (pa.int32(), [-2**31, 2**31 - 1, 0, -1, 1, 123456, -123456, 65536, -65536, 7]),
        "int64": (pa.int64(), [-2**63, 2**63 - 1, 0, -1, 1, 2**53 + 1, -(2**53 + 1), 2**40, -2**40, 7]),
        "uint8": (pa.uint8(), [0, 255, 1, 128, 127, 200, 42, 254, 100, 7]),
        "uint16": (pa.uint16(), [0, 65535, 1, 32768, 32767, 40000, 42, 65534, 100, 7]),
        "uint32": (pa.uint32(), [0, 2**32 - 1, 1, 2**31, 2**31 - 1, 3_000_000_000, 42, 2**32 - 2, 100, 7]),
        "uint64": (pa.uint64(), [0, 2**64 - 1, 1, 2**63, 2**63 - 1, 2**53 + 1, 42, 2**64 - 2, 100, 7]),
        "float": (pa.float32(), F32_SPECIAL),
        "double": (pa.float64(), F64_SPECIAL),
        "string": (pa.string(), STRINGS),
        "large_string": (pa.large_string(), list(reversed(STRINGS))),
        "binary": (pa.binary(), [b"", b"\x00", bytes(range(256)), b"abc", b"\xff\xfe", b"x" * 20,
                                 b"\x01\x02", b"z", b"\x80", b"end"]),
        "fixed_size_binary": (pa.binary(4), [b"\x00\x00\x00\x00", b"\xff\xff\xff\xff", b"abcd", b"\x01\x02\x03\x04",
                                             b"wxyz", b"1234", b"\x80\x00\x00\x01", b"AAAA", b"zzzz", b"\x7f\x7f\x7f\x7f"]),
        "ts_s": (pa.timestamp("s"), ts_s),
        "ts_ms": (pa.timestamp("ms"), [v * 1000 + 123 for v in ts_s]),
        "ts_us": (pa.timestamp("us"), [v * 1_000_000 + 456_789 for v in ts_s]),
        "ts_ns": (pa.timestamp("ns"), [v * 1_000_000_000 + 987_654_321 for v in ts_s]),
        "ts_s_utc": (pa.timestamp("s", tz="UTC"), ts_s),
        "ts_ms_paris": (pa.timestamp("ms", tz="Europe/Paris"), [v * 1000 for v in ts_s]),
        "ts_us_utc": (pa.timestamp("us", tz="UTC"), [v * 1_000_000 + 1 for v in ts_s]),
        "ts_ns_utc": (pa.timestamp("ns", tz="UTC"), [v * 1_000_000_000 + 1 for v in ts_s]),
        "date32": (pa.date32(), [-719162, 0, 1, -1, 19000, 2932896, 10957, 18262, -25567, 20000]),
        "time32_ms": (pa.time32("ms"), [0, 1, 1000, 86_399_999, 43_200_000, 5, 60_000, 3_600_000, 12_345, 7]),
        "time64_us": (pa.time64("us"), [0, 1, 10**6, 86_399_999_999, 43_200_000_000, 5, 6 * 10**7, 1, 12_345, 7]),
        # whole microseconds: pandas refuses to convert times with nanoseconds to datetime.time
        "time64_ns": (pa.time64("ns"), [0, 1000, 10**9, 86_399_999_999_000, 43_200_000_001_000, 5000,
                                        6 * 10**10, 1000, 12_345_000, 7000]),
        "decimal_5_2": (pa.decimal128(5, 2), ["-999.99", "999.99", "0.00", "-0.01", "0.01", "123.45", "-123.45",
                                              "1.00", "42.42", "7.00"]),
        "decimal_18_4": (pa.decimal128(18, 4), ["-99999999999999.9999", "99999999999999.9999", "0.0000",
                                                "-0.0001", "1.2345", "3.1416", "-2.7183", "1000000.0000",
                                                "42.0000", "7.0000"]),
        "decimal_38_10": (pa.decimal128(38, 10), ["-9999999999999999999999999999.9999999999",
                                                  "9999999999999999999999999999.9999999999", "0E-10",
                                                  "-0.0000000001", "1.0000000001", "3.1415926536",
                                                  "-2.7182818285", "12345678901234567890.1234567890",
                                                  "42.0000000000", "7.0000000000"]),
    }
    arrays, fields = [], []
    for k, (name, (typ, vals)) in enumerate(cols.items()):
        vals = vals[:n]
        if pa.types.is_decimal(typ):
            vals = [decimal.Decimal(v) for v in vals]
        if nullable:
            vals = [None if i == k % n else v for i, v in enumerate(vals)]
        arrays.append(pa.array(vals, typ))
        fields.append(pa.field(name, typ, nullable=nullable))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def nested_table() -> pa.Table:
    """Lists, structs, lists of structs (nested-pandas-like) and lists of lists."""
    nan = float("nan")
    list_double = [[1.0, 2.0], None, [], [None], [3.5, None, nan], [-0.0], [float("inf")] * 3,
                   [], None, [0.25, 0.5, 0.75, 1.0]]
    list_int64 = [[1, -2, 2**62], [], None, [None, 5], [0], [2**63 - 1, -2**63], None, [7] * 5, [], [9]]
    list_string = [["a", "", None], None, [], ["日本"], ["x", "y"], [""], None, ["long" * 10], [], ["z"]]
    struct = [{"x": 1, "y": "one", "z": 1.5}, None, {"x": None, "y": None, "z": None},
              {"x": -4, "y": "", "z": nan}, {"x": 2**31 - 1, "y": "é", "z": -0.0}, None,
              {"x": 0, "y": "zero", "z": 0.0}, {"x": 7, "y": None, "z": 7.0},
              {"x": None, "y": "n", "z": None}, {"x": 9, "y": "nine", "z": 9.0}]
    struct_t = pa.struct([("x", pa.int32()), ("y", pa.string()), ("z", pa.float64())])
    lc = [[{"mjd": 60000.5, "flux": 1.25, "band": "g"}, {"mjd": 60001.5, "flux": None, "band": "r"}],
          None, [], [None], [{"mjd": 60002.0, "flux": 3.0, "band": None}],
          [{"mjd": nan, "flux": -1.0, "band": "i"}] * 3, None, [],
          [{"mjd": 1.0, "flux": 2.0, "band": "z"}], [None, {"mjd": 5.0, "flux": 6.0, "band": "y"}]]
    lc_t = pa.list_(pa.field("element", pa.struct([("mjd", pa.float64()), ("flux", pa.float32()),
                                                   ("band", pa.string())])))
    struct_list = [{"id": 1, "vals": [1.0, None]}, None, {"id": None, "vals": None}, {"id": 4, "vals": []},
                   {"id": 5, "vals": [5.0]}, {"id": 6, "vals": None}, None, {"id": 8, "vals": [8.0, 8.5]},
                   {"id": 9, "vals": []}, {"id": 10, "vals": [10.0]}]
    struct_list_t = pa.struct([("id", pa.int64()), ("vals", pa.list_(pa.field("element", pa.float64())))])
    list_list = [[[1, 2], [3]], None, [], [None, []], [[None, 4]], [[5]], None, [[], []], [[6, 7, 8]], [[9]]]
    list_list_t = pa.list_(pa.field("element", pa.list_(pa.field("element", pa.int32()))))
    return pa.table({
        "id": pa.array(range(10), pa.int64()),
        "list_double": pa.array(list_double, pa.list_(pa.field("element", pa.float64()))),
        "list_int64": pa.array(list_int64, pa.list_(pa.field("element", pa.int64()))),
        "list_string": pa.array(list_string, pa.list_(pa.field("element", pa.string()))),
        "struct": pa.array(struct, struct_t),
        "lightcurve": pa.array(lc, lc_t),
        "struct_list": pa.array(struct_list, struct_list_t),
        "list_list": pa.array(list_list, list_list_t),
    })


def mixed_table(n: int, *, null_every: int = 7) -> pa.Table:
    """A catalog-like table: ids, coordinates, a category, a flag and a list of doubles."""
    ra = np.round(rng.uniform(0, 360, n), 7)  # rounded: shorter JSON, still full-entropy mantissas
    dec = np.round(np.degrees(np.arcsin(rng.uniform(-1, 1, n))), 7)
    mag = rng.normal(20, 1.5, n).astype(np.float32)
    cats = ["galaxy", "star", "qso", "unknown", "sn Ia", "étoile"]
    cat = [cats[i] for i in rng.integers(0, len(cats), n)]
    lens = rng.integers(0, 5, n)
    lists = []
    for i, k in enumerate(lens):
        if i % 11 == 3:
            lists.append(None)
        else:
            vals = [float(x) for x in np.round(rng.normal(0, 1, k), 6)]
            if k and i % 5 == 0:
                vals[0] = None
            lists.append(vals)
    return pa.table({
        "id": pa.array(np.arange(n, dtype=np.int64) * 3 + 1),
        "ra": pa.array(ra),
        "dec": pa.array(with_nulls(list(dec), null_every, 2), pa.float64()),
        "mag": pa.array(with_nulls(list(mag), null_every, 5), pa.float32()),
        "nobs": pa.array(with_nulls([int(x) for x in rng.integers(0, 1000, n)], null_every, 1), pa.int32()),
        "class": pa.array(with_nulls(cat, null_every, 3), pa.string()),
        "flag": pa.array(with_nulls([bool(x) for x in rng.integers(0, 2, n)], null_every, 4), pa.bool_()),
        "fluxes": pa.array(lists, pa.list_(pa.field("element", pa.float64()))),
    })


def healpix_table(n: int, start: int = 0) -> pa.Table:
    """A HATS-like partition: sorted `_healpix_29` first, then catalog columns."""
    hp = np.sort(rng.integers(start, start + 2**40, n, dtype=np.int64))
    t = mixed_table(n)
    names = t.column("class").cast(pa.large_string())  # hats-import reads CSV strings as large_string
    return pa.table({
        "_healpix_29": pa.array(hp),
        "source_id": t.column("id"),
        "ra": t.column("ra"),
        "dec": t.column("dec"),
        "phot_g_mean_mag": t.column("mag"),
        "nobs": t.column("nobs"),
        "class": names,
        "fluxes": t.column("fluxes"),
    })


def hats_kwargs(schema: pa.Schema) -> dict:
    """hats-import's write_table kwargs, from hats itself when installed (else a copy)."""
    sorting = [pq.SortingColumn(0)]
    try:
        from hats.io.file_io.file_io import get_parquet_write_table_kwargs
        kw = get_parquet_write_table_kwargs(schema, write_table_kwargs={"sorting_columns": sorting})
    except ImportError:  # hats 0.11.1 defaults
        floats = [f.name for f in schema if pa.types.is_floating(f.type)]
        enc = {name: "BYTE_STREAM_SPLIT" for name in floats}
        enc["_healpix_29"] = "DELTA_BINARY_PACKED"
        kw = {"compression": "zstd", "compression_level": 15, "column_encoding": enc,
              "use_dictionary": [f.name for f in schema if f.name not in enc],
              "data_page_size": 128 * 1024, "dictionary_pagesize_limit": 128 * 1024,
              "write_statistics": True, "write_page_index": True, "sorting_columns": sorting}
    kw.pop("row_group_size", None)  # hats-import drops it for pixel files
    return kw


def write_hats_file(path: Path, table: pa.Table, description: str) -> pq.FileMetaData:
    """Write a pixel file as hats-import does: ParquetWriter + hats kwargs + sorting_columns."""
    path.parent.mkdir(parents=True, exist_ok=True)
    kw = hats_kwargs(table.schema)
    with pq.ParquetWriter(path, table.schema, **kw) as w:
        w.write_table(table)
    checks = {"statistics": True, "sorting_columns": [[0, False, False]], "page_index": True, "codec": "ZSTD",
              "encodings": {"_healpix_29": ["DELTA_BINARY_PACKED"], "ra": ["BYTE_STREAM_SPLIT"]}}
    write_expected(path, description, parquet_derived_schema(table, {}), extra={"checks": checks})
    return pq.read_metadata(path)


# ---------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------

# ---------------------------------------------------------------------------
# Byte-level fixtures: layouts that pyarrow, DuckDB and polars do not write
# (legacy lists, rows split across v1 pages, parquet-mr quirks, Hadoop LZ4).
# A minimal compact-Thrift encoder and page writer: PLAIN values, RLE/bit-packed levels, v1 pages.
# ---------------------------------------------------------------------------

T_TRUE, T_FALSE, T_I32, T_I64, T_BIN, T_LIST, T_STRUCT = 1, 2, 5, 6, 8, 9, 12


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _zigzag(n: int) -> int:
    return (n << 1) ^ (n >> 63)


def thrift_struct(fields: list[tuple[int, str, object]]) -> bytes:
    """Compact-protocol struct from (field id, kind, value); kinds: i32, i64, bin, bool, struct
    (value = nested field list), list_i32, list_bin, list_struct. Field ids must ascend."""
    out, last = bytearray(), 0

    def header(fid: int, ftype: int) -> None:
        nonlocal last
        delta = fid - last
        if 0 < delta <= 15:
            out.append(delta << 4 | ftype)
        else:
            out.append(ftype)
            out.extend(_varint(_zigzag(fid)))
        last = fid

    def list_header(etype: int, n: int) -> None:
        out.append(n << 4 | etype) if n < 15 else out.extend(bytes([0xF0 | etype]) + _varint(n))

    for fid, kind, value in fields:
        if value is None:
            continue
        if kind == "bool":
            header(fid, T_TRUE if value else T_FALSE)
        elif kind in ("i32", "i64"):
            header(fid, T_I32 if kind == "i32" else T_I64)
            out.extend(_varint(_zigzag(value)))
        elif kind == "bin":
            data = value.encode() if isinstance(value, str) else value
            header(fid, T_BIN)
            out.extend(_varint(len(data)) + data)
        elif kind == "struct":
            header(fid, T_STRUCT)
            out.extend(thrift_struct(value))
        elif kind == "list_i32":
            header(fid, T_LIST)
            list_header(T_I32, len(value))
            for v in value:
                out.extend(_varint(_zigzag(v)))
        elif kind == "list_bin":
            header(fid, T_LIST)
            list_header(T_BIN, len(value))
            for v in value:
                data = v.encode() if isinstance(v, str) else v
                out.extend(_varint(len(data)) + data)
        elif kind == "list_struct":
            header(fid, T_LIST)
            list_header(T_STRUCT, len(value))
            for v in value:
                out.extend(thrift_struct(v))
        else:
            raise ValueError(kind)
    out.append(0)
    return bytes(out)


def hybrid_levels(levels: list[int], width: int) -> bytes:
    """Levels as one bit-packed RLE-hybrid run (padded to 8 values), with the v1 u32 length prefix."""
    padded = levels + [0] * (-len(levels) % 8)
    bits = 0
    for i, v in enumerate(padded):
        bits |= v << (i * width)
    body = _varint((len(padded) // 8) << 1 | 1) + bits.to_bytes(len(padded) * width // 8, "little")
    return len(body).to_bytes(4, "little") + body


def schema_element(name: str, *, type_: int | None = None, repetition: int | None = None,
                   children: int | None = None, converted: int | None = None) -> list:
    return [(1, "i32", type_), (3, "i32", repetition), (4, "bin", name),
            (5, "i32", children), (6, "i32", converted)]


REQUIRED, OPTIONAL, REPEATED = 0, 1, 2
INT32, INT64 = 1, 2
CT_LIST = 3


def write_handmade(path: Path, schema: list[list], columns: list[dict], num_rows: int) -> None:
    """Write a file from a flattened schema and, per leaf, a list of pages:
    {"path": [...], "type": INT32/INT64, "codec": 0, "pages": [(rep, def, values)], "max_rep", "max_def",
     "dictionary_page_offset_zero": bool, "compress": callable or None}."""
    out = bytearray(b"PAR1")
    chunks = []
    for col in columns:
        start = len(out)
        fmt = "<i" if col["type"] == INT32 else "<q"
        n_levels = 0
        for rep, dfn, values in col["pages"]:
            body = b""
            if col["max_rep"]:
                body += hybrid_levels(rep, col["max_rep"].bit_length())
            if col["max_def"]:
                body += hybrid_levels(dfn, col["max_def"].bit_length())
            body += b"".join(struct.pack(fmt, v) for v in values)
            stored = col["compress"](body) if col.get("compress") else body
            n = len(dfn) if col["max_def"] else len(values)
            n_levels += n
            header = thrift_struct([(1, "i32", 0), (2, "i32", len(body)), (3, "i32", len(stored)),
                                    (5, "struct", [(1, "i32", n), (2, "i32", 0), (3, "i32", 3), (4, "i32", 3)])])
            out.extend(header + stored)
        size = len(out) - start
        meta = [(1, "i32", col["type"]), (2, "list_i32", [0, 3]), (3, "list_bin", col["path"]),
                (4, "i32", col.get("codec", 0)), (5, "i64", n_levels), (6, "i64", size), (7, "i64", size),
                (9, "i64", start), (11, "i64", 0 if col.get("dictionary_page_offset_zero") else None)]
        chunks.append([(2, "i64", 0), (3, "struct", meta)])
    total = len(out) - 4
    footer = thrift_struct([
        (1, "i32", 1), (2, "list_struct", schema), (3, "i64", num_rows),
        (4, "list_struct", [[(1, "list_struct", chunks), (2, "i64", total), (3, "i64", num_rows)]]),
        (6, "bin", "lsdb-swift make_parquet_fixtures.py (hand-made layout)"),
    ])
    out.extend(footer + len(footer).to_bytes(4, "little") + b"PAR1")
    path.write_bytes(bytes(out))


def handmade_fixtures() -> None:
    """Legacy list shapes, rows split across pages, dictionary_page_offset=0 and Hadoop LZ4."""
    def save(name: str, schema, columns, num_rows, description, skip_readers=None) -> None:
        path = OUT / name
        write_handmade(path, schema, columns, num_rows)
        write_expected(path, description, pq.read_schema(path),  # pyarrow is the reference
                       extra={"skip_readers": skip_readers} if skip_readers else None)

    ids = {"path": ["id"], "type": INT32, "max_rep": 0, "max_def": 0, "pages": [([], [], [0, 1, 2, 3])]}
    # optional group a (LIST) { repeated int32 array; }  rows [1,2], null, [], [3]
    save("legacy_two_level_list.parquet",
         [schema_element("schema", children=2), schema_element("id", type_=INT32, repetition=REQUIRED),
          schema_element("a", repetition=OPTIONAL, children=1, converted=CT_LIST),
          schema_element("array", type_=INT32, repetition=REPEATED)],
         [ids, {"path": ["a", "array"], "type": INT32, "max_rep": 1, "max_def": 2,
                "pages": [([0, 1, 0, 0, 0], [2, 2, 0, 1, 2], [1, 2, 3])]}],
         4, "legacy 2-level LIST: optional group a (LIST) { repeated int32 array }")
    # repeated int32 x (no LIST annotation): a required list of required elements
    save("repeated_no_annotation.parquet",
         [schema_element("schema", children=2), schema_element("id", type_=INT32, repetition=REQUIRED),
          schema_element("x", type_=INT32, repetition=REPEATED)],
         [ids, {"path": ["x"], "type": INT32, "max_rep": 1, "max_def": 1,
                "pages": [([0, 1, 0, 0, 0, 1, 1], [1, 1, 0, 1, 1, 1, 1], [1, 2, 3, 4, 5, 6])]}],
         4, "unannotated repeated primitive: repeated int32 x (rows [1,2], [], [3], [4,5,6])")
    # Spark/parquet-avro legacy names: optional group a (LIST) { repeated group bag { optional int32 array } }
    save("spark_bag_array_list.parquet",
         [schema_element("schema", children=2), schema_element("id", type_=INT32, repetition=REQUIRED),
          schema_element("a", repetition=OPTIONAL, children=1, converted=CT_LIST),
          schema_element("bag", repetition=REPEATED, children=1),
          schema_element("array", type_=INT32, repetition=OPTIONAL)],
         [ids, {"path": ["a", "bag", "array"], "type": INT32, "max_rep": 1, "max_def": 3,
                "pages": [([0, 1, 0, 0, 0], [3, 2, 0, 1, 3], [1, 3])]}],
         4, "3-level LIST with Spark's legacy names bag/array (rows [1,null], null, [], [3])")
    # optional group a (LIST) { repeated group list { optional int64 element } }, row 0 spans pages 1-2
    save("rows_span_pages.parquet",
         [schema_element("schema", children=1),
          schema_element("a", repetition=OPTIONAL, children=1, converted=CT_LIST),
          schema_element("list", repetition=REPEATED, children=1),
          schema_element("element", type_=INT64, repetition=OPTIONAL)],
         [{"path": ["a", "list", "element"], "type": INT64, "max_rep": 1, "max_def": 3,
           "pages": [([0, 1], [3, 3], [1, 2]),
                     ([1, 0, 0, 1, 0, 0], [3, 3, 3, 2, 0, 3], [3, 4, 5, 6]),
                     ([1, 0], [3, 1], [7])]}],
         6, "v1 pages that split rows: [1,2 | 3], [4], [5,null], null, [6 | 7], []")
    # parquet-mr writes dictionary_page_offset = 0 for chunks without a dictionary
    save("dict_page_offset_zero.parquet",
         [schema_element("schema", children=1), schema_element("v", type_=INT64, repetition=OPTIONAL)],
         [{"path": ["v"], "type": INT64, "max_rep": 0, "max_def": 1, "dictionary_page_offset_zero": True,
           "pages": [([], [1, 0, 1, 1], [10, -20, 30])]}],
         4, "ColumnMetaData.dictionary_page_offset = 0 on a chunk without a dictionary (parquet-mr quirk)",
         skip_readers={"polars": "polars 2.1 seeks to dictionary_page_offset 0 and fails (Invalid thrift)"})

    def hadoop_lz4(body: bytes) -> bytes:
        block = pa.compress(body, codec="lz4_raw", asbytes=True)
        return struct.pack(">II", len(body), len(block)) + block

    values = [int(x) for x in np.random.default_rng(SEED).integers(-2**40, 2**40, 300)]
    save("hadoop_lz4.parquet",
         [schema_element("schema", children=1), schema_element("v", type_=INT64, repetition=REQUIRED)],
         [{"path": ["v"], "type": INT64, "max_rep": 0, "max_def": 0, "codec": 5, "compress": hadoop_lz4,
           "pages": [([], [], values[:200]), ([], [], values[200:])]}],
         300, "deprecated LZ4 (codec 5) with Hadoop framing: [u32 BE raw size][u32 BE block size][LZ4 block]")


def main() -> None:
    if OUT.exists():  # regenerate everything we own; leave Fixtures/reader/ alone
        for p in OUT.iterdir():
            if p.name in ("reader", "README.md"):
                continue
            shutil.rmtree(p) if p.is_dir() else p.unlink()
    OUT.mkdir(parents=True, exist_ok=True)

    # Defaults and types ----------------------------------------------------
    fixture("pyarrow_default.parquet", mixed_table(300),
            "pq.write_table defaults: SNAPPY, dictionary + RLE_DICTIONARY, v1 pages, OPTIONAL columns")
    fixture("types.parquet", types_table(),
            "every flat type with extremes, NaN/inf/-0.0, unicode, one null per column; pyarrow defaults")
    fixture("types_required.parquet", types_table(nullable=False),
            "every flat type as REQUIRED (non-nullable) columns; pyarrow defaults")
    fixture("types_plain_uncompressed.parquet", types_table(),
            "every flat type, use_dictionary=False, compression=none (pure PLAIN pages)",
            use_dictionary=False, compression="none")
    fixture("decimal_as_integer.parquet",
            types_table().select(["decimal_5_2", "decimal_18_4", "decimal_38_10"]),
            "decimals stored as INT32/INT64/FLBA (store_decimal_as_integer=True)",
            store_decimal_as_integer=True)
    fixture("float16.parquet",
            pa.table({"half": pa.array(np.array([0.5, np.nan, np.inf, -np.inf, -0.0, 65504, 6e-8, None, 1.0, -2.0],
                                                dtype=object), pa.float16())}),
            "halffloat column: FIXED_LEN_BYTE_ARRAY(2) + FLOAT16 logical type")
    fixture("nested.parquet", nested_table(),
            "lists (null/empty/null elements), structs, list<struct> (nested-pandas-like), struct<list>, list<list>")
    fixture("nulls.parquet", pa.table({
        "all_null_double": pa.array([None] * 50, pa.float64()),
        "all_null_string": pa.array([None] * 50, pa.string()),
        "all_null_int64": pa.array([None] * 50, pa.int64()),
        "all_null_bool": pa.array([None] * 50, pa.bool_()),
        "all_null_list": pa.array([None] * 50, pa.list_(pa.field("element", pa.float64()))),
        "mostly_null": pa.array([None] * 49 + [3.0], pa.float64()),
        "one_null": pa.array([float(i) for i in range(49)] + [None], pa.float64()),
        "list_of_nulls": pa.array([[None, None]] * 50, pa.list_(pa.field("element", pa.int64()))),
    }), "all-null columns (empty dictionary pages), mostly-null and list-of-null columns")

    # Pages, row groups, dictionaries -----------------------------------------
    n = 600
    fb = pa.table({
        "unique_string": pa.array(with_nulls([f"object-{i:06d}-{rng.integers(1e9)}" for i in range(n)], 13)),
        "unique_int64": pa.array(with_nulls([int(x) for x in rng.integers(-2**62, 2**62, n)], 17), pa.int64()),
        "unique_double": pa.array(rng.normal(0, 1, n)),
    })
    p = fixture("dict_fallback.parquet", fb,
                "dictionaries overflow dictionary_pagesize_limit=1024: RLE_DICTIONARY pages then PLAIN pages in one chunk",
                dictionary_pagesize_limit=1024, data_page_size=1024)
    require("RLE_DICTIONARY" in column_encodings(p)["unique_string"], "dict_fallback uses a dictionary")
    fixture("many_pages.parquet", mixed_table(500),
            "tiny pages: data_page_size=512, write_batch_size=50, max_rows_per_page=100 (lists span many pages)",
            data_page_size=512, write_batch_size=50, max_rows_per_page=100)
    p = fixture("multi_row_groups.parquet", mixed_table(500), "row_group_size=150: 4 row groups (last one 50 rows)",
                row_group_size=150)
    require(pq.read_metadata(p).num_row_groups == 4, "multi_row_groups has 4 row groups")
    v2 = mixed_table(400)
    v2 = v2.append_column("all_null", pa.array([None] * 400, pa.float64()))
    fixture("page_v2.parquet", v2,
            "DATA_PAGE_V2 (snappy, small pages, RLE booleans, is_compressed=false pages, an all-null column)",
            data_page_version="2.0", data_page_size=512)
    fixture("page_v2_zstd_plain.parquet", v2,
            "DATA_PAGE_V2, zstd, use_dictionary=False (PLAIN values after uncompressed levels)",
            data_page_version="2.0", data_page_size=1024, compression="zstd", use_dictionary=False)

    # Codecs ------------------------------------------------------------------
    codec_table = mixed_table(200)
    for codec in ["none", "snappy", "gzip", "zstd", "lz4", "brotli"]:
        fixture(f"codec_{codec}.parquet", codec_table,
                f"compression={codec!r}" + (" (LZ4_RAW)" if codec == "lz4" else ""), compression=codec)
        if codec == "lz4":  # pyarrow names the LZ4_RAW(7) codec "LZ4" (Hadoop-framed LZ4(5) is "LZ4_HADOOP")
            require(pq.read_metadata(OUT / "codec_lz4.parquet").row_group(0).column(0).compression == "LZ4",
                    "lz4 is LZ4_RAW")

    # Encodings ---------------------------------------------------------------
    m = 400
    ints = pa.table({
        "seq_int64": pa.array(np.arange(m, dtype=np.int64) * 1000 - 5),
        "rand_int64": pa.array(with_nulls([int(x) for x in rng.integers(-2**63, 2**63 - 1, m, dtype=np.int64)], 9),
                               pa.int64()),
        "extremes_int64": pa.array([(-2**63, 2**63 - 1, 0)[i % 3] for i in range(m)], pa.int64()),
        "const_int64": pa.array([42] * m, pa.int64()),
        "rand_int32": pa.array(with_nulls([int(x) for x in rng.integers(-2**31, 2**31 - 1, m)], 10), pa.int32()),
        "extremes_int32": pa.array([(-2**31, 2**31 - 1, -1)[i % 3] for i in range(m)], pa.int32()),
        "uint32": pa.array([int(x) for x in rng.integers(0, 2**32, m)], pa.uint32()),
        "int8": pa.array([int(x) for x in rng.integers(-128, 128, m)], pa.int8()),
        "ts_us": pa.array(np.sort(rng.integers(0, 2**50, m)), pa.timestamp("us")),
    })
    fixture("delta_binary_packed.parquet", ints,
            "DELTA_BINARY_PACKED for INT32/INT64 (random, extremes wrapping, constant, nulls, several pages)",
            use_dictionary=False, data_page_size=1024,
            column_encoding={c: "DELTA_BINARY_PACKED" for c in ints.column_names})
    words = ["", "a", "ab", "abc", "abd", "b", "banana", "bandana", "日本", "日本語", "x" * 100]
    strs = sorted(f"{words[i % len(words)]}{i // 7:05d}" for i in range(m))
    byte_tab = pa.table({
        "sorted_string": pa.array(with_nulls(strs, 8), pa.string()),
        "words": pa.array(with_nulls([words[i] for i in rng.integers(0, len(words), m)], 6), pa.string()),
        "binary": pa.array([bytes(rng.integers(0, 256, int(rng.integers(0, 12)), dtype=np.uint8)) for _ in range(m)],
                           pa.binary()),
    })
    fixture("delta_length_byte_array.parquet", byte_tab,
            "DELTA_LENGTH_BYTE_ARRAY for string/binary (empty values, nulls, unicode, several pages)",
            use_dictionary=False, data_page_size=1024,
            column_encoding={c: "DELTA_LENGTH_BYTE_ARRAY" for c in byte_tab.column_names})
    dba = byte_tab.append_column("fixed", pa.array([f"{i:06d}".encode() for i in range(m)], pa.binary(6)))
    fixture("delta_byte_array.parquet", dba,
            "DELTA_BYTE_ARRAY for string/binary/fixed_size_binary (shared prefixes, several pages)",
            skip_readers={"polars": "polars 2.1 does not decode DELTA_BYTE_ARRAY FIXED_LEN_BYTE_ARRAY pages"},
            use_dictionary=False, data_page_size=1024,
            column_encoding={c: "DELTA_BYTE_ARRAY" for c in dba.column_names})
    bss = pa.table({
        "double": pa.array(with_nulls(F64_SPECIAL * 50, 7), pa.float64()),
        "float": pa.array(with_nulls(F32_SPECIAL * 50, 9), pa.float32()),
        "int32": pa.array([int(x) for x in rng.integers(-2**31, 2**31 - 1, 500)], pa.int32()),
        "int64": pa.array(with_nulls([int(x) for x in rng.integers(-2**63, 2**63 - 1, 500, dtype=np.int64)], 5),
                          pa.int64()),
        "fixed": pa.array([bytes(rng.integers(0, 256, 3, dtype=np.uint8)) for _ in range(500)], pa.binary(3)),
    })
    fixture("byte_stream_split.parquet", bss,
            "BYTE_STREAM_SPLIT for FLOAT/DOUBLE/INT32/INT64/FLBA(3), with nulls and several pages",
            skip_readers={"duckdb": "DuckDB 2.0 reads BYTE_STREAM_SPLIT only for FLOAT/DOUBLE/INT32/INT64",
                          "polars": "polars 2.1 does not decode BYTE_STREAM_SPLIT FIXED_LEN_BYTE_ARRAY pages"},
            use_dictionary=False, data_page_size=1024,
            column_encoding={c: "BYTE_STREAM_SPLIT" for c in bss.column_names})

    # Legacy and indexes ------------------------------------------------------
    ns = [-2208988800_000_000_000, 0, 1, -1, 1_700_000_000_123_456_789, 951_782_400_000_000_001,
          9_000_000_000_000_000_000, -9_000_000_000_000_000_000, 86_399_999_999_999, None]
    fixture("int96.parquet", pa.table({"ts": pa.array(ns * 3, pa.timestamp("ns")),
                                       "ts_utc": pa.array(ns[::-1] * 3, pa.timestamp("ns", tz="UTC"))}),
            "INT96 timestamps (use_deprecated_int96_timestamps=True), pre-1970 and sub-microsecond values",
            skip_readers={"duckdb": "DuckDB reads INT96 as TIMESTAMP (microseconds), dropping nanoseconds"},
            use_deprecated_int96_timestamps=True)
    k = 800
    pi = pa.table({
        "_healpix_29": pa.array(np.sort(rng.integers(0, 3 * 4**29 * 4, k, dtype=np.int64))),
        "ra": pa.array(rng.uniform(0, 360, k)),
        "name": pa.array(with_nulls([f"n{i % 37}" for i in range(k)], 25)),
    })
    fixture("page_index.parquet", pi,
            "write_page_index=True on a sorted int64 column (ColumnIndex/OffsetIndex), small pages, sorting_columns",
            write_page_index=True, data_page_size=512, sorting_columns=[pq.SortingColumn(0)])
    fixture("checksum_bloom.parquet", mixed_table(200),
            "page CRCs (write_page_checksum=True) and a bloom filter on `class`",
            write_page_checksum=True, bloom_filter_options={"class": {"ndv": 10, "fpp": 0.01}})
    fixture("empty.parquet", mixed_table(0).append_column("struct", pa.array([], nested_table().schema.field("struct").type)),
            "0 rows: pyarrow still writes one row group with num_rows=0")

    # HATS-like data set ------------------------------------------------------
    write_hats_file(OUT / "hats_import.parquet", healpix_table(500),
                    "hats-import 0.11.1 settings: ZSTD(15), BYTE_STREAM_SPLIT floats, DELTA_BINARY_PACKED "
                    "_healpix_29, dictionaries, 128 KiB pages, page index, sorting_columns")
    enc = column_encodings(OUT / "hats_import.parquet")
    require("BYTE_STREAM_SPLIT" in enc["ra"] and "DELTA_BINARY_PACKED" in enc["_healpix_29"], "hats encodings")
    ds = OUT / "dataset"
    collector, schema = [], None
    for npix, rows in [(4, 150), (7, 100)]:
        rel = f"Norder=0/Dir=0/Npix={npix}.parquet"
        t = healpix_table(rows, start=npix * 4**29)
        schema = t.schema
        md = write_hats_file(ds / rel, t, f"HATS pixel file {rel} (hats-import settings)")
        md.set_file_path(rel)
        collector.append(md)
    pq.write_metadata(schema, ds / "_common_metadata")
    pq.write_metadata(schema, ds / "_metadata", metadata_collector=collector)
    derived = parquet_derived_schema(healpix_table(1), {})
    empty = pa.Table.from_batches([], schema)
    write_expected(ds / "_common_metadata", "_common_metadata: footer only, 0 row groups (pq.write_metadata)",
                   derived, table=empty, extra={"kind": "metadata", "row_groups": []}, with_values=False)
    md = pq.read_metadata(ds / "_metadata")
    write_expected(ds / "_metadata", "_metadata: merged footers, ColumnChunk.file_path per row group "
                   "(the rows are in the data files' own fixtures)", derived, table=empty, with_values=False,
                   extra={"kind": "metadata", "row_groups": [{"file_path": md.row_group(i).column(0).file_path,
                                          "num_rows": md.row_group(i).num_rows}
                                         for i in range(md.num_row_groups)]})

    # Other writers -----------------------------------------------------------
    import duckdb
    path = OUT / "duckdb.parquet"
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    con.execute(f"""
        COPY (
          SELECT i::BIGINT AS id,
                 CASE WHEN i % 7 = 3 THEN NULL ELSE (i % 2 = 0) END AS flag,
                 (i % 100 - 50)::TINYINT AS i8, (i * 37 % 30000)::SMALLINT AS i16,
                 CASE WHEN i % 9 = 0 THEN NULL ELSE (i * 7919)::INTEGER END AS i32,
                 ((i * 1000003) % 200)::UTINYINT AS u8, (i * 13)::USMALLINT AS u16,
                 (i * 4000000 % 4294967296)::UINTEGER AS u32, (i::UBIGINT * 922337203685477::UBIGINT) AS u64,
                 CASE WHEN i % 5 = 1 THEN NULL ELSE i / 8.0 END AS dbl,
                 (i * 0.5)::FLOAT AS flt,
                 CASE WHEN i % 6 = 2 THEN NULL ELSE 'name_' || (i % 40)::VARCHAR END AS str,
                 ('blob' || i::VARCHAR)::BLOB AS bin,
                 (DATE '1999-12-31' + (i * 3)::INTEGER) AS d,
                 (TIMESTAMP '2001-02-03 04:05:06.789' + to_microseconds(i * 1234567)) AS ts,
                 (TIMESTAMPTZ '2020-01-01 00:00:00+00' + to_seconds(i * 61)) AS tstz,
                 (i * 1.25)::DECIMAL(9,2) AS dec9, (i * 1000.125)::DECIMAL(18,3) AS dec18,
                 CASE WHEN i % 4 = 0 THEN NULL ELSE [i::DOUBLE, i::DOUBLE + 0.5] END AS lst,
                 {{'a': i, 'b': 'x' || i::VARCHAR}} AS st
          FROM range(200) t(i)
        ) TO '{path}' (FORMAT parquet)
    """)
    con.close()
    write_expected(path, "DuckDB COPY TO: format version 1, ConvertedType-only, PLAIN_DICTIONARY data pages, SNAPPY",
                   pq.read_schema(path))

    import polars as pl
    path = OUT / "polars.parquet"
    n = 400
    pl.DataFrame({
        "id": np.arange(n, dtype=np.int64),
        "ra": rng.uniform(0, 360, n),
        "mag": pl.Series([None if i % 9 == 0 else float(x) for i, x in enumerate(rng.normal(19, 1, n))],
                         dtype=pl.Float32),
        "name": [None if i % 10 == 0 else f"star {i % 25}" for i in range(n)],
        "flag": [i % 3 == 0 for i in range(n)],
        "vals": [None if i % 8 == 0 else [float(i), float("nan")][: i % 3] for i in range(n)],
        "when": pl.Series([dt.datetime(2024, 1, 1) + dt.timedelta(seconds=37 * i) for i in range(n)],
                          dtype=pl.Datetime("us")),
    }).write_parquet(path)
    pf = pq.read_table(path)
    write_expected(path, "polars write_parquet defaults: ZSTD, page index, root without repetition",
                   parquet_derived_schema(pf, {}))

    handmade_fixtures()

    total = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file() and "reader" not in p.parts)
    print(f"wrote fixtures to {OUT} ({total / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
