/// An immutable column of values of one ``DataType``, with an optional validity bitmap.
///
/// A column is a small value (type, length, validity, buffers, children) over shared immutable
/// ``Buffer``s: copying it copies no data. See ``DataType`` for which buffers and children each
/// type has. `validity == nil` means no value is null; when present, a set bit marks a valid
/// value. The values under a null slot are unspecified.
///
/// Build columns from Swift arrays (`Column([1.5, nil, 3.0])`), or, in decoders, from buffers
/// filled in place (``init(type:values:validity:)``, ``init(type:offsets:values:validity:)``,
/// ``init(type:offsets:child:validity:)``, ``init(structFields:children:count:validity:)``).
/// Read hot loops through ``values(as:)`` or ``withUnsafeBufferPointer(as:_:)``.
public struct Column: Sendable {
    /// The logical type.
    public let type: DataType
    /// The number of values (rows).
    public let count: Int
    /// Which values are valid (set bit) or null; `nil` when none is null.
    public let validity: Bitmap?
    /// The number of null values.
    public let nullCount: Int
    /// The type's buffers, in the order ``DataType`` documents.
    public let buffers: [Buffer]
    /// The child columns of `list` (one) and `struct` (one per field) types.
    public let children: [Column]

    /// Creates a column without checking the buffers; internal kernels use it.
    @usableFromInline
    init(unchecked type: DataType, count: Int, validity: Bitmap?, buffers: [Buffer], children: [Column] = []) {
        self.type = type
        self.count = count
        let nulls = validity.map { $0.unsetBitCount } ?? 0
        self.validity = nulls == 0 ? nil : validity
        self.nullCount = nulls
        self.buffers = buffers
        self.children = children
    }

    /// Creates a column from its parts, checking that they fit the type.
    ///
    /// Offsets (for strings, binaries and lists) are checked to be non-decreasing and inside the
    /// values they index, so a column built from untrusted input cannot read out of bounds.
    ///
    /// - Throws: ``ColumnarError/invalidLayout(_:)`` describing the first problem found.
    public init(type: DataType, count: Int, validity: Bitmap?, buffers: [Buffer], children: [Column] = []) throws {
        guard count >= 0 else { throw ColumnarError.invalidLayout("negative length \(count)") }
        if let validity, validity.count != count {
            throw ColumnarError.invalidLayout("validity has \(validity.count) bits for \(count) values")
        }
        switch type.layout {
        case .bits:
            try Column.expect(buffers: buffers, 1, children: children, 0, type)
            guard buffers[0].byteCount * 8 >= count else {
                throw ColumnarError.invalidLayout("\(type) needs \((count + 7) / 8) bytes, got \(buffers[0].byteCount)")
            }
        case .fixed(let width):
            try Column.expect(buffers: buffers, 1, children: children, 0, type)
            guard buffers[0].byteCount >= count * width else {
                throw ColumnarError.invalidLayout("\(type) needs \(count * width) bytes, got \(buffers[0].byteCount)")
            }
            let alignment = [2, 4, 8].contains(width) ? width : 1
            guard Int(bitPattern: buffers[0].start) % alignment == 0 else {
                throw ColumnarError.invalidLayout("\(type) values must be \(alignment)-byte aligned")
            }
        case .variable:
            try Column.expect(buffers: buffers, 2, children: children, 0, type)
            try Column.checkOffsets(buffers[0], count: count, limit: Int64(buffers[1].byteCount), type)
        case .list:
            try Column.expect(buffers: buffers, 1, children: children, 1, type)
            let element = type.listElement!
            guard children[0].type == element.type else {
                throw ColumnarError.invalidLayout("\(type) has a child of type \(children[0].type)")
            }
            try Column.checkOffsets(buffers[0], count: count, limit: Int64(children[0].count), type)
        case .structure:
            let fields = type.structFields!
            try Column.expect(buffers: buffers, 0, children: children, fields.count, type)
            for (field, child) in zip(fields, children) {
                guard child.type == field.type, child.count == count else {
                    throw ColumnarError.invalidLayout(
                        "\(type) field '\(field.name)' has a child of type \(child.type) and length \(child.count) for \(count) rows")
                }
            }
        }
        self.init(unchecked: type, count: count, validity: validity, buffers: buffers, children: children)
    }

    private static func expect(buffers: [Buffer], _ bufferCount: Int, children: [Column], _ childCount: Int,
                               _ type: DataType) throws {
        guard buffers.count == bufferCount, children.count == childCount else {
            throw ColumnarError.invalidLayout(
                "\(type) takes \(bufferCount) buffers and \(childCount) children, got \(buffers.count) and \(children.count)")
        }
    }

    private static func checkOffsets(_ offsets: Buffer, count: Int, limit: Int64, _ type: DataType) throws {
        guard offsets.byteCount >= (count + 1) * 8, offsets.isAligned(for: Int64.self) else {
            throw ColumnarError.invalidLayout("\(type) needs \(count + 1) aligned Int64 offsets, got \(offsets.byteCount) bytes")
        }
        let ok = offsets.withUnsafeBufferPointer(as: Int64.self) { o -> Bool in
            var previous = o[0]
            guard previous >= 0 else { return false }
            var i = 1
            while i <= count {
                let next = o[i]
                if next < previous { return false }
                previous = next
                i += 1
            }
            return previous <= limit
        }
        guard ok else {
            throw ColumnarError.invalidLayout("\(type) offsets decrease or point past the \(limit) values they index")
        }
    }

    /// Creates a fixed-width or `bool` column over a values buffer, without copying it.
    ///
    /// For `bool`, `values` holds bits; otherwise `count` values of ``DataType/byteWidth``.
    public init(type: DataType, count: Int? = nil, values: Buffer, validity: Bitmap? = nil) throws {
        let n: Int
        if let count {
            n = count
        } else if type.layout == .bits {
            guard let validity else {
                throw ColumnarError.invalidLayout("a bool column without validity needs an explicit count")
            }
            n = validity.count
        } else {
            n = values.byteCount / Swift.max(type.byteWidth ?? 1, 1)
        }
        try self.init(type: type, count: n, validity: validity, buffers: [values])
    }

    /// Creates a `bool` column over packed bits, without copying them.
    public init(bits: Bitmap, validity: Bitmap? = nil) {
        precondition(validity == nil || validity!.count == bits.count, "validity length differs from values")
        self.init(unchecked: .bool, count: bits.count, validity: validity, buffers: [bits.buffer])
    }

    /// Creates a `string` or `binary` column (or their `large_` forms) from `count + 1` `Int64`
    /// offsets and the bytes they index, without copying either.
    public init(type: DataType = .string, offsets: Buffer, values: Buffer, validity: Bitmap? = nil) throws {
        let count = offsets.byteCount / 8 - 1
        guard count >= 0 else { throw ColumnarError.invalidLayout("\(type) needs at least one offset") }
        try self.init(type: type, count: count, validity: validity, buffers: [offsets, values])
    }

    /// Creates a `string` or `binary` column (or their `large_` forms) from offsets and bytes
    /// without scanning the offsets.
    ///
    /// The caller guarantees `count + 1` aligned `Int64` offsets that are non-negative, never
    /// decrease and end within `values` — as a decoder does for offsets it computed itself from
    /// validated lengths. Only constant-time checks run: the type, the offset buffer's size and
    /// alignment, the validity length, and the first and last offsets. Use
    /// ``init(type:offsets:values:validity:)`` for offsets from anywhere else.
    ///
    /// - Throws: ``ColumnarError/invalidLayout(_:)`` when a constant-time check fails.
    public init(uncheckedType type: DataType, offsets: Buffer, values: Buffer, validity: Bitmap? = nil) throws {
        let count = offsets.byteCount / 8 - 1
        guard case .variable = type.layout else { throw ColumnarError.invalidLayout("\(type) is not a variable-length type") }
        guard count >= 0, offsets.isAligned(for: Int64.self) else {
            throw ColumnarError.invalidLayout("\(type) needs aligned Int64 offsets")
        }
        if let validity, validity.count != count {
            throw ColumnarError.invalidLayout("validity has \(validity.count) bits for \(count) values")
        }
        let inside = offsets.withUnsafeBufferPointer(as: Int64.self) { o in
            o[0] >= 0 && o[0] <= o[count] && o[count] <= Int64(values.byteCount)
        }
        guard inside else { throw ColumnarError.invalidLayout("\(type) offsets lie outside its \(values.byteCount) bytes") }
        self.init(unchecked: type, count: count, validity: validity, buffers: [offsets, values])
    }

    /// Creates a `list` column from `count + 1` `Int64` offsets into `child`, without copying.
    ///
    /// - Parameter type: The list type; by default `list<element: T>` with a nullable element.
    public init(type: DataType? = nil, offsets: Buffer, child: Column, validity: Bitmap? = nil) throws {
        let count = offsets.byteCount / 8 - 1
        guard count >= 0 else { throw ColumnarError.invalidLayout("a list needs at least one offset") }
        try self.init(type: type ?? .list(of: child.type), count: count, validity: validity,
                      buffers: [offsets], children: [child])
    }

    /// Creates a `struct` column from one child per field.
    public init(structFields fields: [Field], children: [Column], count: Int, validity: Bitmap? = nil) throws {
        try self.init(type: .struct(fields), count: count, validity: validity, buffers: [], children: children)
    }

    /// Creates a `struct` column from named children (all nullable fields).
    public init(structOf children: [(name: String, column: Column)], count: Int? = nil, validity: Bitmap? = nil) throws {
        let fields = children.map { Field($0.name, $0.column.type) }
        try self.init(structFields: fields, children: children.map(\.column),
                      count: count ?? children.first?.column.count ?? 0, validity: validity)
    }

    /// Whether the value at `index` is null.
    @inlinable
    public func isNull(_ index: Int) -> Bool {
        guard let validity else { return false }
        return !validity[index]
    }

    /// Whether the value at `index` is valid (not null).
    @inlinable
    public func isValid(_ index: Int) -> Bool {
        guard let validity else { return true }
        return validity[index]
    }

    /// Returns the column with another validity bitmap (`nil`: no nulls); values are shared.
    ///
    /// For a `struct`, the children keep their own validity.
    public func withValidity(_ validity: Bitmap?) -> Column {
        precondition(validity == nil || validity!.count == count, "validity length differs from the column's")
        return Column(unchecked: type, count: count, validity: validity, buffers: buffers, children: children)
    }

    /// Whether the column has at least one null.
    public var hasNulls: Bool { nullCount > 0 }
}
