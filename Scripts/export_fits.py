#!/usr/bin/env python3
"""Export the benchmark catalogs' id/ra/dec columns to FITS binary tables for STILTS (which cannot
read Parquet), for Scripts/bench-crossmatch.sh.

    .venv/bin/python Scripts/export_fits.py [--out Benchmarks/data/fits] [CATALOG ...]

Default catalogs: Benchmarks/data/gaia_10m (columns source_id, ra, dec) and Benchmarks/data/ztf_5m
(a collection; its main catalog, columns objectid, ra, dec; the margin is not exported: STILTS
matches whole tables).  The id column is the first of source_id / objectid / id present.  Rows are
read partition by partition with pyarrow (every `Npix=*.parquet` under dataset/, HEALPix order of
the files, file order within) and written as one FITS binary table per catalog:
Benchmarks/data/fits/<name>.fits (git-ignored, like all of Benchmarks/data), columns int64 id,
float64 ra and dec.  An existing file newer than its catalog's partition_info.csv is kept.
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parent.parent
ID_COLUMNS = ("source_id", "objectid", "id")


def main_catalog(path: Path) -> Path:
    props = path / "collection.properties"
    if props.exists():
        for line in props.read_text().splitlines():
            if line.startswith("hats_primary_table_url="):
                return path / line.split("=", 1)[1].strip()
    return path


def export(cat: Path, out_dir: Path) -> Path:
    from astropy.io import fits

    main = main_catalog(cat)
    out = out_dir / f"{cat.name}.fits"
    stamp = main / "partition_info.csv"
    if out.exists() and stamp.exists() and out.stat().st_mtime > stamp.stat().st_mtime:
        print(f"{out}: up to date")
        return out
    t0 = time.time()
    schema = pq.read_schema(main / "dataset" / "_common_metadata")
    id_col = next(c for c in ID_COLUMNS if c in schema.names)
    files = sorted((main / "dataset").rglob("Npix=*.parquet"))
    tables = [pq.read_table(f, columns=[id_col, "ra", "dec"]) for f in files]
    t = pa.concat_tables(tables)
    cols = [
        fits.Column(name=id_col, format="K", array=t[id_col].to_numpy().astype(np.int64)),
        fits.Column(name="ra", format="D", unit="deg", array=t["ra"].to_numpy().astype(np.float64)),
        fits.Column(name="dec", format="D", unit="deg", array=t["dec"].to_numpy().astype(np.float64)),
    ]
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".fits.tmp")
    fits.BinTableHDU.from_columns(cols, name=cat.name).writeto(tmp, overwrite=True)
    tmp.rename(out)
    print(f"{out}: {t.num_rows} rows ({id_col}, ra, dec) from {len(files)} files, "
          f"{out.stat().st_size / 1e6:.0f} MB, {time.time() - t0:.1f} s")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("catalogs", nargs="*",
                    default=[str(REPO / "Benchmarks/data/gaia_10m"), str(REPO / "Benchmarks/data/ztf_5m")])
    ap.add_argument("--out", default=str(REPO / "Benchmarks/data/fits"))
    args = ap.parse_args()
    for c in args.catalogs:
        export(Path(c), Path(args.out))


if __name__ == "__main__":
    sys.exit(main())
