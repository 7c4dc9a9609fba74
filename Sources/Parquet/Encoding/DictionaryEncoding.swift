// Dictionary-encoded data pages (RLE_DICTIONARY = 8, PLAIN_DICTIONARY = 2): a 1-byte bit width then
// RLE-hybrid indices with no length prefix; plus bounds-checked gathers from a decoded dictionary.
//
//     public enum DictionaryEncoding {
//         static func decodeIndices(_ input: UnsafeRawBufferPointer, count: Int,
//                                   into output: UnsafeMutableBufferPointer<UInt32>) throws -> Int
//         static func gather<T>(indices: UnsafeBufferPointer<UInt32>, dictionary: UnsafeBufferPointer<T>,
//                               into output: UnsafeMutableBufferPointer<T>) throws
//         static func gatherFixed(indices: UnsafeBufferPointer<UInt32>, dictionary: UnsafeRawBufferPointer,
//                                 width: Int, into output: UnsafeMutableRawPointer) throws
//         static func gatherByteArrays(indices: UnsafeBufferPointer<UInt32>,
//                                      dictionaryOffsets: UnsafeBufferPointer<Int64>,
//                                      dictionaryBytes: UnsafeRawBufferPointer,
//                                      offsets: inout [Int64], bytes: inout [UInt8]) throws
//         static func encodeIndices(_ indices: UnsafeBufferPointer<UInt32>, dictionaryCount: Int,
//                                   into out: inout [UInt8])
//     }

/// Dictionary indices and dictionary lookups.
public enum DictionaryEncoding {
    /// Decodes `count` dictionary indices: a bit-width byte (0...32) then RLE-hybrid runs.
    ///
    /// - Returns: the bytes consumed.
    public static func decodeIndices(
        _ input: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutableBufferPointer<UInt32>
    ) throws -> Int {
        guard count > 0 else { return 0 }
        guard input.count >= 1 else {
            throw ParquetError(.corruptData, "dictionary-encoded page has no bit-width byte")
        }
        let width = Int(input[0])
        guard width <= 32 else {
            throw ParquetError(.corruptData, "dictionary index bit width \(width) exceeds 32")
        }
        let body = UnsafeRawBufferPointer(rebasing: input[1...])
        return 1 + (try RLEHybrid.decode(body, bitWidth: width, count: count, into: output))
    }

    /// Writes `dictionary[indices[i]]` to `output[i]` for every index.
    ///
    /// - Throws: `ParquetError(.corruptData)` for an index at or past the dictionary's end.
    public static func gather<T>(
        indices: UnsafeBufferPointer<UInt32>, dictionary: UnsafeBufferPointer<T>,
        into output: UnsafeMutableBufferPointer<T>
    ) throws {
        guard indices.count <= output.count else {
            throw ParquetError(.invalidArgument, "gather output holds \(output.count) values, \(indices.count) requested")
        }
        guard let dst = output.baseAddress, let dict = dictionary.baseAddress else {
            if indices.isEmpty { return }
            throw ParquetError(.corruptData, "dictionary index into an empty dictionary")
        }
        let size = UInt32(truncatingIfNeeded: dictionary.count)
        var bad = false
        for i in 0..<indices.count {
            let index = indices[i]
            bad = bad || index >= size
            dst[i] = dict[Int(index < size ? index : 0)]
        }
        if bad { throw outOfRange(indices, dictionary.count) }
    }

    /// Copies `width`-byte entries of a PLAIN fixed-width `dictionary` (INT96, FLBA, …) by index.
    public static func gatherFixed(
        indices: UnsafeBufferPointer<UInt32>, dictionary: UnsafeRawBufferPointer, width: Int,
        into output: UnsafeMutableRawPointer
    ) throws {
        guard width > 0 else { throw ParquetError(.invalidArgument, "fixed width must be positive") }
        let size = dictionary.count / width
        guard let dict = dictionary.baseAddress else {
            if indices.isEmpty { return }
            throw ParquetError(.corruptData, "dictionary index into an empty dictionary")
        }
        for i in 0..<indices.count {
            let index = Int(indices[i])
            guard index < size else { throw outOfRange(indices, size) }
            (output + i * width).copyMemory(from: dict + index * width, byteCount: width)
        }
    }

    /// Appends the dictionary byte arrays named by `indices` to `offsets`/`bytes` (as in
    /// `PlainEncoding.decodeByteArrays`). The dictionary's entry `k` is
    /// `dictionaryBytes[dictionaryOffsets[k]..<dictionaryOffsets[k+1]]`.
    public static func gatherByteArrays(
        indices: UnsafeBufferPointer<UInt32>, dictionaryOffsets: UnsafeBufferPointer<Int64>,
        dictionaryBytes: UnsafeRawBufferPointer, offsets: inout [Int64], bytes: inout [UInt8]
    ) throws {
        let size = max(dictionaryOffsets.count - 1, 0)
        var payload = 0
        for index in indices {
            guard Int(index) < size else { throw outOfRange(indices, size) }
            let lo = dictionaryOffsets[Int(index)]
            let hi = dictionaryOffsets[Int(index) + 1]
            guard lo >= 0, lo <= hi, hi <= Int64(dictionaryBytes.count) else {
                throw ParquetError(.corruptData, "dictionary offsets are inconsistent")
            }
            payload += Int(hi - lo)
        }
        offsets.reserveCapacity(offsets.count + indices.count)
        let start = bytes.count
        bytes.reserveCapacity(start + payload)
        var end = Int64(start)
        for index in indices {
            let lo = Int(dictionaryOffsets[Int(index)])
            let hi = Int(dictionaryOffsets[Int(index) + 1])
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: dictionaryBytes[lo..<hi]))
            end += Int64(hi - lo)
            offsets.append(end)
        }
    }

    /// Appends a data-page values section: the bit width for `dictionaryCount` entries, then the
    /// indices RLE-hybrid encoded without a length prefix.
    public static func encodeIndices(
        _ indices: UnsafeBufferPointer<UInt32>, dictionaryCount: Int, into out: inout [UInt8]
    ) {
        let width = bitWidth(dictionaryCount: dictionaryCount)
        out.append(UInt8(width))
        RLEHybrid.encode(indices, bitWidth: width, into: &out)
    }

    /// The index bit width for a dictionary of `dictionaryCount` entries (at least 1, as pyarrow writes).
    public static func bitWidth(dictionaryCount: Int) -> Int {
        max(1, bitsNeeded(UInt64(max(dictionaryCount - 1, 0))))
    }

    static func outOfRange(_ indices: UnsafeBufferPointer<UInt32>, _ size: Int) -> ParquetError {
        let worst = indices.max() ?? 0
        return ParquetError(.corruptData, "dictionary index \(worst) out of range for \(size) entries")
    }
}
