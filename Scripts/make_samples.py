#!/usr/bin/env python3
"""Build the small synthetic SAMPLE catalogs under Samples/ with the real hats-import.

    .venv/bin/python Scripts/make_samples.py

Writes (replacing any previous Samples/ atomically: built in a temporary sibling, then renamed):

* Samples/gaia/   a HATS object catalog, Gaia-like (galactic-plane density gradient)
* Samples/ztf/    a HATS collection: the ZTF-like main catalog Samples/ztf/ztf/ and its 10" margin
                  cache Samples/ztf/ztf_10arcs/ (the collection's default margin)
* Samples/rubin/  a plain HATS object catalog (no margin), Rubin-like, in the six DP1 fields
* Samples/README.md

Every value comes from one seeded numpy Generator, so a rerun rewrites the same bytes.  The only
run-dependent field hats-import writes, `hats_creation_date` in the properties files, is set to a
fixed value afterwards (see FIXED_CREATION_DATE).  The data is synthetic: no real survey values.

After building, the script opens the catalogs with hats and lsdb and prints the facts recorded in
Samples/README.md: rows and partitions, the Gaia x ZTF crossmatch (1"), the seed's FGK-dwarf
query, and the 0.7 degree cone search at (95, -25).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

SEED = 20250210  # the seed notebook's date
FIXED_CREATION_DATE = "2026-01-01T00:00UTC"

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "Samples"

# The six Rubin Data Preview 1 fields of the seed notebook (RA, Dec in degrees).
DP1_FIELDS = {
    "ECDFS": (53.13, -28.10),
    "EDFS": (59.10, -48.73),
    "Rubin_SV_38_7": (37.86, 6.98),
    "Rubin_SV_95_-25": (95.00, -25.00),
    "47_Tuc": (6.02, -72.08),
    "Fornax_dSph": (40.00, -34.45),
}
DP1_RADIUS_DEG = 2.0
CONE = (95.0, -25.0, 0.7 * 3600)  # the seed's Rubin_SV_95_-25 cone (RA, Dec, radius arcsec)

# Partitioning (hats-import ImportArguments).  Different thresholds so that the Gaia and ZTF
# partitionings differ and a crossmatch has to align mixed orders.
GAIA_THRESHOLD = 4_000
ZTF_THRESHOLD = 5_000
RUBIN_THRESHOLD = 400
HIGHEST_ORDER = 5  # mapping order; also the order of point_map.fits / skymap.fits
RUBIN_HIGHEST_ORDER = 8
ZTF_MARGIN_ARCSEC = 10.0
N_BOUNDARY_PAIRS = 60

FGK_QUERY = (
    "nobs_g_ztf > 50 and nobs_r_ztf > 50 and parallax_gaia > 0 and parallax_over_error_gaia > 5"
    " and 5380 < teff_gaia < 7220 and 4.5 < logg_gaia < 4.72"
)


# ----------------------------------------------------------------------------------------------
# Small helpers
# ----------------------------------------------------------------------------------------------

def quantize(x, step_exp):
    """Round to a multiple of 2**step_exp.

    Binary quantisation leaves the low mantissa bytes zero, which BYTE_STREAM_SPLIT + zstd
    compress away; that is what keeps Samples/ at a few MB.  Values keep a realistic precision
    (e.g. 2**-20 deg = 0.0034 arcsec for positions)."""
    step = 2.0**step_exp
    return np.round(np.asarray(x, dtype=np.float64) / step) * step


def gal_to_icrs(l_deg, b_deg):
    """Galactic (l, b) to ICRS (ra, dec) in degrees (IAU rotation matrix, as astropy's)."""
    # Rows: ICRS unit vectors expressed in galactic coordinates (transpose of ICRS->Gal).
    m = np.array(
        [
            [-0.0548755604162154, -0.8734370902348850, -0.4838350155487132],
            [+0.4941094278755837, -0.4448296299600112, +0.7469822444972189],
            [-0.8676661490190047, -0.1980763734312015, +0.4559837761750669],
        ]
    )
    lr, br = np.radians(l_deg), np.radians(b_deg)
    g = np.stack([np.cos(br) * np.cos(lr), np.cos(br) * np.sin(lr), np.sin(br)])
    e = m.T @ g
    ra = np.degrees(np.arctan2(e[1], e[0])) % 360.0
    dec = np.degrees(np.arcsin(np.clip(e[2], -1.0, 1.0)))
    return ra, dec


def icrs_to_gal_b(ra_deg, dec_deg):
    m = np.array(
        [
            [-0.0548755604162154, -0.8734370902348850, -0.4838350155487132],
            [+0.4941094278755837, -0.4448296299600112, +0.7469822444972189],
            [-0.8676661490190047, -0.1980763734312015, +0.4559837761750669],
        ]
    )
    rr, dr = np.radians(ra_deg), np.radians(dec_deg)
    e = np.stack([np.cos(dr) * np.cos(rr), np.cos(dr) * np.sin(rr), np.sin(dr)])
    g = m @ e
    return np.degrees(np.arcsin(np.clip(g[2], -1.0, 1.0)))


def points_in_cap(rng, n, ra0, dec0, radius_deg, core_deg=None):
    """n points inside a spherical cap; uniform, or Plummer-like with scale core_deg."""
    if core_deg is None:
        cos_r = np.cos(np.radians(radius_deg))
        rho = np.degrees(np.arccos(1.0 - rng.random(n) * (1.0 - cos_r)))
    else:
        # Projected Plummer profile, N(<R) = R^2 / (R^2 + a^2), truncated at radius_deg.
        u_max = radius_deg**2 / (radius_deg**2 + core_deg**2)
        u = rng.random(n) * u_max
        rho = core_deg * np.sqrt(u / (1.0 - u))
    pa_ = rng.random(n) * 2 * np.pi
    return offset_by(ra0, dec0, pa_, np.radians(rho))


def offset_by(ra0, dec0, position_angle_rad, sep_rad):
    """Point at a separation and position angle (east of north) from (ra0, dec0)."""
    a0, d0 = np.radians(ra0), np.radians(dec0)
    sd = np.sin(d0) * np.cos(sep_rad) + np.cos(d0) * np.sin(sep_rad) * np.cos(position_angle_rad)
    dec = np.arcsin(np.clip(sd, -1, 1))
    ra = a0 + np.arctan2(
        np.sin(position_angle_rad) * np.sin(sep_rad) * np.cos(d0),
        np.cos(sep_rad) - np.sin(d0) * sd,
    )
    return np.degrees(ra) % 360.0, np.degrees(dec)


def jitter(rng, ra, dec, sigma_arcsec):
    """Gaussian position noise of sigma_arcsec per axis."""
    sig = np.radians(sigma_arcsec / 3600.0)
    dx = rng.normal(0, sig, len(ra))
    dy = rng.normal(0, sig, len(ra))
    sep = np.hypot(dx, dy)
    return offset_by(ra, dec, np.arctan2(dx, dy), sep)


def angular_sep_deg(ra1, dec1, ra2, dec2):
    r1, d1, r2, d2 = map(np.radians, (ra1, dec1, ra2, dec2))
    h = np.sin((d2 - d1) / 2) ** 2 + np.cos(d1) * np.cos(d2) * np.sin((r2 - r1) / 2) ** 2
    return np.degrees(2 * np.arcsin(np.sqrt(h)))


# ----------------------------------------------------------------------------------------------
# The synthetic skies
# ----------------------------------------------------------------------------------------------

def sky_positions(rng, n):
    """Stars with a galactic-plane density gradient: 30% isotropic halo, 58% disk (|b|
    exponential with a 7 degree scale, more stars towards the inner Galaxy) and a 12% bulge
    (Gaussian, 3.5 x 2.5 degrees, around the Galactic centre)."""
    n_halo = int(n * 0.30)
    n_bulge = int(n * 0.12)
    n_disk = n - n_halo - n_bulge
    l_halo = rng.random(n_halo) * 360.0
    b_halo = np.degrees(np.arcsin(rng.uniform(-1, 1, n_halo)))
    l_disk = rng.normal(0.0, 70.0, n_disk) % 360.0
    b_disk = rng.laplace(0.0, 7.0, n_disk)
    b_disk = np.where(np.abs(b_disk) > 89.9, rng.uniform(-30, 30, n_disk), b_disk)
    l_bulge = rng.normal(0.0, 3.5, n_bulge) % 360.0
    b_bulge = np.clip(rng.normal(0.0, 2.5, n_bulge), -89.9, 89.9)
    ra, dec = gal_to_icrs(
        np.concatenate([l_halo, l_disk, l_bulge]), np.concatenate([b_halo, b_disk, b_bulge])
    )
    return ra, dec


def stellar_population(rng, ra, dec, distance_pc=None):
    """Gaia-like astrophysical columns for the given positions."""
    n = len(ra)
    kind = rng.choice(3, size=n, p=[0.62, 0.30, 0.08])  # 0 dwarf, 1 giant, 2 hot star
    teff = np.empty(n)
    logg = np.empty(n)
    abs_g = np.empty(n)
    dist = np.empty(n)

    d = kind == 0
    teff[d] = np.clip(rng.normal(5600, 1000, d.sum()), 3100, 9500)
    logg[d] = 4.60 - 0.00011 * (teff[d] - 5000) + rng.normal(0, 0.2, d.sum())
    abs_g[d] = 4.7 - 15.0 * np.log10(teff[d] / 5772.0) + rng.normal(0, 0.3, d.sum())
    dist[d] = 60 + rng.exponential(2200, d.sum())

    g = kind == 1
    teff[g] = np.clip(rng.normal(4750, 380, g.sum()), 3500, 5600)
    logg[g] = np.clip(rng.normal(2.6, 0.55, g.sum()), 0.5, 3.9)
    abs_g[g] = rng.normal(0.6, 1.0, g.sum())
    dist[g] = 400 + rng.exponential(7000, g.sum())

    h = kind == 2
    teff[h] = rng.uniform(7500, 16000, h.sum())
    logg[h] = np.clip(rng.normal(4.0, 0.25, h.sum()), 3.0, 4.6)
    abs_g[h] = rng.normal(0.8, 0.9, h.sum())
    dist[h] = 200 + rng.exponential(4500, h.sum())

    if distance_pc is not None:
        dist[:] = distance_pc * (1 + rng.normal(0, 0.03, n))

    b = icrs_to_gal_b(ra, dec)
    extinction = np.minimum(0.12 / np.maximum(np.sin(np.radians(np.abs(b))), 0.04), 3.0)
    gmag = abs_g + 5 * np.log10(dist) - 5 + extinction * rng.uniform(0.3, 1.0, n)
    gmag = np.clip(gmag, 3.0, 20.95) + rng.normal(0, 0.002, n)

    plx_err = 0.015 + 0.012 * 10 ** (0.33 * (gmag - 15.0))
    parallax = 1000.0 / dist + rng.normal(0, 1, n) * plx_err
    poe = parallax / plx_err

    # GSP-Phot has no solution for many (mostly faint) sources.
    p_null = np.where(gmag > 19.0, 0.55, 0.18)
    null = rng.random(n) < p_null

    teff_q = quantize(teff, 0)  # integer kelvin
    logg_q = quantize(logg, -12)
    return {
        "parallax": quantize(parallax, -14),
        "parallax_over_error": quantize(poe, -10),
        "teff": pa.array(teff_q, mask=null),
        "logg": pa.array(logg_q, mask=null),
        "phot_g_mean_mag": quantize(gmag, -12),
    }


def base_pixel_boundary_pairs(rng, n, half_sep_arcsec=0.15):
    """n pairs of positions 2*half_sep_arcsec apart on either side of an order-0 HEALPix edge.

    Every partition of every catalog lies inside one order-0 pixel, so such an edge is always a
    partition boundary: a Gaia star on one side whose ZTF counterpart is on the other side can
    only be matched through the ZTF margin cache.  Returns (ra_a, dec_a, ra_b, dec_b)."""
    import cdshealpix
    from astropy.coordinates import Latitude, Longitude

    m = n * 4
    base = rng.integers(0, 12, m).astype(np.uint64)
    lon, lat = cdshealpix.nested.vertices(base, 0, step=256)
    k = rng.integers(1, lon.shape[1], m)
    k = np.where(k % 256 == 0, k + 1, k) % lon.shape[1]  # stay off the cell corners
    ra0 = lon.to_value("deg")[np.arange(m), k]
    dec0 = lat.to_value("deg")[np.arange(m), k]
    angle = rng.random(m) * 2 * np.pi
    sep = np.radians(half_sep_arcsec / 3600.0)
    ra_a, dec_a = offset_by(ra0, dec0, angle, sep)
    ra_b, dec_b = offset_by(ra0, dec0, angle + np.pi, sep)
    ra_a, dec_a, ra_b, dec_b = (quantize(x, -20) for x in (ra_a, dec_a, ra_b, dec_b))

    def base_of(r, d):
        return cdshealpix.lonlat_to_healpix(Longitude(r, unit="deg"), Latitude(d, unit="deg"), 0)

    split = np.flatnonzero(base_of(ra_a, dec_a) != base_of(ra_b, dec_b))[:n]
    assert len(split) == n
    return ra_a[split], dec_a[split], ra_b[split], dec_b[split]


def make_gaia(rng):
    ra, dec = sky_positions(rng, 60_000)
    parts = [(ra, dec, None)]
    # Local overdensities in the walkthrough's fields.
    parts.append((*points_in_cap(rng, 1000, 95.0, -25.0, 1.0), None))  # Rubin_SV_95_-25 (dense field)
    parts.append((*points_in_cap(rng, 450, 6.02, -72.08, 1.2, core_deg=0.12), 4500.0))  # 47 Tuc
    parts.append((*points_in_cap(rng, 180, 40.00, -34.45, 0.6, core_deg=0.2), 140000.0))  # Fornax
    # Stars whose ZTF counterpart lies across a base-pixel edge (matched only via the margin).
    ra_a, dec_a, ra_b, dec_b = base_pixel_boundary_pairs(rng, N_BOUNDARY_PAIRS)
    parts.append((ra_a, dec_a, None))
    cols = {k: [] for k in ["ra", "dec", "parallax", "parallax_over_error", "teff", "logg",
                            "phot_g_mean_mag"]}
    for pra, pdec, dist in parts:
        pop = stellar_population(rng, pra, pdec, distance_pc=dist)
        cols["ra"].append(quantize(pra, -20))
        cols["dec"].append(quantize(pdec, -20))
        for k in ["parallax", "parallax_over_error", "teff", "logg", "phot_g_mean_mag"]:
            cols[k].append(pop[k])
    table = {
        "ra": np.concatenate(cols["ra"]),
        "dec": np.concatenate(cols["dec"]),
    }
    for k in ["parallax", "parallax_over_error", "phot_g_mean_mag"]:
        table[k] = np.concatenate(cols[k])
    teff = pa.concat_arrays(cols["teff"])
    logg = pa.concat_arrays(cols["logg"])
    n = len(table["ra"])
    # Gaia DR3 source_id: HEALPix level-12 nested index * 2**35 + a running number.
    import cdshealpix
    from astropy.coordinates import Latitude, Longitude

    hpx12 = cdshealpix.lonlat_to_healpix(
        Longitude(table["ra"], unit="deg"), Latitude(table["dec"], unit="deg"), 12
    ).astype(np.int64)
    by_cell = np.argsort(hpx12, kind="stable")
    cells, starts, counts = np.unique(hpx12[by_cell], return_index=True, return_counts=True)
    rank = np.empty(n, np.int64)
    rank[by_cell] = np.arange(n) - np.repeat(starts, counts)
    source_id = hpx12 * 2**35 + rank * 64 + rng.integers(0, 64, n)
    n_planted = len(ra_a)
    twins = {"gaia_index": np.arange(n - n_planted, n), "ra": ra_b, "dec": dec_b}
    return twins, pa.table(
        {
            "source_id": pa.array(source_id, pa.int64()),
            "ra": table["ra"],
            "dec": table["dec"],
            "parallax": table["parallax"],
            "parallax_over_error": table["parallax_over_error"],
            "teff": teff,
            "logg": logg,
            "phot_g_mean_mag": table["phot_g_mean_mag"],
        }
    )


def make_ztf(rng, gaia: pa.Table, twins: dict):
    """Mostly Gaia's stars with Dec > -30 and G < 20.6 (95% detected), 0.15" noise per axis,
    plus ZTF-only sources.  The planted boundary stars (see base_pixel_boundary_pairs) get their
    counterpart on the far side of the order-0 edge instead."""
    ra = gaia["ra"].to_numpy()
    dec = gaia["dec"].to_numpy()
    gmag = gaia["phot_g_mean_mag"].to_numpy()
    planted = np.zeros(len(ra), bool)
    planted[twins["gaia_index"]] = True
    keep = (dec > -30.0) & (gmag < 20.6) & (rng.random(len(ra)) < 0.95) & ~planted
    zra, zdec = jitter(rng, ra[keep], dec[keep], 0.15)
    # The planted boundary stars: every one with Dec > -30 is detected, on the far side of the edge.
    tw = twins["dec"] > -30.0
    keep |= planted & np.isin(np.arange(len(ra)), twins["gaia_index"][tw])
    zra = np.concatenate([zra, twins["ra"][tw]])
    zdec = np.concatenate([zdec, twins["dec"][tw]])
    zg = gmag[keep]
    teff = gaia["teff"].to_numpy(zero_copy_only=False)[keep]
    teff = np.where(np.isnan(teff), 5000.0, teff)
    g_minus_G = 0.25 + 0.6 * (5800.0 - teff) / 1500.0
    mean_mag_g = zg + np.clip(g_minus_G, -0.3, 1.5) + rng.normal(0, 0.03, keep.sum())

    n_only = 4_000
    ora, odec = sky_positions(rng, n_only * 2)
    sel = np.flatnonzero(odec > -30.0)[:n_only]
    ora, odec = ora[sel], odec[sel]
    omag = rng.uniform(17.0, 21.0, len(ora))

    ra_all = np.concatenate([zra, ora])
    dec_all = np.concatenate([zdec, odec])
    mag_all = np.concatenate([mean_mag_g, omag])
    n = len(ra_all)
    # Survey depth: fewer epochs near the southern limit and in the Galactic plane's crowding.
    base = 420.0 * np.clip((dec_all + 50.0) / 50.0, 0.3, 1.0)
    nobs_g = np.maximum(0, rng.poisson(base * rng.lognormal(-0.35, 0.45, n)))
    nobs_r = np.maximum(0, np.round(nobs_g * rng.normal(1.12, 0.12, n))).astype(np.int64)
    nobs_g = np.where(mag_all > 20.5, nobs_g // 4, nobs_g)
    nobs_r = np.where(mag_all > 20.5, nobs_r // 3, nobs_r)
    # ZTF objectid: a field/CCD-like prefix from a coarse pixel, then a running number.
    order = np.lexsort((ra_all, np.floor(dec_all)))
    objectid = np.empty(n, np.int64)
    objectid[order] = 1_000_000_000_000 + np.arange(n, dtype=np.int64) * 7
    return pa.table(
        {
            "objectid": pa.array(objectid, pa.int64()),
            "ra": quantize(ra_all % 360.0, -20),
            "dec": quantize(dec_all, -20),
            "nobs_g": pa.array(nobs_g.astype(np.int32), pa.int32()),
            "nobs_r": pa.array(nobs_r.astype(np.int32), pa.int32()),
            "mean_mag_g": quantize(mag_all, -12),
        }
    )


def make_rubin(rng, gaia: pa.Table):
    """Gaia stars inside the six DP1 2-degree cones (0.05" noise per axis, 97% recovered), plus
    fainter Rubin-only objects (galaxies and faint stars), more in the dense fields."""
    ra = gaia["ra"].to_numpy()
    dec = gaia["dec"].to_numpy()
    extras = {"ECDFS": 500, "EDFS": 450, "Rubin_SV_38_7": 350, "Rubin_SV_95_-25": 700,
              "47_Tuc": 600, "Fornax_dSph": 500}
    ras, decs, field_ids = [], [], []
    taken = np.zeros(len(ra), bool)
    for fid, (name, (fra, fdec)) in enumerate(DP1_FIELDS.items()):
        inside = (angular_sep_deg(ra, dec, fra, fdec) <= DP1_RADIUS_DEG) & ~taken
        taken |= inside
        inside &= rng.random(len(ra)) < 0.97
        jra, jdec = jitter(rng, ra[inside], dec[inside], 0.05)
        core = 0.3 if name in ("47_Tuc", "Fornax_dSph") else None
        era, edec = points_in_cap(rng, extras[name], fra, fdec, DP1_RADIUS_DEG, core_deg=core)
        ras += [jra, era]
        decs += [jdec, edec]
        field_ids += [np.full(len(jra) + len(era), fid)]
    ra_all = np.concatenate(ras)
    dec_all = np.concatenate(decs)
    fields = np.concatenate(field_ids)
    n = len(ra_all)
    # DP1-like objectid: a tract-like prefix per field, then a running number.
    objectid = np.empty(n, np.int64)
    for fid in range(len(DP1_FIELDS)):
        idx = np.flatnonzero(fields == fid)
        idx = idx[np.argsort(dec_all[idx], kind="stable")]
        objectid[idx] = (579_000 + 1_000 * fid) * 2**30 + np.arange(len(idx))
    return pa.table(
        {
            "objectid": pa.array(objectid, pa.int64()),
            "coord_ra": quantize(ra_all % 360.0, -22),
            "coord_dec": quantize(dec_all, -22),
        }
    )


# ----------------------------------------------------------------------------------------------
# Import with hats-import
# ----------------------------------------------------------------------------------------------

def write_input(table: pa.Table, path: Path, n_files=2):
    """Split the input into a few parquet files (the map stage reads them as separate tasks)."""
    path.mkdir(parents=True)
    files = []
    bounds = np.linspace(0, table.num_rows, n_files + 1).astype(int)
    for i in range(n_files):
        f = path / f"part{i}.parquet"
        pq.write_table(table.slice(bounds[i], bounds[i + 1] - bounds[i]), f)
        files.append(str(f))
    return files


def common_args(tmp: Path):
    return {
        "resume": False,
        "progress_bar": False,
        "tmp_dir": str(tmp / "hats-import-tmp"),
        "create_metadata": True,
    }


def build_all(out: Path, work: Path):
    """Run hats-import with the output directory as the working directory and relative paths, so
    the margin's `hats_primary_table_url` is the collection-relative `ztf/ztf`, not a temp path."""
    cwd = os.getcwd()
    os.chdir(out)
    try:
        _build_all(Path("."), work)
    finally:
        os.chdir(cwd)


def _build_all(out: Path, work: Path):
    from dask.distributed import Client
    from hats_import import CollectionArguments, ImportArguments
    from hats_import.pipeline import pipeline_with_client

    rng = np.random.default_rng(SEED)
    twins, gaia = make_gaia(rng)
    ztf = make_ztf(rng, gaia, twins)
    rubin = make_rubin(rng, gaia)

    gaia_files = write_input(gaia, work / "input" / "gaia")
    ztf_files = write_input(ztf, work / "input" / "ztf")
    rubin_files = write_input(rubin, work / "input" / "rubin", n_files=1)

    with Client(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        local_directory=str(work / "dask"),
        dashboard_address=None,
        memory_limit="1GiB",
    ) as client:
        pipeline_with_client(
            ImportArguments(
                output_path=str(out),
                output_artifact_name="gaia",
                input_file_list=gaia_files,
                file_reader="parquet",
                ra_column="ra",
                dec_column="dec",
                pixel_threshold=GAIA_THRESHOLD,
                highest_healpix_order=HIGHEST_ORDER,
                addl_hats_properties={
                    "obs_title": "Gaia-like synthetic sample (lsdb-swift Samples)",
                    "hats_cols_survey_id": "source_id",
                },
                **common_args(work),
            ),
            client,
        )

        coll = CollectionArguments(
            output_path=str(out),
            output_artifact_name="ztf",
            **common_args(work),
        )
        coll.catalog(
            output_artifact_name="ztf",
            input_file_list=ztf_files,
            file_reader="parquet",
            ra_column="ra",
            dec_column="dec",
            pixel_threshold=ZTF_THRESHOLD,
            highest_healpix_order=HIGHEST_ORDER,
            addl_hats_properties={
                "obs_title": "ZTF-like synthetic sample (lsdb-swift Samples)",
                "hats_cols_survey_id": "objectid",
            },
        )
        coll.add_margin(margin_threshold=ZTF_MARGIN_ARCSEC, is_default=True)
        pipeline_with_client(coll, client)

        pipeline_with_client(
            ImportArguments(
                output_path=str(out),
                output_artifact_name="rubin",
                input_file_list=rubin_files,
                file_reader="parquet",
                ra_column="coord_ra",
                dec_column="coord_dec",
                pixel_threshold=RUBIN_THRESHOLD,
                highest_healpix_order=RUBIN_HIGHEST_ORDER,
                addl_hats_properties={
                    "obs_title": "Rubin-like synthetic sample in the six DP1 fields (lsdb-swift Samples)",
                    "hats_cols_survey_id": "objectid",
                },
                **common_args(work),
            ),
            client,
        )


def normalise_properties(out: Path):
    """Replace the one run-dependent value (the creation minute) so reruns are byte-identical."""
    for p in sorted(out.rglob("*properties")):
        lines = p.read_text().splitlines(keepends=True)
        new = [
            f"hats_creation_date={FIXED_CREATION_DATE}\n" if ln.startswith("hats_creation_date=") else ln
            for ln in lines
        ]
        p.write_text("".join(new))


# ----------------------------------------------------------------------------------------------
# Verification (hats + lsdb) and the README
# ----------------------------------------------------------------------------------------------

def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def verify(out: Path) -> dict:
    import dask
    import hats
    import lsdb

    dask.config.set(scheduler="synchronous")
    facts = {}

    def describe(key, path, cat_path=None):
        hc = hats.read_hats(path)
        main = hc.main_catalog if hasattr(hc, "main_catalog") else hc
        pixels = main.get_healpix_pixels()
        orders = sorted({p.order for p in pixels})
        per_order = {o: sum(1 for p in pixels if p.order == o) for o in orders}
        facts[key] = {
            "rows": int(main.catalog_info.total_rows),
            "partitions": len(pixels),
            "orders": per_order,
            "size": dir_size(path),
            "columns": [(f.name, str(f.type)) for f in main.schema],
        }
        print(f"{key}: {facts[key]['rows']} rows, {len(pixels)} partitions, orders {per_order}, "
              f"{facts[key]['size'] / 1e6:.2f} MB")
        return hc

    describe("gaia", out / "gaia")
    coll = describe("ztf", out / "ztf")
    margin = hats.read_hats(out / "ztf" / coll.collection_properties.default_margin)
    mpix = margin.get_healpix_pixels()
    facts["ztf_margin"] = {
        "name": coll.collection_properties.default_margin,
        "rows": int(margin.catalog_info.total_rows),
        "partitions": len(mpix),
        "orders": {o: sum(1 for p in mpix if p.order == o) for o in sorted({p.order for p in mpix})},
        "threshold": margin.catalog_info.margin_threshold,
    }
    print(f"ztf margin {facts['ztf_margin']['name']}: {facts['ztf_margin']['rows']} rows, "
          f"{len(mpix)} partitions, threshold {facts['ztf_margin']['threshold']} arcsec")
    describe("rubin", out / "rubin")

    gaia = lsdb.open_catalog(out / "gaia")
    ztf = lsdb.open_catalog(out / "ztf")
    rubin = lsdb.open_catalog(out / "rubin")
    assert ztf.margin is not None, "the ztf collection should open with its default margin"
    for name, cat in (("gaia", gaia), ("ztf", ztf), ("rubin", rubin)):
        df = cat.compute(progress_bar=False)
        assert len(df) == facts[name]["rows"], name
        facts[name]["npartitions_lsdb"] = cat.npartitions
    facts["gaia"]["teff_nulls"] = int(gaia["teff"].isna().sum().compute(progress_bar=False))

    t0 = time.time()
    xm = gaia.crossmatch(ztf, radius_arcsec=1.0, suffix_method="all_columns")
    xm_df = xm.compute(progress_bar=False)
    facts["xmatch"] = len(xm_df)
    facts["xmatch_median_dist"] = float(np.median(xm_df["_dist_arcsec"]))
    q = xm.query(FGK_QUERY).compute(progress_bar=False)
    facts["query"] = len(q)
    facts["query_in_cone"] = int(
        (angular_sep_deg(q["ra_gaia"].to_numpy(), q["dec_gaia"].to_numpy(), 95.0, -25.0) <= 0.7).sum()
    )
    print(f"gaia x ztf crossmatch (1 arcsec, margin {ztf.margin.name}): {facts['xmatch']} matches, "
          f"median separation {facts['xmatch_median_dist']:.3f} arcsec ({time.time() - t0:.1f} s)")
    # The same crossmatch against the main catalog alone: the difference is what the margin adds.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ztf_nomargin = lsdb.open_catalog(out / "ztf" / "ztf")
        facts["xmatch_no_margin"] = len(
            gaia.crossmatch(ztf_nomargin, radius_arcsec=1.0, suffix_method="all_columns").compute(
                progress_bar=False
            )
        )
    print(f"  without the margin (Samples/ztf/ztf alone): {facts['xmatch_no_margin']} matches")
    print(f"FGK-dwarf query: {facts['query']} rows ({100 * facts['query'] / facts['xmatch']:.1f}% of "
          f"the matches), {facts['query_in_cone']} of them within 0.7 deg of (95, -25)")

    cone_g = gaia.cone_search(*CONE).compute(progress_bar=False)
    cone_z = ztf.cone_search(*CONE).compute(progress_bar=False)
    facts["cone_gaia"] = len(cone_g)
    facts["cone_ztf"] = len(cone_z)
    facts["cone_gaia_partitions"] = gaia.cone_search(*CONE).npartitions
    print(f"cone search (95, -25, 0.7 deg): gaia {facts['cone_gaia']} rows in "
          f"{facts['cone_gaia_partitions']} partitions, ztf {facts['cone_ztf']} rows")

    # The seed's last step: the Gaia x ZTF result, in memory, crossmatched with Rubin.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mem = lsdb.from_dataframe(q.reset_index(drop=True), ra_column="ra_gaia", dec_column="dec_gaia")
        triple = mem.crossmatch(rubin, radius_arcsec=1.0, suffix_method="all_columns").compute(
            progress_bar=False
        )
    facts["triple"] = len(triple)
    rubin_df = rubin.compute(progress_bar=False)
    per_field = {}
    for name, (fra, fdec) in DP1_FIELDS.items():
        sep = angular_sep_deg(rubin_df["coord_ra"].to_numpy(), rubin_df["coord_dec"].to_numpy(), fra, fdec)
        per_field[name] = int((sep <= DP1_RADIUS_DEG).sum())
    facts["rubin_fields"] = per_field
    print(f"rubin rows per DP1 field (2 deg): {per_field}")
    print(f"(FGK query result, in memory) x rubin (1 arcsec): {facts['triple']} matches")
    return facts


def sha_tree(path: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        h.update(str(f.relative_to(path)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def fmt_orders(orders: dict) -> str:
    return ", ".join(f"order {o}: {n}" for o, n in orders.items())


def cols(f) -> str:
    return ", ".join(f"`{name}` {typ}" for name, typ in f["columns"])


def write_readme(out: Path, facts: dict):
    g, z, r, m = facts["gaia"], facts["ztf"], facts["rubin"], facts["ztf_margin"]
    total = dir_size(out)
    text = f"""# Sample catalogs

Small synthetic HATS catalogs, built by the real hats-import 0.11.1 (hats 0.11.1), used as test
fixtures and as the data of the README walkthrough (the seed notebook: Gaia DR3 x ZTF DR14, the
FGK-dwarf query, then Rubin around the six Data Preview 1 fields).

**Generated; do not edit by hand.** Regenerate (this replaces the whole `Samples/` directory) with

    .venv/bin/python Scripts/make_samples.py

The script draws every value from `numpy.random.default_rng({SEED})`, runs hats-import's
pipelines on a local Dask client (2 workers, 1 thread each), then opens the results with hats and
lsdb and prints the figures below. A rerun gives byte-identical files: hats-import's only
run-dependent value, `hats_creation_date` in the properties files, is set to `{FIXED_CREATION_DATE}`.

**License: synthetic data**, generated from a random seed. No values come from Gaia, ZTF or
Rubin; the names only say which survey each catalog imitates. Use them freely (same terms as this
repository).

Total size: {total / 1e6:.2f} MB.

## `gaia/`: a HATS object catalog

Gaia-like stars over the whole sky: {g['rows']} rows in {g['partitions']} partitions
({fmt_orders(g['orders'])}), {g['size'] / 1e6:.2f} MB.

- Columns: {cols(g)}. `_healpix_29` is added by hats-import (first column, rows sorted by it).
- Density: 30% isotropic halo, 58% disk (|b| exponential with a 7 degree scale, concentrated
  towards the inner Galaxy) and a 12% bulge (Gaussian, 3.5 x 2.5 degrees, at the Galactic centre),
  so partitions are smaller near the Galactic plane and smallest at the centre. Local
  overdensities: 1000 extra stars within 1 degree of Rubin_SV_95_-25 (95, -25), a 47 Tuc-like
  cluster (450 stars at 4.5 kpc) and a Fornax-like clump (180 stars at 140 kpc).
- {N_BOUNDARY_PAIRS} planted stars sit 0.15 arcsec from an order-0 HEALPix edge; their ZTF counterparts
  are 0.3 arcsec away on the other side of the edge (a partition boundary in every catalog), so
  they are matched only through the ZTF margin cache (see the figures below).
- Values: a dwarf/giant/hot-star mixture with Teff, log g, absolute magnitude, distance and
  extinction; `parallax` (mas) has a G-dependent error, `parallax_over_error` is parallax/error
  (so it can be negative). `teff` and `logg` are null together for {g['teff_nulls']} rows (more
  often for faint stars), like GSP-Phot. `source_id` follows Gaia's convention: HEALPix level-12
  index * 2^35 + a running number.
- hats-import `ImportArguments(pixel_threshold={GAIA_THRESHOLD}, highest_healpix_order={HIGHEST_ORDER})`;
  `point_map.fits`/`skymap.fits` are at order {HIGHEST_ORDER}.

## `ztf/`: a HATS collection (catalog + 10 arcsec margin)

- `ztf/collection.properties`: `obs_collection=ztf`, `hats_primary_table_url=ztf`,
  `all_margins={m['name']}`, `default_margin={m['name']}`.
- `ztf/ztf/`: {z['rows']} rows in {z['partitions']} partitions ({fmt_orders(z['orders'])}).
  Columns: {cols(z)}.
  Mostly Gaia's stars with Dec > -30 and G < 20.6 (95% of them), moved by 0.15 arcsec of Gaussian
  noise per axis, plus about 4000 ZTF-only sources. `nobs_g`/`nobs_r` fall towards the southern
  limit; `mean_mag_g` is G plus a colour term.
  hats-import `pixel_threshold={ZTF_THRESHOLD}`, `highest_healpix_order={HIGHEST_ORDER}`: a
  partitioning different from Gaia's, so a crossmatch aligns mixed orders.
- `ztf/{m['name']}/`: the margin cache, threshold {m['threshold']} arcsec (margin order 13),
  {m['rows']} rows in {m['partitions']} partitions ({fmt_orders(m['orders'])}; the main catalog's
  pixels and negative-tree pixels that received rows). Its `hats_primary_table_url` is `ztf/ztf`
  (hats-import runs with `Samples/` as its working directory, so the path it records is relative).
- Built with hats-import's `CollectionArguments` (`.catalog(...)`, `.add_margin(margin_threshold=10,
  is_default=True)`), so the layout is exactly what hats-import writes for a collection.

## `rubin/`: a plain HATS object catalog (no margin)

Rubin-like objects in the six DP1 fields (2 degree cones): {r['rows']} rows in
{r['partitions']} partitions ({fmt_orders(r['orders'])}), {r['size'] / 1e6:.2f} MB.
Columns: {cols(r)}.
Gaia's stars inside each cone (97% of them) with 0.05 arcsec of noise per axis, plus fainter
Rubin-only objects. Rows per field: {', '.join(f'{k} {v}' for k, v in facts['rubin_fields'].items())}.
No margin, like the seed's Rubin catalog, so a crossmatch with it as the right side warns about
the missing margin. hats-import `pixel_threshold={RUBIN_THRESHOLD}`, `highest_healpix_order={RUBIN_HIGHEST_ORDER}`:
small, deep partitions around the dense fields, so some files sit in `Dir=20000` and higher
directories (`Dir = (Npix // 10000) * 10000`).

## Figures (lsdb 0.11.1 on these files; the script prints them)

| check | result |
|---|---|
| `gaia.crossmatch(ztf, radius_arcsec=1.0, suffix_method="all_columns")` (ztf opened as a collection, with its margin) | {facts['xmatch']} matches, median separation {facts['xmatch_median_dist']:.3f} arcsec |
| the same against `ztf/ztf` alone (no margin) | {facts['xmatch_no_margin']} matches |
| then `.query(...)`, the seed's FGK-dwarf cuts (below) | {facts['query']} rows ({facts['query_in_cone']} within 0.7 deg of (95, -25)) |
| `gaia.cone_search(95, -25, 0.7 * 3600)` | {facts['cone_gaia']} rows in {facts['cone_gaia_partitions']} partition(s) |
| `ztf.cone_search(95, -25, 0.7 * 3600)` | {facts['cone_ztf']} rows |
| the query result, `lsdb.from_dataframe(..., ra_column="ra_gaia", dec_column="dec_gaia")`, crossmatched with `rubin` (1 arcsec) | {facts['triple']} matches |

The query, on lsdb's suffixed names (the seed's cuts without `classprob_dsc_combmod_star`,
which the sample does not have):

    {FGK_QUERY}

All values are quantised to binary steps (positions to 2^-20 degree, about 0.003 arcsec, and
Rubin's to 2^-22; magnitudes and log g to 2^-12; Teff to 1 K) so that zstd compresses them and
`Samples/` stays small.
"""
    (out / "README.md").write_text(text)


# ----------------------------------------------------------------------------------------------

def main():
    t0 = time.time()
    work = Path(tempfile.mkdtemp(prefix="make_samples-"))
    staging = Path(tempfile.mkdtemp(prefix=".Samples.tmp-", dir=REPO))
    staging.chmod(0o755)
    try:
        build_all(staging, work)
        normalise_properties(staging)
        stray = [p for p in staging.rglob("*") if "intermediate" in p.name or "dask" in p.name]
        assert not stray, f"stray files in the output: {stray}"
        facts = verify(staging)
        write_readme(staging, facts)
        # Swap in atomically-ish: rename the old tree away, rename the new one in, delete the old.
        old = None
        if SAMPLES.exists():
            old = REPO / f".Samples.old-{os.getpid()}"
            SAMPLES.rename(old)
        staging.rename(SAMPLES)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"Samples/: {dir_size(SAMPLES) / 1e6:.2f} MB, tree sha256 {sha_tree(SAMPLES)[:16]}")
    print(f"done in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
