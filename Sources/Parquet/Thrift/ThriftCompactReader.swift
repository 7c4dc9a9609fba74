/// A type that can be decoded from a Thrift compact-protocol struct.
public protocol ThriftDecodable {
    /// Decodes one struct, starting just after its opening (at its first field header) and
    /// consuming its terminating `stop` byte.
    init(thrift reader: inout ThriftCompactReader) throws
}

/// A cursor decoding the Thrift compact protocol from a borrowed byte buffer.
///
/// Every read is bounds-checked against the buffer and throws `ParquetError` with kind
/// `.corruptMetadata` on malformed input; nothing traps. The reader borrows its bytes, so it must
/// not outlive the `withUnsafeBytes` scope that produced them.
public struct ThriftCompactReader {
    /// The bytes being decoded.
    public let bytes: UnsafeRawBufferPointer
    /// The offset of the next byte to read.
    public private(set) var position: Int

    /// Deepest nesting accepted while skipping unknown values.
    public static let maxSkipDepth = 64

    /// Creates a reader positioned at the start of `bytes`.
    public init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        self.position = 0
    }

    /// The number of bytes not yet consumed.
    @inlinable public var remaining: Int { bytes.count - position }

    @usableFromInline
    func corrupt(_ message: String) -> ParquetError {
        ParquetError(.corruptMetadata, "Thrift: \(message) at byte \(position)")
    }

    // MARK: - Primitives

    /// Reads one raw byte.
    public mutating func readByte() throws -> UInt8 {
        guard position < bytes.count else { throw corrupt("unexpected end of data") }
        let b = bytes[position]
        position += 1
        return b
    }

    /// Reads an unsigned LEB128 varint of at most 10 bytes.
    public mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try readByte()
            guard shift < 64 else { throw corrupt("varint too long") }
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// Reads a zigzag-encoded 64-bit varint.
    public mutating func readZigzag() throws -> Int64 {
        let u = try readVarint()
        return Int64(bitPattern: u >> 1) ^ -Int64(bitPattern: u & 1)
    }

    /// Reads a Thrift `i8` (one raw byte).
    public mutating func readI8() throws -> Int8 { Int8(bitPattern: try readByte()) }

    /// Reads a Thrift `i16`.
    public mutating func readI16() throws -> Int16 {
        let v = try readZigzag()
        guard let r = Int16(exactly: v) else { throw corrupt("i16 out of range") }
        return r
    }

    /// Reads a Thrift `i32`.
    public mutating func readI32() throws -> Int32 {
        let v = try readZigzag()
        guard let r = Int32(exactly: v) else { throw corrupt("i32 out of range") }
        return r
    }

    /// Reads a Thrift `i64`.
    public mutating func readI64() throws -> Int64 { try readZigzag() }

    /// Reads a Thrift `double` (8 little-endian bytes).
    public mutating func readDouble() throws -> Double {
        guard remaining >= 8 else { throw corrupt("truncated double") }
        let bits = bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        position += 8
        return Double(bitPattern: UInt64(littleEndian: bits))
    }

    /// Reads the length prefix of a `binary` value and returns the range of its bytes, consuming them.
    public mutating func readBinaryRange() throws -> Range<Int> {
        let n = try readVarint()
        guard n <= UInt64(remaining) else { throw corrupt("binary length \(n) exceeds the \(remaining) bytes left") }
        let start = position
        position += Int(n)
        return start..<position
    }

    /// Reads a Thrift `binary` value.
    public mutating func readBinary() throws -> [UInt8] {
        let r = try readBinaryRange()
        return Array(UnsafeRawBufferPointer(rebasing: bytes[r]))
    }

    /// Reads a Thrift `string` (UTF-8; invalid sequences are repaired, never rejected).
    public mutating func readString() throws -> String {
        let r = try readBinaryRange()
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }

    // MARK: - Structure

    /// Reads the next field header of a struct, or returns `nil` at its `stop` byte.
    ///
    /// - Parameter previous: the previous field id in this struct (start with 0); updated.
    public mutating func readFieldHeader(previous: inout Int16) throws -> ThriftFieldHeader? {
        let b = try readByte()
        if b == 0 { return nil }
        guard let type = ThriftType(rawValue: b & 0x0F), type != .stop else {
            throw corrupt("unknown field type \(b & 0x0F)")
        }
        let delta = Int16(b >> 4)
        let id: Int16
        if delta == 0 {
            id = try readI16()
        } else {
            let (sum, overflow) = previous.addingReportingOverflow(delta)
            guard !overflow else { throw corrupt("field id overflow") }
            id = sum
        }
        previous = id
        return ThriftFieldHeader(id: id, type: type)
    }

    /// Reads a list (or set) header. The element count is validated against the bytes left, since
    /// every element occupies at least one byte.
    public mutating func readListHeader() throws -> ThriftListHeader {
        let b = try readByte()
        guard let type = ThriftType(rawValue: b & 0x0F), type != .stop else {
            throw corrupt("unknown list element type \(b & 0x0F)")
        }
        var count = UInt64(b >> 4)
        if count == 15 { count = try readVarint() }
        guard count <= UInt64(remaining) else { throw corrupt("list of \(count) elements exceeds the \(remaining) bytes left") }
        return ThriftListHeader(elementType: type, count: Int(count))
    }

    /// Checks that a field's wire type is the expected one.
    @inlinable
    public func expect(_ actual: ThriftType, _ expected: ThriftType) throws {
        if actual == expected { return }
        if actual.isBool && expected.isBool { return }
        throw corrupt("expected \(expected) but found \(actual)")
    }

    /// Reads the value of a boolean struct field (carried in the field header).
    public func readBool(_ type: ThriftType) throws -> Bool {
        guard type.isBool else { throw corrupt("expected bool but found \(type)") }
        return type == .boolTrue
    }

    /// Reads one element of a bool list: one byte, true iff it equals 1 (false may be 0 or 2).
    public mutating func readBoolElement() throws -> Bool { try readByte() == 1 }

    /// Reads an `i32` struct field after checking its wire type.
    public mutating func readI32(_ type: ThriftType) throws -> Int32 {
        try expect(type, .i32)
        return try readI32()
    }

    /// Reads an `i64` struct field after checking its wire type.
    public mutating func readI64(_ type: ThriftType) throws -> Int64 {
        try expect(type, .i64)
        return try readI64()
    }

    /// Reads an `i16` struct field after checking its wire type.
    public mutating func readI16(_ type: ThriftType) throws -> Int16 {
        try expect(type, .i16)
        return try readI16()
    }

    /// Reads an `i8` struct field after checking its wire type.
    public mutating func readI8(_ type: ThriftType) throws -> Int8 {
        try expect(type, .i8)
        return try readI8()
    }

    /// Reads a `binary` struct field after checking its wire type.
    public mutating func readBinary(_ type: ThriftType) throws -> [UInt8] {
        try expect(type, .binary)
        return try readBinary()
    }

    /// Reads a `string` struct field after checking its wire type.
    public mutating func readString(_ type: ThriftType) throws -> String {
        try expect(type, .binary)
        return try readString()
    }

    /// Reads a nested struct field after checking its wire type.
    public mutating func readStruct<T: ThriftDecodable>(_ type: ThriftType, as: T.Type = T.self) throws -> T {
        try expect(type, .struct)
        return try T(thrift: &self)
    }

    /// Reads a list field, decoding each element with `element` (which receives the element type).
    public mutating func readList<T>(
        _ type: ThriftType,
        _ element: (inout ThriftCompactReader, ThriftType) throws -> T
    ) throws -> [T] {
        guard type == .list || type == .set else { throw corrupt("expected list but found \(type)") }
        let header = try readListHeader()
        var out: [T] = []
        // Each element takes at least one input byte, but a decoded element can be far larger
        // than that: reserve modestly and let the array grow.
        out.reserveCapacity(Swift.min(header.count, 1024))
        for _ in 0..<header.count { out.append(try element(&self, header.elementType)) }
        return out
    }

    /// Reads a list of structs.
    public mutating func readStructList<T: ThriftDecodable>(_ type: ThriftType, of: T.Type = T.self) throws -> [T] {
        try readList(type) { r, t in try r.readStruct(t, as: T.self) }
    }

    /// Reads a list of `i32` (also used for lists of enums).
    public mutating func readI32List(_ type: ThriftType) throws -> [Int32] {
        try readList(type) { r, t in try r.readI32(t) }
    }

    /// Reads a list of `i64`.
    public mutating func readI64List(_ type: ThriftType) throws -> [Int64] {
        try readList(type) { r, t in try r.readI64(t) }
    }

    /// Reads a list of `binary`.
    public mutating func readBinaryList(_ type: ThriftType) throws -> [[UInt8]] {
        try readList(type) { r, t in try r.readBinary(t) }
    }

    /// Reads a list of `string`.
    public mutating func readStringList(_ type: ThriftType) throws -> [String] {
        try readList(type) { r, t in try r.readString(t) }
    }

    /// Reads a list of bools, accepting element type 1 or 2 and false as 0 or 2.
    public mutating func readBoolList(_ type: ThriftType) throws -> [Bool] {
        try readList(type) { r, t in
            guard t.isBool else { throw r.corrupt("expected bool elements but found \(t)") }
            return try r.readBoolElement()
        }
    }

    /// Reads an empty struct (the members of unions such as `LogicalType.STRING`), skipping any fields.
    public mutating func skipStruct() throws {
        try skip(.struct)
    }

    // MARK: - Skipping

    /// Skips one value of the given type, recursing into containers (bounded by `maxSkipDepth`).
    public mutating func skip(_ type: ThriftType) throws {
        try skip(type, depth: 0)
    }

    private mutating func skip(_ type: ThriftType, depth: Int) throws {
        guard depth < Self.maxSkipDepth else { throw corrupt("nesting deeper than \(Self.maxSkipDepth)") }
        switch type {
        case .stop:
            throw corrupt("unexpected stop")
        case .boolTrue, .boolFalse:
            return // a struct field's bool lives in its header; list elements are handled below
        case .i8:
            _ = try readByte()
        case .i16, .i32, .i64:
            _ = try readVarint()
        case .double:
            try advance(8)
        case .uuid:
            try advance(16)
        case .binary:
            _ = try readBinaryRange()
        case .list, .set:
            let header = try readListHeader()
            for _ in 0..<header.count {
                if header.elementType.isBool { _ = try readByte() } else { try skip(header.elementType, depth: depth + 1) }
            }
        case .map:
            let n = try readVarint()
            if n == 0 { return }
            guard n <= UInt64(remaining) else { throw corrupt("map of \(n) entries exceeds the bytes left") }
            let kinds = try readByte()
            guard let k = ThriftType(rawValue: kinds >> 4), let v = ThriftType(rawValue: kinds & 0x0F),
                  k != .stop, v != .stop else { throw corrupt("bad map types \(kinds)") }
            for _ in 0..<n {
                if k.isBool { _ = try readByte() } else { try skip(k, depth: depth + 1) }
                if v.isBool { _ = try readByte() } else { try skip(v, depth: depth + 1) }
            }
        case .struct:
            var last: Int16 = 0
            while let field = try readFieldHeader(previous: &last) {
                try skip(field.type, depth: depth + 1)
            }
        }
    }

    /// Advances past `count` bytes.
    public mutating func advance(_ count: Int) throws {
        guard count >= 0, count <= remaining else { throw corrupt("cannot skip \(count) bytes, \(remaining) left") }
        position += count
    }
}

extension ThriftCompactReader {
    /// Decodes one top-level struct from `bytes`, returning it and the number of bytes consumed.
    public static func decode<T: ThriftDecodable>(_: T.Type, from bytes: UnsafeRawBufferPointer) throws -> (T, Int) {
        var reader = ThriftCompactReader(bytes)
        let value = try T(thrift: &reader)
        return (value, reader.position)
    }

    /// Decodes one top-level struct from a byte array, returning it and the number of bytes consumed.
    public static func decode<T: ThriftDecodable>(_: T.Type, from bytes: [UInt8]) throws -> (T, Int) {
        try bytes.withUnsafeBytes { try decode(T.self, from: $0) }
    }
}
