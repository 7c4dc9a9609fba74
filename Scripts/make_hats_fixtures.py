#!/usr/bin/env python3
"""Write the expected values of Tests/HATSTests/Fixtures/ from the committed Samples.

Reference: hats 0.11.1 (`hats.read_hats`, `hats.io.file_io.read_fits_image`) and jproperties,
the properties parser hats uses. Deterministic. Run with the project venv:

    .venv/bin/python Scripts/make_hats_fixtures.py

Files:
  catalogs.json      one entry per sample catalog (gaia, ztf/ztf, ztf/ztf_10arcs, rubin): the raw
                     properties (jproperties, in file order), hats' typed values, the partitions in
                     hats' order, and for catalogs with a point map: its order, total, the number
                     of non-zero pixels, Σ index·count, the first and last ten non-zero pixels as
                     `[index, count]` pairs and the catalog MOC in mocpy's ASCII form.
  collection.json    `hats.read_hats("Samples/ztf")`: collection properties, the resolved main and
                     margin catalog directories (relative to Samples/), the margin's partitions.
  tricky.properties  a hand-written properties text exercising the Java syntax (comments, `:` and
                     blank separators, escapes, continuations, trailing blanks).
  tricky.json        jproperties' reading of it, as `[key, value]` pairs in file order.
  written.properties hats' own serialisation of gaia's properties after adding `hats_cols_default`,
                     `hats_skymap_alt_orders` and a value with `=`, `:` and a leading blank.
  map_j_implicit.fits, map_j_explicit.fits
                     maps written by hats' `write_fits_image` from int32 histograms at order 1
                     (TFORM J; dense → IMPLICIT, sparse → EXPLICIT); maps.json holds their counts.
  ring_order3.fits, ring_order4_1024K.fits
                     RING-ordered maps laid out as healpy's `write_map` did for hipscat (one value
                     per row; rows of 1024 values), written with astropy; ring.json holds their
                     non-zero pixels converted to NESTED with cdshealpix (ring pixel centre →
                     nested hash), as `[nested index, count]` pairs sorted by index.
"""
import json
import pathlib
import shutil
import tempfile
import warnings

import cdshealpix.nested
import cdshealpix.ring
import numpy as np
from astropy.io import fits
from jproperties import Properties

import hats
from hats.catalog.dataset.table_properties import TableProperties
from hats.io import file_io

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "Samples"
OUT = ROOT / "Tests" / "HATSTests" / "Fixtures"

TYPED_FIELDS = [
    "catalog_name", "catalog_type", "total_rows", "ra_column", "dec_column", "default_columns",
    "healpix_column", "healpix_order", "primary_catalog", "margin_threshold", "npix_suffix",
    "skymap_order", "skymap_alt_orders", "hats_max_rows", "hats_estsize", "moc_sky_fraction",
]

TRICKY = (
    "#HATS catalog\n"
    "! a bang comment\n"
    "   # an indented comment\n"
    "obs_collection = tricky name  \n"
    "dataproduct_type:object\n"
    "hats_nrows 42\n"
    "hats_col_ra=ra\\\n"
    "    _deg\n"
    "hats_col_dec=dec\n"
    "obs_title=A\\tB\\nC \\u00e9\\\\ end\n"
    "key\\ with\\ spaces=v\n"
    "key\\=eq=v=w\n"
    "empty=\n"
    "trailing = kept  \t\n"
    "\n"
    "lonely\n"
    "obs_description=caf\u00e9 \u03b1 raw utf-8\r\n"
    "hats_cols_default=ra dec  mag\n"
    "obs_collection=tricky\n"
)


def raw_properties(path: pathlib.Path) -> list[list[str]]:
    p = Properties()
    with path.open("rb") as f:
        p.load(f, "utf-8")
    return [[k, p.properties[k]] for k in p._key_order]  # pylint: disable=protected-access


def typed(info) -> dict:
    out = {}
    for name in TYPED_FIELDS:
        value = getattr(info, name)
        if hasattr(value, "value"):
            value = value.value
        out[name] = value
    out["extra"] = {k: str(v) for k, v in info.extra_dict(by_alias=True).items()}
    return out


def pixels(pixel_list) -> list[list[int]]:
    return [[int(p.order), int(p.pixel)] for p in pixel_list]


def catalog_entry(rel: str) -> dict:
    path = SAMPLES / rel
    cat = hats.read_hats(path)
    entry = {
        "path": rel,
        "properties": raw_properties(path / "hats.properties"),
        "typed": typed(cat.catalog_info),
        "partitions": pixels(cat.get_healpix_pixels()),
        "csv_rows": [[int(a), int(b)] for a, b in
                     (line.split(",") for line in (path / "partition_info.csv").read_text().split()[1:])],
    }
    point_map = path / "point_map.fits"
    if point_map.exists():
        counts = file_io.read_fits_image(point_map)
        order = int(round(np.log2(len(counts) / 12) / 2))
        nonzero = np.flatnonzero(counts)
        entry["point_map"] = {
            "order": order,
            "total": int(counts.sum()),
            "nonzero_count": int(len(nonzero)),
            "index_weighted_sum": int(sum(int(i) * int(counts[i]) for i in nonzero)),
            "first_nonzero": [[int(i), int(counts[i])] for i in nonzero[:10]],
            "last_nonzero": [[int(i), int(counts[i])] for i in nonzero[-10:]],
            "skymap_equal": bool(np.array_equal(counts, file_io.read_fits_image(path / "skymap.fits"))),
        }
        entry["moc"] = cat.moc.to_string(format="ascii").replace("\n", " ").strip()
    # hats' fallback when partition_info.csv is missing: same pixels, same order.
    with tempfile.TemporaryDirectory() as tmp:
        copy = pathlib.Path(tmp) / "copy"
        shutil.copytree(path, copy)
        (copy / "partition_info.csv").unlink()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            listed = pixels(hats.read_hats(copy).get_healpix_pixels())
        assert listed == entry["partitions"], rel
    return entry


def collection_entry() -> dict:
    coll = hats.read_hats(SAMPLES / "ztf")
    props = coll.collection_properties
    margin_dir = pathlib.Path(str(coll.default_margin_catalog_dir))
    main_dir = pathlib.Path(str(coll.main_catalog_dir))
    margin = hats.read_hats(margin_dir)
    return {
        "properties": raw_properties(SAMPLES / "ztf" / "collection.properties"),
        "name": props.name,
        "primary": props.hats_primary_table_url,
        "all_margins": props.all_margins,
        "default_margin": props.default_margin,
        "all_indexes": props.all_indexes,
        "main_catalog_dir": str(main_dir.resolve().relative_to(SAMPLES.resolve())),
        "default_margin_dir": str(margin_dir.resolve().relative_to(SAMPLES.resolve())),
        "margin_threshold": margin.catalog_info.margin_threshold,
        "margin_partitions": pixels(margin.get_healpix_pixels()),
    }


def write_maps() -> dict:
    rng = np.random.default_rng(20260101)
    dense = rng.integers(1, 1000, size=48).astype(np.int32)
    dense[[3, 17]] = 0
    sparse = np.zeros(48, dtype=np.int32)
    sparse[[0, 5, 6, 47]] = [7, 1, 2_000_000_000, 3]
    out = {}
    for name, hist in (("map_j_implicit", dense), ("map_j_explicit", sparse)):
        path = OUT / f"{name}.fits"
        file_io.write_fits_image(hist, path)
        back = file_io.read_fits_image(path)
        assert np.array_equal(back, hist)
        out[name] = [int(x) for x in back]
    return out


def write_ring_maps() -> dict:
    rng = np.random.default_rng(20260102)
    out = {}
    for name, order, per_row in (("ring_order3", 3, 1), ("ring_order4_1024K", 4, 1024)):
        nside = 1 << order
        npix = 12 * nside * nside
        counts = np.zeros(npix, dtype=np.int64)
        chosen = rng.choice(npix, size=npix // 7, replace=False)
        counts[chosen] = rng.integers(1, 50, size=len(chosen))
        column = fits.Column(name="TEMPERATURE", format=f"{per_row}K", array=counts.reshape(-1, per_row)
                             if per_row > 1 else counts)
        table = fits.BinTableHDU.from_columns([column])
        for key, value in (("PIXTYPE", "HEALPIX"), ("ORDERING", "RING"), ("COORDSYS", "C"),
                           ("EXTNAME", "xtension"), ("NSIDE", nside), ("FIRSTPIX", 0),
                           ("LASTPIX", npix - 1), ("INDXSCHM", "IMPLICIT"), ("OBJECT", "FULLSKY")):
            table.header[key] = value
        fits.HDUList([fits.PrimaryHDU(), table]).writeto(OUT / f"{name}.fits", overwrite=True)
        ring = np.flatnonzero(counts)
        lon, lat = cdshealpix.ring.healpix_to_lonlat(ring.astype(np.uint64), nside)
        nested = cdshealpix.nested.lonlat_to_healpix(lon, lat, order)
        pairs = sorted((int(n), int(counts[r])) for n, r in zip(nested, ring))
        assert len({n for n, _ in pairs}) == len(pairs)
        out[name] = {"order": order, "nested": [list(p) for p in pairs]}
    return out


def written_properties() -> str:
    info = TableProperties.read_from_dir(SAMPLES / "gaia")
    info = info.copy_and_update(default_columns=["ra", "dec", "phot_g_mean_mag"],
                                skymap_alt_orders=[1, 3], obs_regime=" a=b:c")
    with tempfile.TemporaryDirectory() as tmp:
        info.to_properties_file(pathlib.Path(tmp))
        return (pathlib.Path(tmp) / "hats.properties").read_text(encoding="utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    catalogs = [catalog_entry(rel) for rel in ("gaia", "ztf/ztf", "ztf/ztf_10arcs", "rubin")]
    (OUT / "catalogs.json").write_text(json.dumps(catalogs) + "\n")
    (OUT / "collection.json").write_text(json.dumps(collection_entry(), indent=1) + "\n")
    (OUT / "tricky.properties").write_bytes(TRICKY.encode("utf-8"))
    (OUT / "tricky.json").write_text(
        json.dumps(raw_properties(OUT / "tricky.properties"), ensure_ascii=False, indent=1) + "\n")
    (OUT / "written.properties").write_text(written_properties(), encoding="utf-8")
    (OUT / "maps.json").write_text(json.dumps(write_maps()) + "\n")
    (OUT / "ring.json").write_text(json.dumps(write_ring_maps()) + "\n")
    for entry in catalogs:
        print(f"{entry['path']}: {len(entry['partitions'])} partitions"
              + (f", point map order {entry['point_map']['order']}" if "point_map" in entry else ""))


if __name__ == "__main__":
    main()
