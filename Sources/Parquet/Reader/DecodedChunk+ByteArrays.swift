import Columnar

/// Byte-array values appended straight into the chunk's offset and byte builders, which become
/// the column's buffers without another copy.
extension DecodedChunk {
    /// Appends `count` PLAIN byte arrays (`u32 length` + bytes each).
    mutating func appendPlainByteArrays(_ data: UnsafeRawBufferPointer, count: Int) throws {
        var position = 0
        var payload = 0
        for _ in 0..<count {
            guard data.count - position >= 4 else {
                throw ParquetError(.corruptData, "PLAIN byte array length is truncated")
            }
            let length = Int(UInt32(littleEndian: data.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
            guard length <= data.count - position - 4 else {
                throw ParquetError(.corruptData, "PLAIN byte array of \(length) bytes exceeds the data")
            }
            position += 4 + length
            payload += length
        }
        guard let source = data.baseAddress else { return }
        bytes.appendUninitialized(count: payload) { out in
            guard let destination = out.baseAddress else { return }
            var from = 0
            var to = 0
            for _ in 0..<count {
                let length = Int(UInt32(littleEndian: data.loadUnaligned(fromByteOffset: from, as: UInt32.self)))
                (UnsafeMutableRawPointer(destination) + to).copyMemory(from: source + from + 4, byteCount: length)
                from += 4 + length
                to += length
            }
        }
        var end = Int64(bytes.count - payload)
        offsets.appendUninitialized(count: count) { ends in
            var from = 0
            for i in 0..<count {
                let length = Int(UInt32(littleEndian: data.loadUnaligned(fromByteOffset: from, as: UInt32.self)))
                from += 4 + length
                end += Int64(length)
                ends[i] = end
            }
        }
    }

    /// Appends the dictionary entries named by `indices`.
    mutating func appendGatheredByteArrays(
        _ indices: [UInt32], dictionaryOffsets: [Int64], dictionaryBytes: [UInt8]
    ) throws {
        let entries = Swift.max(dictionaryOffsets.count - 1, 0)
        let payload = try indices.withUnsafeBufferPointer { idx in
            try dictionaryOffsets.withUnsafeBufferPointer { dict in
                var total = 0
                for k in idx {
                    let index = Int(k)
                    guard index < entries else {
                        throw ParquetError(.corruptData, "dictionary index \(index) out of \(entries) entries")
                    }
                    let lo = dict[index], hi = dict[index + 1]
                    guard lo >= 0, lo <= hi, hi <= Int64(dictionaryBytes.count) else {
                        throw ParquetError(.corruptData, "dictionary offsets are inconsistent")
                    }
                    total += Int(hi - lo)
                }
                return total
            }
        }
        let start = bytes.count
        bytes.appendUninitialized(count: payload) { out in
            guard let destination = out.baseAddress else { return }
            indices.withUnsafeBufferPointer { idx in
                dictionaryOffsets.withUnsafeBufferPointer { dict in
                    dictionaryBytes.withUnsafeBytes { source in
                        guard let base = source.baseAddress else { return }
                        var to = 0
                        for k in idx {
                            let lo = Int(dict[Int(k)]), length = Int(dict[Int(k) + 1]) - lo
                            (UnsafeMutableRawPointer(destination) + to).copyMemory(from: base + lo, byteCount: length)
                            to += length
                        }
                    }
                }
            }
        }
        var end = Int64(start)
        offsets.appendUninitialized(count: indices.count) { ends in
            indices.withUnsafeBufferPointer { idx in
                dictionaryOffsets.withUnsafeBufferPointer { dict in
                    for (i, k) in idx.enumerated() {
                        end += dict[Int(k) + 1] - dict[Int(k)]
                        ends[i] = end
                    }
                }
            }
        }
    }

    /// Appends byte arrays decoded elsewhere (`ends` starts with 0).
    mutating func appendByteArrays(ends: [Int64], bytes joined: [UInt8]) {
        let base = Int64(bytes.count)
        joined.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
        let count = Swift.max(ends.count - 1, 0)
        offsets.appendUninitialized(count: count) { out in
            for i in 0..<count { out[i] = base + ends[i + 1] }
        }
    }
}
