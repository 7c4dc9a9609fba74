/// A named, typed slot in a ``Schema`` or in a nested type.
public struct Field: Hashable, Sendable {
    /// The column or child name.
    public var name: String
    /// The logical type.
    public var type: DataType
    /// Whether values may be null.
    public var nullable: Bool
    /// Key-value metadata attached to the field.
    public var metadata: [String: String]

    /// Creates a field.
    public init(_ name: String, _ type: DataType, nullable: Bool = true, metadata: [String: String] = [:]) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.metadata = metadata
    }

    /// Returns a copy with another name.
    public func renamed(_ newName: String) -> Field {
        var copy = self
        copy.name = newName
        return copy
    }
}

extension Field: CustomStringConvertible {
    /// pyarrow's rendering: `name: type`, plus ` not null` for non-nullable fields.
    public var description: String {
        "\(name): \(type)" + (nullable ? "" : " not null")
    }
}
