extension TableProperties {
    /// The property keys, as written on disk.
    public enum Key {
        /// The catalog name.
        public static let catalogName = "obs_collection"
        /// The table type (``CatalogType``).
        public static let catalogType = "dataproduct_type"
        /// The number of rows.
        public static let totalRows = "hats_nrows"
        /// The right ascension column.
        public static let raColumn = "hats_col_ra"
        /// The declination column.
        public static let decColumn = "hats_col_dec"
        /// The default columns, blank-separated.
        public static let defaultColumns = "hats_cols_default"
        /// The spatial index column.
        public static let healpixColumn = "hats_col_healpix"
        /// The order of the spatial index column.
        public static let healpixOrder = "hats_col_healpix_order"
        /// The primary catalog of a margin, index or association.
        public static let primaryCatalog = "hats_primary_table_url"
        /// A margin's width in arcseconds.
        public static let marginThreshold = "hats_margin_threshold"
        /// An association's primary-side join column.
        public static let primaryColumn = "hats_col_assn_primary"
        /// An association's column matching the primary side.
        public static let primaryColumnAssociation = "hats_col_assn_primary_assn"
        /// An association's join-side catalog.
        public static let joinCatalog = "hats_assn_join_table_url"
        /// An association's join-side column.
        public static let joinColumn = "hats_col_assn_join"
        /// An association's column matching the join side.
        public static let joinColumnAssociation = "hats_col_assn_join_assn"
        /// An association's largest separation, in arcseconds.
        public static let associationMaxSeparation = "hats_assn_max_separation"
        /// Whether an association has leaf files.
        public static let containsLeafFiles = "hats_assn_leaf_files"
        /// The column an index catalog indexes.
        public static let indexingColumn = "hats_index_column"
        /// An index catalog's payload columns.
        public static let indexExtraColumns = "hats_index_extra_column"
        /// The partition file suffix (`/` for directories).
        public static let npixSuffix = "hats_npix_suffix"
        /// The order of `skymap.fits`.
        public static let skymapOrder = "hats_skymap_order"
        /// The orders of the `skymap.K.fits` files.
        public static let skymapAltOrders = "hats_skymap_alt_orders"
        /// The partitioning row threshold.
        public static let maxRows = "hats_max_rows"
        /// The partitioning byte threshold.
        public static let maxBytes = "hats_max_bytes"
        /// The estimated size on disk, in KiB.
        public static let estimatedSize = "hats_estsize"
        /// The sky fraction covered by the partitions.
        public static let mocSkyFraction = "moc_sky_fraction"
        /// The deepest partition order (an extra key for hats).
        public static let highestOrder = "hats_order"
        /// The software that wrote the catalog.
        public static let builder = "hats_builder"
        /// When the catalog was written (UTC).
        public static let creationDate = "hats_creation_date"
        /// The HATS format release date.
        public static let releaseDate = "hats_release_date"
        /// The HATS format version.
        public static let hatsVersion = "hats_version"
        /// A human-readable title.
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
}
