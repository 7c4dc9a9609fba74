#!/usr/bin/env python3
"""Check Parquet files against their expected values with pyarrow, pandas, DuckDB and polars.

    interop_parquet.py DIR [--readers pyarrow,pandas,duckdb,polars]

Every ``*.expected.json`` under DIR (the format written by Scripts/make_parquet_fixtures.py
and by Tests/ParquetTests/InteropTests.swift) names a Parquet file beside it. For each file:

* pyarrow (``pq.read_table``): every column's type string and every value;
* pandas (``pd.read_parquet``): every value, allowing pandas' own conversions (nullable ints
  become float64, NaN and null are one thing), and the dtype of numeric columns;
* DuckDB (``read_parquet``): the SQL type of each column and every value;
* polars (``pl.read_parquet``): every value;
* ``skip_readers`` in a sidecar (``{"duckdb": "reason"}``) skips a tool with a known limitation
  for that file, and says so;
* footer: statistics (null counts always, min/max against the data when the sidecar asks for
  ``checks.statistics``), ``checks.sorting_columns``, ``checks.page_index``, ``checks.codec``,
  ``checks.encodings``; and a ``>=`` filter on the first numeric column through
  ``pq.read_table(filters=...)`` and DuckDB, compared with the count the values give.

Sidecars with ``"kind": "metadata"`` describe ``_metadata``/``_common_metadata`` files: their
schema and row groups (``file_path``, ``num_rows``) are checked with ``pq.read_metadata``, and a
``_metadata`` is read as a data set (``pyarrow.dataset.parquet_dataset``) against the data files'
own sidecars.

One Python process checks everything; it prints one line per check and a summary, and exits 1
on any mismatch (2 on a usage error).
"""

from __future__ import annotations

import argparse
import datetime as dt
import decimal
import json
import math
import sys
import traceback
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_parquet_fixtures import encode_array  # noqa: E402  (the one value encoding)

READERS = ["pyarrow", "pandas", "duckdb", "polars"]
MAX_SHOWN = 3  # mismatching values shown per column


class Report:
    """Collects OK/FAIL lines."""

    def __init__(self) -> None:
        self.failures = 0
        self.checks = 0

    def ok(self, what: str) -> None:
        self.checks += 1
        print(f"ok    {what}")

    def fail(self, what: str, why: str) -> None:
        self.checks += 1
        self.failures += 1
        print(f"FAIL  {what}: {why}")


# ---------------------------------------------------------------------------
# Type strings
# ---------------------------------------------------------------------------

def split_top(s: str) -> list[str]:
    """Split 'a: int32, b: list<element: x>' at top-level commas."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(s):
        if ch in "<([":
            depth += 1
        elif ch in ">)]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(s[start:i].strip())
            start = i + 1
    parts.append(s[start:].strip())
    return [p for p in parts if p]


def list_element(t: str) -> str | None:
    """'list<element: double>' -> 'double'."""
    for prefix in ("list<", "large_list<"):
        if t.startswith(prefix) and t.endswith(">"):
            return t[len(prefix):-1].split(":", 1)[1].strip()
    return None


def struct_fields(t: str) -> list[tuple[str, str]] | None:
    if t.startswith("struct<") and t.endswith(">"):
        return [(p.split(":", 1)[0].strip(), p.split(":", 1)[1].strip()) for p in split_top(t[7:-1])]
    return None


def accepted_types(col: dict) -> set[str]:
    """The type from the Parquet schema, or the one a stored ARROW:schema restores."""
    return {col["type"], col.get("arrow_type", col["type"])}


def is_flat(t: str) -> bool:
    return list_element(t) is None and struct_fields(t) is None


def duckdb_type(t: str) -> str | None:
    """The DuckDB type DESCRIBE shows for a pyarrow type string (None: not checked)."""
    simple = {"bool": "BOOLEAN", "int8": "TINYINT", "int16": "SMALLINT", "int32": "INTEGER",
              "int64": "BIGINT", "uint8": "UTINYINT", "uint16": "USMALLINT", "uint32": "UINTEGER",
              "uint64": "UBIGINT", "float": "FLOAT", "double": "DOUBLE", "string": "VARCHAR",
              "large_string": "VARCHAR", "binary": "BLOB", "date32[day]": "DATE"}
    if t in simple:
        return simple[t]
    if t.startswith("fixed_size_binary"):
        return "BLOB"
    if t.startswith(("time32[", "time64[")):
        return "TIME_NS" if t == "time64[ns]" else "TIME"
    if t.startswith("timestamp["):
        ns = t.startswith("timestamp[ns")
        if "tz=" in t:
            return "TIMESTAMPTZ_NS" if ns else "TIMESTAMP WITH TIME ZONE"
        return "TIMESTAMP_NS" if ns else "TIMESTAMP"
    if t.startswith("decimal128("):
        p, s = t[len("decimal128("):-1].split(",")
        return f"DECIMAL({p.strip()},{s.strip()})"
    if (e := list_element(t)) is not None:
        inner = duckdb_type(e)
        return None if inner is None else inner + "[]"
    if (fields := struct_fields(t)) is not None:
        inner = [duckdb_type(ft) for _, ft in fields]
        if any(x is None for x in inner):
            return None
        return "STRUCT(" + ", ".join(f"{n} {x}" for (n, _), x in zip(fields, inner)) + ")"
    return None


# ---------------------------------------------------------------------------
# Value comparison
# ---------------------------------------------------------------------------

def canonical(values: list, t: str) -> list:
    """Re-encode expected values the way encode_array would (writers other than Python may spell
    the same float differently, e.g. "1e16" against "1e+16")."""
    if (elem := list_element(t)) is not None:
        return [None if v is None else canonical(v, elem) for v in values]
    if (fields := struct_fields(t)) is not None:
        return [None if v is None else {n: canonical([v.get(n)], ft)[0] for n, ft in fields} for v in values]
    if t in ("float", "double", "halffloat"):
        return [None if v is None else ("nan" if math.isnan(float(v)) else repr(float(v))) for v in values]
    if t in ("int64", "uint64"):
        return [None if v is None else str(int(v)) for v in values]
    return values


def diff_values(actual: list, expected: list) -> str | None:
    """Compare encoded value lists; describe the first differences, or None when equal."""
    if len(actual) != len(expected):
        return f"{len(actual)} values, expected {len(expected)}"
    bad = [i for i, (a, e) in enumerate(zip(actual, expected)) if a != e]
    if not bad:
        return None
    shown = ", ".join(f"row {i}: got {actual[i]!r}, expected {expected[i]!r}" for i in bad[:MAX_SHOWN])
    return f"{len(bad)} values differ ({shown})"


def arrow_values(arr: pa.Array | pa.ChunkedArray, target: pa.DataType) -> list:
    """Cast another reader's Arrow column to the reference type and encode it."""
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if arr.type != target:
        arr = arr.cast(target)
    return encode_array(arr)


_TS_FACTOR = {"s": 10**9, "ms": 10**6, "us": 10**3, "ns": 1}


def _missing(v) -> bool:
    """None, NaN, NaT or pd.NA: what pandas uses for a missing value."""
    if v is None:
        return True
    if isinstance(v, (float, np.floating)):
        return bool(np.isnan(v))
    import pandas as pd
    return v is pd.NA or v is pd.NaT


def pandas_equal(a, e, t: str) -> bool:
    """Whether pandas' value `a` matches the encoded expected value `e` of type `t`."""
    if e is None:
        return _missing(a) if not isinstance(a, (list, np.ndarray, dict)) else False
    if (elem := list_element(t)) is not None:
        if _missing(a) if not isinstance(a, (list, np.ndarray)) else False:
            return False
        a = list(a)
        return len(a) == len(e) and all(pandas_equal(x, y, elem) for x, y in zip(a, e))
    if (fields := struct_fields(t)) is not None:
        return isinstance(a, dict) and all(pandas_equal(a.get(n), e[n], ft) for n, ft in fields)
    if t in ("float", "double", "halffloat"):
        if e == "nan":
            return _missing(a)
        return (not _missing(a) and float(a) == float(e)
                and math.copysign(1.0, float(a)) == math.copysign(1.0, float(e)))  # -0.0 is not 0.0
    if _missing(a):
        return False
    if t.startswith(("int", "uint")):
        return float(a) == float(int(e)) if isinstance(a, float) else int(a) == int(e)
    if t == "bool":
        return bool(a) == e
    if t in ("string", "large_string"):
        return a == e
    if t.startswith(("binary", "large_binary", "fixed_size_binary")):
        return bytes(a).hex() == e
    if t.startswith("timestamp["):
        import pandas as pd
        unit = t[len("timestamp["):].split(",")[0].rstrip("]")
        return pd.Timestamp(a).value == int(e) * _TS_FACTOR[unit]
    if t.startswith(("time32[", "time64[")):
        unit = t[7:-1]
        micros = ((a.hour * 60 + a.minute) * 60 + a.second) * 10**6 + a.microsecond
        return micros * 1000 == int(e) * _TS_FACTOR[unit]  # compare in nanoseconds
    if t.startswith("date32"):
        if isinstance(a, dt.datetime):
            a = a.date()
        return (a - dt.date(1970, 1, 1)).days == e
    if t.startswith("decimal"):
        return decimal.Decimal(a) == decimal.Decimal(e)
    return a == e


def pandas_dtype_ok(dtype, t: str, has_nulls: bool) -> str | None:
    """Check the dtype pandas picks for numeric and timestamp columns; None when fine."""
    name = str(dtype)
    numeric = {"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"}
    if t in numeric:
        want = "float64" if has_nulls else t
    elif t == "float":
        want = "float32"
    elif t == "double":
        want = "float64"
    elif t == "bool":
        want = "object" if has_nulls else "bool"
    elif t.startswith("timestamp["):
        inner = t[len("timestamp["):-1]
        unit, _, tz = inner.partition(", tz=")
        want = f"datetime64[{unit}, {tz}]" if tz else f"datetime64[{unit}]"
    else:
        return None
    return None if name == want else f"dtype {name}, expected {want}"


# ---------------------------------------------------------------------------
# Per-file checks
# ---------------------------------------------------------------------------

def check_pyarrow(path: Path, doc: dict, rep: Report, name: str) -> pa.Table | None:
    try:
        table = pq.read_table(path)
    except Exception as exc:  # noqa: BLE001 (report any reader failure)
        rep.fail(f"pyarrow  {name}", f"read failed: {exc}")
        return None
    problems = []
    if table.num_rows != doc["num_rows"]:
        problems.append(f"{table.num_rows} rows, expected {doc['num_rows']}")
    names = [c["name"] for c in doc["columns"]]
    if table.column_names != names:
        problems.append(f"columns {table.column_names}, expected {names}")
    else:
        for col in doc["columns"]:
            got = table.column(col["name"])
            if str(got.type) not in accepted_types(col):
                problems.append(f"{col['name']}: type {got.type}, expected {col['type']}")
                continue
            d = diff_values(encode_array(got.combine_chunks()), col["values"])
            if d:
                problems.append(f"{col['name']}: {d}")
    if problems:
        rep.fail(f"pyarrow  {name}", "; ".join(problems))
    else:
        rep.ok(f"pyarrow  {name} ({len(names)} columns, {table.num_rows} rows)")
    return table


def check_pandas(path: Path, doc: dict, rep: Report, name: str) -> None:
    import pandas as pd
    try:
        df = pd.read_parquet(path)
    except Exception as exc:  # noqa: BLE001
        rep.fail(f"pandas   {name}", f"read failed: {exc}")
        return
    problems = []
    if len(df) != doc["num_rows"]:
        problems.append(f"{len(df)} rows, expected {doc['num_rows']}")
    for col in doc["columns"]:
        if col["name"] not in df.columns:
            problems.append(f"{col['name']}: missing")
            continue
        series = df[col["name"]]
        has_nulls = any(v is None for v in col["values"])
        whys = [pandas_dtype_ok(series.dtype, t, has_nulls) for t in accepted_types(col)]
        if all(whys) and (why := whys[0]):
            problems.append(f"{col['name']}: {why}")
        bad = [i for i, (a, e) in enumerate(zip(series.tolist(), col["values"]))
               if not pandas_equal(a, e, col["type"])]
        if bad:
            shown = ", ".join(f"row {i}: got {series.iloc[i]!r}, expected {col['values'][i]!r}"
                              for i in bad[:MAX_SHOWN])
            problems.append(f"{col['name']}: {len(bad)} values differ ({shown})")
    if problems:
        rep.fail(f"pandas   {name}", "; ".join(problems))
    else:
        rep.ok(f"pandas   {name}")


def check_duckdb(con, path: Path, doc: dict, ref: pa.Table | None, rep: Report, name: str) -> None:
    try:
        rel = con.sql(f"SELECT * FROM read_parquet('{path}')")
        types = dict(zip(rel.columns, [str(t) for t in rel.types]))
        table = rel.to_arrow_table()
    except Exception as exc:  # noqa: BLE001
        rep.fail(f"duckdb   {name}", f"read failed: {exc}")
        return
    problems = []
    if table.num_rows != doc["num_rows"]:
        problems.append(f"{table.num_rows} rows, expected {doc['num_rows']}")
    for col in doc["columns"]:
        if col["name"] not in types:
            problems.append(f"{col['name']}: missing")
            continue
        want = duckdb_type(col["type"])
        if want is not None and types[col["name"]] != want:
            problems.append(f"{col['name']}: type {types[col['name']]}, expected {want}")
        if ref is None or str(ref.column(col["name"]).type) not in accepted_types(col):
            continue  # no trustworthy Arrow type to cast to (pyarrow already failed)
        try:
            got = arrow_values(table.column(col["name"]), ref.column(col["name"]).type)
        except Exception as exc:  # noqa: BLE001
            problems.append(f"{col['name']}: cannot compare ({exc})")
            continue
        if (d := diff_values(got, col["values"])):
            problems.append(f"{col['name']}: {d}")
    if problems:
        rep.fail(f"duckdb   {name}", "; ".join(problems))
    else:
        rep.ok(f"duckdb   {name}")


def check_polars(path: Path, doc: dict, ref: pa.Table | None, rep: Report, name: str) -> None:
    import polars as pl
    try:
        table = pl.read_parquet(path).to_arrow()
    except Exception as exc:  # noqa: BLE001
        rep.fail(f"polars   {name}", f"read failed: {exc}")
        return
    problems = []
    if table.num_rows != doc["num_rows"]:
        problems.append(f"{table.num_rows} rows, expected {doc['num_rows']}")
    for col in doc["columns"]:
        if col["name"] not in table.column_names:
            problems.append(f"{col['name']}: missing")
            continue
        if ref is None or str(ref.column(col["name"]).type) not in accepted_types(col):
            continue
        try:
            got = arrow_values(table.column(col["name"]), ref.column(col["name"]).type)
        except Exception as exc:  # noqa: BLE001
            problems.append(f"{col['name']}: cannot compare ({exc})")
            continue
        if (d := diff_values(got, col["values"])):
            problems.append(f"{col['name']}: {d}")
    if problems:
        rep.fail(f"polars   {name}", "; ".join(problems))
    else:
        rep.ok(f"polars   {name}")


def _stat_equal(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return a == b  # -0.0 == 0.0, as the spec allows either sign for zero bounds
    return a == b


def check_footer(path: Path, doc: dict, rep: Report, name: str) -> None:
    """Statistics, sorting columns, page index, codec and encodings from pq.ParquetFile."""
    checks = doc.get("checks", {})
    problems = []
    try:
        pf = pq.ParquetFile(path)
        md = pf.metadata
    except Exception as exc:  # noqa: BLE001
        rep.fail(f"footer   {name}", f"metadata unreadable: {exc}")
        return
    if "num_row_groups" in doc and md.num_row_groups != doc["num_row_groups"]:
        problems.append(f"{md.num_row_groups} row groups, expected {doc['num_row_groups']}")
    flat = {c["name"]: c["type"] for c in doc["columns"] if is_flat(c["type"])}
    leaf_index = {md.schema.column(j).path: j for j in range(md.num_columns)}
    for r in range(md.num_row_groups):
        rg = md.row_group(r)
        data = pf.read_row_group(r) if flat else None
        if "sorting_columns" in checks:
            got = [[s.column_index, s.descending, s.nulls_first] for s in (rg.sorting_columns or ())]
            if got != checks["sorting_columns"]:
                problems.append(f"row group {r}: sorting_columns {got}, expected {checks['sorting_columns']}")
        for j in range(md.num_columns):
            cc = rg.column(j)
            if checks.get("page_index") and not (cc.has_column_index and cc.has_offset_index):
                problems.append(f"row group {r} {cc.path_in_schema}: no page index")
            if "codec" in checks and cc.compression != checks["codec"]:
                problems.append(f"row group {r} {cc.path_in_schema}: codec {cc.compression}, expected {checks['codec']}")
            want_enc = checks.get("encodings", {}).get(cc.path_in_schema)
            if want_enc and not set(want_enc) <= set(cc.encodings):
                problems.append(f"row group {r} {cc.path_in_schema}: encodings {cc.encodings}, expected {want_enc}")
        for col_name, t in flat.items():
            cc = rg.column(leaf_index[col_name])
            st = cc.statistics
            arr = data.column(col_name).combine_chunks()
            if st is None:
                if checks.get("statistics"):
                    problems.append(f"row group {r} {col_name}: no statistics")
                continue
            if st.null_count != arr.null_count:
                problems.append(f"row group {r} {col_name}: null_count {st.null_count}, expected {arr.null_count}")
            if not checks.get("statistics") or t.startswith(("halffloat", "decimal")):
                continue
            values = arr.drop_null()
            if pa.types.is_floating(values.type):
                values = values.filter(pc.invert(pc.is_nan(values)))
            if len(values) == 0:
                if st.has_min_max:
                    problems.append(f"row group {r} {col_name}: min/max written for a chunk without values")
                continue
            if not st.has_min_max:
                problems.append(f"row group {r} {col_name}: no min/max")
                continue
            mm = pc.min_max(values)
            lo, hi = mm["min"].as_py(), mm["max"].as_py()
            if not (_stat_equal(st.min, lo) and _stat_equal(st.max, hi)):
                problems.append(f"row group {r} {col_name}: min/max {st.min!r}/{st.max!r}, expected {lo!r}/{hi!r}")
    if problems:
        rep.fail(f"footer   {name}", "; ".join(problems[:8]) + (f" (+{len(problems) - 8} more)" if len(problems) > 8 else ""))
    else:
        what = [k for k in ("statistics", "sorting_columns", "page_index", "codec", "encodings") if k in checks]
        rep.ok(f"footer   {name} (null counts" + "".join(f", {k}" for k in what) + ")")


def check_filter(con, path: Path, doc: dict, rep: Report, name: str, readers: list[str]) -> None:
    """pq.read_table(filters=[(col, '>=', median)]) and DuckDB WHERE agree with the values."""
    col = next((c for c in doc["columns"] if c["type"] in ("int64", "int32", "double")), None)
    if col is None or doc["num_rows"] == 0:
        return
    conv = float if col["type"] == "double" else int
    vals = [conv(v) for v in col["values"] if v is not None and v != "nan"]
    if not vals:
        return
    pivot = sorted(vals)[len(vals) // 2]
    want = sum(1 for v in vals if v >= pivot)
    problems = []
    try:
        got = pq.read_table(path, columns=[col["name"]], filters=[(col["name"], ">=", pivot)]).num_rows
        if got != want:
            problems.append(f"pyarrow filters: {got} rows, expected {want}")
    except Exception as exc:  # noqa: BLE001
        problems.append(f"pyarrow filters failed: {exc}")
    if "duckdb" in readers:
        try:
            got = con.execute(f"SELECT count(*) FROM read_parquet('{path}') "
                              f"WHERE \"{col['name']}\" >= {pivot!r}").fetchall()[0][0]
            if got != want:
                problems.append(f"duckdb WHERE: {got} rows, expected {want}")
        except Exception as exc:  # noqa: BLE001
            problems.append(f"duckdb WHERE failed: {exc}")
    if problems:
        rep.fail(f"filter   {name}", "; ".join(problems))
    else:
        rep.ok(f"filter   {name} ({col['name']} >= {pivot!r}: {want} rows)")


def check_metadata_file(path: Path, doc: dict, rep: Report, name: str) -> None:
    """A _metadata / _common_metadata file: schema, row groups and (for _metadata) the data set."""
    problems = []
    try:
        md = pq.read_metadata(path)
        schema = pq.read_schema(path)
    except Exception as exc:  # noqa: BLE001
        rep.fail(f"metadata {name}", f"unreadable: {exc}")
        return
    types = [(f.name, str(f.type)) for f in schema]
    want = [(c["name"], c["type"]) for c in doc["columns"]]
    if len(types) != len(want) or any(n != c["name"] or t not in accepted_types(c)
                                      for (n, t), c in zip(types, doc["columns"])):
        problems.append(f"schema {types}, expected {want}")
    got_rgs = [{"file_path": md.row_group(i).column(0).file_path, "num_rows": md.row_group(i).num_rows}
               for i in range(md.num_row_groups)]
    if got_rgs != doc["row_groups"]:
        problems.append(f"row groups {got_rgs}, expected {doc['row_groups']}")
    for i in range(md.num_row_groups):
        paths = {md.row_group(i).column(j).file_path for j in range(md.num_columns)}
        if len(paths) != 1:
            problems.append(f"row group {i}: columns name different files {sorted(paths)}")
    if doc["row_groups"]:
        try:
            table = pads.parquet_dataset(str(path)).to_table()
            expected_cols: dict[str, list] = {c["name"]: [] for c in doc["columns"]}
            for rg in doc["row_groups"]:
                side = json.loads((path.parent / (rg["file_path"] + ".expected.json")).read_text())
                for c in side["columns"]:
                    expected_cols[c["name"]].extend(canonical(c["values"], c["type"]))
            for cname, values in expected_cols.items():
                if (d := diff_values(encode_array(table.column(cname).combine_chunks()), values)):
                    problems.append(f"data set {cname}: {d}")
        except FileNotFoundError as exc:
            problems.append(f"data file sidecar missing: {exc}")
        except Exception as exc:  # noqa: BLE001
            problems.append(f"pyarrow.dataset read failed: {exc}")
    if problems:
        rep.fail(f"metadata {name}", "; ".join(problems))
    else:
        rep.ok(f"metadata {name} ({md.num_row_groups} row groups, {len(types)} columns)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--readers", default=",".join(READERS),
                    help="comma list among " + ",".join(READERS))
    args = ap.parse_args()
    readers = [r for r in args.readers.split(",") if r]
    if unknown := set(readers) - set(READERS):
        print(f"error: unknown readers {sorted(unknown)}", file=sys.stderr)
        return 2
    sidecars = sorted(args.dir.rglob("*.expected.json"))
    if not sidecars:
        print(f"error: no *.expected.json under {args.dir}", file=sys.stderr)
        return 2

    versions = [f"pyarrow {pa.__version__}"]
    con = None
    if "pandas" in readers:
        import pandas as pd
        versions.append(f"pandas {pd.__version__}")
    if "duckdb" in readers:
        import duckdb
        versions.append(f"duckdb {duckdb.__version__}")
        con = duckdb.connect()
        con.execute("SET TimeZone = 'UTC'")
    if "polars" in readers:
        import polars as pl
        versions.append(f"polars {pl.__version__}")
    print("interop_parquet: " + ", ".join(versions) + f"; {len(sidecars)} files under {args.dir}")

    rep = Report()
    for side in sidecars:
        path = side.with_name(side.name[: -len(".expected.json")])
        name = str(path.relative_to(args.dir))
        try:
            doc = json.loads(side.read_text())
            for col in doc["columns"]:
                if "values" in col:
                    col["values"] = canonical(col["values"], col["type"])
            if doc.get("kind") == "metadata":
                check_metadata_file(path, doc, rep, name)
                continue
            skip = doc.get("skip_readers", {})  # known limitations of a tool, with the reason
            for reader, why in skip.items():
                print(f"skip  {reader:8} {name}: {why}")
            use = [r for r in readers if r not in skip]
            ref = check_pyarrow(path, doc, rep, name) if "pyarrow" in use else None
            check_footer(path, doc, rep, name)
            check_filter(con, path, doc, rep, name, use)
            if "pandas" in use:
                check_pandas(path, doc, rep, name)
            if "duckdb" in use:
                check_duckdb(con, path, doc, ref, rep, name)
            if "polars" in use:
                check_polars(path, doc, ref, rep, name)
        except Exception:  # noqa: BLE001 (a bug here must not hide the other files)
            rep.fail(name, "checker crashed:\n" + traceback.format_exc())
    print(f"interop_parquet: {rep.checks - rep.failures}/{rep.checks} checks passed, {rep.failures} failed")
    return 1 if rep.failures else 0


if __name__ == "__main__":
    sys.exit(main())
