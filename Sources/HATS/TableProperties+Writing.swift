import Foundation

extension TableProperties {
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
