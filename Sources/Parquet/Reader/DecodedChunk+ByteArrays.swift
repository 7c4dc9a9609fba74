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
        growBytes(adding: payload, values: count)
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
    ///
    /// The dictionary's offsets were validated when it was decoded; each index is checked here.
    mutating func appendGatheredByteArrays(
        _ indices: UnsafeBufferPointer<UInt32>, dictionaryOffsets: [Int64], dictionaryBytes: [UInt8]
    ) throws {
        let entries = Swift.max(dictionaryOffsets.count - 1, 0)
        let start = bytes.count
        var end = Int64(start)
        var invalid = -1
        try dictionaryOffsets.withUnsafeBufferPointer { dict in
            // The dictionary's offsets are validated, so the sums cannot overflow.
            offsets.appendUninitialized(count: indices.count) { ends in
                for i in 0..<indices.count {
                    let index = Int(indices[i])
                    if index >= entries { invalid = index; ends[i] = end; continue }
                    end &+= dict[index &+ 1] &- dict[index]
                    ends[i] = end
                }
            }
            guard invalid < 0 else { throw ParquetError(.corruptData, "dictionary index \(invalid) out of \(entries) entries") }
            let payload = Int(end) - start
            growBytes(adding: payload, values: indices.count)
            bytes.appendUninitialized(count: payload) { out in
                guard let destination = out.baseAddress else { return }
                dictionaryBytes.withUnsafeBytes { source in
                    guard let base = source.baseAddress else { return }
                    Self.gather(indices, dict, from: base, sourceCount: source.count,
                                to: UnsafeMutableRawPointer(destination), count: payload)
                }
            }
        }
    }

    /// Copies the entries named by `indices` back to back; entries of up to 32 (or 64) bytes as
    /// two (or four) 16-byte vector moves when both sides have room for them, so that short
    /// strings avoid a `memcpy` call.
    @inline(__always)
    private static func gather(
        _ indices: UnsafeBufferPointer<UInt32>, _ dict: UnsafeBufferPointer<Int64>,
        from source: UnsafeRawPointer, sourceCount: Int, to destination: UnsafeMutableRawPointer, count: Int
    ) {
        guard let idx = indices.baseAddress, let offsets = dict.baseAddress else { return }
        @inline(__always) func move16(_ from: UnsafeRawPointer, _ to: UnsafeMutableRawPointer) {
            to.storeBytes(of: from.loadUnaligned(as: SIMD16<UInt8>.self), as: SIMD16<UInt8>.self)
        }
        var to = 0
        for i in 0..<indices.count {
            let k = Int(idx[i])
            let lo = Int(offsets[k]), length = Int(offsets[k &+ 1]) &- lo
            let src = source + lo, dst = destination + to
            if length <= 32, to &+ 32 <= count, lo &+ 32 <= sourceCount {
                move16(src, dst)
                move16(src + 16, dst + 16)
            } else if length <= 64, to &+ 64 <= count, lo &+ 64 <= sourceCount {
                move16(src, dst)
                move16(src + 16, dst + 16)
                move16(src + 32, dst + 32)
                move16(src + 48, dst + 48)
            } else {
                dst.copyMemory(from: src, byteCount: length)
            }
            to &+= length
        }
    }

    /// Appends byte arrays decoded elsewhere (`ends` starts with 0).
    ///
    /// - Throws: `.corruptData` unless `ends` never decrease and end at `joined.count`, so that
    ///   the chunk's offsets stay valid by construction.
    mutating func appendByteArrays(ends: [Int64], bytes joined: [UInt8]) throws {
        guard ends.first ?? 0 == 0, DecodedDictionary.monotone(ends, limit: Int64(joined.count)),
              ends.last ?? 0 == Int64(joined.count) else {
            throw ParquetError(.corruptData, "byte array lengths are inconsistent")
        }
        let base = Int64(bytes.count)
        joined.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
        let count = Swift.max(ends.count - 1, 0)
        offsets.appendUninitialized(count: count) { out in
            for i in 0..<count { out[i] = base + ends[i + 1] }
        }
    }
}
