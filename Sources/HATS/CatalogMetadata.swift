import HEALPix

/// Everything hats reads when it opens a catalog, except the data and the
/// schema: the properties, the partitions and the coverage, plus the margin
/// and the collection it came from.
///
/// Open a catalog directory, a `.properties` file, or a collection directory
/// (whose primary catalog is opened, with its default margin or a named one):
///
///     let gaia = try CatalogMetadata(path: "Samples/gaia")
///     gaia.partitions.count      // 39
///     let ztf = try CatalogMetadata(path: "Samples/ztf")
///     ztf.margin?.properties.marginThreshold   // 10.0
///
/// The point map is read at open time only for its MOC (as hats does, from
/// `point_map.fits`); its counts are read on demand with ``loadPointMap()``.
public struct CatalogMetadata: Sendable {
    /// Which margin to open with a catalog.
    public enum MarginSelection: Hashable, Sendable {
        /// No margin.
        case none
        /// The collection's `default_margin`, if opened from a collection (none otherwise).
        case `default`
        /// The collection margin of that name (one of `all_margins`).
        case named(String)
        /// The margin catalog at a path.
        case path(String)
    }

    /// The catalog directory.
    public let path: String
    /// The catalog's properties.
    public let properties: TableProperties
    /// The partitions (empty for index catalogs, which are not HEALPix-partitioned).
    public let partitions: PixelTree
    /// The coverage from `point_map.fits` (non-empty pixels at the map's order),
    /// or `nil` when there is none or it was not read.
    public let pointMapMOC: MOC?
    /// The collection the catalog was opened through, if any.
    public let collection: CollectionProperties?
    /// The collection directory, when opened through a collection.
    public let collectionPath: String?
    private let marginBox: Box?

    /// The margin catalog opened with this one, if any.
    public var margin: CatalogMetadata? { marginBox?.value }

    /// The coverage used for spatial work: the point map's MOC, or else the partitions'.
    public var coverage: MOC { pointMapMOC ?? partitions.moc }

    /// The catalog name (`obs_collection`).
    public var name: String { properties.catalogName }

    /// The catalog type (`dataproduct_type`).
    public var catalogType: CatalogType { properties.catalogType }

    /// The index catalogs of the collection, as field → resolved directory.
    public var indexPaths: [String: String] {
        guard let collection, let collectionPath else { return [:] }
        var out: [String: String] = [:]
        for entry in collection.allIndexes ?? [] {
            out[entry.name] = CollectionProperties.resolve(entry.path, collectionDirectory: collectionPath)
        }
        return out
    }

    /// The data path of a partition (`dataset/Norder=K/Dir=D/Npix=N<suffix>`).
    public func pixelPath(_ pixel: HealpixPixel) -> String {
        HATSPaths.pixelFile(catalogRoot: path, pixel: pixel, suffix: properties.npixSuffix)
    }

    /// The parquet files of a partition (one, or several for the `Npix=N/` directory layout).
    public func dataFiles(_ pixel: HealpixPixel) throws(HATSError) -> [String] {
        try HATSPaths.dataFiles(catalogRoot: path, pixel: pixel, suffix: properties.npixSuffix)
    }

    /// Reads the full point map (`point_map.fits`, else `skymap.fits`), or `nil` if there is neither.
    public func loadPointMap() throws(HATSError) -> PointMap? {
        for name in [HATSPaths.pointMapFile, HATSPaths.skymapFile] {
            let file = HATSPaths.join(path, name)
            if FileIO.isFile(file) { return try PointMap(contentsOfFile: file) }
        }
        return nil
    }

    /// Opens a catalog's metadata.
    ///
    /// - Parameters:
    ///   - path: a catalog directory, a collection directory, or a `.properties` file.
    ///   - margin: the margin to open with it (for a collection, the default margin by default).
    ///   - readMOC: whether to read `point_map.fits` for ``pointMapMOC``.
    /// - Throws: ``HATSError``: a missing path, a directory that is not HATS
    ///   (with a specific message for legacy hipscat catalogs), or any malformed file.
    public init(path: String, margin: MarginSelection = .default, readMOC: Bool = true) throws(HATSError) {
        guard FileIO.exists(path) else { throw .notFound(path) }
        switch try CatalogLocator.locate(path) {
        case .catalog(let directory, let properties):
            let marginPath: String?
            switch margin {
            case .none, .default: marginPath = nil
            case .path(let p): marginPath = p
            case .named(let n):
                throw HATSError(.notFound, path: path, "a margin named '\(n)' can only be chosen when opening a collection")
            }
            try self.init(directory: directory, properties: properties, readMOC: readMOC,
                          marginPath: marginPath, collection: nil, collectionPath: nil)
        case .collection(let directory, let collection):
            let marginPath: String?
            switch margin {
            case .none: marginPath = nil
            case .default: marginPath = try collection.marginPath(collectionDirectory: directory)
            case .named(let n): marginPath = try collection.marginPath(named: n, collectionDirectory: directory)
            case .path(let p): marginPath = p
            }
            let primary = collection.primaryCatalogPath(collectionDirectory: directory)
            guard FileIO.isDirectory(primary) else {
                throw HATSError(.notFound, path: collection.path ?? directory,
                                "hats_primary_table_url=\(collection.primaryCatalog): no catalog directory at \(primary)")
            }
            try self.init(directory: primary, properties: try TableProperties.read(catalogDirectory: primary),
                          readMOC: readMOC, marginPath: marginPath, collection: collection, collectionPath: directory)
        }
    }

    private init(
        directory: String, properties: TableProperties, readMOC: Bool,
        marginPath: String?, collection: CollectionProperties?, collectionPath: String?
    ) throws(HATSError) {
        self.path = directory
        self.properties = properties
        self.collection = collection
        self.collectionPath = collectionPath
        switch properties.catalogType {
        case .index:
            partitions = PixelTree(pixels: [])
        case .extension:
            throw HATSError(.unsupported, path: properties.path ?? directory,
                            "dataproduct_type=extension: collection extensions are not supported")
        default:
            partitions = PixelTree(try PartitionInfo.read(catalogDirectory: directory))
        }
        let pointMapFile = HATSPaths.join(directory, HATSPaths.pointMapFile)
        pointMapMOC = readMOC && FileIO.isFile(pointMapFile) ? try PointMap(contentsOfFile: pointMapFile).moc() : nil
        if let marginPath {
            guard FileIO.exists(marginPath) else { throw .notFound(marginPath, "no such margin catalog") }
            let margin = try CatalogMetadata(path: marginPath, margin: .none, readMOC: false)
            guard margin.catalogType == .margin else {
                throw HATSError(.notACatalog, path: marginPath,
                                "dataproduct_type=\(margin.catalogType): expected a margin catalog")
            }
            marginBox = Box(margin)
        } else {
            marginBox = nil
        }
    }

    /// Holds the margin, so that the struct can contain another instance of itself.
    private final class Box: Sendable {
        let value: CatalogMetadata
        init(_ value: CatalogMetadata) { self.value = value }
    }
}
