#!/usr/bin/env python3
"""Digest of the hats-import output under Samples/, as pyarrow reads it.

Writes Tests/ParquetTests/Fixtures/samples_digest.json, which SampleCatalogTests compares with
what our reader decodes. For each data file: row count, and per column the pyarrow type name,
null count, the values at rows [0, 1, n//2, n-2, n-1] and the min/max of non-null, non-NaN
values. Floats are repr strings (round-trip exact), ints decimal strings, nulls None.
For each _metadata: row groups, total rows, file_path set; for _common_metadata: names, types.

Run: .venv/bin/python Scripts/make_sample_digests.py
"""
import json
import math
import os
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "Samples")
OUT = os.path.join(ROOT, "Tests", "ParquetTests", "Fixtures", "samples_digest.json")


def encode(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    raise TypeError(f"unsupported value {value!r}")


def column_digest(name, column):
    n = len(column)
    rows = sorted({i for i in (0, 1, n // 2, n - 2, n - 1) if 0 <= i < n})
    values = column.to_pylist()
    present = [v for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))]
    return {
        "name": name,
        "type": str(column.type),
        "null_count": column.null_count,
        "samples": [[i, encode(values[i])] for i in rows],
        "min": encode(min(present)) if present else None,
        "max": encode(max(present)) if present else None,
    }


def main():
    data, metadata, common = [], [], []
    for directory, _, files in os.walk(SAMPLES):
        for name in files:
            path = os.path.join(directory, name)
            rel = os.path.relpath(path, ROOT)
            if name.endswith(".parquet"):
                data.append(rel)
            elif name == "_metadata":
                metadata.append(rel)
            elif name == "_common_metadata":
                common.append(rel)
    out = {"files": [], "metadata": [], "common_metadata": []}
    for rel in sorted(data):
        table = pq.read_table(os.path.join(ROOT, rel))
        out["files"].append({
            "path": rel,
            "num_rows": table.num_rows,
            "columns": [column_digest(f.name, table.column(i)) for i, f in enumerate(table.schema)],
        })
    for rel in sorted(metadata):
        md = pq.ParquetFile(os.path.join(ROOT, rel)).metadata
        paths = sorted({md.row_group(i).column(0).file_path for i in range(md.num_row_groups)})
        out["metadata"].append({
            "path": rel,
            "num_row_groups": md.num_row_groups,
            "num_rows": md.num_rows,
            "file_paths": paths,
        })
    for rel in sorted(common):
        schema = pq.read_schema(os.path.join(ROOT, rel))
        out["common_metadata"].append({
            "path": rel,
            "names": schema.names,
            "types": [str(f.type) for f in schema],
        })
    with open(OUT, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    values = sum(len(c["samples"]) + 2 for e in out["files"] for c in e["columns"])
    print(f"{len(out['files'])} files, {values} values, {os.path.getsize(OUT)} bytes -> {OUT}")


if __name__ == "__main__":
    main()
