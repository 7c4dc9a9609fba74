import HATS

/// What `lsdb import` (hats-import's `ImportArguments`) builds, and how.
///
/// The defaults are hats-import's: orders 0–10, at most 1,000,000 rows per partition,
/// empty siblings dropped, no margin.
public struct ImportArguments: Sendable {
    /// Input files, globs or directories of CSV and Parquet files.
    public var inputs: [String]
    /// The output directory: the catalog, or with a margin the collection.
    public var output: String
    /// The catalog name (`obs_collection`).
    public var name: String
    /// The right-ascension column (degrees).
    public var raColumn: String = "ra"
    /// The declination column (degrees).
    public var decColumn: String = "dec"
    /// The partitioning rules.
    public var partitioning: PartitioningOptions = .hatsImport
    /// The margin width in arcseconds; `nil` for no margin.
    public var marginThreshold: Double?
    /// Columns that order rows after `_healpix_29` within a partition (numeric columns).
    public var sortColumns: [String] = []
    /// CSV column types that override inference.
    public var columnTypes: [String: CSVColumnType] = [:]
    /// How many bytes of CSV one chunk holds (memory per worker is a few times this).
    public var chunkBytes: Int = 64 << 20
    /// The ZSTD level of the data files: hats-import's 15 by default; lower levels
    /// (3 is zstd's default) write several times faster and slightly larger files.
    public var compressionLevel: Int = 15
    /// Replace an existing output.
    public var overwrite: Bool = false
    /// How many files or partitions are processed at once.
    public var concurrency: Int = ExecutionOptions.defaultConcurrency
    /// Called as the stages progress (from any thread).
    public var progress: (@Sendable (ImportProgress) -> Void)?

    /// Creates arguments with hats-import's defaults.
    public init(inputs: [String], output: String, name: String) {
        self.inputs = inputs
        self.output = output
        self.name = name
    }
}

/// How far an import has got.
public struct ImportProgress: Sendable, Hashable {
    /// The stage: `mapping`, `splitting`, `reducing`, or `margin`.
    public var stage: String
    /// Units done in this stage (files, or partitions).
    public var done: Int
    /// Units in this stage.
    public var total: Int
    /// Rows handled so far in this stage.
    public var rows: Int
    /// Seconds since the import started.
    public var elapsedSeconds: Double
}

/// What an import wrote.
public struct ImportResult: Sendable {
    /// The main catalog's directory.
    public var catalogPath: String
    /// The main catalog's properties.
    public var properties: TableProperties
    /// The margin's properties, when one was built.
    public var marginProperties: TableProperties?
}
