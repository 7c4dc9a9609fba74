// PLAIN encoding (Encoding PLAIN = 0), all little-endian. This module assumes a little-endian host
// (every platform Swift supports on Linux), so fixed-width values are copied as they are.
//
//     public enum PlainEncoding {
//         // Fixed width (INT32 4, INT64 8, FLOAT 4, DOUBLE 8, INT96 12, FLBA type_length): returns bytes consumed.
//         static func decodeFixed(_ input: UnsafeRawBufferPointer, count: Int, width: Int,
//                                 into output: UnsafeMutableRawPointer) throws -> Int
//         static func decode<T: BitwiseCopyable>(_ input: UnsafeRawBufferPointer, count: Int,
//                                                into output: UnsafeMutableBufferPointer<T>) throws -> Int
//         // BOOLEAN, bit-packed LSB first; writes 0/1 bytes. Returns bytes consumed.
//         static func decodeBooleans(_ input: UnsafeRawBufferPointer, count: Int,
//                                    into output: UnsafeMutableBufferPointer<UInt8>) throws -> Int
//         // BYTE_ARRAY (u32 length + bytes): appends `count` end offsets to `offsets` (which the caller
//         // starts with [0]) and the value bytes to `bytes`. Returns bytes consumed.
//         static func decodeByteArrays(_ input: UnsafeRawBufferPointer, count: Int,
//                                      offsets: inout [Int64], bytes: inout [UInt8]) throws -> Int
//         static func encode<T: BitwiseCopyable>(_ values: UnsafeBufferPointer<T>, into out: inout [UInt8])
//         static func encodeBooleans(_ values: UnsafeBufferPointer<UInt8>, into out: inout [UInt8])
//         static func encodeByteArrays(offsets: UnsafeBufferPointer<Int64>, bytes: UnsafeRawBufferPointer,
//                                      into out: inout [UInt8]) throws
//     }

/// The PLAIN encoding.
public enum PlainEncoding {
    /// Copies `count` fixed-width values of `width` bytes from the start of `input` to `output`.
    ///
    /// - Returns: the bytes consumed, `count * width`.
    public static func decodeFixed(
        _ input: UnsafeRawBufferPointer, count: Int, width: Int, into output: UnsafeMutableRawPointer
    ) throws -> Int {
        let (total, overflow) = count.multipliedReportingOverflow(by: width)
        guard count >= 0, width > 0, !overflow, total <= input.count else {
            throw ParquetError(.corruptData, "PLAIN data holds \(input.count) bytes, \(count) values of \(width) bytes requested")
        }
        if total > 0, let src = input.baseAddress {
            output.copyMemory(from: src, byteCount: total)
        }
        return total
    }

    /// Copies `count` values of `T` (Int32, Int64, Float, Double, …) into `output`.
    ///
    /// - Returns: the bytes consumed.
    public static func decode<T: BitwiseCopyable>(
        _ input: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutableBufferPointer<T>
    ) throws -> Int {
        guard count <= output.count else {
            throw ParquetError(.invalidArgument, "PLAIN output holds \(output.count) values, \(count) requested")
        }
        guard count > 0, let base = output.baseAddress else { return 0 }
        return try decodeFixed(input, count: count, width: MemoryLayout<T>.stride, into: UnsafeMutableRawPointer(base))
    }

    /// Decodes `count` bit-packed booleans into bytes holding 0 or 1.
    ///
    /// - Returns: the bytes consumed, `ceil(count / 8)`.
    public static func decodeBooleans(
        _ input: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutableBufferPointer<UInt8>
    ) throws -> Int {
        guard count >= 0, count <= output.count else {
            throw ParquetError(.invalidArgument, "boolean output holds \(output.count) values, \(count) requested")
        }
        let needed = (count + 7) / 8
        guard needed <= input.count else {
            throw ParquetError(.corruptData, "PLAIN booleans need \(needed) bytes, \(input.count) available")
        }
        for i in 0..<count {
            output[i] = (input[i >> 3] >> UInt8(i & 7)) & 1
        }
        return needed
    }

    /// Decodes `count` length-prefixed byte arrays, appending their end offsets to `offsets` and
    /// their bytes to `bytes`.
    ///
    /// Offsets are positions in `bytes`: the caller starts `offsets` with `[0]` (or with the end of
    /// what an earlier page appended).
    /// - Returns: the bytes consumed.
    public static func decodeByteArrays(
        _ input: UnsafeRawBufferPointer, count: Int, offsets: inout [Int64], bytes: inout [UInt8]
    ) throws -> Int {
        guard count >= 0 else { throw ParquetError(.invalidArgument, "negative value count") }
        // First pass: validate lengths and size the output once.
        var position = 0
        var payload = 0
        for _ in 0..<count {
            guard input.count - position >= 4 else {
                throw ParquetError(.corruptData, "PLAIN byte array length is truncated")
            }
            let length = Int(UInt32(littleEndian: input.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
            guard length <= input.count - position - 4 else {
                throw ParquetError(.corruptData, "PLAIN byte array of \(length) bytes exceeds the data")
            }
            position += 4 + length
            payload += length
        }
        offsets.reserveCapacity(offsets.count + count)
        let start = bytes.count
        bytes.reserveCapacity(start + payload)
        position = 0
        var end = Int64(start)
        for _ in 0..<count {
            let length = Int(UInt32(littleEndian: input.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[(position + 4)..<(position + 4 + length)]))
            position += 4 + length
            end += Int64(length)
            offsets.append(end)
        }
        return position
    }

    /// Appends the raw little-endian bytes of `values`.
    public static func encode<T: BitwiseCopyable>(_ values: UnsafeBufferPointer<T>, into out: inout [UInt8]) {
        out.append(contentsOf: UnsafeRawBufferPointer(values))
    }

    /// Appends booleans (bytes, non-zero = true) bit-packed LSB first, the last byte zero-padded.
    public static func encodeBooleans(_ values: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var i = 0
        let n = values.count
        out.reserveCapacity(out.count + (n + 7) / 8)
        while i < n {
            var byte: UInt8 = 0
            let end = min(i + 8, n)
            for k in i..<end where values[k] != 0 { byte |= 1 << UInt8(k - i) }
            out.append(byte)
            i = end
        }
    }

    /// Appends byte arrays as `u32 length + bytes`; value `i` is `bytes[offsets[i]..<offsets[i+1]]`.
    ///
    /// - Throws: `ParquetError(.invalidArgument)` when an offset lies outside `bytes`, decreases,
    ///   or a value is longer than `UInt32.max`.
    public static func encodeByteArrays(
        offsets: UnsafeBufferPointer<Int64>, bytes: UnsafeRawBufferPointer, into out: inout [UInt8]
    ) throws {
        guard offsets.count > 1 else { return }
        let first = offsets[0]
        let last = offsets[offsets.count - 1]
        guard first >= 0, last <= Int64(bytes.count), first <= last else {
            throw ParquetError(.invalidArgument, "byte array offsets \(first)...\(last) exceed \(bytes.count) bytes")
        }
        out.reserveCapacity(out.count + Int(last - first) + 4 * (offsets.count - 1))
        for i in 1..<offsets.count {
            let lo = offsets[i - 1]
            let hi = offsets[i]
            guard lo <= hi, hi - lo <= Int64(UInt32.max) else {
                throw ParquetError(.invalidArgument, "byte array offsets decrease or a value is too long")
            }
            let length = UInt32(hi - lo)
            withUnsafeBytes(of: length.littleEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[Int(lo)..<Int(hi)]))
        }
    }
}
