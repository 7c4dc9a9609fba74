/// The type codes of the Thrift compact protocol, as they appear in field headers and list headers.
///
/// Shared by `ThriftCompactReader` and `ThriftCompactWriter`.
public enum ThriftType: UInt8, Sendable {
    /// Ends a struct (field headers only).
    case stop = 0
    /// A boolean `true`, carried in the field header itself (or as an element type for bool lists).
    case boolTrue = 1
    /// A boolean `false`, carried in the field header itself (also accepted as a bool-list element type).
    case boolFalse = 2
    /// One raw byte.
    case i8 = 3
    /// A zigzag varint (16-bit).
    case i16 = 4
    /// A zigzag varint (32-bit).
    case i32 = 5
    /// A zigzag varint (64-bit).
    case i64 = 6
    /// Eight little-endian IEEE-754 bytes.
    case double = 7
    /// A varint length followed by that many bytes (Thrift `binary` and `string`).
    case binary = 8
    /// A list header followed by its elements.
    case list = 9
    /// A set, encoded exactly like a list.
    case set = 10
    /// A map header followed by key/value pairs.
    case map = 11
    /// A nested struct, terminated by `stop`.
    case `struct` = 12
    /// Sixteen raw bytes.
    case uuid = 13

    /// Whether this is one of the two boolean codes.
    @inlinable public var isBool: Bool { self == .boolTrue || self == .boolFalse }
}

/// The header of a field inside a Thrift struct.
public struct ThriftFieldHeader: Sendable, Equatable {
    /// The field identifier.
    public var id: Int16
    /// The wire type of the value that follows.
    public var type: ThriftType

    /// Creates a field header.
    public init(id: Int16, type: ThriftType) {
        self.id = id
        self.type = type
    }
}

/// The header of a Thrift list or set.
public struct ThriftListHeader: Sendable, Equatable {
    /// The element type.
    public var elementType: ThriftType
    /// The number of elements.
    public var count: Int

    /// Creates a list header.
    public init(elementType: ThriftType, count: Int) {
        self.elementType = elementType
        self.count = count
    }
}
