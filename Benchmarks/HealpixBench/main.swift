print("healpix-bench: not implemented yet")
