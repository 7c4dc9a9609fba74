#!/usr/bin/env python3
"""Build the large benchmark catalogs with the real hats-import 0.11.1.

    .venv/bin/python Scripts/make_bench_catalogs.py [--gaia-rows 10000000] [--ztf-rows 5000000]
                                                    [--out Benchmarks/data] [--also-csv]

Writes (Benchmarks/data is git-ignored; never commit it):

* <out>/input/gaia_10m/part-NNN.parquet   the Gaia-like input (chunks of --chunk rows), kept
                                          because a later benchmark imports it again
* <out>/input/ztf_5m/part-NNN.parquet     the ZTF-like input
  (with --also-csv, a .csv copy of every chunk beside it)
* <out>/gaia_10m/                         HATS object catalog, columns as Samples/gaia
* <out>/ztf_5m/                           HATS collection as Samples/ztf: ztf_5m/ztf_5m/ (main) and
                                          ztf_5m/ztf_5m_10arcs/ (10 arcsec margin, the default)

(The directory names use the default row counts; other counts give gaia_<N>/ztf_<N>, e.g.
gaia_1m.)

The values come from the generator functions of Scripts/make_samples.py (imported, not copied):
`sky_positions` + `stellar_population` for Gaia-like stars (galactic-plane density gradient) plus
the same 1.6% overdensity within 1 degree of (95, -25) as the sample, so the benchmark cone has
work to do; `make_ztf` turns each Gaia-like input chunk into ZTF-like rows (its stars with Dec > -30
and G < 20.6, 95% detected, 0.15" noise per axis, plus ZTF-only sources), so that a crossmatch of
the two catalogs finds most ZTF rows, as with the real surveys.  `--only-ztf` rebuilds just the
ZTF-like input and catalog from the Gaia-like input already there.  Ids are made globally unique across chunks: source_id = HEALPix level-12
index * 2^35 + the global row number; objectid = 10^12 + 7 * (global running number).
Generation is chunked (--chunk rows at a time, default 1,000,000) to keep memory modest; every
chunk has its own seeded generator, so the inputs are reproducible.

hats-import runs on a local Dask client with 2 worker processes of 1 thread each.  Partitioning:
`pixel_threshold` (--threshold, default 300,000) and `highest_healpix_order=10` (hats-import's
default mapping order), so both catalogs have a few dozen partitions at mixed orders.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "Scripts"))
import make_samples as ms  # noqa: E402  (the sample generators, reused at scale)

SEED = 20251205
DENSE_FIELD_FRACTION = 1000 / 60000  # as in the sample: 1000 extra stars per 60000 within 1 deg of (95, -25)


def label(n: int) -> str:
    if n % 1_000_000 == 0:
        return f"{n // 1_000_000}m"
    if n % 1_000 == 0:
        return f"{n // 1_000}k"
    return str(n)


def gaia_chunk(rng, n: int, first_row: int) -> pa.Table:
    """n Gaia-like stars: the sample's sky model plus its (95, -25) overdensity."""
    import cdshealpix
    from astropy.coordinates import Latitude, Longitude

    n_dense = int(round(n * DENSE_FIELD_FRACTION))
    ra1, dec1 = ms.sky_positions(rng, n - n_dense)
    ra2, dec2 = ms.points_in_cap(rng, n_dense, 95.0, -25.0, 1.0)
    ra = np.concatenate([ra1, ra2])
    dec = np.concatenate([dec1, dec2])
    perm = rng.permutation(n)
    ra, dec = ra[perm], dec[perm]
    pop = ms.stellar_population(rng, ra, dec)
    ra = ms.quantize(ra, -20) % 360.0
    dec = ms.quantize(dec, -20)
    hpx12 = cdshealpix.lonlat_to_healpix(Longitude(ra, unit="deg"), Latitude(dec, unit="deg"), 12)
    source_id = hpx12.astype(np.int64) * 2**35 + (first_row + np.arange(n, dtype=np.int64))
    return pa.table(
        {
            "source_id": pa.array(source_id, pa.int64()),
            "ra": ra,
            "dec": dec,
            "parallax": pop["parallax"],
            "parallax_over_error": pop["parallax_over_error"],
            "teff": pop["teff"],
            "logg": pop["logg"],
            "phot_g_mean_mag": pop["phot_g_mean_mag"],
        }
    )


NO_TWINS = {"gaia_index": np.zeros(0, np.int64), "ra": np.zeros(0), "dec": np.zeros(0)}


def ztf_chunk(rng, gaia: pa.Table, first_id: int) -> pa.Table:
    """ZTF-like rows from a chunk of the Gaia-like input: make_ztf keeps its stars with Dec > -30
    and G < 20.6 (95% detected) with 0.15" noise, and adds 4000 ZTF-only sources, so that a
    crossmatch of the two catalogs finds most ZTF rows, as with the real surveys. objectid is made
    globally unique."""
    z = ms.make_ztf(rng, gaia, NO_TWINS)
    local = (z["objectid"].to_numpy() - 1_000_000_000_000) // 7
    oid = 1_000_000_000_000 + (first_id + local) * 7
    return z.set_column(0, "objectid", pa.array(oid, pa.int64()))


def write_chunk(table: pa.Table, path: Path, also_csv: bool):
    pq.write_table(table, path, compression="zstd")
    if also_csv:
        pacsv.write_csv(table, path.with_suffix(".csv"))


def generate_inputs(args, gaia_dir: Path, ztf_dir: Path):
    t0 = time.time()
    for d in ((ztf_dir,) if args.only_ztf else (gaia_dir, ztf_dir)):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    gaia_files, ztf_files = [], []
    done, i = 0, 0
    if args.only_ztf:
        gaia_files = sorted(str(p) for p in gaia_dir.glob("*.parquet"))
        done = args.gaia_rows
    while done < args.gaia_rows:
        n = min(args.chunk, args.gaia_rows - done)
        rng = np.random.default_rng([SEED, 1, i])
        f = gaia_dir / f"part-{i:03d}.parquet"
        write_chunk(gaia_chunk(rng, n, done), f, args.also_csv)
        gaia_files.append(str(f))
        done += n
        i += 1
    print(f"gaia input: {done} rows in {len(gaia_files)} files ({time.time() - t0:.1f} s)", flush=True)
    t0 = time.time()
    done, i = 0, 0
    while done < args.ztf_rows and i < len(gaia_files):
        rng = np.random.default_rng([SEED, 2, i])
        z = ztf_chunk(rng, pq.read_table(gaia_files[i]), done)
        z = z.slice(0, min(z.num_rows, args.ztf_rows - done))
        f = ztf_dir / f"part-{i:03d}.parquet"
        write_chunk(z, f, args.also_csv)
        ztf_files.append(str(f))
        done += z.num_rows
        i += 1
    print(f"ztf input: {done} rows in {len(ztf_files)} files ({time.time() - t0:.1f} s)", flush=True)
    return gaia_files, ztf_files


def import_catalogs(args, out: Path, gaia_files, ztf_files, gaia_name, ztf_name):
    from dask.distributed import Client
    from hats_import import CollectionArguments, ImportArguments
    from hats_import.pipeline import pipeline_with_client

    work = Path(tempfile.mkdtemp(prefix="bench-import-", dir=out))
    common = {"resume": False, "progress_bar": False, "tmp_dir": str(work / "tmp"), "create_metadata": True}
    cwd = os.getcwd()
    os.chdir(out)  # relative paths, so the margin's hats_primary_table_url is collection-relative
    try:
        for name in ((ztf_name,) if args.only_ztf else (gaia_name, ztf_name)):
            if Path(name).exists():
                shutil.rmtree(name)
        with Client(n_workers=2, threads_per_worker=1, processes=True, local_directory=str(work / "dask"),
                    dashboard_address=None, memory_limit=args.worker_memory) as client:
            t0 = time.time()
            if not args.only_ztf:
              pipeline_with_client(
                ImportArguments(
                    output_path=".",
                    output_artifact_name=gaia_name,
                    input_file_list=gaia_files,
                    file_reader="parquet",
                    ra_column="ra",
                    dec_column="dec",
                    pixel_threshold=args.threshold,
                    highest_healpix_order=10,
                    addl_hats_properties={"obs_title": "Gaia-like synthetic benchmark catalog (lsdb-swift)",
                                          "hats_cols_survey_id": "source_id"},
                    **common,
                ),
                client,
              )
              print(f"hats-import {gaia_name}: {time.time() - t0:.1f} s", flush=True)
            t0 = time.time()
            coll = CollectionArguments(output_path=".", output_artifact_name=ztf_name, **common)
            coll.catalog(
                output_artifact_name=ztf_name,
                input_file_list=ztf_files,
                file_reader="parquet",
                ra_column="ra",
                dec_column="dec",
                pixel_threshold=args.threshold,
                highest_healpix_order=10,
                addl_hats_properties={"obs_title": "ZTF-like synthetic benchmark catalog (lsdb-swift)",
                                      "hats_cols_survey_id": "objectid"},
            )
            coll.add_margin(margin_threshold=10.0, is_default=True)
            pipeline_with_client(coll, client)
            print(f"hats-import {ztf_name} (collection + 10 arcsec margin): {time.time() - t0:.1f} s", flush=True)
    finally:
        os.chdir(cwd)
        shutil.rmtree(work, ignore_errors=True)


def describe(path: Path):
    import hats

    hc = hats.read_hats(path)
    main = hc.main_catalog if hasattr(hc, "main_catalog") else hc
    pix = main.get_healpix_pixels()
    orders = {o: sum(1 for p in pix if p.order == o) for o in sorted({p.order for p in pix})}
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    print(f"{path}: {main.catalog_info.total_rows} rows, {len(pix)} partitions {orders}, {size / 1e6:.0f} MB")
    if hasattr(hc, "main_catalog") and hc.collection_properties.default_margin:
        m = hats.read_hats(path / hc.collection_properties.default_margin)
        print(f"  margin {hc.collection_properties.default_margin}: {m.catalog_info.total_rows} rows, "
              f"{len(m.get_healpix_pixels())} partitions")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gaia-rows", type=int, default=10_000_000)
    ap.add_argument("--ztf-rows", type=int, default=5_000_000)
    ap.add_argument("--out", default="Benchmarks/data")
    ap.add_argument("--chunk", type=int, default=1_000_000)
    ap.add_argument("--threshold", type=int, default=300_000, help="hats-import pixel_threshold")
    ap.add_argument("--worker-memory", default="3GiB")
    ap.add_argument("--also-csv", action="store_true", help="also write a CSV copy of every input chunk")
    ap.add_argument("--skip-inputs", action="store_true", help="reuse the inputs already in <out>/input")
    ap.add_argument("--only-ztf", action="store_true", help="rebuild only the ZTF-like input and catalog")
    args = ap.parse_args()

    t_all = time.time()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    gaia_name = f"gaia_{label(args.gaia_rows)}"
    ztf_name = f"ztf_{label(args.ztf_rows)}"
    gaia_in, ztf_in = out / "input" / gaia_name, out / "input" / ztf_name
    if args.skip_inputs:
        gaia_files = sorted(str(p) for p in gaia_in.glob("*.parquet"))
        ztf_files = sorted(str(p) for p in ztf_in.glob("*.parquet"))
    else:
        gaia_files, ztf_files = generate_inputs(args, gaia_in, ztf_in)
    import_catalogs(args, out, gaia_files, ztf_files, gaia_name, ztf_name)
    describe(out / gaia_name)
    describe(out / ztf_name)
    print(f"total {time.time() - t_all:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
