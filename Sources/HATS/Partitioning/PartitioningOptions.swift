/// How rows are grouped into partitions: hats' `generate_alignment` parameters.
///
/// The defaults are hats-import's (orders 0–10, 1,000,000 rows per partition,
/// dropping empty siblings, lowering the highest order while everything fits).
public struct PartitioningOptions: Hashable, Sendable {
    /// The limit a partition must stay under.
    public enum Threshold: Hashable, Sendable {
        /// At most this many rows (hats-import's `pixel_threshold`, lsdb's `partition_rows`).
        case rows(Int)
        /// At most this many bytes in memory (hats-import's `byte_pixel_threshold`,
        /// lsdb's `partition_bytes`); row counts are still reported.
        case bytes(Int)

        /// The numeric limit.
        public var value: Int {
            switch self {
            case .rows(let n), .bytes(let n): return n
            }
        }
    }

    /// The coarsest order a partition may have.
    public var lowestOrder: Int
    /// The finest order a partition may have, and the order of the histogram.
    public var highestOrder: Int
    /// The partition size limit.
    public var threshold: Threshold
    /// hats' `drop_empty_siblings`: collapse a pixel only when at least two of its
    /// children hold rows, so isolated clumps keep small pixels.
    public var dropEmptySiblings: Bool
    /// hats' `use_lower_order`: lower the highest order while every pixel at it fits.
    public var useLowerOrder: Bool

    /// Creates partitioning options.
    public init(lowestOrder: Int = 0, highestOrder: Int = 10, threshold: Threshold = .rows(1_000_000),
                dropEmptySiblings: Bool = true, useLowerOrder: Bool = true) {
        self.lowestOrder = lowestOrder
        self.highestOrder = highestOrder
        self.threshold = threshold
        self.dropEmptySiblings = dropEmptySiblings
        self.useLowerOrder = useLowerOrder
    }

    /// Every non-empty pixel at `order` is a partition (hats-import's `constant_healpix_order`).
    public static func constantOrder(_ order: Int) -> PartitioningOptions {
        PartitioningOptions(lowestOrder: order, highestOrder: order, threshold: .rows(Int.max))
    }

    /// hats-import's defaults: orders 0–10, 1,000,000 rows.
    public static let hatsImport = PartitioningOptions()

    /// lsdb `from_dataframe`'s defaults: orders 0–7, 1 GiB in memory per partition.
    public static let fromDataFrame = PartitioningOptions(highestOrder: 7, threshold: .bytes(1 << 30))

    /// Whether this is constant-order mode (the lowest and highest orders are equal).
    public var isConstantOrder: Bool { lowestOrder == highestOrder }
}
