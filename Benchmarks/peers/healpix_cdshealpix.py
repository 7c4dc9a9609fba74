#!/usr/bin/env python3
"""Order-29 hashing throughput of cdshealpix's vectorised lonlat_to_healpix,
single-threaded (num_threads=1), on 10 million uniform points.

    /work/main/.venv/bin/python Benchmarks/peers/healpix_cdshealpix.py [count] [repeats]

Point generation and the Longitude/Latitude construction are not timed; the
timed call includes astropy's degree→radian conversion, as in hats. A second
line times the Rust extension alone (radians precomputed, outputs
preallocated; it always computes dx/dy too), for reference.
"""
import sys
import time

import numpy as np
import astropy.units as u
from astropy.coordinates import Latitude, Longitude
from cdshealpix import cdshealpix as _rust
from cdshealpix.nested import lonlat_to_healpix

count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
rng = np.random.default_rng(42)
lon = Longitude(rng.uniform(0, 360, count), unit="deg")
lat = Latitude(np.degrees(np.arcsin(rng.uniform(-1, 1, count))), unit="deg")

best = float("inf")
checksum = 0
for _ in range(repeats):
    start = time.perf_counter()
    h = lonlat_to_healpix(lon, lat, 29, num_threads=1)
    best = min(best, time.perf_counter() - start)
    checksum = int(h.sum(dtype=np.uint64))
rate = count / best
print(f"cdshealpix order-29 lonlat_to_healpix (num_threads=1): {count} points, "
      f"best of {repeats}: {best:.3f} s, {rate / 1e6:.2f} Mhash/s ({rate:.0f} hashes/s), checksum {checksum}")

lon_rad, lat_rad = np.ascontiguousarray(lon.rad), np.ascontiguousarray(lat.rad)
depth = np.full(count, 29, dtype=np.uint8)
ipix = np.empty(count, dtype=np.uint64)
dx, dy = np.empty(count), np.empty(count)
core = float("inf")
for _ in range(repeats):
    start = time.perf_counter()
    _rust.lonlat_to_healpix(depth, lon_rad, lat_rad, ipix, dx, dy, np.uint16(1))
    core = min(core, time.perf_counter() - start)
assert int(ipix.sum(dtype=np.uint64)) == checksum
print(f"  (Rust extension alone: {core:.3f} s, {count / core / 1e6:.2f} Mhash/s)")
