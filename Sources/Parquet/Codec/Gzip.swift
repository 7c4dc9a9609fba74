import CZlib

/// Gzip members (RFC 1952), several of which may be concatenated; zlib streams are accepted too.
enum Gzip {
    static func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        if input.isEmpty { return 0 }
        var stream = z_stream()
        // 15 + 32: a 32 KiB window with automatic gzip/zlib header detection.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ParquetError(.decompression, "GZIP: cannot initialise zlib")
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: basePointer(input).assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(clamping: input.count)
        stream.next_out = basePointer(output).assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(clamping: output.count)
        guard input.count <= Int(UInt32.max), output.count <= Int(UInt32.max) else {
            throw ParquetError(.decompression, "GZIP: page larger than 4 GiB")
        }
        while true {
            let status = inflate(&stream, Z_NO_FLUSH)
            if status == Z_STREAM_END {
                // Another member may follow; skip trailing zero padding.
                var rest = Int(stream.avail_in)
                while rest > 0, stream.next_in.pointee == 0 {
                    stream.next_in += 1
                    rest -= 1
                }
                stream.avail_in = uInt(rest)
                if rest == 0 { break }
                guard inflateReset(&stream) == Z_OK else { throw ParquetError(.decompression, "GZIP: reset failed") }
                continue
            }
            if status == Z_OK {
                if stream.avail_out == 0 {
                    throw ParquetError(.decompression, "GZIP: data expands past the declared \(output.count) bytes")
                }
                if stream.avail_in == 0 { throw ParquetError(.decompression, "GZIP: truncated stream") }
                continue
            }
            if status == Z_BUF_ERROR, stream.avail_out == 0 {
                throw ParquetError(.decompression, "GZIP: data expands past the declared \(output.count) bytes")
            }
            let detail = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            throw ParquetError(.decompression, "GZIP: \(detail)")
        }
        return output.count - Int(stream.avail_out)
    }

    static func compress(_ input: UnsafeRawBufferPointer, level: Int) throws -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: write a gzip header and trailer.
        guard deflateInit2_(&stream, Int32(clamping: level), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                             zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ParquetError(.decompression, "GZIP: cannot initialise zlib")
        }
        defer { deflateEnd(&stream) }
        guard input.count <= Int(UInt32.max) else { throw ParquetError(.decompression, "GZIP: page larger than 4 GiB") }
        let capacity = Int(deflateBound(&stream, uLong(input.count))) + 32
        return try withOutputArray(capacity: capacity) { out in
            stream.next_in = UnsafeMutablePointer(mutating: basePointer(input).assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = basePointer(out).assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(clamping: out.count)
            guard deflate(&stream, Z_FINISH) == Z_STREAM_END else {
                throw ParquetError(.decompression, "GZIP: compression failed")
            }
            return Int(stream.total_out)
        }
    }
}
