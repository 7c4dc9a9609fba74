import Columnar

/// The levels and dense (non-null) values decoded from one leaf's column chunk (or the pages of it
/// that were selected), before they are assembled into a `Column`.
struct DecodedChunk {
    /// How the dense values are held.
    enum Storage {
        /// `valueCount` values of `width` bytes in `fixed` (INT32/INT64/FLOAT/DOUBLE/FLBA; INT96
        /// already converted to Int64 nanoseconds).
        case fixed(width: Int)
        /// Booleans as 0/1 bytes in `bools`.
        case bools
        /// Byte arrays: `valueCount + 1` end offsets (from 0) in `offsets`, their bytes in `bytes`.
        case byteArrays
    }

    /// The leaf being decoded.
    let descriptor: ColumnDescriptor
    /// Definition levels, one per entry; empty when the leaf's max definition level is 0, or
    /// when it has no repetition and every entry so far holds a value (all levels at the maximum).
    var definitionLevels: [UInt8] = []
    /// Repetition levels, one per entry (empty when the leaf's max repetition level is 0).
    var repetitionLevels: [UInt8] = []
    /// The number of level entries decoded.
    var entryCount = 0
    /// The number of dense values decoded.
    var valueCount = 0
    /// Which of the value stores below is in use. Each store is its own stored property so that
    /// appending to it happens in place, never through a copy.
    let storage: Storage
    /// Fixed-width values.
    var fixed = BufferBuilder<UInt8>()
    /// Boolean values (0 or 1).
    var bools: [UInt8] = []
    /// Byte-array end offsets, starting with 0.
    var offsets = BufferBuilder<Int64>()
    /// Byte-array bytes.
    var bytes = BufferBuilder<UInt8>()
    /// The most values one page may declare (bounds up-front allocations).
    let maxValuesPerPage: Int
    /// Reused room for one page's dictionary indices.
    var indexScratch: [UInt32] = []
    /// The level entries `reserve(entries:)` made room for.
    var reservedEntries = 0

    init(descriptor: ColumnDescriptor, maxValuesPerPage: Int) {
        self.descriptor = descriptor
        self.maxValuesPerPage = maxValuesPerPage
        switch descriptor.physicalType {
        case .boolean: storage = .bools
        case .byteArray:
            storage = .byteArrays
            offsets.append(0)
        case .int96: storage = .fixed(width: 8)
        default: storage = .fixed(width: descriptor.storedWidth ?? 1)
        }
    }

    /// Reserves room for `entries` level entries and values, so that appending page after page
    /// neither copies nor touches fresh pages twice.
    mutating func reserve(entries: Int) {
        guard entries > 0 else { return }
        reservedEntries = entries
        if descriptor.maxDefinitionLevel > 0, descriptor.maxRepetitionLevel > 0 { definitionLevels.reserveCapacity(entries) }
        if descriptor.maxRepetitionLevel > 0 { repetitionLevels.reserveCapacity(entries) }
        switch storage {
        case .fixed(let width): fixed.reserveCapacity(entries * width)
        case .bools: bools.reserveCapacity(entries)
        case .byteArrays: offsets.reserveCapacity(entries + 1)
        }
    }

    /// Before `values` more byte arrays of `payload` bytes are appended: when the byte store must
    /// grow, grows it to the chunk's projected total (bytes per value so far, times the entries
    /// reserved, plus 1/16), capped at 1 GiB like `reserve(bytes:)`. Without size statistics the
    /// store then grows once or twice instead of doubling (and copying) from page to page.
    mutating func growBytes(adding payload: Int, values: Int) {
        let needed = bytes.count + payload
        guard needed > bytes.capacity else { return }
        let valuesAfter = valueCount + values
        guard valuesAfter > 0, reservedEntries > valuesAfter else { return }
        let (product, overflow) = needed.multipliedReportingOverflow(by: reservedEntries)
        let projected = overflow ? Int.max : product / valuesAfter
        bytes.reserveCapacity(Swift.min(projected + projected / 16, Swift.max(needed, 1 << 30)))
    }

    /// Reserves room for the value bytes of a byte-array chunk, when their total is known.
    mutating func reserve(bytes count: Int) {
        if case .byteArrays = storage, count > 0 { bytes.reserveCapacity(count) }
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
