import Columnar

/// The levels and dense (non-null) values decoded from one leaf's column chunk (or the pages of it
/// that were selected), before they are assembled into a `Column`.
struct DecodedChunk {
    /// How the dense values are held.
    enum Values {
        /// `count` values of `width` bytes each (INT32/INT64/FLOAT/DOUBLE/FLBA; INT96 already converted to Int64 ns).
        case fixed(BufferBuilder<UInt8>, width: Int)
        /// Booleans as 0/1 bytes.
        case bools([UInt8])
        /// Byte arrays: `count + 1` end offsets (starting at 0) and the bytes.
        case bytes(offsets: [Int64], data: [UInt8])
    }

    /// The leaf being decoded.
    let descriptor: ColumnDescriptor
    /// Definition levels, one per entry (empty when the leaf's max definition level is 0).
    var definitionLevels: [UInt8] = []
    /// Repetition levels, one per entry (empty when the leaf's max repetition level is 0).
    var repetitionLevels: [UInt8] = []
    /// The number of level entries decoded.
    var entryCount = 0
    /// The number of dense values decoded.
    var valueCount = 0
    /// The dense values.
    var values: Values
    /// The most values one page may declare (bounds up-front allocations).
    let maxValuesPerPage: Int

    init(descriptor: ColumnDescriptor, maxValuesPerPage: Int) {
        self.descriptor = descriptor
        self.maxValuesPerPage = maxValuesPerPage
        switch descriptor.physicalType {
        case .boolean: values = .bools([])
        case .byteArray: values = .bytes(offsets: [0], data: [])
        case .int96: values = .fixed(BufferBuilder<UInt8>(), width: 8)
        default: values = .fixed(BufferBuilder<UInt8>(), width: descriptor.storedWidth ?? 1)
        }
    }
}

/// A decoded dictionary page, in the same representations as `DecodedChunk.Values`.
enum DecodedDictionary {
    /// `count` entries of `width` bytes.
    case fixed([UInt8], width: Int, count: Int)
    /// Booleans as 0/1 bytes.
    case bools([UInt8])
    /// Byte arrays.
    case bytes(offsets: [Int64], data: [UInt8])

    var count: Int {
        switch self {
        case .fixed(_, _, let count): count
        case .bools(let v): v.count
        case .bytes(let offsets, _): Swift.max(offsets.count - 1, 0)
        }
    }
}

/// Converts INT96 legacy timestamps (8 bytes nanoseconds of day, 4 bytes Julian day) to Unix nanoseconds.
func convertInt96(_ input: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutablePointer<Int64>) throws {
    guard count >= 0, count <= input.count / 12 else {
        throw ParquetError(.corruptData, "INT96 data holds \(input.count / 12) values, \(count) expected")
    }
    for i in 0..<count {
        let nanos = Int64(littleEndian: input.loadUnaligned(fromByteOffset: i * 12, as: Int64.self))
        let julian = Int64(Int32(littleEndian: input.loadUnaligned(fromByteOffset: i * 12 + 8, as: Int32.self)))
        // Wrapping arithmetic: out-of-range dates give wrapped values, never a trap.
        output[i] = (julian &- 2_440_588) &* 86_400_000_000_000 &+ nanos
    }
}
