/// The kind of a HATS table, from the `dataproduct_type` property.
public enum CatalogType: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// One row per astronomical object.
    case object
    /// One row per detection (many per object).
    case source
    /// A table of matches between two catalogs.
    case association
    /// A secondary index from a column's values to partitions.
    case index
    /// A margin cache: rows near the partition edges of a primary catalog.
    case margin
    /// A HEALPix map (values per pixel).
    case map
    /// Extra columns attached to a collection's primary catalog.
    case `extension`

    /// Whether rows have positions (object, source and margin tables).
    public var hasPositions: Bool { self == .object || self == .source || self == .margin }

    /// The property value, e.g. `object`.
    public var description: String { rawValue }
}
