/// The ordered fields of a ``Table`` plus table-level metadata.
public struct Schema: Hashable, Sendable {
    /// The fields, in column order.
    public var fields: [Field]
    /// Key-value metadata (for example Parquet's `ARROW:schema` or pandas metadata).
    public var metadata: [String: String]

    /// Creates a schema.
    public init(_ fields: [Field], metadata: [String: String] = [:]) {
        self.fields = fields
        self.metadata = metadata
    }

    /// The field names, in order.
    public var names: [String] { fields.map(\.name) }

    /// The number of fields.
    public var count: Int { fields.count }

    /// The position of the first field called `name`, if any.
    public func firstIndex(of name: String) -> Int? {
        fields.firstIndex { $0.name == name }
    }

    /// The position of the field called `name`.
    ///
    /// - Throws: ``ColumnarError/unknownColumn(_:available:)`` listing the available names.
    public func index(of name: String) throws -> Int {
        guard let index = firstIndex(of: name) else {
            throw ColumnarError.unknownColumn(name, available: names)
        }
        return index
    }

    /// The field called `name`.
    ///
    /// - Throws: ``ColumnarError/unknownColumn(_:available:)`` listing the available names.
    public func field(named name: String) throws -> Field {
        fields[try index(of: name)]
    }

    /// The field called `name`, or `nil`.
    public subscript(name: String) -> Field? {
        firstIndex(of: name).map { fields[$0] }
    }
}

extension Schema: CustomStringConvertible {
    /// One `name: type` line per field, as pyarrow prints a schema.
    public var description: String {
        fields.map(\.description).joined(separator: "\n")
    }
}
