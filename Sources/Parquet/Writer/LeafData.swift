import Columnar

/// The stored (physical) non-null values of one leaf in one row group.
enum LeafValues {
    /// Fixed-width values (`width` bytes each), either viewed in a column buffer or copied.
    case fixed(width: Int, count: Int, storage: FixedStorage)
    /// Booleans as bytes 0/1.
    case booleans([UInt8])
    /// Byte arrays: value `i` is `bytes[offsets[i]..<offsets[i+1]]`.
    case byteArrays(offsets: [Int64], bytes: Buffer)

    enum FixedStorage {
        case buffer(Buffer)
        case array([UInt8])
    }

    /// The number of values.
    var count: Int {
        switch self {
        case .fixed(_, let count, _): count
        case .booleans(let values): values.count
        case .byteArrays(let offsets, _): offsets.count - 1
        }
    }

    /// Calls `body` with the bytes of fixed-width values.
    func withFixedBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        guard case .fixed(let width, let count, let storage) = self else { preconditionFailure("not fixed width") }
        switch storage {
        case .buffer(let buffer):
            return try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<(width * count)])) }
        case .array(let array):
            return try array.withUnsafeBytes(body)
        }
    }
}

/// The levels and values of one leaf in one row group.
struct LeafData {
    /// Definition levels, one per level entry (nil when the max definition level is 0).
    var definitionLevels: [UInt8]?
    /// Repetition levels (nil for flat columns).
    var repetitionLevels: [UInt8]?
    /// The number of level entries (`num_values`).
    var levelCount: Int
    /// The number of rows.
    var rowCount: Int
    /// The non-null values.
    var values: LeafValues

    /// Extracts the leaf of a top-level column (already sliced to the row group).
    init(column: Column, leaf: WriterLeaf) throws {
        rowCount = column.count
        if leaf.steps.isEmpty {
            if column.nullCount > 0 && !leaf.nullable {
                throw ParquetError(.invalidArgument, "column holds nulls but its field is not nullable", column: leaf.name)
            }
            levelCount = column.count
            repetitionLevels = nil
            var selection: [Int]?
            if leaf.nullable {
                let (levels, valid) = Self.flatLevels(column)
                definitionLevels = levels
                selection = valid
            } else {
                definitionLevels = nil
            }
            values = try Self.physicalValues(column, selection: selection, type: leaf.type)
            return
        }
        let nested = try NestedLevels(column: column, leaf: leaf)
        levelCount = nested.definition.count
        definitionLevels = leaf.maxDefinitionLevel > 0 ? nested.definition : nil
        repetitionLevels = leaf.maxRepetitionLevel > 0 ? nested.repetition : nil
        values = try Self.physicalValues(nested.leafColumn, selection: nested.selected, type: leaf.type)
    }

    /// Definition levels of a flat OPTIONAL column and the indices of its valid rows (nil when all are valid).
    static func flatLevels(_ column: Column) -> ([UInt8], [Int]?) {
        guard let validity = column.validity else {
            return ([UInt8](repeating: 1, count: column.count), nil)
        }
        var levels = [UInt8](repeating: 0, count: column.count)
        var valid: [Int] = []
        valid.reserveCapacity(column.count - column.nullCount)
        validity.buffer.withUnsafeBytes { bits in
            for i in 0..<column.count where (bits[i >> 3] >> UInt8(i & 7)) & 1 == 1 {
                levels[i] = 1
                valid.append(i)
            }
        }
        return (levels, valid)
    }

    /// The physical values of `column` at `selection` (all rows when nil), converted as `type` says.
    static func physicalValues(_ column: Column, selection: [Int]?, type: LeafType) throws -> LeafValues {
        switch storageKind(column.type) {
        case .bits:
            var out: [UInt8] = []
            out.reserveCapacity(selection?.count ?? column.count)
            column.bits.buffer.withUnsafeBytes { bits in
                func bit(_ i: Int) -> UInt8 { (bits[i >> 3] >> UInt8(i & 7)) & 1 }
                if let selection { for i in selection { out.append(bit(i)) } } else { for i in 0..<column.count { out.append(bit(i)) } }
            }
            return .booleans(out)
        case .variable:
            let strings = column.strings
            var offsets: [Int64] = []
            let count = selection?.count ?? column.count
            offsets.reserveCapacity(count + 1)
            if let selection {
                // Gather the selected values into a compact buffer.
                var bytes: [UInt8] = []
                offsets.append(0)
                strings.bytes.withUnsafeBytes { raw in
                    for i in selection {
                        let range = strings.byteRange(at: i)
                        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[range]))
                        offsets.append(Int64(bytes.count))
                    }
                }
                return .byteArrays(offsets: offsets, bytes: Buffer(bytes))
            }
            strings.offsets.withUnsafeBufferPointer { offsets.append(contentsOf: $0) }
            return .byteArrays(offsets: offsets, bytes: strings.bytes)
        case .fixed(let width):
            let buffer = column.buffers[0]
            let outWidth = type.storedWidth ?? width
            if type.conversion == .none, selection == nil {
                return .fixed(width: width, count: column.count, storage: .buffer(buffer))
            }
            let indices = selection ?? Array(0..<column.count)
            var out = [UInt8](repeating: 0, count: indices.count * outWidth)
            try buffer.withUnsafeBytes { src in
                try out.withUnsafeMutableBytes { dst in
                    try convert(src, width: width, indices: indices, conversion: type.conversion, into: dst)
                }
            }
            return .fixed(width: outWidth, count: indices.count, storage: .array(out))
        case .nested:
            throw ParquetError(.unsupported, "nested values cannot be stored in one leaf")
        }
    }

    enum StorageKind: Equatable { case bits, variable, fixed(Int), nested }

    static func storageKind(_ type: DataType) -> StorageKind {
        switch type {
        case .bool: .bits
        case .string, .largeString, .binary, .largeBinary: .variable
        case .list, .largeList, .struct: .nested
        default: .fixed(type.byteWidth ?? 0)
        }
    }

    /// Copies the values at `indices`, applying `conversion`.
    static func convert(
        _ src: UnsafeRawBufferPointer, width: Int, indices: [Int], conversion: LeafType.Conversion,
        into dst: UnsafeMutableRawBufferPointer
    ) throws {
        guard let base = src.baseAddress, let out = dst.baseAddress else { return }
        switch conversion {
        case .none:
            for (k, i) in indices.enumerated() {
                (out + k * width).copyMemory(from: base + i * width, byteCount: width)
            }
        case .widenToInt32(let sourceWidth, let signed):
            for (k, i) in indices.enumerated() {
                let v: Int32
                switch (sourceWidth, signed) {
                case (1, true): v = Int32(base.load(fromByteOffset: i, as: Int8.self))
                case (1, false): v = Int32(base.load(fromByteOffset: i, as: UInt8.self))
                case (2, true): v = Int32(base.loadUnaligned(fromByteOffset: 2 * i, as: Int16.self))
                default: v = Int32(base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                }
                out.storeBytes(of: v, toByteOffset: 4 * k, as: Int32.self)
            }
        case .millisecondsToDays:
            for (k, i) in indices.enumerated() {
                let ms = base.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self)
                let days = ms >= 0 ? ms / 86_400_000 : -((-(ms + 1)) / 86_400_000) - 1
                guard let d = Int32(exactly: days) else {
                    throw ParquetError(.invalidArgument, "date64 value \(ms) is out of the INT32 day range")
                }
                out.storeBytes(of: d, toByteOffset: 4 * k, as: Int32.self)
            }
        case .secondsToMilliseconds:
            for (k, i) in indices.enumerated() {
                if width == 4 {
                    let (v, o) = base.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self).multipliedReportingOverflow(by: 1000)
                    guard !o else { throw ParquetError(.invalidArgument, "time32[s] value overflows milliseconds") }
                    out.storeBytes(of: v, toByteOffset: 4 * k, as: Int32.self)
                } else {
                    let (v, o) = base.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self).multipliedReportingOverflow(by: 1000)
                    guard !o else { throw ParquetError(.invalidArgument, "timestamp[s] value overflows milliseconds") }
                    out.storeBytes(of: v, toByteOffset: 8 * k, as: Int64.self)
                }
            }
        }
    }
}
