import Foundation

/// The properties of one HATS table (`hats.properties`, or `properties` in
/// older catalogs), with typed values for the keys hats 0.11.1 knows.
///
/// Keys hats declares are held as typed values; every other key (provenance
/// such as `hats_builder`, `hats_order`, `obs_title`…) stays in ``extra``, in
/// file order, and is written back. Reading validates every typed value and
/// the keys each ``CatalogType`` requires, and throws a ``HATSError`` naming
/// the key and value otherwise.
///
///     let p = try TableProperties.read(catalogDirectory: "Samples/gaia")
///     p.catalogName   // "gaia"
///     p.totalRows     // 61690
public struct TableProperties: Hashable, Sendable {
    /// `obs_collection`: the catalog name (required).
    public var catalogName: String
    /// `dataproduct_type` (required).
    public var catalogType: CatalogType
    /// `hats_nrows`: the number of rows.
    public var totalRows: Int?
    /// `hats_col_ra`: the right ascension column (required for object and source tables).
    public var raColumn: String?
    /// `hats_col_dec`: the declination column (required for object and source tables).
    public var decColumn: String?
    /// `hats_cols_default`: the columns read when none are asked for (hats' `default_columns`).
    public var defaultColumns: [String]?
    /// `hats_col_healpix`: the spatial index column, normally `_healpix_29`.
    public var healpixColumn: String?
    /// `hats_col_healpix_order`: the order of that column, normally 29.
    public var healpixOrder: Int?
    /// `hats_primary_table_url`: the primary catalog of a margin, index or association (free text).
    public var primaryCatalog: String?
    /// `hats_margin_threshold`: a margin's width, in arcseconds (required for margins).
    public var marginThreshold: Double?
    /// `hats_col_assn_primary`: the primary-side join column of an association.
    public var primaryColumn: String?
    /// `hats_col_assn_primary_assn`: the association's column matching ``primaryColumn``.
    public var primaryColumnAssociation: String?
    /// `hats_assn_join_table_url`: the join-side catalog of an association.
    public var joinCatalog: String?
    /// `hats_col_assn_join`: the join-side column of an association.
    public var joinColumn: String?
    /// `hats_col_assn_join_assn`: the association's column matching ``joinColumn``.
    public var joinColumnAssociation: String?
    /// `hats_assn_max_separation`: an association's largest separation, in arcseconds.
    public var associationMaxSeparation: Double?
    /// `hats_assn_leaf_files`: whether an association has leaf files.
    public var containsLeafFiles: Bool?
    /// `hats_index_column`: the column an index catalog indexes.
    public var indexingColumn: String?
    /// `hats_index_extra_column`: payload columns of an index catalog.
    public var indexExtraColumns: [String]?
    /// `hats_npix_suffix`: the partition file suffix, `.parquet` by default; `/` for directories.
    public var npixSuffix: String
    /// `hats_skymap_order`: the order of `skymap.fits`.
    public var skymapOrder: Int?
    /// `hats_skymap_alt_orders`: orders of the extra `skymap.K.fits` files, sorted, distinct.
    public var skymapAltOrders: [Int]?
    /// `hats_max_rows`: the partitioning row threshold (or the largest partition's row count).
    public var maxRows: Int?
    /// `hats_max_bytes`: the partitioning byte threshold.
    public var maxBytes: Int?
    /// `hats_estsize`: the estimated size on disk, in KiB.
    public var estimatedSizeKiB: Int?
    /// `moc_sky_fraction`: the sky fraction covered by the partitions.
    public var mocSkyFraction: Double?
    /// Every other key, in file order (provenance, `hats_order`, survey-specific keys).
    public var extra: JavaProperties

    /// The file these properties were read from, if any (used in error messages).
    public var path: String?

    /// Creates properties with the two required values; the others are unset.
    public init(catalogName: String, catalogType: CatalogType) {
        self.catalogName = catalogName
        self.catalogType = catalogType
        self.npixSuffix = ".parquet"
        self.extra = JavaProperties()
    }

    /// Reads typed properties from parsed key/value pairs, validating them.
    ///
    /// - Throws: ``HATSError`` naming the key and value of a malformed entry, or
    ///   a required key that is missing.
    public init(_ properties: JavaProperties, path: String? = nil) throws(HATSError) {
        let r = PropertyReader(properties: properties, path: path)
        guard let name = properties[Key.catalogName] else {
            throw .missingProperty(path, key: Key.catalogName, reason: "every HATS table needs a name")
        }
        guard let typeText = r.string(Key.catalogType) else {
            throw .missingProperty(path, key: Key.catalogType, reason: "every HATS table needs a type")
        }
        guard let type = CatalogType(rawValue: typeText) else {
            throw .property(path, key: Key.catalogType, value: properties[Key.catalogType] ?? "",
                            expected: "one of " + CatalogType.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self.init(catalogName: name.trimmingBlanks(), catalogType: type)
        self.path = path
        totalRows = try r.int(Key.totalRows)
        raColumn = r.string(Key.raColumn)
        decColumn = r.string(Key.decColumn)
        defaultColumns = r.list(Key.defaultColumns)
        healpixColumn = r.string(Key.healpixColumn)
        healpixOrder = try r.int(Key.healpixOrder)
        primaryCatalog = r.string(Key.primaryCatalog)
        marginThreshold = try r.double(Key.marginThreshold)
        primaryColumn = r.string(Key.primaryColumn)
        primaryColumnAssociation = r.string(Key.primaryColumnAssociation)
        joinCatalog = r.string(Key.joinCatalog)
        joinColumn = r.string(Key.joinColumn)
        joinColumnAssociation = r.string(Key.joinColumnAssociation)
        associationMaxSeparation = try r.double(Key.associationMaxSeparation)
        containsLeafFiles = try r.bool(Key.containsLeafFiles)
        indexingColumn = r.string(Key.indexingColumn)
        indexExtraColumns = r.list(Key.indexExtraColumns)
        npixSuffix = properties[Key.npixSuffix].map { $0.trimmingBlanks() } ?? ".parquet"
        skymapOrder = try r.int(Key.skymapOrder)
        skymapAltOrders = try r.intList(Key.skymapAltOrders)
        maxRows = try r.int(Key.maxRows)
        maxBytes = try r.int(Key.maxBytes)
        estimatedSizeKiB = try r.int(Key.estimatedSize)
        mocSkyFraction = try r.double(Key.mocSkyFraction)
        for entry in properties.entries where !Key.declared.contains(entry.key) {
            extra[entry.key] = entry.value
        }
        _ = try r.int(Key.highestOrder)
        if let order = healpixOrder, !(0...29).contains(order) {
            throw .property(path, key: Key.healpixOrder, value: properties[Key.healpixOrder] ?? "",
                            expected: "a HEALPix order in 0...29")
        }
        try checkRequired()
    }

    /// Parses the text of a properties file.
    public init(parsing text: String, path: String? = nil) throws(HATSError) {
        try self.init(try JavaProperties(parsing: text, path: path), path: path)
    }

    /// Reads a properties file.
    public init(contentsOfFile path: String) throws(HATSError) {
        try self.init(parsing: try FileIO.readText(path), path: path)
    }

    /// Reads `hats.properties` in a catalog directory, or `properties` if it is absent.
    public static func read(catalogDirectory: String) throws(HATSError) -> TableProperties {
        for name in [HATSPaths.propertiesFile, HATSPaths.legacyPropertiesFile] {
            let file = HATSPaths.join(catalogDirectory, name)
            if FileIO.isFile(file) { return try TableProperties(contentsOfFile: file) }
        }
        throw .notFound(catalogDirectory, "no hats.properties or properties file in this directory")
    }

    /// `hats_order`: the deepest partition order (an "extra" key for hats).
    public var highestOrder: Int? {
        get { extra[Key.highestOrder].flatMap { Int($0.trimmingBlanks()) } }
        set { extra[Key.highestOrder] = newValue.map(String.init) }
    }

    /// `hats_builder`, e.g. `hats-import v0.11.1, hats v0.11.1`.
    public var builder: String? { extra[Key.builder] }
    /// `hats_creation_date`, e.g. `2026-01-01T00:00UTC`.
    public var creationDate: String? { extra[Key.creationDate] }
    /// `hats_release_date`: the HATS format release date hats writes (`2025-08-22`).
    public var releaseDate: String? { extra[Key.releaseDate] }
    /// `hats_version`: the HATS format version (`v1.0`).
    public var hatsVersion: String? { extra[Key.hatsVersion] }
    /// `obs_title`: a human-readable title.
    public var title: String? { extra[Key.title] }

    /// The value of any key as it would be written (typed keys formatted, extras verbatim).
    public subscript(key: String) -> String? { keyValues[key] }

    private func checkRequired() throws(HATSError) {
        let required: [(String, Bool)]
        switch catalogType {
        case .object, .source:
            required = [(Key.raColumn, raColumn != nil), (Key.decColumn, decColumn != nil)]
        case .margin:
            required = [(Key.primaryCatalog, primaryCatalog != nil), (Key.marginThreshold, marginThreshold != nil)]
        case .index:
            required = [(Key.primaryCatalog, primaryCatalog != nil), (Key.indexingColumn, indexingColumn != nil)]
        case .association:
            required = [
                (Key.primaryCatalog, primaryCatalog != nil), (Key.primaryColumn, primaryColumn != nil),
                (Key.joinCatalog, joinCatalog != nil), (Key.joinColumn, joinColumn != nil),
                (Key.containsLeafFiles, containsLeafFiles != nil),
            ]
        case .map, .extension:
            required = []
        }
        for (key, present) in required where !present {
            throw .missingProperty(path, key: key, reason: "required for \(catalogType) tables")
        }
    }
}
