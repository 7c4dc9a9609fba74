#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Brotli streams, through the system's libbrotlidec/libbrotlienc loaded at run time (the
/// package declares no Brotli module); when the libraries are absent the codec reports
/// `.unsupported`.
enum Brotli {
    private typealias Decompress = @convention(c) (Int, UnsafePointer<UInt8>?, UnsafeMutablePointer<Int>?, UnsafeMutablePointer<UInt8>?) -> Int32
    private typealias Compress = @convention(c) (Int32, Int32, Int32, Int, UnsafePointer<UInt8>?, UnsafeMutablePointer<Int>?, UnsafeMutablePointer<UInt8>?) -> Int32
    private typealias MaxSize = @convention(c) (Int) -> Int

    private struct Functions: @unchecked Sendable {
        var decompress: Decompress?
        var compress: Compress?
        var maxSize: MaxSize?
    }

    private static let functions: Functions = {
        var f = Functions()
        for name in ["libbrotlidec.so.1", "libbrotlidec.so", "libbrotlidec.dylib"] {
            if let handle = dlopen(name, RTLD_NOW), let symbol = dlsym(handle, "BrotliDecoderDecompress") {
                f.decompress = unsafeBitCast(symbol, to: Decompress.self)
                break
            }
        }
        for name in ["libbrotlienc.so.1", "libbrotlienc.so", "libbrotlienc.dylib"] {
            if let handle = dlopen(name, RTLD_NOW), let c = dlsym(handle, "BrotliEncoderCompress"),
               let m = dlsym(handle, "BrotliEncoderMaxCompressedSize") {
                f.compress = unsafeBitCast(c, to: Compress.self)
                f.maxSize = unsafeBitCast(m, to: MaxSize.self)
                break
            }
        }
        return f
    }()

    /// Whether libbrotlidec could be loaded.
    static var isAvailable: Bool { functions.decompress != nil }

    static func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let decompress = functions.decompress else {
            throw ParquetError(.unsupported, "BROTLI needs libbrotlidec, which is not installed")
        }
        if input.isEmpty { return 0 }
        var size = output.count
        let ok = decompress(input.count, basePointer(input).assumingMemoryBound(to: UInt8.self), &size,
                            basePointer(output).assumingMemoryBound(to: UInt8.self))
        guard ok == 1 else { throw ParquetError(.decompression, "BROTLI: corrupt data or larger than declared") }
        return size
    }

    static func compress(_ input: UnsafeRawBufferPointer, level: Int) throws -> [UInt8] {
        guard let compress = functions.compress, let maxSize = functions.maxSize else {
            throw ParquetError(.unsupported, "BROTLI needs libbrotlienc, which is not installed")
        }
        let capacity = Swift.max(maxSize(input.count), 64)
        return try withOutputArray(capacity: capacity) { out in
            var size = out.count
            // lgwin 22 and generic mode are Brotli's defaults.
            let ok = compress(Int32(clamping: level), 22, 0, input.count, basePointer(input).assumingMemoryBound(to: UInt8.self),
                              &size, basePointer(out).assumingMemoryBound(to: UInt8.self))
            guard ok == 1 else { throw ParquetError(.decompression, "BROTLI: compression failed") }
            return size
        }
    }
}
