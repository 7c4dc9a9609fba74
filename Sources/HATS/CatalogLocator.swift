/// Decides what a path names: a catalog, a collection, or something that is
/// not HATS (with a specific answer for legacy hipscat catalogs).
enum CatalogLocator {
    enum Location {
        case catalog(directory: String, properties: TableProperties)
        case collection(directory: String, properties: CollectionProperties)
    }

    /// Classifies an existing path, as hats' `read_hats` does.
    ///
    /// A `.properties` file with a `dataproduct_type` is a table; without one it
    /// is read as a collection (hats tries the collection reading first, which
    /// would also accept a margin's properties). A directory is a catalog if it
    /// has `hats.properties` or `properties`, else a collection if it has
    /// `collection.properties`.
    static func locate(_ path: String) throws(HATSError) -> Location {
        if FileIO.isFile(path) {
            guard path.hasSuffix(".properties") else {
                throw HATSError(.notACatalog, path: path,
                                "not a HATS catalog: expected a catalog or collection directory, or a .properties file")
            }
            let parsed = try JavaProperties(parsing: try FileIO.readText(path), path: path)
            let directory = parentDirectory(of: path)
            if parsed["dataproduct_type"] != nil {
                return .catalog(directory: directory, properties: try TableProperties(parsed, path: path))
            }
            return .collection(directory: directory, properties: try CollectionProperties(parsed, path: path))
        }
        for name in [HATSPaths.propertiesFile, HATSPaths.legacyPropertiesFile]
        where FileIO.isFile(HATSPaths.join(path, name)) {
            return .catalog(directory: path, properties: try TableProperties.read(catalogDirectory: path))
        }
        if FileIO.isFile(HATSPaths.join(path, HATSPaths.collectionPropertiesFile)) {
            return .collection(directory: path, properties: try CollectionProperties.read(collectionDirectory: path))
        }
        if let evidence = hipscatEvidence(path) {
            throw HATSError(.legacyHipscat, path: path,
                            "a legacy hipscat catalog (\(evidence)), not HATS; convert it with hats-import's hipscat conversion (hats_import.hipscat_conversion) first")
        }
        throw HATSError(.notACatalog, path: path,
                        "not a HATS catalog: no hats.properties, properties or collection.properties in this directory")
    }

    /// What marks a directory as a hipscat catalog, if anything.
    static func hipscatEvidence(_ directory: String) -> String? {
        if FileIO.isFile(HATSPaths.join(directory, "catalog_info.json")) { return "it has catalog_info.json" }
        let names = FileIO.contents(of: directory)
        if names.contains(where: { $0.hasPrefix("Norder=") }), !names.contains(HATSPaths.datasetDirectory) {
            return "Norder=K directories at its root, no dataset/"
        }
        return nil
    }

    /// The directory part of a file path (`.` for a bare name).
    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
