#!/usr/bin/env python3
"""Expected outputs of the real lsdb 0.11.1 (hats 0.11.1), for the Swift LSDB tests.

    .venv/bin/python Scripts/make_lsdb_fixtures.py        (from the repository root)

Everything runs in this one process (lsdb pays ~10 s of numba compiling per process) with Dask's
synchronous scheduler.  The script is deterministic: subsets are drawn with
numpy.random.default_rng(SEED), and the one run-dependent property, `hats_creation_date`, is set to
FIXED_CREATION_DATE afterwards, so a rerun rewrites the same bytes.

Outputs
=======

A. Edge-case catalogs, Tests/LSDBTests/Fixtures/catalogs/<name>/ (a few hundred rows each).  All
   start from rows of Samples/gaia (read with pyarrow, `_healpix_29` dropped), shuffled with the
   seeded generator so that input order is not HEALPix order, then `lsdb.from_dataframe(...,
   partition_rows=PARTITION_ROWS, margin_threshold=None)` and lsdb's own
   `write_catalog(..., as_collection=False)`:

   * healpix_last/      rows within 5 deg of (95, -25), 300 of them.  Written by lsdb as is.  lsdb
                        appends `_healpix_29` as the LAST column and does not sort rows inside a
                        partition (from_dataframe keeps input order); the script checks both and
                        records them in expected.json "catalog_facts".
   * npix_dir/          rows within 20 deg of ECDFS (53.13, -28.10), 250 of them.  Written by lsdb with
                        `npix_suffix="/"` (so `dataset/Norder=K/Dir=D/Npix=N/` directories,
                        properties `hats_npix_suffix=/`); then each partition's single file is split
                        into `part0.parquet` and `part1.parquet` (first half / second half of the
                        rows, pyarrow, same schema) and `_metadata`, `_common_metadata` and
                        per_partition_statistics.parquet are rewritten with
                        `hats.io.write_parquet_metadata`.  lsdb reads every file of the directory.
   * no_metadata/       a whole-sky subset (every row of Samples/gaia with a seeded 0.5% chance,
                        ~300 rows), written by lsdb, then `dataset/_metadata` deleted
                        (`_common_metadata` stays).  lsdb/hats never read `_metadata` to open.
   * no_partition_info/ the same files as no_metadata/ but without `partition_info.csv` and without
                        `dataset/_metadata`: hats falls back to listing dataset/ (it warns
                        "Computing partitions from catalog parquet files").  Its expected results
                        must equal no_metadata's.
   * other_index/       rows within 8 deg of (270, -30) (towards the bulge), 300 of them, written by
                        lsdb, then the spatial index column replaced: `_healpix_29` becomes
                        `healpix19` = `_healpix_29 >> 20` (the order-19 nested index, still the last
                        column), properties `hats_col_healpix=healpix19` and
                        `hats_col_healpix_order=19`, metadata files rewritten as for npix_dir.
                        Neither hats-import 0.11.1 (it hard-codes `_healpix_29`/29 in its
                        properties and files) nor lsdb's writer can produce such a catalog, so it
                        is post-processed by hand, like lsdb's own `healpix13` test data.  lsdb
                        0.11.1 opens it, uses `healpix19` as the index and pushes order-19 range
                        filters for searches.

B. Tests/LSDBTests/Fixtures/lsdb/expected.json: {"versions", "notes", "catalog_facts", "cases"}.
   Polygon cases need lsst-sphgeom (pinned in Scripts/requirements.txt); an older venv without it can
   use .venv-extra/ (git-ignored), which the script adds to sys.path.
   Each case:
     name, catalog (path relative to the repository root),
     open: {"margin": null | "default" | "<relative path>", "columns": null | "all" | [names]}
         margin null: `lsdb.open_catalog(catalog)` on a plain catalog (no margin);
         "default": the catalog is a collection and lsdb opens its default margin;
         a path: passed as `margin_cache=`.
     search: null | {"kind": "cone"|"box"|"polygon"|"order"|"pixel"|"moc", ...} (see the brief's
         format; "moc" is `MOC.from_healpix_cells` of the given (order, index) cells, max depth
         "order"),
     search_at_open: true = `open_catalog(..., search_filter=<Search>)`, false = the catalog's
         `cone_search` / `box_search` / ... method after opening,
     query: `catalog.query(expr)` after the search, or null,
     query_first: true = the query runs before a (non-at-open) search, so the search cannot reload
         the catalog from disk and takes lsdb's select-pixels + row-filter path,
     head: n for `catalog.head(n)` instead of `compute()`, or null,
     error: "<ExceptionClass>: <message>" when lsdb raised (result null then),
     warnings: the first line of each warning lsdb/hats gave (deduplicated, sorted),
     result: summary of the computed frame:
         partitions   get_healpix_pixels() of the final catalog, in lsdb's order
         rows, columns (frame order, index excluded), dtypes (pyarrow type names), index_name,
         key          the unique id column (source_id or objectid),
         keys         all key values in row order when rows <= 3000, else null
         keys_first / keys_last   the first / last 50 keys
         key_sum      exact integer sum of the keys, as a string
         index_sum    exact integer sum of the index (spatial index column), as a string
         float_sums   per float column: the sum of non-null values, computed with math.fsum (the
                      correctly rounded sum, independent of order); compare with a tolerance
         null_counts  per column
         head_rows_per_partition (head cases only) [[order, pixel, rows], ...] in row order
     margin_result: the same summary for `catalog.margin` after the same operations (only when a
         margin is open and head is null), else null.

Cases: see CASES below (opens with default/list/"all" columns, cones incl. at open vs later,
RA=0 straddle, pole, no-coverage error, empty result, boxes with and without wrap, polygon,
order/pixel/MOC searches, queries incl. Kleene null logic, search + query, head, and the
edge-case catalogs above opened plain and with a cone).
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

os.environ.setdefault("TQDM_DISABLE", "1")  # lsdb's head() shows a progress bar per partition

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

SEED = 20251205
FIXED_CREATION_DATE = "2026-01-01T00:00UTC"
PARTITION_ROWS = 60
KEYS_LIMIT = 3000

REPO = Path(__file__).resolve().parent.parent
# lsdb's polygon search needs lsst-sphgeom (and its dependency hpgeom), which Scripts/requirements.txt
# does not pin.  Install them beside the venv, outside it (git-ignored):
#   .venv/bin/python -m pip install --no-deps --target .venv-extra lsst-sphgeom==30.2026.4000 hpgeom==1.6.1
EXTRA = REPO / ".venv-extra"
if EXTRA.is_dir():
    sys.path.append(str(EXTRA))
FIXTURES = REPO / "Tests" / "LSDBTests" / "Fixtures"
CATALOGS = FIXTURES / "catalogs"
EXPECTED = FIXTURES / "lsdb" / "expected.json"
CAT_REL = "Tests/LSDBTests/Fixtures/catalogs"


def angular_sep_deg(ra1, dec1, ra2, dec2):
    r1, d1, r2, d2 = map(np.radians, (ra1, dec1, ra2, dec2))
    h = np.sin((d2 - d1) / 2) ** 2 + np.cos(d1) * np.cos(d2) * np.sin((r2 - r1) / 2) ** 2
    return np.degrees(2 * np.arcsin(np.sqrt(h)))


def read_gaia() -> pa.Table:
    files = sorted((REPO / "Samples" / "gaia" / "dataset").rglob("Npix=*.parquet"))
    t = pa.concat_tables(pq.read_table(f) for f in files)
    return t.drop_columns(["_healpix_29"])


def normalise_properties(root: Path):
    for p in sorted(root.rglob("*properties")):
        text = p.read_text()
        text = re.sub(r"(?m)^hats_creation_date=.*$", f"hats_creation_date={FIXED_CREATION_DATE}", text)
        p.write_text(text)


def set_property(cat: Path, key: str, value: str):
    for name in ("properties", "hats.properties"):
        p = cat / name
        if p.exists():
            text = p.read_text()
            text, n = re.subn(rf"(?m)^{re.escape(key)}=.*$", f"{key}={value}", text)
            assert n == 1, (p, key)
            p.write_text(text)


# ----------------------------------------------------------------------------------------------
# A. Edge-case catalogs
# ----------------------------------------------------------------------------------------------

def subset(rng, gaia: pa.Table, mask, n):
    idx = np.flatnonzero(mask)
    if n is not None and len(idx) > n:
        idx = np.sort(rng.choice(idx, n, replace=False))
    idx = rng.permutation(idx)  # input order is not HEALPix order: lsdb keeps it in partitions
    return gaia.take(pa.array(idx)).to_pandas(types_mapper=None)


def lsdb_write(df, path: Path, name: str, **kw):
    import lsdb

    cat = lsdb.from_dataframe(
        df.reset_index(drop=True),
        ra_column="ra",
        dec_column="dec",
        partition_rows=PARTITION_ROWS,
        margin_threshold=None,
        catalog_name=name,
    )
    cat.write_catalog(path, as_collection=False, progress_bar=False, **kw)


def build_catalogs(out: Path) -> dict:
    import hats

    rng = np.random.default_rng(SEED)
    gaia = read_gaia()
    ra = gaia["ra"].to_numpy()
    dec = gaia["dec"].to_numpy()
    facts = {}

    # healpix_last
    df = subset(rng, gaia, angular_sep_deg(ra, dec, 95.0, -25.0) <= 5.0, 300)
    lsdb_write(df, out / "healpix_last", "healpix_last")
    files = sorted((out / "healpix_last" / "dataset").rglob("Npix=*.parquet"))
    last_col = {pq.read_schema(f).names[-1] for f in files}
    unsorted = []
    for f in files:
        h = pq.read_table(f, columns=["_healpix_29"])["_healpix_29"].to_numpy()
        if np.any(np.diff(h) < 0):
            unsorted.append(str(f.relative_to(out / "healpix_last")))
    assert last_col == {"_healpix_29"}, last_col
    assert unsorted, "expected at least one unsorted partition"
    facts["healpix_last"] = {
        "healpix_column_position": "last",
        "columns": pq.read_schema(files[0]).names,
        "unsorted_partition_files": unsorted,
        "partition_files": len(files),
    }

    # npix_dir
    df = subset(rng, gaia, angular_sep_deg(ra, dec, 53.13, -28.10) <= 20.0, 250)
    path = out / "npix_dir"
    lsdb_write(df, path, "npix_dir", npix_suffix="/")
    split = []
    for d in sorted(p for p in (path / "dataset").rglob("Npix=*") if p.is_dir()):
        inner = sorted(d.glob("*.parquet"))
        assert len(inner) == 1, inner
        t = pq.read_table(inner[0])
        schema = pq.read_schema(inner[0])
        inner[0].unlink()
        half = t.num_rows // 2
        for i, (a, b) in enumerate(((0, half), (half, t.num_rows))):
            pq.write_table(t.slice(a, b - a).cast(schema), d / f"part{i}.parquet", compression="zstd")
        split.append([str(d.relative_to(path)), t.num_rows, [half, t.num_rows - half]])
    (path / "dataset" / "_metadata").unlink()
    (path / "dataset" / "_common_metadata").unlink()
    (path / "per_partition_statistics.parquet").unlink(missing_ok=True)
    hats.io.write_parquet_metadata(path, create_per_partition_stats=True)
    facts["npix_dir"] = {"directories": split, "hats_npix_suffix": "/"}

    # no_metadata / no_partition_info
    df = subset(rng, gaia, rng.random(len(ra)) < 0.005, None)
    lsdb_write(df, out / "no_metadata", "no_metadata")
    (out / "no_metadata" / "dataset" / "_metadata").unlink()
    shutil.copytree(out / "no_metadata", out / "no_partition_info")
    (out / "no_partition_info" / "partition_info.csv").unlink()
    facts["no_metadata"] = {"removed": ["dataset/_metadata"]}
    facts["no_partition_info"] = {"removed": ["dataset/_metadata", "partition_info.csv"],
                                  "same_files_as": "no_metadata"}

    # other_index
    df = subset(rng, gaia, angular_sep_deg(ra, dec, 270.0, -30.0) <= 8.0, 300)
    path = out / "other_index"
    lsdb_write(df, path, "other_index")
    for f in sorted((path / "dataset").rglob("Npix=*.parquet")):
        t = pq.read_table(f)
        i = t.schema.get_field_index("_healpix_29")
        h19 = pa.array(t["_healpix_29"].to_numpy() >> 20, pa.int64())
        t = t.set_column(i, pa.field("healpix19", pa.int64()), h19)
        t = t.replace_schema_metadata(None)
        pq.write_table(t, f, compression="zstd")
    (path / "dataset" / "_metadata").unlink()
    (path / "dataset" / "_common_metadata").unlink()
    (path / "per_partition_statistics.parquet").unlink(missing_ok=True)
    hats.io.write_parquet_metadata(path, create_per_partition_stats=True)
    set_property(path, "hats_col_healpix", "healpix19")
    set_property(path, "hats_col_healpix_order", "19")
    facts["other_index"] = {"hats_col_healpix": "healpix19", "hats_col_healpix_order": 19,
                            "columns": pq.read_schema(f).names}

    normalise_properties(out)
    for name in facts:
        facts[name]["rows"] = int(sum(pq.read_metadata(f).num_rows
                                      for f in (out / name / "dataset").rglob("Norder=*/**/*.parquet")))
    return facts


# ----------------------------------------------------------------------------------------------
# B. Cases
# ----------------------------------------------------------------------------------------------

GAIA = "Samples/gaia"
ZTF = "Samples/ztf"
RUBIN = "Samples/rubin"
FGK = "parallax > 0 and parallax_over_error > 5 and 5380 < teff < 7220 and 4.5 < logg < 4.72"


def case(name, catalog, *, margin=None, columns=None, search=None, at_open=False, query=None, head=None,
         query_first=False):
    return {"name": name, "catalog": catalog, "open": {"margin": margin, "columns": columns},
            "search": search, "search_at_open": at_open, "query": query, "query_first": query_first,
            "head": head}


def cone(ra, dec, r):
    return {"kind": "cone", "ra": ra, "dec": dec, "radius_arcsec": r}


def moc_cells_near(ra, dec):
    """Cells for the MOC search: the order-4 cell of (ra, dec) and an order-6 cell 3 deg north."""
    import cdshealpix
    from astropy.coordinates import Latitude, Longitude
    import astropy.units as u

    a = int(np.ravel(cdshealpix.lonlat_to_healpix(Longitude([ra] * u.deg), Latitude([dec] * u.deg), 4))[0])
    b = int(np.ravel(cdshealpix.lonlat_to_healpix(Longitude([ra] * u.deg), Latitude([dec + 3] * u.deg), 6))[0])
    return [[4, a], [6, b]]


def make_cases():
    cone95 = cone(95.0, -25.0, 0.7 * 3600)
    poly95 = {"kind": "polygon", "vertices": [[92.0, -28.0], [98.0, -28.0], [97.0, -22.0], [93.0, -22.0]]}
    c = [
        case("gaia_open_default", GAIA),
        case("gaia_open_columns_list", GAIA, columns=["source_id", "phot_g_mean_mag"]),
        case("gaia_open_columns_all", GAIA, columns="all"),
        case("ztf_open_default_margin", ZTF, margin="default"),
        case("ztf_open_explicit_margin", ZTF + "/ztf", margin=ZTF + "/ztf_10arcs",
             columns=["objectid", "nobs_g"]),
        case("gaia_cone_95_m25", GAIA, search=cone95),
        case("gaia_cone_95_m25_at_open", GAIA, search=cone95, at_open=True),
        case("ztf_cone_95_m25", ZTF, margin="default", search=cone95),
        case("ztf_cone_95_m25_at_open", ZTF, margin="default", search=cone95, at_open=True),
        case("gaia_cone_ra0_straddle", GAIA, search=cone(0.3, 5.0, 3 * 3600)),
        case("gaia_cone_ra0_straddle_at_open", GAIA, search=cone(0.3, 5.0, 3 * 3600), at_open=True),
        case("gaia_cone_north_pole", GAIA, search=cone(10.0, 89.5, 2 * 3600)),
        case("gaia_cone_south_pole_at_open", GAIA, search=cone(200.0, -89.9, 1.5 * 3600), at_open=True),
        case("rubin_cone_no_coverage", RUBIN, search=cone(180.0, 60.0, 3600)),
        case("rubin_cone_no_coverage_at_open", RUBIN, search=cone(180.0, 60.0, 3600), at_open=True),
        case("gaia_cone_no_rows", GAIA, search=cone(123.456, 45.678, 0.5)),
        case("rubin_cone_95_m25", RUBIN, search=cone95),
        case("gaia_cone_invalid_radius", GAIA, search=cone(95.0, -25.0, -1.0)),
        case("gaia_cone_invalid_dec", GAIA, search=cone(95.0, 95.0, 10.0)),
        case("gaia_box", GAIA, search={"kind": "box", "ra": [90.0, 100.0], "dec": [-30.0, -20.0]}),
        case("gaia_box_ra_wrap", GAIA, search={"kind": "box", "ra": [350.0, 10.0], "dec": [-5.0, 5.0]}),
        case("gaia_box_ra_wrap_at_open", GAIA, search={"kind": "box", "ra": [350.0, 10.0], "dec": [-5.0, 5.0]},
             at_open=True),
        case("ztf_box", ZTF, margin="default",
             search={"kind": "box", "ra": [40.0, 60.0], "dec": [0.0, 10.0]}),
        case("gaia_polygon", GAIA, search=poly95),
        case("gaia_polygon_at_open", GAIA, search=poly95, at_open=True),
        case("gaia_polygon_ra_wrap", GAIA, search={"kind": "polygon",
                                                   "vertices": [[355.0, -6.0], [6.0, -4.0], [4.0, 7.0], [354.0, 5.0]]}),
        case("gaia_polygon_clockwise", GAIA, search={"kind": "polygon", "vertices": poly95["vertices"][::-1]}),
        case("gaia_polygon_nonconvex", GAIA, search={"kind": "polygon", "vertices": [
            [90.0, -30.0], [100.0, -30.0], [95.0, -25.0], [100.0, -20.0], [90.0, -20.0]]}),
        case("ztf_polygon", ZTF, margin="default", search={"kind": "polygon",
                                                          "vertices": [[40.0, -5.0], [60.0, -5.0], [60.0, 15.0], [40.0, 15.0]]}),
        case("gaia_order_1_2", GAIA, search={"kind": "order", "min": 1, "max": 2}),
        case("gaia_order_min_3", GAIA, search={"kind": "order", "min": 3, "max": None}),
        case("gaia_pixel", GAIA, search={"kind": "pixel", "pixels": [[0, 4], [2, 113], [3, 448]]}),
        case("gaia_pixel_order5", GAIA, search={"kind": "pixel", "pixels": [[5, 7000]]}),
        case("gaia_moc", GAIA, search={"kind": "moc", "order": 6, "pixels": moc_cells_near(95.0, -25.0)}),
        case("gaia_query_fgk", GAIA, query=FGK),
        case("gaia_query_or_not", GAIA, query="(phot_g_mean_mag < 12 or parallax > 10) and not (dec > 0)"),
        case("gaia_query_not_nulls", GAIA, query="not (teff > 6000)"),
        case("gaia_query_or_nulls", GAIA, query="teff > 7000 or logg < 3.5 or phot_g_mean_mag < 11"),
        case("gaia_query_column_list", GAIA, columns=["source_id", "teff"], query="teff > 9000"),
        case("ztf_query", ZTF, margin="default", query="nobs_g > 300 and mean_mag_g < 18"),
        case("gaia_cone_query", GAIA, search=cone95, query="phot_g_mean_mag < 19 and parallax > 0.2"),
        case("ztf_cone_at_open_query", ZTF, margin="default", search=cone(45.0, 0.0, 4 * 3600),
             at_open=True, query="nobs_r > 200"),
        # A search after a query cannot reload the catalog from disk (lsdb's _reload_with_filter), so
        # it takes the select-pixels + row-filter path.
        case("gaia_query_then_cone", GAIA, search=cone95, query="phot_g_mean_mag < 19 and parallax > 0.2",
             query_first=True),
        case("rubin_query_then_cone_no_coverage", RUBIN, search=cone(180.0, 60.0, 3600),
             query="coord_dec < 0", query_first=True),
        case("ztf_query_then_cone", ZTF, margin="default", search=cone(45.0, 0.0, 4 * 3600),
             query="nobs_r > 200", query_first=True),
        case("gaia_head_10", GAIA, head=10),
        case("gaia_head_5000", GAIA, head=5000),
        case("gaia_cone_head_10", GAIA, search=cone95, head=10),
        case("gaia_query_head_5000", GAIA, query=FGK, head=5000),
    ]
    edge = {
        "healpix_last": cone(95.0, -25.0, 1.5 * 3600),
        "npix_dir": cone(53.13, -28.10, 6 * 3600),
        "no_metadata": cone(270.0, -30.0, 20 * 3600),
        "no_partition_info": cone(270.0, -30.0, 20 * 3600),
        "other_index": cone(270.0, -30.0, 3 * 3600),
    }
    for name, s in edge.items():
        c.append(case(f"{name}_open", f"{CAT_REL}/{name}"))
        c.append(case(f"{name}_cone", f"{CAT_REL}/{name}", search=s))
        c.append(case(f"{name}_cone_at_open", f"{CAT_REL}/{name}", search=s, at_open=True))
    c.append(case("other_index_query", f"{CAT_REL}/other_index", query="phot_g_mean_mag < 17"))
    return c


def make_search(spec):
    from lsdb.core.search.region_search import (BoxSearch, ConeSearch, MOCSearch, OrderSearch,
                                                PixelSearch, PolygonSearch)
    from mocpy import MOC

    k = spec["kind"]
    if k == "cone":
        return ConeSearch(spec["ra"], spec["dec"], spec["radius_arcsec"])
    if k == "box":
        return BoxSearch(tuple(spec["ra"]), tuple(spec["dec"]))
    if k == "polygon":
        return PolygonSearch([tuple(v) for v in spec["vertices"]])
    if k == "order":
        return OrderSearch(spec["min"], spec["max"])
    if k == "pixel":
        return PixelSearch([tuple(p) for p in spec["pixels"]])
    if k == "moc":
        px = np.array(spec["pixels"])
        return MOCSearch(MOC.from_healpix_cells(px[:, 1], px[:, 0], spec["order"]))
    raise ValueError(k)


def apply_search(cat, spec):
    k = spec["kind"]
    if k == "cone":
        return cat.cone_search(spec["ra"], spec["dec"], spec["radius_arcsec"])
    if k == "box":
        return cat.box_search(tuple(spec["ra"]), tuple(spec["dec"]))
    if k == "polygon":
        return cat.polygon_search([tuple(v) for v in spec["vertices"]])
    if k == "order":
        return cat.order_search(spec["min"], spec["max"])
    if k == "pixel":
        return cat.pixel_search([tuple(p) for p in spec["pixels"]])
    if k == "moc":
        return cat.moc_search(make_search(spec).moc)
    raise ValueError(k)


def type_name(dtype) -> str:
    import pandas as pd

    if isinstance(dtype, pd.ArrowDtype):
        return str(dtype.pyarrow_dtype)
    return "numpy:" + str(dtype)


def summarise(df, pixels) -> dict:
    import pandas as pd

    key = "source_id" if "source_id" in df.columns else ("objectid" if "objectid" in df.columns else None)
    out = {
        "partitions": [[int(p.order), int(p.pixel)] for p in pixels] if pixels is not None else None,
        "rows": int(len(df)),
        "columns": [str(c) for c in df.columns],
        "dtypes": [type_name(df[c].dtype) for c in df.columns],
        "index_name": df.index.name,
        "index_dtype": type_name(df.index.dtype),
        "key": key,
    }
    if key is not None:
        ks = [int(v) for v in df[key].to_numpy()]
        out["keys"] = ks if len(ks) <= KEYS_LIMIT else None
        out["keys_first"] = ks[:50]
        out["keys_last"] = ks[-50:]
        out["key_sum"] = str(sum(ks))
    else:
        out.update({"keys": None, "keys_first": None, "keys_last": None, "key_sum": None})
    out["index_sum"] = str(sum(int(v) for v in df.index.to_numpy()))
    fs = {}
    for c in df.columns:
        dt = df[c].dtype
        is_float = (isinstance(dt, pd.ArrowDtype) and pa.types.is_floating(dt.pyarrow_dtype)) or (
            not isinstance(dt, pd.ArrowDtype) and np.issubdtype(dt, np.floating))
        if is_float:
            vals = df[c].dropna().to_numpy(dtype=np.float64)
            fs[str(c)] = math.fsum(vals.tolist())
    out["float_sums"] = fs
    out["null_counts"] = {str(c): int(df[c].isna().sum()) for c in df.columns}
    return out


def rows_per_partition(df, pixels, cat):
    """[[order, pixel, rows], ...] for the partitions the frame's rows come from, in row order
    (head takes whole leading partitions, in get_healpix_pixels() order, then part of one more)."""
    k = cat.hc_structure.catalog_info.healpix_order
    idx = df.index.to_numpy().astype(np.int64)
    out = []
    for p in pixels:
        shift = 2 * (k - p.order)
        n = int(np.count_nonzero((idx >> shift) == p.pixel))
        if n:
            out.append([int(p.order), int(p.pixel), n])
    return out


def run_case(spec) -> dict:
    import lsdb

    res = dict(spec)
    res.update({"error": None, "result": None, "margin_result": None})
    op = spec["open"]
    kw = {}
    if op["columns"] is not None:
        kw["columns"] = op["columns"]
    if op["margin"] not in (None, "default"):
        kw["margin_cache"] = str(REPO / op["margin"])
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            if spec["search"] is not None and spec["search_at_open"]:
                kw["search_filter"] = make_search(spec["search"])
            cat = lsdb.open_catalog(REPO / spec["catalog"], **kw)
            if spec["query"] is not None and spec["query_first"]:
                cat = cat.query(spec["query"])
            if spec["search"] is not None and not spec["search_at_open"]:
                cat = apply_search(cat, spec["search"])
            if spec["query"] is not None and not spec["query_first"]:
                cat = cat.query(spec["query"])
            pixels = cat.get_healpix_pixels()
            if spec["head"] is not None:
                df = cat.head(spec["head"])
                res["result"] = summarise(df, pixels)
                res["result"]["head_rows_per_partition"] = rows_per_partition(df, pixels, cat)
            else:
                df = cat.compute(progress_bar=False)
                res["result"] = summarise(df, pixels)
                if cat.margin is not None:
                    mdf = cat.margin.compute(progress_bar=False)
                    res["margin_result"] = summarise(mdf, cat.margin.get_healpix_pixels())
                    res["margin_result"]["margin_name"] = cat.margin.name
        msgs = sorted({str(w.message).splitlines()[0] for w in caught
                       if not issubclass(w.category, (DeprecationWarning, ResourceWarning))})
        res["warnings"] = msgs
    except Exception as e:  # noqa: BLE001 -- record exactly what lsdb raised
        res["error"] = f"{type(e).__name__}: {e}"
        res["result"] = None
        res["margin_result"] = None
    return res


def main():
    t0 = time.time()
    try:
        import lsst.sphgeom  # noqa: F401
    except ImportError:
        sys.exit("error: the polygon cases need lsst-sphgeom; install it with\n"
                 "  .venv/bin/python -m pip install --no-deps --target .venv-extra "
                 "lsst-sphgeom==30.2026.4000 hpgeom==1.6.1")
    import dask
    import hats
    import lsdb

    dask.config.set(scheduler="synchronous")
    FIXTURES.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".catalogs.tmp-", dir=FIXTURES))
    try:
        facts = build_catalogs(staging)
        if CATALOGS.exists():
            shutil.rmtree(CATALOGS)
        staging.rename(CATALOGS)
        for p in CATALOGS.rglob("*"):
            p.chmod(0o755 if p.is_dir() else 0o644)
        CATALOGS.chmod(0o755)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    print(f"catalogs built in {time.time() - t0:.1f} s")
    for name, f in facts.items():
        print(f"  {name}: {f}")

    cases = []
    for spec in make_cases():
        t1 = time.time()
        r = run_case(spec)
        cases.append(r)
        if r["error"]:
            summary = r["error"]
        else:
            res = r["result"]
            summary = f"{res['rows']} rows, {len(res['partitions'])} partitions"
            if r["margin_result"]:
                summary += f"; margin {r['margin_result']['rows']} rows"
        print(f"{r['name']:36s} {summary}  ({time.time() - t1:.1f} s)")

    doc = {
        "versions": {"lsdb": lsdb.__version__, "hats": hats.__version__,
                     "pandas": __import__("pandas").__version__, "pyarrow": pa.__version__},
        "notes": [
            "Generated by Scripts/make_lsdb_fixtures.py; do not edit by hand.",
            "open.margin: null = plain open_catalog (no margin); 'default' = the collection's default margin; "
            "a path = margin_cache=<path>.",
            "float_sums are math.fsum of the non-null values (correctly rounded); compare with a tolerance.",
            "key_sum and index_sum are exact integer sums as strings.",
            "dtypes are pyarrow type names (pandas ArrowDtype); 'numpy:<dtype>' marks a numpy-backed column.",
        ],
        "catalog_facts": facts,
        "cases": cases,
    }
    EXPECTED.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, indent=1, sort_keys=False) + "\n"
    EXPECTED.write_text(text)
    size_cat = sum(f.stat().st_size for f in CATALOGS.rglob("*") if f.is_file())
    print(f"expected.json: {len(cases)} cases, {len(text) / 1e6:.2f} MB; catalogs {size_cat / 1e6:.2f} MB")
    print(f"done in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
