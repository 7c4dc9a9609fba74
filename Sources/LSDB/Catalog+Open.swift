import Foundation
import Columnar
import HATS
import HEALPix

extension Catalog {
    /// Which columns to load (LSDB's `columns=`).
    public enum Columns: Sendable, Hashable, ExpressibleByArrayLiteral {
        /// The catalog's default columns (`hats_cols_default`), or all when it has none.
        case `default`
        /// Every column.
        case all
        /// These columns, in order; an element `"..."` stands for the default columns.
        case names([String])

        /// A list of names.
        public init(arrayLiteral elements: String...) { self = .names(elements) }
    }

    /// Opens a HATS catalog lazily (LSDB's `open_catalog`): a catalog directory, a
    /// collection (with its default margin, or the one chosen), or a `.properties` file.
    ///
    /// Only metadata is read: the properties, `partition_info.csv` (or a listing of
    /// `dataset/`), the schema from `_common_metadata` (or `_metadata`), and the MOC of
    /// `point_map.fits`. The RA, Dec and spatial index columns are always loaded.
    ///
    /// - Parameters:
    ///   - path: the catalog, collection or properties file.
    ///   - columns: the columns to load.
    ///   - margin: the margin to open with it.
    ///   - search: a search applied while opening, pushed into the reads; the same as
    ///     calling ``search(_:)`` afterwards, except that a search keeping no partition
    ///     throws ``LSDBError/noCoverage(_:)`` here, as LSDB's `search_filter=` does.
    /// - Throws: ``HATSError`` for a missing or malformed catalog, ``LSDBError`` for a bad
    ///   column or search.
    public static func open(_ path: String, columns: Columns = .default,
                            margin: CatalogMetadata.MarginSelection = .default,
                            search: (any Search)? = nil) throws -> Catalog {
        let metadata = try CatalogMetadata(path: path, margin: margin, readMOC: false)
        var catalog = try Catalog(metadata: metadata, columns: columns)
        if let marginMetadata = metadata.margin {
            catalog = catalog.withMargin(try Catalog(metadata: marginMetadata, columns: columns))
        }
        if let search {
            catalog = try catalog.search(search)
            if catalog.partitions.isEmpty {
                throw LSDBError.noCoverage("\(search) meets none of the \(metadata.partitions.count) partitions of \(metadata.name)")
            }
        }
        return catalog
    }

    /// A catalog over one HATS catalog's metadata (no margin).
    init(metadata: CatalogMetadata, columns: Columns) throws {
        let properties = metadata.properties
        guard properties.catalogType.hasPositions || properties.catalogType == .map else {
            throw LSDBError.invalidArgument(
                "\(metadata.path): catalogs of type \(properties.catalogType) cannot be opened as a sky catalog")
        }
        let fileSchema = try metadata.loadSchema()
        let ra = properties.raColumn ?? "ra"
        let dec = properties.decColumn ?? "dec"
        let healpix = properties.healpixColumn ?? LSDB.healpixColumn
        let healpixColumn = fileSchema[healpix] != nil ? healpix : nil
        let selected = try Self.resolve(columns, defaults: properties.defaultColumns, schema: fileSchema)
        var read = healpixColumn.map { [$0] } ?? []
        for name in selected + [ra, dec] where !read.contains(name) && fileSchema[name] != nil {
            read.append(name)
        }
        let schema = Schema(read.compactMap { fileSchema[$0] }, metadata: fileSchema.metadata)
        let source = HATSPartitionSource(metadata: metadata, schema: fileSchema, healpixColumn: healpixColumn)
        self.init(
            name: metadata.name, catalogType: properties.catalogType, raColumn: ra, decColumn: dec,
            healpixColumn: healpixColumn, healpixOrder: properties.healpixOrder ?? 29,
            schema: schema, partitions: metadata.partitions.pixels, totalRows: properties.totalRows,
            coverage: try Self.pointMapCoverage(metadata), metadata: metadata,
            plan: Plan(source: source, readColumns: read), margin: nil)
        availableColumnCount = fileSchema.count
    }

    /// The point map's coverage, to be read when needed (hats reads `point_map.fits`
    /// for main catalogs only; margins have none), or the skymap's when there is no point map.
    static func pointMapCoverage(_ metadata: CatalogMetadata) throws -> CoverageSource {
        guard metadata.catalogType != .margin else { return .none }
        if let moc = metadata.pointMapMOC { return .known(moc) }
        // hats reads point_map.fits; skymap.fits holds the same counts, so it stands in when the
        // point map is missing (search results are the same either way).
        for name in [HATSPaths.pointMapFile, HATSPaths.skymapFile] {
            let file = metadata.path + "/" + name
            guard FileManager.default.fileExists(atPath: file) else { continue }
            return .pointMap(path: file, order: try PointMap.order(ofFile: file), region: nil)
        }
        return .none
    }

    /// The column names a ``Columns`` value stands for, checked against the schema.
    static func resolve(_ columns: Columns, defaults: [String]?, schema: Schema) throws -> [String] {
        let names: [String]
        switch columns {
        case .all:
            return schema.names
        case .default:
            names = defaults ?? schema.names
        case .names(let list):
            var expanded: [String] = []
            for name in list {
                if name == "..." {
                    guard let defaults else {
                        throw LSDBError.invalidArgument("'...' stands for the default columns, but the catalog has none")
                    }
                    expanded += defaults
                } else {
                    expanded.append(name)
                }
            }
            names = expanded
        }
        for name in names where schema[name] == nil {
            throw LSDBError.unknownColumn(name, available: schema.names)
        }
        return names
    }
}
