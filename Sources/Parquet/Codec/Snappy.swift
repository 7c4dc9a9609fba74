import CSnappy

/// Raw snappy blocks (not the framing format), as Parquet stores them.
enum Snappy {
    static func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        let src = basePointer(input).assumingMemoryBound(to: CChar.self)
        var length = 0
        guard snappy_uncompressed_length(src, input.count, &length) == SNAPPY_OK else {
            throw ParquetError(.decompression, "SNAPPY: corrupt block header")
        }
        guard length <= output.count else {
            throw ParquetError(.decompression, "SNAPPY: block expands to \(length) bytes, more than the declared \(output.count)")
        }
        if length == 0 { return 0 }
        var produced = output.count
        let dst = basePointer(output).assumingMemoryBound(to: CChar.self)
        guard snappy_uncompress(src, input.count, dst, &produced) == SNAPPY_OK else {
            throw ParquetError(.decompression, "SNAPPY: corrupt data")
        }
        return produced
    }

    static func compress(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        let capacity = snappy_max_compressed_length(input.count)
        return try withOutputArray(capacity: capacity) { out in
            var length = out.count
            let status = snappy_compress(basePointer(input).assumingMemoryBound(to: CChar.self), input.count,
                                         basePointer(out).assumingMemoryBound(to: CChar.self), &length)
            guard status == SNAPPY_OK else { throw ParquetError(.decompression, "SNAPPY: compression failed") }
            return length
        }
    }
}
