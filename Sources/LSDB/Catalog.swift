import Columnar
import Synchronization
import HATS
import HEALPix

/// A lazy, partitioned view of a HATS catalog (LSDB's `Catalog`).
///
/// A catalog names its partitions, its columns and the operations still to
/// run; nothing is read until it is computed (``compute(options:)``),
/// streamed (``partitionStream(options:)``), or written. Every operation
/// returns a new catalog and applies to the margin as well.
///
///     let gaia = try Catalog.open("Samples/gaia")
///     let field = try gaia.search(ConeSearch(ra: 95, dec: -25, radiusArcsec: 2520))
///     let stars = try await field.query("parallax > 0").compute()
public struct Catalog: Sendable {
    /// The catalog name (`obs_collection`).
    public var name: String
    /// The catalog type.
    public var catalogType: CatalogType
    /// The right-ascension column.
    public var raColumn: String
    /// The declination column.
    public var decColumn: String
    /// The spatial index column (`_healpix_29`), if the data has one.
    public var healpixColumn: String?
    /// The HEALPix order of the index column (29 for `_healpix_29`).
    public var healpixOrder: Int
    /// The columns a computed partition has, in order.
    public internal(set) var schema: Schema
    /// The partitions still selected, breadth-first.
    public internal(set) var partitions: [HealpixPixel]
    /// The number of rows, when known without reading (unknown after a search or a query).
    public internal(set) var totalRows: Int?
    /// Where the coverage comes from: read from the point map only when needed.
    var coverageSource: CoverageSource
    /// The catalog's on-disk metadata, when it was opened from disk.
    public let metadata: CatalogMetadata?
    /// The margin threshold in arcseconds, for a margin catalog (read from disk, or set
    /// when the margin was built in memory).
    public var marginThreshold: Double? { metadata?.properties.marginThreshold ?? builtMarginThreshold }
    /// The threshold of a margin built in memory (`Catalog(table, …)`), which has no metadata.
    var builtMarginThreshold: Double?

    /// Warnings about the result, for the caller to show (LSDB issues them as Python
    /// warnings), such as a crossmatch whose right side has no margin.
    public internal(set) var warnings: [String] = []

    /// How many columns the catalog has on disk (for the description), when opened from disk.
    var availableColumnCount: Int?

    var plan: Plan
    var marginBox: Box?

    /// The margin catalog that travels with this one, with the same operations applied.
    public var margin: Catalog? { marginBox?.value }

    /// The column names, in order.
    public var columnNames: [String] { schema.names }

    /// The deepest partition order.
    public var highestOrder: Int { partitions.map(\.order).max() ?? 0 }

    /// The order searches build their region at: the deeper of the MOC's order and the
    /// deepest partition order (hats' `get_max_coverage_order`).
    var maxCoverageOrder: Int { max(coverageSource.order ?? 0, highestOrder) }

    /// Whether nothing has narrowed the catalog since it was opened: a search then
    /// re-opens it with the search pushed into the read, as LSDB does.
    var isFresh: Bool { plan.steps.isEmpty && plan.pushdown == nil && totalRows != nil && metadata != nil }

    /// Holds the margin, so that the struct can contain another instance of itself.
    final class Box: Sendable {
        let value: Catalog
        init(_ value: Catalog) { self.value = value }
    }

    /// Creates a catalog over a partition source.
    init(name: String, catalogType: CatalogType, raColumn: String, decColumn: String,
         healpixColumn: String?, healpixOrder: Int, schema: Schema, partitions: [HealpixPixel],
         totalRows: Int?, coverage: CoverageSource, metadata: CatalogMetadata?, plan: Plan, margin: Catalog?) {
        self.name = name
        self.catalogType = catalogType
        self.raColumn = raColumn
        self.decColumn = decColumn
        self.healpixColumn = healpixColumn
        self.healpixOrder = healpixOrder
        self.schema = schema
        self.partitions = partitions
        self.totalRows = totalRows
        self.coverageSource = coverage
        self.metadata = metadata
        self.plan = plan
        self.marginBox = margin.map(Box.init)
    }

    /// A copy with the margin replaced.
    func withMargin(_ margin: Catalog?) -> Catalog {
        var copy = self
        copy.marginBox = margin.map(Box.init)
        return copy
    }
}

/// What computing one partition does: read from the source, then run the steps in order.
struct Plan: Sendable {
    /// Where partitions come from.
    var source: any PartitionSource
    /// The columns read from the source.
    var readColumns: [String]
    /// Index ranges pushed into the read (see ``PartitionSource/read(_:columns:pushdown:exact:concurrency:)``).
    var pushdown: [Range<Int64>]?
    /// Whether the pushdown filters rows exactly (LSDB's pyarrow `filters=`).
    var exactPushdown: Bool = false
    /// The operations applied to every partition, in order.
    var steps: [PlanStep] = []
}

/// One operation of a plan, run on each partition.
enum PlanStep: Sendable {
    /// Keep the rows inside a search region.
    case search(any Search, ra: String, dec: String)
    /// Keep the rows where a predicate is true.
    case rows(@Sendable (Table) throws -> Bitmap)
    /// Keep these columns, in this order.
    case select([String])
    /// Replace the partition by a function of it.
    case map(@Sendable (Table, HealpixPixel) throws -> Table)
}

/// A catalog's coverage, known or still in its point map.
enum CoverageSource: Sendable {
    /// No coverage is known (no point map): partitions stand for it.
    case none
    /// A MOC in memory.
    case known(MOC)
    /// The non-zero pixels of a point map of this order, within a region when one is given;
    /// read from the file only when asked for.
    case pointMap(path: String, order: Int, region: MOC?)
    /// A MOC computed on first use (a crossmatch's coverage), of a known order.
    case lazy(LazyMOC, order: Int)

    /// The MOC's order, without reading the map.
    var order: Int? {
        switch self {
        case .none: return nil
        case .known(let moc): return moc.maxOrder
        case .pointMap(_, let order, let region): return max(order, region?.maxOrder ?? 0)
        case .lazy(_, let order): return order
        }
    }

    /// The coverage narrowed to a region.
    func intersection(_ region: MOC) -> CoverageSource {
        switch self {
        case .none: return .none
        case .known(let moc): return .known(moc.intersection(region))
        case .pointMap(let path, let order, let previous):
            return .pointMap(path: path, order: order, region: previous.map { $0.intersection(region) } ?? region)
        case .lazy(let moc, let order):
            return .lazy(LazyMOC { try moc.value().intersection(region) }, order: max(order, region.maxOrder))
        }
    }

    /// The MOC, reading the point map if needed.
    func load() throws -> MOC? {
        switch self {
        case .none: return nil
        case .known(let moc): return moc
        case .pointMap(let path, _, let region): return try PointMap.coverage(ofFile: path, within: region)
        case .lazy(let moc, _): return try moc.value()
        }
    }
}

/// A MOC computed once, when first asked for, by any thread.
final class LazyMOC: Sendable {
    private let compute: @Sendable () throws -> MOC
    private let cache = Mutex<MOC?>(nil)

    init(_ compute: @escaping @Sendable () throws -> MOC) { self.compute = compute }

    func value() throws -> MOC {
        if let moc = cache.withLock({ $0 }) { return moc }
        let moc = try compute()
        cache.withLock { $0 = moc }
        return moc
    }
}
