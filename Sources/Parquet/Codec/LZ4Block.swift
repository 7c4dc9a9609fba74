import CLZ4

/// LZ4 blocks: raw (`LZ4_RAW`) and the Hadoop framing of the deprecated `LZ4` codec.
enum LZ4Block {
    static func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        if input.isEmpty { return 0 }
        guard input.count <= Int(Int32.max), output.count <= Int(Int32.max) else {
            throw ParquetError(.decompression, "LZ4: block larger than 2 GiB")
        }
        let n = LZ4_decompress_safe(basePointer(input).assumingMemoryBound(to: CChar.self),
                                    basePointer(output).assumingMemoryBound(to: CChar.self),
                                    Int32(input.count), Int32(output.count))
        guard n >= 0 else { throw ParquetError(.decompression, "LZ4: corrupt block") }
        return Int(n)
    }

    /// Tries Hadoop framing (`[u32 BE raw size][u32 BE compressed size][block]…`, every frame
    /// exact and all input consumed), else a single raw block, as Arrow does.
    static func decompressHadoopOrRaw(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        if let n = try? decompressHadoop(input, into: output) { return n }
        return try decompress(input, into: output)
    }

    private static func decompressHadoop(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        var inPos = 0
        var outPos = 0
        while inPos < input.count {
            guard input.count - inPos >= 8 else { throw ParquetError(.decompression, "LZ4: truncated Hadoop frame") }
            let raw = Int(UInt32(bigEndian: input.loadUnaligned(fromByteOffset: inPos, as: UInt32.self)))
            let packed = Int(UInt32(bigEndian: input.loadUnaligned(fromByteOffset: inPos + 4, as: UInt32.self)))
            inPos += 8
            guard packed <= input.count - inPos, raw <= output.count - outPos else {
                throw ParquetError(.decompression, "LZ4: Hadoop frame out of bounds")
            }
            let n = try decompress(UnsafeRawBufferPointer(rebasing: input[inPos..<(inPos + packed)]),
                                   into: UnsafeMutableRawBufferPointer(rebasing: output[outPos..<(outPos + raw)]))
            guard n == raw else { throw ParquetError(.decompression, "LZ4: Hadoop frame size mismatch") }
            inPos += packed
            outPos += raw
        }
        return outPos
    }

    static func compress(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        guard input.count <= Int(LZ4_MAX_INPUT_SIZE) else { throw ParquetError(.decompression, "LZ4: input too large") }
        let capacity = Int(LZ4_compressBound(Int32(input.count)))
        return try withOutputArray(capacity: capacity) { out in
            let n = LZ4_compress_default(basePointer(input).assumingMemoryBound(to: CChar.self),
                                         basePointer(out).assumingMemoryBound(to: CChar.self),
                                         Int32(input.count), Int32(out.count))
            guard n > 0 || input.isEmpty else { throw ParquetError(.decompression, "LZ4: compression failed") }
            return Int(n)
        }
    }

    /// One Hadoop frame holding the whole input.
    static func compressHadoop(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        let block = try compress(input)
        var out: [UInt8] = []
        out.reserveCapacity(block.count + 8)
        for v in [UInt32(input.count), UInt32(block.count)] {
            withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) }
        }
        out.append(contentsOf: block)
        return out
    }
}
