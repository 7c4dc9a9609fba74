/// A read-only view of a fixed-width column's values as a Swift type, for hot loops.
///
/// The view keeps the column's storage alive and its subscript is `@inlinable`, so indexing it
/// from another module compiles to a plain load. Null slots hold unspecified values: check
/// ``Column/isValid(_:)`` or the validity bitmap where it matters.
///
///     let ra = try table.column(named: "ra").values(as: Double.self)
///     for i in ra.indices { sum += ra[i] }
@frozen
public struct ColumnValues<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    @usableFromInline let buffer: Buffer
    @usableFromInline let base: UnsafePointer<Element>
    /// The number of values.
    public let count: Int

    @usableFromInline
    init(buffer: Buffer, count: Int) {
        precondition(buffer.byteCount >= count * MemoryLayout<Element>.stride, "buffer too short for \(count) values")
        precondition(buffer.isAligned(for: Element.self), "buffer not aligned for \(Element.self)")
        self.buffer = buffer
        self.base = buffer.start.assumingMemoryBound(to: Element.self)
        self.count = count
    }

    /// Zero.
    @inlinable public var startIndex: Int { 0 }
    /// The number of values.
    @inlinable public var endIndex: Int { count }

    /// The value at `index`.
    @inlinable
    public subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count, "index \(index) out of range 0..<\(count)")
        return withExtendedLifetime(buffer.storage) { base[index] }
    }

    /// Calls `body` with the values as a contiguous buffer.
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try withExtendedLifetime(buffer.storage) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }

    /// Calls `body` with the values as a contiguous buffer (the standard library's fast path).
    @inlinable
    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R? {
        try withUnsafeBufferPointer(body)
    }
}

/// A read-only view of a `string` or `binary` column: each value is a byte range of one buffer.
///
/// ``withBytes(at:_:)`` reads a value without allocating; the subscript and ``string(at:)`` make a
/// Swift `String` on request. Nulls read as empty.
@frozen
public struct StringValues: RandomAccessCollection, Sendable {
    /// The `count + 1` offsets.
    public let offsets: ColumnValues<Int64>
    /// The bytes the offsets index.
    public let bytes: Buffer

    @usableFromInline
    init(offsets: ColumnValues<Int64>, bytes: Buffer) {
        self.offsets = offsets
        self.bytes = bytes
    }

    /// Zero.
    @inlinable public var startIndex: Int { 0 }
    /// The number of values.
    @inlinable public var endIndex: Int { offsets.count - 1 }

    /// The byte range of value `index` within ``bytes``.
    @inlinable
    public func byteRange(at index: Int) -> Range<Int> {
        Int(offsets[index])..<Int(offsets[index + 1])
    }

    /// Calls `body` with the bytes of value `index`, without copying or allocating.
    @inlinable
    public func withBytes<R>(at index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let range = byteRange(at: index)
        return try bytes.withUnsafeBytes { all in
            try body(UnsafeRawBufferPointer(rebasing: all[range]))
        }
    }

    /// Value `index` decoded as UTF-8 (invalid sequences are repaired).
    public func string(at index: Int) -> String {
        withBytes(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Value `index` as a `String`.
    public subscript(index: Int) -> String { string(at: index) }

    /// Whether value `index` equals `text`, compared byte for byte without allocating.
    public func equals(_ text: String, at index: Int) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            withBytes(at: index) { $0.elementsEqual(UnsafeRawBufferPointer(utf8)) }
        }
    }
}

extension Column {
    /// The values of a fixed-width column read as `T`, which must have the type's byte width
    /// (`Double` for `double`, `Int64` for `int64` and `timestamp`, `Int32` for `date32`…).
    @inlinable
    public func values<T: BitwiseCopyable>(as type: T.Type) -> ColumnValues<T> {
        guard case .fixed(let width) = self.type.layout, width == MemoryLayout<T>.stride else {
            preconditionFailure("cannot read a \(self.type) column as \(T.self)")
        }
        return ColumnValues(buffer: buffers[0], count: count)
    }

    /// Calls `body` with the values of a fixed-width column as a contiguous buffer of `T`.
    @inlinable
    public func withUnsafeBufferPointer<T: BitwiseCopyable, R>(
        as type: T.Type, _ body: (UnsafeBufferPointer<T>) throws -> R
    ) rethrows -> R {
        try values(as: T.self).withUnsafeBufferPointer(body)
    }

    /// The values of a `bool` column as bits (null slots are unspecified).
    public var bits: Bitmap {
        precondition(type.layout == .bits, "\(type) column has no bits")
        return Bitmap(buffer: buffers[0], count: count)
    }

    /// The values of a `string` or `binary` column.
    public var strings: StringValues {
        precondition(type.layout == .variable, "\(type) column has no strings")
        return StringValues(offsets: ColumnValues(buffer: buffers[0], count: count + 1), bytes: buffers[1])
    }

    /// The `count + 1` offsets of a `string`, `binary` or `list` column.
    public var offsets: ColumnValues<Int64> {
        precondition(type.layout == .variable || type.layout == .list, "\(type) column has no offsets")
        return ColumnValues(buffer: buffers[0], count: count + 1)
    }

    /// The range of child rows that list `index` holds.
    public func listRange(at index: Int) -> Range<Int> {
        let o = offsets
        return Int(o[index])..<Int(o[index + 1])
    }

    /// The child column of a `list` column.
    public var listChild: Column {
        precondition(type.layout == .list, "\(type) column has no list child")
        return children[0]
    }

    /// The child column for struct field `name`.
    public func field(named name: String) throws -> Column {
        guard let fields = type.structFields else {
            throw ColumnarError.typeMismatch(expected: "struct", actual: type.description, context: "field '\(name)'")
        }
        guard let index = fields.firstIndex(where: { $0.name == name }) else {
            throw ColumnarError.unknownColumn(name, available: fields.map(\.name))
        }
        return children[index]
    }

    /// The values as optionals (`nil` for null), copied into an array.
    public func toArray<T: BitwiseCopyable>(of type: T.Type) -> [T?] {
        let v = values(as: T.self)
        return (0..<count).map { isValid($0) ? v[$0] : nil }
    }

    /// The values of a `bool` column as optionals.
    public func toBools() -> [Bool?] {
        let b = bits
        return (0..<count).map { isValid($0) ? b[$0] : nil }
    }

    /// The values of a `string` column as optionals.
    public func toStrings() -> [String?] {
        let s = strings
        return (0..<count).map { isValid($0) ? s[$0] : nil }
    }
}
