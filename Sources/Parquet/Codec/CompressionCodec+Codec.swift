/// Compression and decompression of page bodies, keyed by the page's `CompressionCodec`.
///
/// Decompression writes into a caller-sized buffer (the page header's uncompressed size), so a
/// hostile page can never make a codec allocate more than the header declares; the reader checks
/// the declared size against its own limits before allocating.
extension CompressionCodec {
    /// Whether this implementation can decompress (and compress) pages of this codec.
    public var isSupported: Bool {
        switch self {
        case .uncompressed, .snappy, .gzip, .zstd, .lz4Raw, .lz4: true
        case .brotli: Brotli.isAvailable
        default: false
        }
    }

    /// Decompresses `input` into `output`, which must be exactly the expected uncompressed size.
    ///
    /// - Returns: the number of bytes produced (callers treat anything but `output.count` as corrupt).
    /// - Throws: `ParquetError` `.decompression` when the data is corrupt or larger than `output`,
    ///   `.unsupported` for codecs not implemented (LZO, unknown; BROTLI without libbrotli).
    public func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        switch self {
        case .uncompressed:
            guard input.count <= output.count else {
                throw ParquetError(.decompression, "uncompressed page body of \(input.count) bytes exceeds its declared \(output.count)")
            }
            if input.count > 0, let dst = output.baseAddress, let src = input.baseAddress {
                dst.copyMemory(from: src, byteCount: input.count)
            }
            return input.count
        case .snappy: return try Snappy.decompress(input, into: output)
        case .gzip: return try Gzip.decompress(input, into: output)
        case .zstd: return try Zstd.decompress(input, into: output)
        case .lz4Raw: return try LZ4Block.decompress(input, into: output)
        case .lz4: return try LZ4Block.decompressHadoopOrRaw(input, into: output)
        case .brotli: return try Brotli.decompress(input, into: output)
        default: throw ParquetError(.unsupported, "compression codec \(self) is not supported")
        }
    }

    /// Decompresses `input` into a new array of exactly `uncompressedSize` bytes.
    ///
    /// - Throws: `.decompression` when the output is not exactly `uncompressedSize` bytes.
    public func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int) throws -> [UInt8] {
        guard uncompressedSize >= 0 else { throw ParquetError(.decompression, "negative uncompressed size") }
        var produced = 0
        let out = try [UInt8](unsafeUninitializedCapacity: uncompressedSize) { buffer, initialized in
            produced = try decompress(input, into: UnsafeMutableRawBufferPointer(buffer))
            // Zero any shortfall so the array is fully initialised before the size check throws.
            if produced < uncompressedSize {
                UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[produced...])
                    .initializeMemory(as: UInt8.self, repeating: 0)
            }
            initialized = uncompressedSize
        }
        guard produced == uncompressedSize else {
            throw ParquetError(.decompression, "\(self) produced \(produced) bytes, the page header declares \(uncompressedSize)")
        }
        return out
    }

    /// Compresses `input`.
    ///
    /// - Parameter level: the codec's compression level where it has one (ZSTD: 1…22, default 3;
    ///   GZIP: 0…9, default 6; BROTLI: 0…11, default 1); ignored by the others.
    public func compress(_ input: UnsafeRawBufferPointer, level: Int? = nil) throws -> [UInt8] {
        switch self {
        case .uncompressed: return Array(input)
        case .snappy: return try Snappy.compress(input)
        case .gzip: return try Gzip.compress(input, level: level ?? 6)
        case .zstd: return try Zstd.compress(input, level: level ?? 3)
        case .lz4Raw: return try LZ4Block.compress(input)
        case .lz4: return try LZ4Block.compressHadoop(input)
        case .brotli: return try Brotli.compress(input, level: level ?? 1)
        default: throw ParquetError(.unsupported, "compression codec \(self) is not supported")
        }
    }

    /// Compresses a byte array.
    public func compress(_ input: [UInt8], level: Int? = nil) throws -> [UInt8] {
        try input.withUnsafeBytes { try compress($0, level: level) }
    }
}

/// Runs `body` with an output array of `capacity` bytes and keeps the first `count` it reports.
func withOutputArray(capacity: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> Int) rethrows -> [UInt8] {
    var count = 0
    var out = try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
        count = try body(UnsafeMutableRawBufferPointer(buffer))
        initialized = Swift.min(Swift.max(count, 0), capacity)
    }
    out.removeSubrange(Swift.min(Swift.max(count, 0), out.count)...)
    return out
}

/// A non-null base pointer for a possibly empty input buffer.
func basePointer(_ buffer: UnsafeRawBufferPointer) -> UnsafeRawPointer {
    buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
}

/// A non-null base pointer for a possibly empty output buffer.
func basePointer(_ buffer: UnsafeMutableRawBufferPointer) -> UnsafeMutableRawPointer {
    buffer.baseAddress ?? UnsafeMutableRawPointer(bitPattern: 1)!
}
