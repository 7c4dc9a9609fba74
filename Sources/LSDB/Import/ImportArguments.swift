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
    /// The ZSTD level of the data files. 3 (zstd's own default) by default, where hats-import
    /// writes 15: level 15 makes files about 4 % smaller and the import 3 to 4 times slower.
    public var compressionLevel: Int = 3
    /// The bytes of intermediate data (parsed CSV chunks, shards, `_healpix_29` arrays) kept in
    /// memory between the stages; beyond it they go to temporary files in the output's
    /// staging directory. The process's peak memory is above this by the working set
    /// (a chunk and a partition per thread, the order-10 histogram).
    public var memoryBudget: Int = ImportArguments.defaultMemoryBudget
    /// The default ``memoryBudget``: 1 GiB.
    public static let defaultMemoryBudget = 1 << 30
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
    /// How many intermediate files went to disk because the memory budget was full.
    public var spilledFiles: Int = 0
}
