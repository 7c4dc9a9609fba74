/// A type that can be written as a Thrift compact-protocol struct.
public protocol ThriftEncodable {
    /// Writes the struct's fields (in increasing field-id order), without the closing stop byte.
    func encode(thrift writer: inout ThriftCompactWriter)
}

/// An encoder for the Thrift compact protocol, appending to a byte array.
///
/// Field headers use the short delta form when the id grows by 1...15 and the long form otherwise.
/// Booleans in lists are written as element type 1 with values 1/0 (accepted by every reader).
///
///     var w = ThriftCompactWriter()
///     w.writeStruct(fileMetaData)      // or ThriftCompactWriter.encode(fileMetaData)
///     let bytes = w.bytes
public struct ThriftCompactWriter: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8] = []
    /// The last field id written in the struct being written.
    var lastFieldID: Int16 = 0
    /// The last field ids of the enclosing structs.
    var stack: [Int16] = []

    /// Creates an empty writer.
    public init() {}

    /// Encodes `value` as a top-level struct.
    public static func encode<T: ThriftEncodable>(_ value: T) -> [UInt8] {
        var writer = ThriftCompactWriter()
        writer.writeStruct(value)
        return writer.bytes
    }

    // MARK: Raw values

    /// Writes an unsigned varint.
    public mutating func writeVarint(_ value: UInt64) { appendVarUInt(value, to: &bytes) }

    /// Writes a zigzag varint.
    public mutating func writeZigzag(_ value: Int64) { appendZigZag(value, to: &bytes) }

    /// Writes a binary value: varint length then the bytes.
    public mutating func writeBinary(_ value: some Collection<UInt8>) {
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// Writes a string as UTF-8 binary.
    public mutating func writeString(_ value: String) { writeBinary(Array(value.utf8)) }

    /// Writes a struct value: its fields then a stop byte.
    public mutating func writeStruct<T: ThriftEncodable>(_ value: T) {
        stack.append(lastFieldID)
        lastFieldID = 0
        value.encode(thrift: &self)
        bytes.append(0)
        lastFieldID = stack.removeLast()
    }

    /// Writes a list header.
    public mutating func writeListHeader(elementType: ThriftType, count: Int) {
        if count < 15 {
            bytes.append(UInt8(count) << 4 | elementType.rawValue)
        } else {
            bytes.append(0xF0 | elementType.rawValue)
            writeVarint(UInt64(count))
        }
    }

    // MARK: Fields

    /// Writes a field header for field `id` of wire type `type`.
    public mutating func writeFieldHeader(id: Int16, type: ThriftType) {
        let delta = Int(id) - Int(lastFieldID)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            writeZigzag(Int64(id))
        }
        lastFieldID = id
    }

    /// Writes a boolean field (the value lives in the header).
    public mutating func write(_ id: Int16, _ value: Bool?) {
        guard let value else { return }
        writeFieldHeader(id: id, type: value ? .boolTrue : .boolFalse)
    }

    /// Writes an i8 field.
    public mutating func write(_ id: Int16, _ value: Int8?) {
        guard let value else { return }
        writeFieldHeader(id: id, type: .i8)
        bytes.append(UInt8(bitPattern: value))
    }

    /// Writes an i16 field.
    public mutating func write(_ id: Int16, _ value: Int16?) {
        guard let value else { return }
        writeFieldHeader(id: id, type: .i16)
        writeZigzag(Int64(value))
    }

    /// Writes an i32 field.
    public mutating func write(_ id: Int16, _ value: Int32?) {
        guard let value else { return }
        writeFieldHeader(id: id, type: .i32)
        writeZigzag(Int64(value))
    }

    /// Writes an i64 field.
    public mutating func write(_ id: Int16, _ value: Int64?) {
        guard let value else { return }
        writeFieldHeader(id: id, type: .i64)
        writeZigzag(value)
    }

    /// Writes an enum field (an i32).
    public mutating func write<E: RawRepresentable>(_ id: Int16, _ value: E?) where E.RawValue == Int32 {
        write(id, value?.rawValue)
    }

    /// Writes a binary field.
    public mutating func write(_ id: Int16, _ value: [UInt8]?) {
        guard let value else { return }
        writeFieldHeader(id: id, type: .binary)
        writeBinary(value)
    }

    /// Writes a string field.
    public mutating func write(_ id: Int16, _ value: String?) {
        guard let value else { return }
        writeFieldHeader(id: id, type: .binary)
        writeString(value)
    }

    /// Writes a struct field.
    public mutating func write<T: ThriftEncodable>(_ id: Int16, _ value: T?) {
        guard let value else { return }
        writeFieldHeader(id: id, type: .struct)
        writeStruct(value)
    }

    /// Writes an empty-struct field (a member of a union such as `LogicalType.STRING`).
    public mutating func writeEmptyStruct(_ id: Int16) {
        writeFieldHeader(id: id, type: .struct)
        bytes.append(0)
    }

    /// Writes a list-of-structs field.
    public mutating func write<T: ThriftEncodable>(_ id: Int16, _ list: [T]?) {
        guard let list else { return }
        writeFieldHeader(id: id, type: .list)
        writeListHeader(elementType: .struct, count: list.count)
        for element in list { writeStruct(element) }
    }

    /// Writes a list-of-i64 field.
    public mutating func write(_ id: Int16, _ list: [Int64]?) {
        guard let list else { return }
        writeFieldHeader(id: id, type: .list)
        writeListHeader(elementType: .i64, count: list.count)
        for element in list { writeZigzag(element) }
    }

    /// Writes a list-of-enums (i32) field.
    public mutating func write<E: RawRepresentable>(_ id: Int16, _ list: [E]?) where E.RawValue == Int32 {
        guard let list else { return }
        writeFieldHeader(id: id, type: .list)
        writeListHeader(elementType: .i32, count: list.count)
        for element in list { writeZigzag(Int64(element.rawValue)) }
    }

    /// Writes a list-of-binary field.
    public mutating func write(_ id: Int16, _ list: [[UInt8]]?) {
        guard let list else { return }
        writeFieldHeader(id: id, type: .list)
        writeListHeader(elementType: .binary, count: list.count)
        for element in list { writeBinary(element) }
    }

    /// Writes a list-of-strings field.
    public mutating func write(_ id: Int16, _ list: [String]?) {
        guard let list else { return }
        writeFieldHeader(id: id, type: .list)
        writeListHeader(elementType: .binary, count: list.count)
        for element in list { writeString(element) }
    }

    /// Writes a list-of-booleans field (element type 1, values 1 and 0).
    public mutating func write(_ id: Int16, _ list: [Bool]?) {
        guard let list else { return }
        writeFieldHeader(id: id, type: .list)
        writeListHeader(elementType: .boolTrue, count: list.count)
        for element in list { bytes.append(element ? 1 : 0) }
    }
}
