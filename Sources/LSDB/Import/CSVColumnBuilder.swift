import Columnar

/// Accumulates one CSV column's values for a chunk.
struct CSVColumnBuilder {
    let name: String
    let type: CSVColumnType
    // Builders, not arrays: their memory becomes the column's buffers without a copy.
    private var ints = BufferBuilder<Int64>()
    private var doubles = BufferBuilder<Double>()
    private var bools: [Bool] = []
    private var offsets = BufferBuilder<Int64>()
    private var bytes = BufferBuilder<UInt8>()
    private var nulls: [Int] = []
    private(set) var count = 0

    init(name: String, type: CSVColumnType, capacity: Int) {
        self.name = name
        self.type = type
        switch type {
        case .int64: ints.reserveCapacity(capacity)
        case .double: doubles.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        case .string: offsets.reserveCapacity(capacity + 1)
        }
        if type == .string { offsets.append(0) }
    }

    /// Appends a field; an empty unquoted field is null. Returns false when it does not parse.
    mutating func append(_ field: UnsafeRawBufferPointer, quoted: Bool, escaped: Bool) -> Bool {
        if field.isEmpty && !quoted {
            appendNull()
            return true
        }
        switch type {
        case .int64:
            guard let v = CSVParse.int64(field) else { return false }
            ints.append(v)
        case .double:
            guard let v = CSVParse.double(field) else { return false }
            doubles.append(v)
        case .bool:
            guard let v = CSVParse.bool(field) else { return false }
            bools.append(v)
        case .string:
            if escaped {
                var i = 0
                while i < field.count {
                    bytes.append(field[i])
                    i += field[i] == UInt8(ascii: "\"") ? 2 : 1
                }
            } else {
                bytes.append(contentsOf: field.bindMemory(to: UInt8.self))
            }
            offsets.append(Int64(bytes.count))
        }
        count += 1
        return true
    }

    /// Appends a null.
    @inline(__always)
    mutating func appendNull() {
        nulls.append(count)
        switch type {
        case .int64: ints.append(0)
        case .double: doubles.append(.nan)
        case .bool: bools.append(false)
        case .string: offsets.append(Int64(bytes.count))
        }
        count += 1
    }

    /// Appends a parsed integer (an int64 column).
    @inline(__always)
    mutating func append(int value: Int64) { ints.append(value); count += 1 }

    /// Appends a parsed float (a double column).
    @inline(__always)
    mutating func append(double value: Double) { doubles.append(value); count += 1 }

    /// Appends a parsed boolean (a bool column).
    @inline(__always)
    mutating func append(bool value: Bool) { bools.append(value); count += 1 }

    /// Appends an unquoted text field (a string column).
    @inline(__always)
    mutating func append(text field: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: field.bindMemory(to: UInt8.self))
        offsets.append(Int64(bytes.count))
        count += 1
    }

    /// The column built so far.
    func finish() throws -> Column {
        var validity: Bitmap?
        if !nulls.isEmpty {
            var bits = [Bool](repeating: true, count: count)
            for row in nulls { bits[row] = false }
            validity = Bitmap(bits)
        }
        switch type {
        case .int64: return try Column(type: .int64, count: count, values: ints.finish(), validity: validity)
        case .double: return try Column(type: .float64, count: count, values: doubles.finish(), validity: validity)
        case .bool: return Column(bits: Bitmap(bools), validity: validity)
        case .string: return try Column(type: .largeString, offsets: offsets.finish(), values: bytes.finish(), validity: validity)
        }
    }
}
