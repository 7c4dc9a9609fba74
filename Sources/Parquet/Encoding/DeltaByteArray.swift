// DELTA_LENGTH_BYTE_ARRAY (Encoding 6) and DELTA_BYTE_ARRAY (Encoding 7).
//
//     public enum DeltaLengthByteArray {
//         // Appends `count` values to offsets/bytes (as PlainEncoding.decodeByteArrays); returns bytes consumed.
//         static func decode(_ input: UnsafeRawBufferPointer, count: Int,
//                            offsets: inout [Int64], bytes: inout [UInt8]) throws -> Int
//         static func encode(offsets: UnsafeBufferPointer<Int64>, bytes: UnsafeRawBufferPointer,
//                            into out: inout [UInt8]) throws
//     }
//     public enum DeltaByteArray {
//         static func decode(_ input: UnsafeRawBufferPointer, count: Int,
//                            offsets: inout [Int64], bytes: inout [UInt8]) throws -> Int
//         static func encode(offsets: UnsafeBufferPointer<Int64>, bytes: UnsafeRawBufferPointer,
//                            into out: inout [UInt8]) throws
//     }

/// The largest total of decoded bytes one DELTA byte-array page may produce (prefix sharing lets a
/// small page expand; this bounds the allocation a corrupt page can cause).
let maxDeltaByteArrayOutput = 1 << 31

/// DELTA_LENGTH_BYTE_ARRAY: DELTA_BINARY_PACKED lengths, then the concatenated bytes.
public enum DeltaLengthByteArray {
    /// Decodes `count` values, appending end offsets to `offsets` and bytes to `bytes`.
    ///
    /// - Returns: the bytes consumed.
    public static func decode(
        _ input: UnsafeRawBufferPointer, count: Int, offsets: inout [Int64], bytes: inout [UInt8]
    ) throws -> Int {
        let (lengths, lengthBytes) = try DeltaBinaryPacked.decodeInt32(input, limit: max(count, input.count))
        guard lengths.count >= count, count >= 0 else {
            throw ParquetError(.corruptData, "DELTA_LENGTH_BYTE_ARRAY holds \(lengths.count) lengths, \(count) expected")
        }
        var total = 0
        for k in 0..<count {
            guard lengths[k] >= 0 else { throw ParquetError(.corruptData, "negative byte array length") }
            total += Int(lengths[k])
        }
        guard total <= input.count - lengthBytes else {
            throw ParquetError(.corruptData, "DELTA_LENGTH_BYTE_ARRAY needs \(total) bytes, \(input.count - lengthBytes) left")
        }
        offsets.reserveCapacity(offsets.count + count)
        var end = Int64(bytes.count)
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[lengthBytes..<(lengthBytes + total)]))
        for k in 0..<count {
            end += Int64(lengths[k])
            offsets.append(end)
        }
        var consumed = lengthBytes + total
        // Values past `count` (none in well-formed pages) are skipped when their bytes are present.
        for k in count..<lengths.count where lengths[k] > 0 && Int(lengths[k]) <= input.count - consumed {
            consumed += Int(lengths[k])
        }
        return consumed
    }

    /// Appends values `bytes[offsets[i]..<offsets[i+1]]` as DELTA_LENGTH_BYTE_ARRAY.
    public static func encode(
        offsets: UnsafeBufferPointer<Int64>, bytes: UnsafeRawBufferPointer, into out: inout [UInt8]
    ) throws {
        let count = max(offsets.count - 1, 0)
        var lengths = [Int32](repeating: 0, count: count)
        for i in 0..<count {
            let length = offsets[i + 1] - offsets[i]
            guard length >= 0, length <= Int64(Int32.max), offsets[i] >= 0, offsets[i + 1] <= Int64(bytes.count) else {
                throw ParquetError(.invalidArgument, "byte array offsets are invalid at value \(i)")
            }
            lengths[i] = Int32(length)
        }
        lengths.withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: &out) }
        if count > 0 {
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[Int(offsets[0])..<Int(offsets[count])]))
        }
    }
}

/// DELTA_BYTE_ARRAY (incremental encoding): prefix lengths, suffix lengths, suffix bytes.
public enum DeltaByteArray {
    /// Decodes `count` values (each page starts from an empty previous value), appending end
    /// offsets to `offsets` and bytes to `bytes`.
    ///
    /// - Returns: the bytes consumed.
    public static func decode(
        _ input: UnsafeRawBufferPointer, count: Int, offsets: inout [Int64], bytes: inout [UInt8]
    ) throws -> Int {
        let limit = max(count, input.count)
        let (prefixes, prefixBytes) = try DeltaBinaryPacked.decodeInt32(input, limit: limit)
        let rest = UnsafeRawBufferPointer(rebasing: input[prefixBytes...])
        let (suffixes, suffixBytes) = try DeltaBinaryPacked.decodeInt32(rest, limit: limit)
        guard count >= 0, prefixes.count >= count, suffixes.count >= count else {
            throw ParquetError(.corruptData, "DELTA_BYTE_ARRAY holds \(min(prefixes.count, suffixes.count)) values, \(count) expected")
        }
        let dataStart = prefixBytes + suffixBytes
        var suffixTotal = 0
        var outputTotal = 0
        var previousLength = 0
        for k in 0..<count {
            let p = Int(prefixes[k])
            let s = Int(suffixes[k])
            guard p >= 0, s >= 0, p <= previousLength else {
                throw ParquetError(.corruptData, "DELTA_BYTE_ARRAY prefix \(p) or suffix \(s) is invalid at value \(k)")
            }
            suffixTotal += s
            outputTotal += p + s
            guard suffixTotal <= input.count - dataStart, outputTotal <= maxDeltaByteArrayOutput else {
                throw ParquetError(.corruptData, "DELTA_BYTE_ARRAY suffixes exceed the page")
            }
            previousLength = p + s
        }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: outputTotal))
        offsets.reserveCapacity(offsets.count + count)
        bytes.withUnsafeMutableBytes { out in
            guard let base = out.baseAddress, let src = input.baseAddress else { return }
            var write = start
            var previousStart = start
            var read = dataStart
            for k in 0..<count {
                let p = Int(prefixes[k])
                let s = Int(suffixes[k])
                if p > 0 { (base + write).copyMemory(from: base + previousStart, byteCount: p) }
                if s > 0 { (base + write + p).copyMemory(from: src + read, byteCount: s) }
                previousStart = write
                write += p + s
                read += s
                offsets.append(Int64(write))
            }
        }
        return dataStart + suffixTotal
    }

    /// Appends values `bytes[offsets[i]..<offsets[i+1]]` as DELTA_BYTE_ARRAY.
    public static func encode(
        offsets: UnsafeBufferPointer<Int64>, bytes: UnsafeRawBufferPointer, into out: inout [UInt8]
    ) throws {
        let count = max(offsets.count - 1, 0)
        var prefixes = [Int32](repeating: 0, count: count)
        var suffixes = [Int32](repeating: 0, count: count)
        var suffixData: [UInt8] = []
        var previous = 0..<0
        for i in 0..<count {
            let lo = offsets[i]
            let hi = offsets[i + 1]
            guard lo >= 0, lo <= hi, hi <= Int64(bytes.count), hi - lo <= Int64(Int32.max) else {
                throw ParquetError(.invalidArgument, "byte array offsets are invalid at value \(i)")
            }
            let current = Int(lo)..<Int(hi)
            var shared = 0
            let limit = min(previous.count, current.count)
            while shared < limit && bytes[previous.lowerBound + shared] == bytes[current.lowerBound + shared] {
                shared += 1
            }
            prefixes[i] = Int32(shared)
            suffixes[i] = Int32(current.count - shared)
            suffixData.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[(current.lowerBound + shared)..<current.upperBound]))
            previous = current
        }
        prefixes.withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: &out) }
        suffixes.withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: &out) }
        out.append(contentsOf: suffixData)
    }
}
