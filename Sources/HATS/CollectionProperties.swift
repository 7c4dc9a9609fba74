/// The properties of a HATS collection (`collection.properties`): a primary
/// catalog with its margins, indexes and extensions, in subdirectories.
///
///     let c = try CollectionProperties.read(collectionDirectory: "Samples/ztf")
///     c.primaryCatalog                                        // "ztf"
///     try c.marginPath(collectionDirectory: "Samples/ztf")    // "Samples/ztf/ztf_10arcs"
public struct CollectionProperties: Hashable, Sendable {
    /// A name and the path it stands for (an index field and its catalog, an extension alias and its file).
    public struct NamedPath: Hashable, Sendable {
        /// The field name or alias.
        public var name: String
        /// The path, relative to the collection directory unless absolute or a URL.
        public var path: String

        /// Creates a pair.
        public init(name: String, path: String) {
            self.name = name
            self.path = path
        }
    }

    /// `obs_collection`: the collection name (required).
    public var name: String
    /// `hats_primary_table_url`: the primary catalog's path (required).
    public var primaryCatalog: String
    /// `all_margins`: the margin catalogs' paths.
    public var allMargins: [String]?
    /// `default_margin`: the margin opened by default; one of ``allMargins``.
    public var defaultMargin: String?
    /// `all_indexes`: index catalogs, as `field path` pairs.
    public var allIndexes: [NamedPath]?
    /// `default_index`: the field whose index is used by default; one of ``allIndexes``' names.
    public var defaultIndex: String?
    /// `all_extensions`: extensions, as `alias path.properties` pairs.
    public var allExtensions: [NamedPath]?
    /// Every other key, in file order (provenance).
    public var extra: JavaProperties
    /// The file these properties were read from, if any.
    public var path: String?

    /// The keys hats declares, in the order it writes them.
    public static let declaredKeys = [
        "obs_collection", "hats_primary_table_url", "all_margins", "default_margin",
        "all_indexes", "default_index", "all_extensions",
    ]

    /// Creates collection properties with only the required values.
    public init(name: String, primaryCatalog: String) {
        self.name = name
        self.primaryCatalog = primaryCatalog
        self.extra = JavaProperties()
    }

    /// Reads and validates parsed properties, as hats' `CollectionProperties` does.
    ///
    /// - Throws: ``HATSError`` for a missing name or primary catalog, an odd
    ///   `all_indexes`/`all_extensions` list, a default not among the listed
    ///   ones, or an extension path not ending in `.properties`.
    public init(_ properties: JavaProperties, path: String? = nil) throws(HATSError) {
        let r = PropertyReader(properties: properties, path: path)
        guard let name = r.string("obs_collection") else {
            throw .missingProperty(path, key: "obs_collection", reason: "every collection needs a name")
        }
        guard let primary = r.string("hats_primary_table_url") else {
            throw .missingProperty(path, key: "hats_primary_table_url", reason: "every collection has a primary catalog")
        }
        self.init(name: name, primaryCatalog: primary)
        self.path = path
        allMargins = r.list("all_margins")
        defaultMargin = r.string("default_margin").flatMap { $0.isEmpty ? nil : $0 }
        allIndexes = try CollectionProperties.pairs(r, "all_indexes")
        defaultIndex = r.string("default_index").flatMap { $0.isEmpty ? nil : $0 }
        allExtensions = try CollectionProperties.pairs(r, "all_extensions")
        for entry in properties.entries where !CollectionProperties.declaredKeys.contains(entry.key) {
            extra[entry.key] = entry.value
        }
        if let margin = defaultMargin, !(allMargins ?? []).contains(margin) {
            throw .property(path, key: "default_margin", value: margin,
                            expected: "one of all_margins (\((allMargins ?? []).joined(separator: " ")))")
        }
        if let index = defaultIndex, !(allIndexes ?? []).contains(where: { $0.name == index }) {
            throw .property(path, key: "default_index", value: index,
                            expected: "a field of all_indexes (\((allIndexes ?? []).map(\.name).joined(separator: " ")))")
        }
        for ext in allExtensions ?? [] where !ext.path.hasSuffix(".properties") {
            throw .property(path, key: "all_extensions", value: properties["all_extensions"] ?? "",
                            expected: "paths to <extension>.properties files (\(ext.name) → \(ext.path))")
        }
    }

    /// Parses the text of a `collection.properties` file.
    public init(parsing text: String, path: String? = nil) throws(HATSError) {
        try self.init(try JavaProperties(parsing: text, path: path), path: path)
    }

    /// Reads a `collection.properties` file.
    public init(contentsOfFile path: String) throws(HATSError) {
        try self.init(parsing: try FileIO.readText(path), path: path)
    }

    /// Reads the `collection.properties` of a collection directory.
    public static func read(collectionDirectory: String) throws(HATSError) -> CollectionProperties {
        try CollectionProperties(contentsOfFile: HATSPaths.join(collectionDirectory, HATSPaths.collectionPropertiesFile))
    }

    private static func pairs(_ r: PropertyReader, _ key: String) throws(HATSError) -> [NamedPath]? {
        guard let items = r.list(key) else { return nil }
        guard items.count % 2 == 0 else {
            throw .property(r.path, key: key, value: r.properties[key] ?? "", expected: "pairs of name and path")
        }
        return stride(from: 0, to: items.count, by: 2).map { NamedPath(name: items[$0], path: items[$0 + 1]) }
    }

    // MARK: Paths

    /// Resolves a path listed in the collection: absolute paths and URLs are
    /// kept, others are taken relative to the collection directory.
    public static func resolve(_ path: String, collectionDirectory: String) -> String {
        if path.hasPrefix("/") || path.contains("://") { return path }
        return HATSPaths.join(collectionDirectory, path)
    }

    /// The primary catalog's directory.
    public func primaryCatalogPath(collectionDirectory: String) -> String {
        CollectionProperties.resolve(primaryCatalog, collectionDirectory: collectionDirectory)
    }

    /// The directory of a margin: the named one (which must be in ``allMargins``),
    /// or the default margin when `name` is `nil`; `nil` when there is no default.
    public func marginPath(named name: String? = nil, collectionDirectory: String) throws(HATSError) -> String? {
        guard let margin = name ?? defaultMargin else { return nil }
        guard (allMargins ?? []).contains(margin) else {
            throw HATSError(.notFound, path: path ?? collectionDirectory,
                            "no margin named '\(margin)' in the collection (all_margins: \((allMargins ?? []).joined(separator: " ")))")
        }
        return CollectionProperties.resolve(margin, collectionDirectory: collectionDirectory)
    }

    /// The directory of the index catalog of a field, or of the default index when `field` is `nil`.
    public func indexPath(field: String? = nil, collectionDirectory: String) throws(HATSError) -> String? {
        guard let field = field ?? defaultIndex else { return nil }
        guard let entry = allIndexes?.first(where: { $0.name == field }) else {
            throw HATSError(.notFound, path: path ?? collectionDirectory,
                            "no index for field '\(field)' in the collection (all_indexes: \((allIndexes ?? []).map(\.name).joined(separator: " ")))")
        }
        return CollectionProperties.resolve(entry.path, collectionDirectory: collectionDirectory)
    }

    // MARK: Writing

    /// The file text hats writes: `#HATS Collection`, then the keys in hats' order.
    public func serialized() -> String {
        let flat: ([NamedPath]?) -> String? = { list in
            list.flatMap { $0.isEmpty ? nil : $0.flatMap { [$0.name, $0.path] }.joined(separator: " ") }
        }
        let declared: [(String, String?)] = [
            ("obs_collection", name), ("hats_primary_table_url", primaryCatalog),
            ("all_margins", allMargins.flatMap(PropertyFormat.list)), ("default_margin", defaultMargin),
            ("all_indexes", flat(allIndexes)), ("default_index", defaultIndex),
            ("all_extensions", flat(allExtensions)),
        ]
        var out = JavaProperties(declared.compactMap { key, value in value.map { (key, $0) } })
        for entry in extra.entries { out[entry.key] = entry.value }
        return out.serialized(comment: "HATS Collection")
    }

    /// Writes `collection.properties` into a collection directory.
    public func write(toCollectionDirectory directory: String) throws(HATSError) {
        try FileIO.writeText(serialized(), to: HATSPaths.join(directory, HATSPaths.collectionPropertiesFile))
    }
}
