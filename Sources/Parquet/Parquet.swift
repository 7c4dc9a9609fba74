/// A pure-Swift Parquet reader and writer producing and consuming `Columnar` columns.
public enum ParquetFormat {}
