/// A key/value metadata entry (file- or column-level).
public struct KeyValue: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The value, if any.
    public var value: String?

    /// Creates an entry.
    public init(key: String, value: String? = nil) {
        self.key = key
        self.value = value
    }
}

extension KeyValue: ThriftDecodable {
    /// Decodes a `KeyValue` struct.
    public init(thrift r: inout ThriftCompactReader) throws {
        var key: String?
        var value: String?
        var last: Int16 = 0
        while let f = try r.readFieldHeader(previous: &last) {
            switch f.id {
            case 1: key = try r.readString(f.type)
            case 2: value = try r.readString(f.type)
            default: try r.skip(f.type)
            }
        }
        guard let key else { throw ParquetError(.corruptMetadata, "Thrift: KeyValue without a key") }
        self.init(key: key, value: value)
    }
}
