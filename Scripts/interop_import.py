#!/usr/bin/env python3
"""Compare an `lsdb import` output with hats-import 0.11.1 on the same input.

Usage: interop_import.py OURS WORK ID_COLUMN MAX_ROWS HIGHEST_ORDER MARGIN_ARCSEC FORMAT INPUT... [-- OURS WORK ...]

Several comparisons may be given, separated by `--`; they run in one process.

OURS is the collection our import wrote (catalog + margin). WORK is a scratch directory where
hats-import writes its catalog and margin cache (local Dask client, one worker). FORMAT is
`csv` or `parquet`. The script checks, printing one line per check:
  * our catalog and margin pass hats.io.validation.is_valid_catalog(strict=True) and open in lsdb;
  * the partitions (partition_info.csv) are the same;
  * every row (by ID_COLUMN) is in the same partition, and _healpix_29 values agree;
  * every margin partition holds the same rows;
  * the properties agree on rows, max rows, order, skymap order and sky fraction.
It exits 1 if any check failed.
"""
import pathlib
import sys
import warnings

import hats
import lsdb
import pyarrow.parquet as pq
from dask.distributed import Client
from hats.io.validation import is_valid_catalog
from hats_import.catalog.arguments import ImportArguments
from hats_import.margin_cache.margin_cache_arguments import MarginCacheArguments
from hats_import.pipeline import pipeline_with_client

failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def compare(argv):
  ours, work, id_column = pathlib.Path(argv[0]), pathlib.Path(argv[1]), argv[2]
  max_rows, highest, margin, fmt = int(argv[3]), int(argv[4]), float(argv[5]), argv[6]
  inputs = argv[7:]
  print(f"---- {ours} ({fmt})")

  def rows_by_pixel(catalog_dir):
      """{(order, pixel): {id: healpix}} from a catalog's data files."""
      result = {}
      for pixel in hats.read_hats(catalog_dir).get_healpix_pixels():
          path = (pathlib.Path(catalog_dir) / "dataset" / f"Norder={pixel.order}"
                  / f"Dir={pixel.pixel // 10000 * 10000}" / f"Npix={pixel.pixel}.parquet")
          table = pq.read_table(path, columns=[id_column, "_healpix_29"])
          result[(pixel.order, pixel.pixel)] = dict(zip(table[id_column].to_pylist(), table["_healpix_29"].to_pylist()))
      return result

  with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    with Client(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as client:
        args = ImportArguments(output_artifact_name="theirs", input_file_list=inputs, file_reader=fmt,
                               ra_column="ra", dec_column="dec", pixel_threshold=max_rows,
                               highest_healpix_order=highest, output_path=str(work), progress_bar=False)
        pipeline_with_client(args, client)
        margin_args = MarginCacheArguments(input_catalog_path=str(work / "theirs"), output_path=str(work),
                                           output_artifact_name="theirs_margin", margin_threshold=margin,
                                           progress_bar=False)
        pipeline_with_client(margin_args, client)

    collection = hats.read_hats(ours)
    main_dir = pathlib.Path(collection.main_catalog_dir)
    margin_dir = pathlib.Path(collection.collection_path) / collection.default_margin
    check(is_valid_catalog(str(ours), strict=True), "our collection is valid (strict)")
    check(is_valid_catalog(str(main_dir), strict=True), "our catalog is valid (strict)")
    check(is_valid_catalog(str(margin_dir), strict=True), "our margin is valid (strict)")
    opened = lsdb.open_catalog(ours)
    check(len(opened.compute()) == opened.hc_structure.catalog_info.total_rows, "lsdb opens and computes our catalog")

    theirs = hats.read_hats(work / "theirs")
    ours_cat = hats.read_hats(main_dir)
    p_ours = [(p.order, p.pixel) for p in ours_cat.get_healpix_pixels()]
    p_theirs = [(p.order, p.pixel) for p in theirs.get_healpix_pixels()]
    check(p_ours == p_theirs, f"partitions: {len(p_ours)} ours, {len(p_theirs)} hats-import")

    a, b = rows_by_pixel(main_dir), rows_by_pixel(work / "theirs")
    where_a = {i: (pix, h) for pix, rows in a.items() for i, h in rows.items()}
    where_b = {i: (pix, h) for pix, rows in b.items() for i, h in rows.items()}
    check(len(where_a) == len(where_b) and where_a == where_b,
          f"row -> partition and _healpix_29: {len(where_a)} rows ours, {len(where_b)} hats-import, "
          f"{sum(1 for i in where_b if where_a.get(i) != where_b[i])} differ")
    for pix, rows in a.items():
        hs = list(rows.values())
        if hs != sorted(hs):
            check(False, f"partition {pix} sorted by _healpix_29")

    ma, mb = rows_by_pixel(margin_dir), rows_by_pixel(work / "theirs_margin")
    check(sorted(ma) == sorted(mb), f"margin partitions: {len(ma)} ours, {len(mb)} hats-import")
    differ = [pix for pix in mb if set(ma.get(pix, {})) != set(mb[pix])]
    check(not differ, f"margin rows per partition: {sum(len(v) for v in ma.values())} ours, "
                      f"{sum(len(v) for v in mb.values())} hats-import, {len(differ)} partitions differ")

    pa_, pb_ = ours_cat.catalog_info, theirs.catalog_info
    for key in ["total_rows", "hats_max_rows", "skymap_order", "hats_order", "moc_sky_fraction"]:
        va, vb = getattr(pa_, key, None), getattr(pb_, key, None)
        if va is None and hasattr(pa_, "extra_dict"):
            va, vb = pa_.extra_dict().get(key), pb_.extra_dict().get(key)
        check(str(va) == str(vb), f"property {key}: {va} ours, {vb} hats-import")
    m_ours = hats.read_hats(margin_dir).catalog_info
    check(float(m_ours.margin_threshold) == margin, "margin threshold property")

groups, current = [], []
for arg in sys.argv[1:]:
    if arg == "--":
        groups.append(current)
        current = []
    else:
        current.append(arg)
groups.append(current)
for group in groups:
    compare(group)
print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
