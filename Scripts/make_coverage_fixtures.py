#!/usr/bin/env python3
"""Write the cone, box, polygon and MOC-operation fixtures of Tests/HEALPixTests.

Reference: mocpy 0.21.0 (cdshealpix 0.9.0), called exactly as hats/lsdb 0.11 call it
(`hats.pixel_math.region_to_moc`). Deterministic: fixed case lists plus seeded random cases.

Run with the project venv:
    .venv/bin/python Scripts/make_coverage_fixtures.py

Each fixture is a JSON list of cases. A coverage is stored as the covered cells at the
case's order, as inclusive index runs `[[first, last], ...]`, which keeps files small;
MOC operations are stored in mocpy's ASCII form. Floats are written with `repr`, which
round-trips exactly.

Larger opt-in runs: import this module, build a list with `cone_case`, `box_case` or
`polygon_case` on your own random inputs, dump it as JSON, and point the tests at it
with COVERAGE_STRESS_CONES, COVERAGE_STRESS_BOXES or COVERAGE_STRESS_POLYGONS.
"""

import json
import math
import pathlib

import astropy.units as u
import cdshealpix
import numpy as np
from astropy.coordinates import Latitude, Longitude, SkyCoord
from mocpy import MOC

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "HEALPixTests" / "Fixtures" / "coverage"
TL_DEG = math.degrees(math.asin(2.0 / 3.0))  # 41.810314895778596
MAX_RUNS = 400  # skip cases whose coverage would bloat the fixtures


def runs_at_order(moc: MOC, order: int) -> list[list[int]]:
    """Covered cells at `order` as inclusive runs."""
    shift = 2 * (29 - order)
    runs: list[list[int]] = []
    for start, end in moc.to_depth29_ranges.tolist():
        first, last = start >> shift, (end - 1) >> shift
        if runs and runs[-1][1] + 1 >= first:
            runs[-1][1] = max(runs[-1][1], last)
        else:
            runs.append([first, last])
    return runs


def runs_from_cells(cells: np.ndarray) -> list[list[int]]:
    runs: list[list[int]] = []
    for c in sorted(set(int(x) for x in cells)):
        if runs and runs[-1][1] + 1 == c:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return runs


# ---------------------------------------------------------------- cones

def cone_case(lon, lat, radius_deg, order, radius_arcsec=None):
    if radius_arcsec is not None:
        radius = radius_arcsec * u.arcsec  # as hats cone_to_moc does
    else:
        radius = radius_deg * u.deg
    moc = MOC.from_cone(lon=Longitude(lon * u.deg), lat=Latitude(lat * u.deg), radius=radius,
                        max_depth=order)
    runs = runs_at_order(moc, order)
    if len(runs) > MAX_RUNS:
        return None
    # Cross-check against cdshealpix directly (depth delta 2, or less near order 29).
    ipix, depth, _ = cdshealpix.nested.cone_search(
        Longitude(lon * u.deg), Latitude(lat * u.deg), radius, depth=order,
        depth_delta=min(2, 29 - order), flat=True)
    assert runs_from_cells(ipix) == runs, (lon, lat, radius, order)
    case = {"lon": lon, "lat": lat, "order": order, "runs": runs}
    if radius_arcsec is not None:
        case["radius_arcsec"] = radius_arcsec
    else:
        case["radius_deg"] = radius_deg
    return case


def cone_cases(rng):
    positions = [
        (0.0, 90.0), (123.4, 90.0), (0.0, -90.0), (250.0, -90.0),
        (10.0, 89.99), (300.0, -89.9), (45.0, 89.5),
        (0.0, 0.0), (359.9999, 0.0), (0.0001, 12.0), (359.99, -30.0), (180.0, 0.0),
        (0.0, TL_DEG), (45.0, TL_DEG), (90.0, -TL_DEG), (180.0, -41.81), (33.0, 41.8),
        (135.0, 41.82), (270.0, -41.9),
        (45.0, 0.0), (90.0, 0.0), (0.0, 41.810314895778596), (67.5, 19.47122063449069),
        (22.5, 66.44353569089877), (315.0, -66.4435),
        (265.0, -35.0), (325.0, -55.0), (53.125, -28.1), (6.02, -72.08),
    ]
    radii_deg = [1 / 3600, 10 / 3600, 1 / 60, 0.1, 0.5, 1.0, 2.0, 5.0, 15.0, 30.0]
    cases = []
    for lon, lat in positions:
        for radius in radii_deg:
            # Orders where the cone spans from under a cell to a few dozen cells across.
            size_order = int(math.floor(math.log2(58.6 / max(radius, 1e-6))))
            for order in sorted({3, max(0, min(12, size_order)), max(0, min(12, size_order + 3))}):
                c = cone_case(lon, lat, radius, order)
                if c:
                    cases.append(c)
    # Very large cones (radius above the 48.19 degree starting-depth limit) at low orders.
    for lon, lat, radius in [(10.0, 20.0, 50.0), (0.0, 90.0, 60.0), (200.0, -45.0, 100.0),
                             (0.0, 0.0, 179.0), (33.0, -3.0, 180.0), (120.0, 41.81, 48.2)]:
        for order in (0, 1, 3, 5):
            c = cone_case(lon, lat, radius, order)
            if c:
                cases.append(c)
    # Deep orders: depth delta 1 at order 28 and 0 at order 29.
    for lon, lat in [(10.0, 20.0), (0.0, 90.0), (45.0, TL_DEG), (359.9999999, -0.0000001)]:
        for order, radius in [(27, 2e-6), (28, 1e-6), (29, 1e-7), (29, 2e-7), (24, 1e-4), (20, 2e-3)]:
            c = cone_case(lon, lat, radius, order)
            if c:
                cases.append(c)
    # The seed's cones, given in arcsec as lsdb does (astropy converts by multiplication).
    for lon, lat, arcsec, order in [(325.0, -55.0, 7200.0, 10), (95.0, -25.0, 2520.0, 10),
                                    (53.13, -28.1, 7200.0, 7), (0.0, 0.0, 3600.0, 8),
                                    (280.0, -30.0, 1.0, 12), (12.3, 45.6, 123.456, 11)]:
        c = cone_case(lon, lat, None, order, radius_arcsec=arcsec)
        if c:
            cases.append(c)
    # Seeded random cones, uniform on the sphere, log-uniform radius 1 arcsec .. 30 deg.
    n = 0
    while n < 160:
        lon = float(rng.uniform(0, 360))
        lat = float(np.degrees(np.arcsin(rng.uniform(-1, 1))))
        radius = float(10 ** rng.uniform(math.log10(1 / 3600), math.log10(30)))
        size_order = int(math.floor(math.log2(58.6 / radius)))
        order = int(np.clip(size_order + rng.integers(-1, 5), 0, 14))
        c = cone_case(lon, lat, radius, order)
        if c:
            cases.append(c)
            n += 1
    return cases


# ---------------------------------------------------------------- boxes (lsdb BoxSearch)

def box_case(ra, dec, order):
    from hats.pixel_math.region_to_moc import box_to_moc
    moc = box_to_moc(ra, dec, order)
    runs = runs_at_order(moc, order)
    if len(runs) > MAX_RUNS:
        return None
    return {"ra": list(ra), "dec": list(dec), "order": order, "runs": runs}


def box_cases(rng):
    boxes = [
        ((10.0, 20.0), (-5.0, 5.0)), ((350.0, 10.0), (-10.0, 10.0)), ((359.0, 1.0), (40.0, 45.0)),
        ((0.0, 30.0), (60.0, 90.0)), ((100.0, 280.0), (-90.0, -70.0)), ((0.0, 360.0), (80.0, 90.0)),
        ((45.0, 135.0), (41.810314895778596, 60.0)), ((200.0, 201.0), (-41.9, -41.7)),
        ((300.0, 60.0), (-20.0, 20.0)), ((10.0, 10.0), (-5.0, 5.0)), ((0.0, 0.0), (-5.0, 5.0)),
        ((90.0, 90.5), (0.0, 0.5)), ((-20.0, 20.0), (-1.0, 1.0)), ((170.0, 190.0), (-90.0, 90.0)),
        ((33.3, 33.4), (89.0, 90.0)), ((0.0, 90.0), (0.0, 41.810314895778596)),
    ]
    cases = []
    for ra, dec in boxes:
        for order in (2, 4, 6, 8):
            c = box_case(ra, dec, order)
            if c:
                cases.append(c)
    n = 0
    while n < 60:
        ra0 = float(rng.uniform(0, 360))
        width = float(10 ** rng.uniform(-1.5, 2.3))
        ra1 = (ra0 + width) % 360
        d0 = float(rng.uniform(-90, 89))
        d1 = float(min(90.0, d0 + 10 ** rng.uniform(-1.5, 1.8)))
        size = max(min(width, 90.0), d1 - d0)
        order = int(np.clip(math.floor(math.log2(58.6 / size)) + rng.integers(1, 5), 0, 12))
        c = box_case((ra0, ra1), (d0, d1), order)
        if c:
            cases.append(c)
            n += 1
    return cases


# ---------------------------------------------------------------- polygons (lsdb PolygonSearch)

def polygon_case(vertices, order):
    from hats.pixel_math.region_to_moc import polygon_to_moc
    moc = polygon_to_moc(vertices, order)
    runs = runs_at_order(moc, order)
    if len(runs) > MAX_RUNS:
        return None
    return {"vertices": [list(v) for v in vertices], "order": order, "runs": runs}


def regular_polygon(lon, lat, radius, n, phase):
    """A convex polygon inscribed in a small circle (destination-point formula)."""
    lon0, lat0, d = math.radians(lon), math.radians(lat), math.radians(radius)
    vertices = []
    for k in range(n):
        bearing = phase + 2 * math.pi * k / n
        la = math.asin(math.sin(lat0) * math.cos(d) + math.cos(lat0) * math.sin(d) * math.cos(bearing))
        lo = lon0 + math.atan2(math.sin(bearing) * math.sin(d) * math.cos(lat0),
                               math.cos(d) - math.sin(lat0) * math.sin(la))
        vertices.append((math.degrees(lo) % 360.0, math.degrees(la)))
    return vertices


def polygon_cases(rng):
    polygons = [
        [(10.0, 10.0), (20.0, 10.0), (20.0, 20.0), (10.0, 20.0)],
        [(350.0, -5.0), (10.0, -5.0), (10.0, 5.0), (350.0, 5.0)],
        [(0.0, 80.0), (90.0, 80.0), (180.0, 80.0), (270.0, 80.0)],
        [(300.0, -40.0), (320.0, -45.0), (310.0, -30.0)],
        [(44.0, 41.0), (46.0, 41.0), (46.0, 42.5), (44.0, 42.5)],
        [(89.9, -0.1), (90.1, -0.1), (90.0, 0.1)],
        [(120.0, 0.0), (150.0, 30.0), (120.0, 60.0), (90.0, 30.0)],
    ]
    cases = []
    for vertices in polygons:
        for order in (3, 5, 7, 9):
            c = polygon_case(vertices, order)
            if c:
                cases.append(c)
    n = 0
    while n < 50:
        lon = float(rng.uniform(0, 360))
        lat = float(np.degrees(np.arcsin(rng.uniform(-0.98, 0.98))))
        radius = float(10 ** rng.uniform(-2, 1.3))
        sides = int(rng.integers(3, 9))
        vertices = regular_polygon(lon, lat, radius, sides, float(rng.uniform(0, 2 * math.pi)))
        order = int(np.clip(math.floor(math.log2(58.6 / radius)) + rng.integers(1, 5), 0, 14))
        try:
            c = polygon_case(vertices, order)
        except ValueError:
            continue
        if c:
            cases.append(c)
            n += 1
    return cases


# ---------------------------------------------------------------- MOC operations

def moc_ascii(moc: MOC) -> str:
    return moc.to_string(format="ascii")


def random_moc(rng, max_order):
    """A MOC of random cells at random orders up to `max_order`."""
    n = int(rng.integers(1, 12))
    orders = rng.integers(0, max_order + 1, n)
    cells = [int(rng.integers(0, 12 * 4 ** int(o))) for o in orders]
    return MOC.from_healpix_cells(np.array(cells, dtype=np.uint64), np.array(orders, dtype=np.uint8),
                                  max_depth=max_order)


def moc_op_cases(rng):
    cases = []
    for _ in range(40):
        kind = int(rng.integers(0, 2))
        order_a, order_b = int(rng.integers(1, 8)), int(rng.integers(1, 8))
        if kind == 0:
            a = random_moc(rng, order_a)
            b = random_moc(rng, order_b)
        else:
            lon, lat = float(rng.uniform(0, 360)), float(np.degrees(np.arcsin(rng.uniform(-1, 1))))
            a = MOC.from_cone(lon=Longitude(lon * u.deg), lat=Latitude(lat * u.deg),
                              radius=float(rng.uniform(1, 20)) * u.deg, max_depth=order_a)
            b = MOC.from_cone(lon=Longitude((lon + float(rng.uniform(-10, 10))) % 360 * u.deg),
                              lat=Latitude(float(np.clip(lat + rng.uniform(-10, 10), -90, 90)) * u.deg),
                              radius=float(rng.uniform(1, 20)) * u.deg, max_depth=order_b)
        degrade_to = int(rng.integers(0, max(1, a.max_order)))
        points = [(float(rng.uniform(0, 360)), float(np.degrees(np.arcsin(rng.uniform(-1, 1)))))
                  for _ in range(20)]
        inside = a.contains_lonlat(Longitude([p[0] for p in points] * u.deg),
                                   Latitude([p[1] for p in points] * u.deg))
        cases.append({
            "a": moc_ascii(a), "b": moc_ascii(b),
            "union": moc_ascii(a.union(b)), "intersection": moc_ascii(a.intersection(b)),
            "difference": moc_ascii(a.difference(b)), "complement": moc_ascii(a.complement()),
            "degrade_to": degrade_to, "degraded": moc_ascii(a.degrade_to_order(degrade_to)),
            "sky_fraction": float(a.sky_fraction),
            "neighbours": moc_ascii(MOC.from_str(moc_ascii(a)).add_neighbours()),
            "points": [list(p) for p in points], "inside": [bool(x) for x in inside],
        })
    return cases


def write(name, cases):
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    with open(path, "w") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
        f.write("\n]\n")
    print(f"{path.name}: {len(cases)} cases, {path.stat().st_size} bytes")


def main():
    rng = np.random.default_rng(20261124)
    write("cones.json", cone_cases(rng))
    write("boxes.json", box_cases(rng))
    write("polygons.json", polygon_cases(rng))
    write("moc_ops.json", moc_op_cases(rng))


if __name__ == "__main__":
    main()
