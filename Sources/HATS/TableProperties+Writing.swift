import Foundation

extension TableProperties {
    /// The property keys, as written on disk.
    public enum Key {
        public static let catalogName = "obs_collection"
        public static let catalogType = "dataproduct_type"
        public static let totalRows = "hats_nrows"
        public static let raColumn = "hats_col_ra"
        public static let decColumn = "hats_col_dec"
        public static let defaultColumns = "hats_cols_default"
        public static let healpixColumn = "hats_col_healpix"
        public static let healpixOrder = "hats_col_healpix_order"
        public static let primaryCatalog = "hats_primary_table_url"
        public static let marginThreshold = "hats_margin_threshold"
        public static let primaryColumn = "hats_col_assn_primary"
        public static let primaryColumnAssociation = "hats_col_assn_primary_assn"
        public static let joinCatalog = "hats_assn_join_table_url"
        public static let joinColumn = "hats_col_assn_join"
        public static let joinColumnAssociation = "hats_col_assn_join_assn"
        public static let associationMaxSeparation = "hats_assn_max_separation"
        public static let containsLeafFiles = "hats_assn_leaf_files"
        public static let indexingColumn = "hats_index_column"
        public static let indexExtraColumns = "hats_index_extra_column"
        public static let npixSuffix = "hats_npix_suffix"
        public static let skymapOrder = "hats_skymap_order"
        public static let skymapAltOrders = "hats_skymap_alt_orders"
        public static let maxRows = "hats_max_rows"
        public static let maxBytes = "hats_max_bytes"
        public static let estimatedSize = "hats_estsize"
        public static let mocSkyFraction = "moc_sky_fraction"
        public static let highestOrder = "hats_order"
        public static let builder = "hats_builder"
        public static let creationDate = "hats_creation_date"
        public static let releaseDate = "hats_release_date"
        public static let hatsVersion = "hats_version"
        public static let title = "obs_title"

        /// The keys hats declares, in the order hats writes them (extras follow).
        public static let declared: [String] = [
            catalogName, catalogType, totalRows, raColumn, decColumn, defaultColumns, healpixColumn,
            healpixOrder, primaryCatalog, marginThreshold, primaryColumn, primaryColumnAssociation,
            joinCatalog, joinColumn, joinColumnAssociation, associationMaxSeparation, containsLeafFiles,
            indexingColumn, indexExtraColumns, npixSuffix, skymapOrder, skymapAltOrders, maxRows, maxBytes,
            estimatedSize, mocSkyFraction,
        ]
    }

    /// Every key and formatted value, in hats' order: declared keys, then ``extra``.
    public var keyValues: JavaProperties {
        let declared: [(String, String?)] = [
            (Key.catalogName, catalogName), (Key.catalogType, catalogType.rawValue),
            (Key.totalRows, totalRows.map(String.init)), (Key.raColumn, raColumn), (Key.decColumn, decColumn),
            (Key.defaultColumns, defaultColumns.flatMap(PropertyFormat.list)),
            (Key.healpixColumn, healpixColumn), (Key.healpixOrder, healpixOrder.map(String.init)),
            (Key.primaryCatalog, primaryCatalog), (Key.marginThreshold, marginThreshold.map(PropertyFormat.double)),
            (Key.primaryColumn, primaryColumn), (Key.primaryColumnAssociation, primaryColumnAssociation),
            (Key.joinCatalog, joinCatalog), (Key.joinColumn, joinColumn),
            (Key.joinColumnAssociation, joinColumnAssociation),
            (Key.associationMaxSeparation, associationMaxSeparation.map(PropertyFormat.double)),
            (Key.containsLeafFiles, containsLeafFiles.map(PropertyFormat.bool)),
            (Key.indexingColumn, indexingColumn), (Key.indexExtraColumns, indexExtraColumns.flatMap(PropertyFormat.list)),
            (Key.npixSuffix, npixSuffix), (Key.skymapOrder, skymapOrder.map(String.init)),
            (Key.skymapAltOrders, skymapAltOrders.flatMap(PropertyFormat.list)),
            (Key.maxRows, maxRows.map(String.init)), (Key.maxBytes, maxBytes.map(String.init)),
            (Key.estimatedSize, estimatedSizeKiB.map(String.init)),
            (Key.mocSkyFraction, mocSkyFraction.map(PropertyFormat.double)),
        ]
        var out = JavaProperties(declared.compactMap { key, value in value.map { (key, $0) } })
        for entry in extra.entries { out[entry.key] = entry.value }
        return out
    }

    /// The file text hats would write: `#HATS catalog`, then the keys in hats' order.
    public func serialized() -> String {
        keyValues.serialized(comment: "HATS catalog")
    }

    /// Writes `hats.properties` and its copy `properties` into a catalog directory, as hats does.
    public func write(toCatalogDirectory directory: String) throws(HATSError) {
        let text = serialized()
        for name in [HATSPaths.propertiesFile, HATSPaths.legacyPropertiesFile] {
            try FileIO.writeText(text, to: HATSPaths.join(directory, name))
        }
    }
}
