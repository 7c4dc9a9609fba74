#!/usr/bin/env python3
"""Crossmatch expected outputs of the real lsdb 0.11.1 (hats 0.11.1), for the Swift LSDB tests.

    .venv/bin/python Scripts/make_crossmatch_fixtures.py        (from the repository root)

Everything runs in this one process (lsdb pays ~10 s of numba compiling per process) with Dask's
synchronous scheduler.  Deterministic: every synthetic value comes from
numpy.random.default_rng(SEED) and the run-dependent `hats_creation_date` property is set to
FIXED_CREATION_DATE, so a rerun rewrites the same bytes.

Outputs
=======

A. Purpose-built catalogs, Tests/LSDBTests/Fixtures/xmatch/ (well under 1 MB in all).  Synthetic rows
   (seeded numpy), turned into HATS collections by lsdb itself:
   `lsdb.from_dataframe(df, partition_rows=..., highest_order=4, margin_threshold=5.0)` then
   `write_catalog(path, as_collection=True)`, so each directory is a collection
   (`collection.properties`, `<name>/`, `<name>_5arcs/`, the default margin, threshold 5").  lsdb's
   writer appends `_healpix_29` as the LAST column and keeps input order inside a partition (rows are
   not sorted by `_healpix_29`); the inputs are in random order on purpose.
   The same catalog WITHOUT a margin is the collection's main catalog opened directly
   (`xmatch/left_fine/left_fine`), so no file is duplicated.

   * left_fine/     columns id (int64, 1..N), ra, dec (double), mag (float).  ~1000 rows: 700
                    uniform in a 14 deg cap around (45, 15) (which holds several order-0 HEALPix
                    boundaries), 300 in a Gaussian clump (sigma 2 deg) at (52, 21), the LONE point
                    (250, -60) that lies outside every right_coarse partition, and the left halves of
                    the BOUNDARY pairs.  partition_rows=LEFT_ROWS, highest_order=4 -> orders 1..4.
   * right_coarse/  columns id (int64, 100001..), ra, dec (double), mag (float), label (string).
                    Counterparts of 65% of left_fine's cap/clump rows (0.25" Gaussian noise per
                    axis); 40 near-duplicate groups (3 extra right points 0.2"..3" from one left
                    row each, so n_neighbors=3 and min_radius matter); 250 right-only points in the
                    cap; and the right halves of the BOUNDARY pairs.  partition_rows=RIGHT_ROWS,
                    highest_order=4 -> coarser orders (0..2) than left_fine.
                    It covers only the cap: the lone left point has no right partition at all.
   * BOUNDARY pairs: a left point 0.15" from an order-0 HEALPix edge (always a partition boundary)
                    and its right counterpart 0.15" on the other side (0.3" apart, same RA).  They
                    match only through the right margin; the script checks that lsdb finds every
                    such pair with the margin and none without it (expected.json "facts").
   * right_table.parquet  a plain table (not HATS) for the catalog x in-memory-table case: columns
                    obj (int64), ra_t, dec_t (double), flux (double); 300 rows near right_coarse's
                    positions.  lsdb.crossmatch(left, DataFrame, right_args={ra_column, dec_column})
                    builds it with from_dataframe and a margin of threshold = the radius.

B. Tests/LSDBTests/Fixtures/crossmatch/
   * fgk_query_result.parquet   the seed's intermediate table: (Samples/gaia x Samples/ztf, 1",
                    all_columns).query(FGK) computed, `reset_index(drop=True)` (so `_healpix_29` is
                    dropped), written with pyarrow.  The chained case reads it back and does what
                    the seed does: `lsdb.from_dataframe(df, ra_column="ra_gaia",
                    dec_column="dec_gaia")` (defaults: 5" margin, name "from_dataframe"), then
                    `.crossmatch(rubin, radius_arcsec=1)`; the in-memory table is the LEFT side.
   * expected.json  {"versions", "notes", "facts", "cases"}; each case:
       name, notes (free text),
       left / right: {"catalog": path relative to the repository root, "margin": null (a plain
            catalog, opened without a margin) | "default" (a collection, opened with its default
            margin) | "<path>" (passed as margin_cache=), "columns": null | [names] (open_catalog
            columns=), "search": null | {"kind": "cone", "ra", "dec", "radius_arcsec"} (the
            catalog's cone_search after opening), "query": null | str (catalog.query after the
            search)}.  left is null when left_table is given.
       left_table: null | {"file", "ra_column", "dec_column", "catalog_name" (null = from_dataframe's
            default)}: the left side is `lsdb.from_dataframe(pandas.read_parquet(file), ...)` with
            every other argument at its default.
       right_table: null | {"file", "ra_column", "dec_column"}: the right side is that table, passed
            as a DataFrame to the free function `lsdb.crossmatch(left, df, right_args={...},
            **params)` (which calls from_dataframe with margin_threshold = radius_arcsec and
            catalog_name = the right suffix or "right").
       params: {"radius_arcsec", "n_neighbors", "min_radius_arcsec", "how", "suffixes": null |
            [l, r], "suffix_method": "all_columns" | "overlapping_columns" | null (null = not
            passed: lsdb then uses all_columns and gives a FutureWarning)}.
       then: null | {"query": str} | {"crossmatch": {"right": {...}, "params": {...}}}: applied to
            the crossmatch result (lazily, before compute).  Both keys may be present (the lazy
            chained case): the query runs first, then the crossmatch with the result as the LEFT
            side (no margin, name "<left>_x_<right>", ra/dec = the suffixed left columns).
       error: null | "ExceptionClass: message" (the first line) when lsdb raised; result is null.
       warnings: ["Category: first line of the message", ...] deduplicated and sorted, every
            warning raised while opening, matching and computing.
       result: rows, partitions ([[order, pixel], ...] = get_healpix_pixels() of the final catalog),
            columns (frame column names in order, index excluded), dtypes (pyarrow type names),
            index_name, left_key / right_key (the id column names after suffixing), pairs
            ([[left_id, right_id or null, dist_arcsec or null], ...] in output row order when
            rows <= PAIRS_LIMIT, else null), pair_count (rows with a non-null distance), dist_sum
            (math.fsum of the non-null _dist_arcsec), left_keys_sum / right_keys_sum (exact
            integer sums of the non-null ids, as strings), index_sum (exact sum of the index),
            right_null_rows (rows without a right match: left/outer joins), neighbour_ties (how
            many consecutive rows of the same left row have exactly equal distances: their order
            is scipy KDTree's and arbitrary; 0 in every case here), first / last (the first and
            last 20 pairs, always), index_dtype.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import sys
import time
import warnings
from pathlib import Path

os.environ.setdefault("TQDM_DISABLE", "1")

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

SEED = 20251206
FIXED_CREATION_DATE = "2026-01-01T00:00UTC"
LEFT_ROWS = 200
RIGHT_ROWS = 600
MARGIN_ARCSEC = 5.0
PAIRS_LIMIT = 5000

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "Tests" / "LSDBTests" / "Fixtures"
XDIR = FIXTURES / "xmatch"
CDIR = FIXTURES / "crossmatch"
XREL = "Tests/LSDBTests/Fixtures/xmatch"
CREL = "Tests/LSDBTests/Fixtures/crossmatch"

GAIA = "Samples/gaia"
ZTF = "Samples/ztf"
RUBIN = "Samples/rubin"
FGK = ("nobs_g_ztf > 50 and nobs_r_ztf > 50 and parallax_gaia > 0 and parallax_over_error_gaia > 5 "
       "and 5380 < teff_gaia < 7220 and 4.5 < logg_gaia < 4.72")
ARCSEC = 1.0 / 3600.0
# nested-pandas' deprecation notices (about its own use of inplace=) are not lsdb behaviour.
NOISE_WARNINGS = {"Pandas4Warning", "DeprecationWarning", "PendingDeprecationWarning"}


# ----------------------------------------------------------------------------------------------
# Geometry helpers
# ----------------------------------------------------------------------------------------------

def to_xyz(ra, dec):
    r, d = np.radians(ra), np.radians(dec)
    return np.stack([np.cos(d) * np.cos(r), np.cos(d) * np.sin(r), np.sin(d)], axis=-1)


def from_xyz(v):
    v = v / np.linalg.norm(v, axis=-1, keepdims=True)
    return np.degrees(np.arctan2(v[..., 1], v[..., 0])) % 360.0, np.degrees(np.arcsin(np.clip(v[..., 2], -1, 1)))


def offset_by(ra, dec, pa_rad, sep_deg):
    """Points sep_deg from (ra, dec) in position angle pa_rad (great circle)."""
    p = to_xyz(ra, dec)
    r, d = np.radians(ra), np.radians(dec)
    east = np.stack([-np.sin(r), np.cos(r), np.zeros_like(r)], axis=-1)
    north = np.stack([-np.sin(d) * np.cos(r), -np.sin(d) * np.sin(r), np.cos(d)], axis=-1)
    s = np.radians(sep_deg)[..., None] if np.ndim(sep_deg) else np.radians(sep_deg)
    pa_ = np.asarray(pa_rad)[..., None]
    v = np.cos(s) * p + np.sin(s) * (np.cos(pa_) * north + np.sin(pa_) * east)
    return from_xyz(v)


def cap(rng, n, ra0, dec0, r_deg):
    cos_t = rng.uniform(np.cos(np.radians(r_deg)), 1.0, n)
    sep = np.degrees(np.arccos(cos_t))
    return offset_by(np.full(n, ra0), np.full(n, dec0), rng.uniform(0, 2 * np.pi, n), sep)


def sep_arcsec(ra1, dec1, ra2, dec2):
    r1, d1, r2, d2 = map(np.radians, (ra1, dec1, ra2, dec2))
    h = np.sin((d2 - d1) / 2) ** 2 + np.cos(d1) * np.cos(d2) * np.sin((r2 - r1) / 2) ** 2
    return np.degrees(2 * np.arcsin(np.sqrt(h))) * 3600


def base_pixel(ra, dec):
    import cdshealpix
    import astropy.units as u
    from astropy.coordinates import Latitude, Longitude

    return np.asarray(cdshealpix.lonlat_to_healpix(Longitude(np.atleast_1d(ra) * u.deg),
                                                   Latitude(np.atleast_1d(dec) * u.deg), 0)).astype(int)


def boundary_pairs(ras, dec_lo, dec_hi):
    """For each RA, bisect along the meridian for an order-0 pixel change between dec_lo and
    dec_hi; return the left (0.15" below) / right (0.15" above) positions of the crossing."""
    out = []
    for ra in ras:
        decs = np.linspace(dec_lo, dec_hi, 400)
        bp = base_pixel(np.full(decs.size, ra), decs)
        ch = np.flatnonzero(np.diff(bp) != 0)
        if ch.size == 0:
            continue
        lo, hi = decs[ch[0]], decs[ch[0] + 1]
        b_lo = bp[ch[0]]
        for _ in range(80):
            mid = (lo + hi) / 2
            if base_pixel(ra, mid)[0] == b_lo:
                lo = mid
            else:
                hi = mid
        edge = (lo + hi) / 2
        l_dec, r_dec = edge - 0.15 * ARCSEC, edge + 0.15 * ARCSEC
        if base_pixel(ra, l_dec)[0] != base_pixel(ra, r_dec)[0]:
            out.append((ra, l_dec, ra, r_dec))
    return out


# ----------------------------------------------------------------------------------------------
# A. Purpose-built catalogs
# ----------------------------------------------------------------------------------------------

def normalise_properties(root: Path):
    for p in sorted(root.rglob("*properties")):
        text = p.read_text()
        text = re.sub(r"(?m)^hats_creation_date=.*$", f"hats_creation_date={FIXED_CREATION_DATE}", text)
        p.write_text(text)


def build_catalogs(facts: dict):
    import lsdb

    rng = np.random.default_rng(SEED)
    # left_fine
    ra_u, dec_u = cap(rng, 700, 45.0, 15.0, 14.0)
    ra_c = 52.0 + rng.normal(0, 2.0, 300) / np.cos(np.radians(21.0))
    dec_c = 21.0 + rng.normal(0, 2.0, 300)
    pairs = boundary_pairs([38.5, 41.0, 43.5, 47.5, 50.0, 52.5], 0.5, 29.0)
    assert len(pairs) >= 4, pairs
    b_lra = np.array([p[0] for p in pairs]); b_ldec = np.array([p[1] for p in pairs])
    b_rra = np.array([p[2] for p in pairs]); b_rdec = np.array([p[3] for p in pairs])
    lone = (250.0, -60.0)
    body_ra = np.concatenate([ra_u, ra_c]); body_dec = np.concatenate([dec_u, dec_c])
    left_ra = np.concatenate([body_ra, [lone[0]], b_lra])
    left_dec = np.concatenate([body_dec, [lone[1]], b_ldec])
    kind = np.array(["body"] * body_ra.size + ["lone"] + ["boundary"] * b_lra.size)
    n_left = left_ra.size

    # right_coarse
    nb = body_ra.size
    has_cp = rng.random(nb) < 0.65
    cp_idx = np.flatnonzero(has_cp)
    cp_ra, cp_dec = offset_by(body_ra[cp_idx], body_dec[cp_idx], rng.uniform(0, 2 * np.pi, cp_idx.size),
                              np.abs(rng.normal(0, 0.25, cp_idx.size)) * np.sqrt(2) * ARCSEC)
    dup_idx = np.sort(rng.choice(nb, 40, replace=False))
    d_src = np.repeat(dup_idx, 3)
    d_ra, d_dec = offset_by(body_ra[d_src], body_dec[d_src], rng.uniform(0, 2 * np.pi, d_src.size),
                            rng.uniform(0.2, 3.0, d_src.size) * ARCSEC)
    o_ra, o_dec = cap(rng, 250, 45.0, 15.0, 14.0)
    right_ra = np.concatenate([cp_ra, d_ra, o_ra, b_rra])
    right_dec = np.concatenate([cp_dec, d_dec, o_dec, b_rdec])
    n_right = right_ra.size

    # Input order is random (lsdb keeps it inside partitions); ids follow the input order.
    lperm = rng.permutation(n_left)
    left = pd.DataFrame({
        "id": np.arange(1, n_left + 1, dtype=np.int64),
        "ra": left_ra[lperm], "dec": left_dec[lperm],
        "mag": rng.uniform(14, 21, n_left).astype(np.float32),
    })
    lkind = kind[lperm]
    rperm = rng.permutation(n_right)
    labels = np.array(["cp"] * cp_ra.size + ["dup"] * d_ra.size + ["only"] * o_ra.size + ["edge"] * b_rra.size)
    right = pd.DataFrame({
        "id": np.arange(100001, 100001 + n_right, dtype=np.int64),
        "ra": right_ra[rperm], "dec": right_dec[rperm],
        "mag": rng.uniform(14, 21, n_right).astype(np.float32),
        "label": labels[rperm],
    })
    # Identify the boundary pairs by id.
    bpairs = []
    for i in range(len(pairs)):
        lid = int(left["id"][(left["ra"] == b_lra[i]) & (left["dec"] == b_ldec[i])].iloc[0])
        rid = int(right["id"][(right["ra"] == b_rra[i]) & (right["dec"] == b_rdec[i])].iloc[0])
        # the partner must be the only right point within 5" of the left point
        s = sep_arcsec(b_lra[i], b_ldec[i], right["ra"].to_numpy(), right["dec"].to_numpy())
        assert np.sum(s < 5.0) == 1 and abs(s.min() - 0.3) < 1e-6, (i, np.sort(s)[:3])
        bpairs.append([lid, rid])
    lone_id = int(left["id"][lkind == "lone"].iloc[0])

    table = pd.DataFrame({
        "obj": np.arange(900001, 900301, dtype=np.int64),
    })
    src = rng.choice(n_right, 300, replace=False)
    t_ra, t_dec = offset_by(right["ra"].to_numpy()[src], right["dec"].to_numpy()[src],
                            rng.uniform(0, 2 * np.pi, 300), rng.uniform(0.0, 1.8, 300) * ARCSEC)
    table["ra_t"] = t_ra
    table["dec_t"] = t_dec
    table["flux"] = np.round(rng.lognormal(0, 1, 300), 6)

    if XDIR.exists():
        shutil.rmtree(XDIR)
    XDIR.mkdir(parents=True)
    for name, df, rows in (("left_fine", left, LEFT_ROWS), ("right_coarse", right, RIGHT_ROWS)):
        cat = lsdb.from_dataframe(df, ra_column="ra", dec_column="dec", partition_rows=rows,
                                  highest_order=4, margin_threshold=MARGIN_ARCSEC, catalog_name=name)
        cat.write_catalog(XDIR / name, as_collection=True, progress_bar=False)
        pix = cat.get_healpix_pixels()
        facts[name] = {
            "rows": len(df),
            "partitions": [[int(p.order), int(p.pixel)] for p in pix],
            "orders": sorted({int(p.order) for p in pix}),
            "margin_rows": int(len(cat.margin.compute())),
        }
    pq.write_table(pa.Table.from_pandas(table, preserve_index=False), XDIR / "right_table.parquet",
                   compression="zstd")
    normalise_properties(XDIR)
    facts["boundary_pairs"] = bpairs
    facts["lone_left_id"] = lone_id
    facts["near_duplicate_left_ids"] = sorted(int(np.flatnonzero(lperm == j)[0]) + 1 for j in dup_idx)
    size = sum(f.stat().st_size for f in XDIR.rglob("*") if f.is_file())
    facts["xmatch_dir_bytes"] = size
    print(f"left_fine: {n_left} rows, orders {facts['left_fine']['orders']}, "
          f"{len(facts['left_fine']['partitions'])} partitions; right_coarse: {n_right} rows, orders "
          f"{facts['right_coarse']['orders']}, {len(facts['right_coarse']['partitions'])} partitions; "
          f"{len(bpairs)} boundary pairs; xmatch/ {size / 1e3:.0f} kB")
    assert size < 1_000_000, size


# ----------------------------------------------------------------------------------------------
# B. Cases
# ----------------------------------------------------------------------------------------------

def side(catalog, margin=None, columns=None, search=None, query=None):
    return {"catalog": catalog, "margin": margin, "columns": columns, "search": search, "query": query}


def cone(ra, dec, r):
    return {"kind": "cone", "ra": ra, "dec": dec, "radius_arcsec": r}


def params(radius=1.0, k=1, min_radius=0.0, how="inner", suffixes=None, method="all_columns"):
    return {"radius_arcsec": radius, "n_neighbors": k, "min_radius_arcsec": min_radius, "how": how,
            "suffixes": suffixes, "suffix_method": method}


def case(name, left, right, p, *, then=None, left_table=None, right_table=None, notes="", ids=None):
    return {"name": name, "notes": notes, "left": left, "left_table": left_table, "right": right,
            "right_table": right_table, "params": p, "then": then, "ids": ids}


def make_cases(facts):
    g = side(GAIA)
    z = side(ZTF, margin="default")
    z_plain = side(ZTF + "/ztf")
    lf = side(f"{XREL}/left_fine", margin="default")
    lf_plain = side(f"{XREL}/left_fine/left_fine")
    rc = side(f"{XREL}/right_coarse", margin="default")
    rc_plain = side(f"{XREL}/right_coarse/right_coarse")
    cone95 = cone(95.0, -25.0, 0.7 * 3600)
    gz = ("source_id", "objectid")
    ii = ("id", "id")
    tie = ("Neighbour order is by distance (scipy KDTree); exact ties would be in KD-tree "
           "implementation order, but none occur here (random float positions).")
    c = [
        case("gaia_x_ztf_r1", g, z, params(), ids=gz,
             notes="Samples/README: 35433 matches (ztf opened as a collection with its 10\" margin)."),
        case("gaia_x_ztf_nomargin_r1", g, z_plain, params(), ids=gz,
             notes="Samples/README: 35383 matches; lsdb warns that the right side has no margin."),
        case("gaia_x_ztf_default_suffix_method", g, z, params(method=None), ids=gz,
             notes="suffix_method not passed: all_columns plus a FutureWarning."),
        case("gaia_x_ztf_k3_r5", g, z, params(radius=5.0, k=3), ids=gz, notes=tie),
        case("gaia_x_ztf_r10", g, z, params(radius=10.0), ids=gz,
             notes="radius equal to the 10\" margin threshold is allowed."),
        case("gaia_x_ztf_r10_5_error", g, z, params(radius=10.5), ids=gz,
             notes="radius above the margin threshold."),
        case("gaia_x_ztf_nomargin_r30", g, z_plain, params(radius=30.0), ids=gz,
             notes="without a margin any radius is allowed (only the warning)."),
        case("gaia_x_ztf_min05_r5_k1", g, z, params(radius=5.0, min_radius=0.5), ids=gz),
        case("gaia_x_ztf_min05_r5_k3", g, z, params(radius=5.0, k=3, min_radius=0.5), ids=gz, notes=tie),
        case("gaia_x_ztf_min_ge_radius_error", g, z, params(radius=1.0, min_radius=1.0), ids=gz),
        case("gaia_x_ztf_k0_error", g, z, params(k=0), ids=gz),
        case("gaia_x_ztf_how_left", g, z, params(how="left"), ids=gz,
             notes="unmatched left rows come after the matched rows of the same aligned pixel, with "
                   "null right columns and null _dist_arcsec."),
        case("gaia_x_ztf_overlapping", g, z, params(method="overlapping_columns"), ids=gz,
             notes="only ra/dec (present on both sides) are suffixed."),
        case("gaia_x_ztf_suffixes", g, z, params(suffixes=["_g", "_z"]), ids=gz),
        case("gaia_x_ztf_suffixes_overlapping", g, z, params(suffixes=["_g", "_z"], method="overlapping_columns"),
             ids=gz),
        case("gaia_x_ztf_columns", side(GAIA, columns=["source_id", "ra", "dec", "phot_g_mean_mag"]),
             side(ZTF, margin="default", columns=["objectid", "ra", "dec", "nobs_g"]), params(), ids=gz),
        case("gaia_x_ztf_then_fgk_query", g, z, params(), then={"query": FGK}, ids=gz,
             notes="Samples/README: 2272 rows. The query uses the suffixed names."),
        case("gaia_cone_x_ztf_cone", side(GAIA, search=cone95), side(ZTF, margin="default", search=cone95),
             params(), ids=gz, notes="cone search (95, -25, 0.7 deg) on both sides, then the match."),
        case("gaia_cone_x_ztf_cone_k3_r5_left", side(GAIA, search=cone95),
             side(ZTF, margin="default", search=cone95), params(radius=5.0, k=3, how="left"), ids=gz,
             notes=tie),
        case("gaia_x_ztf_fgk_then_rubin_chained", g, z, params(),
             then={"query": FGK, "crossmatch": {"right": side(RUBIN), "params": params()}},
             ids=gz,
             notes="The lazy chain: (gaia x ztf).query(FGK).crossmatch(rubin, 1\"). The first result "
                   "has no margin; its ra/dec columns are ra_gaia/dec_gaia; its name is gaia_x_ztf, "
                   "so the second suffixes are _gaia_x_ztf and _rubin. The query runs before the "
                   "second crossmatch."),
        case("seed_fgk_table_x_rubin", None, side(RUBIN), params(),
             left_table={"file": f"{CREL}/fgk_query_result.parquet", "ra_column": "ra_gaia",
                         "dec_column": "dec_gaia", "catalog_name": None},
             ids=("source_id_gaia", "objectid"),
             notes="The seed's way: the computed FGK result, reset_index(drop=True), is "
                   "lsdb.from_dataframe(df, ra_column='ra_gaia', dec_column='dec_gaia') (defaults: "
                   "name 'from_dataframe', a 5\" margin, partitions up to 1 GiB from order 0), then "
                   ".crossmatch(rubin, radius_arcsec=1). Samples/README: 58 matches. Rubin has no "
                   "margin: the warning."),
        # purpose-built catalogs
        case("fine_x_coarse_r1", lf, rc, params(), ids=ii,
             notes="left partitions at orders 1-4, right at coarser orders; includes the boundary "
                   "pairs (facts.boundary_pairs), matched only through the right margin."),
        case("fine_x_coarse_nomargin_r1", lf, rc_plain, params(), ids=ii,
             notes="the same without the right margin: the boundary pairs are missing."),
        case("fine_x_coarse_r1_overlapping", lf, rc, params(method="overlapping_columns"), ids=ii,
             notes="id, ra, dec, mag are on both sides and get suffixes; label does not."),
        case("fine_x_coarse_k3_r5", lf, rc, params(radius=5.0, k=3), ids=ii, notes=tie),
        case("fine_x_coarse_min05_r5_k3", lf, rc, params(radius=5.0, k=3, min_radius=0.5), ids=ii, notes=tie),
        case("fine_x_coarse_min1_r3_k1", lf, rc, params(radius=3.0, k=1, min_radius=1.0), ids=ii),
        case("fine_x_coarse_r5_margin_limit", lf, rc, params(radius=5.0), ids=ii),
        case("fine_x_coarse_r6_error", lf, rc, params(radius=6.0), ids=ii),
        case("fine_x_coarse_how_left", lf, rc, params(how="left"), ids=ii,
             notes="includes the lone left point (facts.lone_left_id) whose sky has no right "
                   "partition: an aligned pixel with no right side, null right columns."),
        case("fine_x_coarse_how_left_nomargin", lf, rc_plain, params(how="left", k=3, radius=2.0),
             ids=ii, notes=tie),
        case("fine_x_coarse_how_outer", lf, rc, params(radius=2.0, how="outer"), ids=ii,
             notes="outer: left margin >= r and right margin >= 2r (5\" each here); adds _ra/_dec."),
        case("coarse_x_fine_r1", rc, lf, params(), ids=ii,
             notes="the reverse pair: coarse left, fine right (with its margin)."),
        case("coarse_x_fine_nomargin_r1", rc, lf_plain, params(), ids=ii),
        case("coarse_x_fine_k3_r5_left", rc, lf, params(radius=5.0, k=3, how="left"), ids=ii, notes=tie),
        case("fine_plain_x_fine", lf_plain, lf, params(radius=5.0, k=2), ids=ii,
             notes="a catalog with itself (same name): suffixes ('', '_right'); each row finds itself "
                   "at 0 distance first."),
    ]
    for i, (lid, rid) in enumerate(facts["boundary_pairs"][:2]):
        lra, ldec = facts["boundary_pos"][i]
        for r, tag in ((20.0, ""), (3600.0, "_wide")):
            for plain in (False, True):
                c.append(case(f"boundary_pair{i}{tag}_{'nomargin' if plain else 'margin'}",
                              side(f"{XREL}/left_fine", margin="default", search=cone(lra, ldec, r)),
                              rc_plain if plain else rc, params(), ids=ii,
                              notes=f"left cone of {r:g}\" around boundary left point {lid}: its partner "
                                    f"{rid} is across an order-0 edge, found only through the right "
                                    "margin. Without the margin the 20\" cone raises 'Catalogs do not "
                                    "overlap' (the right MOC, from_dataframe's order-10 point MOC, is not "
                                    "dilated when there is no margin, and the cone's cells hold no right "
                                    "point); the 1 deg cone overlaps and simply misses the pair."))
    c += [
        case("fine_x_table_r2", lf, None, params(radius=2.0), ids=("id", "obj"),
             right_table={"file": f"{XREL}/right_table.parquet", "ra_column": "ra_t", "dec_column": "dec_t"},
             notes="lsdb.crossmatch(left_fine, DataFrame, radius_arcsec=2, right_args={ra_column, "
                   "dec_column}): the table becomes a catalog named 'right' with a 2\" margin."),
        case("fine_x_table_r2_suffixes", lf, None, params(radius=2.0, k=2, suffixes=["_l", "_t"]),
             ids=("id", "obj"),
             right_table={"file": f"{XREL}/right_table.parquet", "ra_column": "ra_t", "dec_column": "dec_t"},
             notes="with suffixes the right table's catalog name is the right suffix '_t'."),
        case("fine_cone_x_coarse_cone", side(f"{XREL}/left_fine", margin="default", search=cone(50.0, 20.0, 3 * 3600)),
             side(f"{XREL}/right_coarse", margin="default", search=cone(50.0, 20.0, 3 * 3600)),
             params(radius=3.0, k=2), ids=ii, notes=tie),
    ]
    return c


def open_side(spec):
    import lsdb

    kw = {}
    if spec.get("columns") is not None:
        kw["columns"] = spec["columns"]
    m = spec.get("margin")
    if m not in (None, "default"):
        kw["margin_cache"] = str(REPO / m)
    cat = lsdb.open_catalog(str(REPO / spec["catalog"]), **kw)
    if m is None:
        assert cat.margin is None, spec
    else:
        assert cat.margin is not None, spec
    s = spec.get("search")
    if s is not None:
        assert s["kind"] == "cone"
        cat = cat.cone_search(s["ra"], s["dec"], s["radius_arcsec"])
    if spec.get("query"):
        cat = cat.query(spec["query"])
    return cat


def kw_of(p):
    kw = {"radius_arcsec": p["radius_arcsec"], "n_neighbors": p["n_neighbors"],
          "min_radius_arcsec": p["min_radius_arcsec"], "how": p["how"]}
    if p["suffixes"] is not None:
        kw["suffixes"] = tuple(p["suffixes"])
    if p["suffix_method"] is not None:
        kw["suffix_method"] = p["suffix_method"]
    return kw


def suffixed(name, left_cols, right_cols, sfx, method, is_left):
    if method == "overlapping_columns" and not (name in left_cols and name in right_cols):
        return name
    return name + (sfx[0] if is_left else sfx[1])


def key_names(left, right, p, ids):
    from lsdb.catalog.catalog import _default_suffixes

    sfx = tuple(p["suffixes"]) if p["suffixes"] is not None else _default_suffixes(left.name, right.name)
    method = p["suffix_method"] or "all_columns"
    lc, rc = list(left.columns), list(right.columns)
    return (suffixed(ids[0], lc, rc, sfx, method, True), suffixed(ids[1], lc, rc, sfx, method, False))


def exact_sum(values) -> str:
    return str(sum(int(v) for v in values))


def run_case(c):
    import lsdb

    out = {k: c[k] for k in ("name", "notes", "left", "left_table", "right", "right_table", "params", "then")}
    out["error"] = None
    out["result"] = None
    wlist = []
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        try:
            if c["left_table"] is not None:
                lt = c["left_table"]
                ldf = pd.read_parquet(REPO / lt["file"])
                kw = {} if lt["catalog_name"] is None else {"catalog_name": lt["catalog_name"]}
                left = lsdb.from_dataframe(ldf, ra_column=lt["ra_column"], dec_column=lt["dec_column"], **kw)
            else:
                left = open_side(c["left"])
            p = c["params"]
            if c["right_table"] is not None:
                rt = c["right_table"]
                rdf = pd.read_parquet(REPO / rt["file"])
                res = lsdb.crossmatch(left, rdf, right_args={"ra_column": rt["ra_column"],
                                                             "dec_column": rt["dec_column"]}, **kw_of(p))
                right_cols_cat = type("R", (), {"name": (p["suffixes"][1] if p["suffixes"] else "right"),
                                                "columns": list(rdf.columns)})
                keys = key_names(left, right_cols_cat, p, c["ids"])
            else:
                right = open_side(c["right"])
                keys = key_names(left, right, p, c["ids"])
                res = left.crossmatch(right, **kw_of(p))
            t = c["then"]
            if t is not None:
                if t.get("query"):
                    res = res.query(t["query"])
                if t.get("crossmatch"):
                    right2 = open_side(t["crossmatch"]["right"])
                    p2 = t["crossmatch"]["params"]
                    keys = key_names(res, right2, p2, (keys[0], c["ids"][1]))
                    res = res.crossmatch(right2, **kw_of(p2))
            df = res.compute(progress_bar=False)
            pixels = [[int(px.order), int(px.pixel)] for px in res.get_healpix_pixels()]
        except Exception as e:  # noqa: BLE001 - record what lsdb raises
            out["error"] = f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"
            df = None
    for w in rec:
        if w.category.__name__ in NOISE_WARNINGS:
            continue
        msg = str(w.message).splitlines()[0] if str(w.message) else ""
        wlist.append(f"{w.category.__name__}: {msg}")
    out["warnings"] = sorted(set(wlist))
    if df is not None:
        out["result"] = summarise(df, pixels, keys)
    return out


def summarise(df, pixels, keys):
    lk, rk = keys
    assert lk in df.columns and rk in df.columns, (keys, list(df.columns))
    assert "_dist_arcsec" in df.columns
    dtypes = []
    for col in df.columns:
        dt = df[col].dtype
        dtypes.append(str(dt.pyarrow_dtype) if hasattr(dt, "pyarrow_dtype") else f"numpy:{dt}")
    lid = df[lk].to_numpy(dtype=object, na_value=None)
    rid = df[rk].to_numpy(dtype=object, na_value=None)
    dist = df["_dist_arcsec"].to_numpy(dtype=object, na_value=None)

    def jint(v):
        return None if v is None else int(v)

    def jflt(v):
        return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)

    pairs = [[jint(a), jint(b), jflt(d)] for a, b, d in zip(lid, rid, dist)]
    dvals = [d for _, _, d in pairs if d is not None]
    # Exact distance ties among one left row's neighbours (consecutive rows of the same left id):
    # their relative order is scipy KDTree's, which is arbitrary.
    ties = sum(1 for a, b in zip(pairs, pairs[1:])
               if a[0] == b[0] and a[2] is not None and a[2] == b[2])
    index = df.index.to_numpy(dtype=object)
    return {
        "rows": len(df),
        "partitions": pixels,
        "columns": list(df.columns),
        "dtypes": dtypes,
        "index_name": df.index.name,
        "index_dtype": str(df.index.dtype),
        "left_key": lk,
        "right_key": rk,
        "pairs": pairs if len(pairs) <= PAIRS_LIMIT else None,
        "first": pairs[:20],
        "last": pairs[-20:],
        "pair_count": len(dvals),
        "dist_sum": math.fsum(dvals),
        "left_keys_sum": exact_sum(v for v in lid if v is not None),
        "right_keys_sum": exact_sum(v for v in rid if v is not None),
        "right_null_rows": int(sum(v is None for v in rid)),
        "neighbour_ties": ties,
        "index_sum": exact_sum(v for v in index),
    }


def write_fgk_table():
    """The seed's intermediate table: the FGK query on gaia x ztf, computed, index dropped."""
    import lsdb

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gaia = lsdb.open_catalog(str(REPO / GAIA))
        ztf = lsdb.open_catalog(str(REPO / ZTF))
        q = gaia.crossmatch(ztf, radius_arcsec=1.0, suffix_method="all_columns").query(FGK).compute(
            progress_bar=False)
    CDIR.mkdir(parents=True, exist_ok=True)
    t = pa.Table.from_pandas(q.reset_index(drop=True), preserve_index=False)
    t = t.replace_schema_metadata(None)
    pq.write_table(t, CDIR / "fgk_query_result.parquet", compression="zstd")
    print(f"fgk_query_result.parquet: {t.num_rows} rows, {t.num_columns} columns")
    return t.num_rows


def main():
    import dask
    import hats
    import lsdb

    dask.config.set(scheduler="synchronous")
    t0 = time.time()
    facts = {}
    build_catalogs(facts)
    left = pd.read_parquet(XDIR / "left_fine" / "left_fine" / "dataset")
    pos = []
    for lid, _ in facts["boundary_pairs"]:
        r = left[left["id"] == lid].iloc[0]
        pos.append([float(r["ra"]), float(r["dec"])])
    facts["boundary_pos"] = pos
    facts["fgk_rows"] = write_fgk_table()

    cases = []
    for c in make_cases(facts):
        t1 = time.time()
        r = run_case(c)
        cases.append(r)
        res = r["result"]
        print(f"{r['name']}: " + (f"ERROR {r['error']}" if res is None else
                                  f"{res['rows']} rows, {len(res['partitions'])} partitions") +
              (f"; warnings {r['warnings']}" if r["warnings"] else "") + f" ({time.time() - t1:.1f} s)")

    by = {c["name"]: c for c in cases}

    def pairset(name):
        return {(a, b) for a, b, _ in by[name]["result"]["pairs"]}

    with_m, without_m = pairset("fine_x_coarse_r1"), pairset("fine_x_coarse_nomargin_r1")
    for lid, rid in facts["boundary_pairs"]:
        assert (lid, rid) in with_m, (lid, rid)
        assert (lid, rid) not in without_m, (lid, rid)
    for i in range(2):
        pair = tuple(facts["boundary_pairs"][i])
        assert pairset(f"boundary_pair{i}_margin") == {pair}
        assert by[f"boundary_pair{i}_nomargin"]["error"] == "RuntimeError: Catalogs do not overlap"
        assert pair in pairset(f"boundary_pair{i}_wide_margin")
        assert pair not in pairset(f"boundary_pair{i}_wide_nomargin")
    assert by["gaia_x_ztf_r1"]["result"]["rows"] == 35433
    assert by["gaia_x_ztf_nomargin_r1"]["result"]["rows"] == 35383
    assert by["gaia_x_ztf_then_fgk_query"]["result"]["rows"] == 2272
    assert by["seed_fgk_table_x_rubin"]["result"]["rows"] == 58
    lone = facts["lone_left_id"]
    assert (lone, None) in pairset("fine_x_coarse_how_left")
    assert all(a != lone for a, _ in pairset("fine_x_coarse_r1"))
    for c in cases:
        if c["result"] is not None:
            assert c["result"]["neighbour_ties"] == 0, c["name"]
            assert c["result"]["index_name"] == "_healpix_29", c["name"]
            assert c["result"]["columns"][-1] in ("_dist_arcsec", "_dec"), c["name"]

    doc = {
        "versions": {"lsdb": lsdb.__version__, "hats": hats.__version__, "pandas": pd.__version__,
                     "pyarrow": pa.__version__, "numpy": np.__version__},
        "notes": [
            "Generated by Scripts/make_crossmatch_fixtures.py; do not edit by hand.",
            "Distances are _dist_arcsec as lsdb computes them (float64); compare with a tolerance of "
            "about 1e-9 arcsec. Pairs are in lsdb's output row order: aligned pixels in "
            "get_healpix_pixels() order, then left rows in partition (file) order, then neighbours "
            "by ascending distance; for how='left' the unmatched left rows of an aligned pixel follow "
            "its matched rows.",
            "Exact distance ties would come out in scipy KDTree order, which is arbitrary; the "
            "fixtures have none (random float positions).",
            "warnings exclude " + ", ".join(sorted(NOISE_WARNINGS)) + " (nested-pandas notices about "
            "its own inplace= use, not lsdb behaviour).",
            "dtypes are pyarrow type names of the computed frame's ArrowDtype columns.",
        ],
        "facts": facts,
        "cases": cases,
    }
    path = CDIR / "expected.json"
    # One line per case (and per top-level entry) keeps the file small and diffs readable.
    head = {k: v for k, v in doc.items() if k != "cases"}
    text = "{\n" + ",\n".join(f"{json.dumps(k)}: {json.dumps(v, allow_nan=False)}" for k, v in head.items())
    text += ',\n"cases": [\n' + ",\n".join(json.dumps(c, allow_nan=False) for c in cases) + "\n]}\n"
    json.loads(text)
    path.write_text(text)
    print(f"{path.relative_to(REPO)}: {len(cases)} cases, {path.stat().st_size / 1e6:.2f} MB "
          f"({time.time() - t0:.0f} s)")


if __name__ == "__main__":
    sys.exit(main())
