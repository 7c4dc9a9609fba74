print("parquet-bench: not implemented yet")
