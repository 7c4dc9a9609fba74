// Bounds-checked reading of the small headers found inside encoded value streams
// (ULEB128 varints, zigzag varints, single bytes), and the matching appenders.
//
//     struct EncodingCursor {
//         init(_ bytes: UnsafeRawBufferPointer, position: Int = 0)
//         var position: Int; var remaining: Int
//         mutating func readByte() throws -> UInt8
//         mutating func readVarUInt() throws -> UInt64
//         mutating func readZigZag() throws -> Int64
//         mutating func skip(_ count: Int) throws
//     }
//     func appendVarUInt(_ value: UInt64, to out: inout [UInt8])
//     func appendZigZag(_ value: Int64, to out: inout [UInt8])

/// A read position over an untrusted byte buffer; every read is checked against its end.
@usableFromInline
struct EncodingCursor {
    /// The bytes being read.
    @usableFromInline let bytes: UnsafeRawBufferPointer
    /// The offset of the next byte to read.
    @usableFromInline var position: Int

    /// Creates a cursor at `position` of `bytes`.
    @inlinable
    init(_ bytes: UnsafeRawBufferPointer, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// The number of bytes left after the position.
    @inlinable
    var remaining: Int { bytes.count - position }

    /// Reads one byte.
    @inlinable
    mutating func readByte() throws(ParquetError) -> UInt8 {
        guard position < bytes.count else {
            throw ParquetError(.corruptData, "unexpected end of encoded data")
        }
        let byte = bytes[position]
        position += 1
        return byte
    }

    /// Reads an unsigned LEB128 varint of at most 10 bytes.
    @inlinable
    mutating func readVarUInt() throws(ParquetError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            if shift == 63 && byte > 1 {
                throw ParquetError(.corruptData, "varint overflows 64 bits")
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 {
                throw ParquetError(.corruptData, "varint longer than 10 bytes")
            }
        }
    }

    /// Reads a zigzag-encoded signed varint.
    @inlinable
    mutating func readZigZag() throws(ParquetError) -> Int64 {
        let raw = try readVarUInt()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// Reads an unsigned varint that must fit a non-negative `Int` no larger than `limit`.
    @inlinable
    mutating func readCount(limit: Int, what: @autoclosure () -> String) throws(ParquetError) -> Int {
        let raw = try readVarUInt()
        guard raw <= UInt64(limit) else {
            throw ParquetError(.corruptData, "\(what()) \(raw) exceeds the limit \(limit)")
        }
        return Int(raw)
    }

    /// Advances the position by `count` bytes.
    @inlinable
    mutating func skip(_ count: Int) throws(ParquetError) {
        guard count >= 0, count <= remaining else {
            throw ParquetError(.corruptData, "unexpected end of encoded data")
        }
        position += count
    }
}

/// Appends `value` as an unsigned LEB128 varint.
@inlinable
func appendVarUInt(_ value: UInt64, to out: inout [UInt8]) {
    var v = value
    while v >= 0x80 {
        out.append(UInt8(truncatingIfNeeded: v) | 0x80)
        v >>= 7
    }
    out.append(UInt8(v))
}

/// Appends `value` as a zigzag varint.
@inlinable
func appendZigZag(_ value: Int64, to out: inout [UInt8]) {
    appendVarUInt(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &out)
}

/// The number of bits needed to represent `value` (0 for 0).
@inlinable
func bitsNeeded(_ value: UInt64) -> Int {
    64 - value.leadingZeroBitCount
}
