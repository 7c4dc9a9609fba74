#!/usr/bin/env python3
"""Check catalogs written by lsdb-swift with the real hats and lsdb (0.11.1).

Usage: interop_write.py MANIFEST.json

The manifest lists written outputs: {"path", "kind": "catalog"|"collection", "id_column",
"cone": [ra, dec, radius_arcsec], "ids": [...], "partitions": [[order, pixel], ...],
"margin_partitions": [...] or null, "total_rows", optionally "crossmatch": {"right": path,
"radius_arcsec", "left_id", "right_id", "pairs": [[left_id, right_id], ...], "distances": [...]}}.
For each one this script:
  * runs hats.io.validation.is_valid_catalog(path, strict=True) (and on the margin directory);
  * opens it with lsdb.open_catalog and compares the partitions, the total row count and the
    margin's partitions with the manifest;
  * runs the same cone search in lsdb and compares the sorted ids with ours.
  * with "crossmatch", crossmatches it (left) with the right catalog in lsdb and compares the
    pairs as sets, and each pair's distance to 1e-6 arcsec.
It prints one line per check and exits 1 if any failed. One process runs every check.
"""
import json
import sys
import warnings

import hats
import lsdb
from hats.io.validation import is_valid_catalog

failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


manifest = json.load(open(sys.argv[1]))
for entry in manifest:
    path = entry["path"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check(is_valid_catalog(path, strict=True), f"{path}: hats is_valid_catalog(strict=True)")
        structure = hats.read_hats(path)
        if entry["kind"] == "collection":
            check(is_valid_catalog(str(structure.main_catalog_dir), strict=True), f"{path}: main catalog valid")
            if structure.default_margin is not None:
                margin_dir = structure.collection_path / structure.default_margin
                check(is_valid_catalog(str(margin_dir), strict=True), f"{path}: margin valid")
        catalog = lsdb.open_catalog(path)
        pixels = [[int(p.order), int(p.pixel)] for p in catalog.get_healpix_pixels()]
        check(pixels == entry["partitions"], f"{path}: partitions {len(pixels)} == {len(entry['partitions'])}")
        check(catalog.hc_structure.catalog_info.total_rows == entry["total_rows"],
              f"{path}: total rows {catalog.hc_structure.catalog_info.total_rows} == {entry['total_rows']}")
        if entry.get("margin_partitions") is not None:
            margin = catalog.margin
            got = None if margin is None else [[int(p.order), int(p.pixel)] for p in margin.get_healpix_pixels()]
            check(got == entry["margin_partitions"], f"{path}: margin partitions")
        ra, dec, radius = entry["cone"]
        try:
            found = catalog.cone_search(ra, dec, radius).compute()
            ids = sorted(int(i) for i in found[entry["id_column"]])
        except ValueError as error:  # no coverage
            ids = []
            print(f"     cone: {error}")
        check(ids == sorted(entry["ids"]), f"{path}: cone search rows {len(ids)} == {len(entry['ids'])}")
        full = catalog.compute()
        check(len(full) == entry["total_rows"], f"{path}: computed rows {len(full)}")
        check(full.index.name == "_healpix_29", f"{path}: _healpix_29 is the index")
        spec = entry.get("crossmatch")
        if spec is not None:
            right = lsdb.open_catalog(spec["right"])
            matched = catalog.crossmatch(right, radius_arcsec=spec["radius_arcsec"], suffixes=("_l", "_r")).compute()
            theirs = {(int(a), int(b)): float(d) for a, b, d in zip(matched[spec["left_id"] + "_l"],
                                                                     matched[spec["right_id"] + "_r"],
                                                                     matched["_dist_arcsec"])}
            ours = {(int(a), int(b)): float(d) for (a, b), d in zip(spec["pairs"], spec["distances"])}
            check(len(ours) == len(spec["pairs"]) and set(theirs) == set(ours),
                  f"{path}: crossmatch pairs {len(theirs)} (lsdb) == {len(ours)} (ours)")
            worst = max((abs(theirs[k] - ours[k]) for k in ours if k in theirs), default=0.0)
            check(worst <= 1e-6, f"{path}: crossmatch distances agree (largest difference {worst:.3g} arcsec)")

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
