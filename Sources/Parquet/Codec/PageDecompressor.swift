import CZstd
import Synchronization

/// Decompresses the pages of one column chunk into a single growable buffer, reused from page to
/// page, with one ZSTD decompression context for the whole chunk.
///
/// Each page's output is valid only until the next call: callers copy what they keep. Reusing the
/// buffer avoids mapping (and faulting in) fresh memory for every page once pages exceed the
/// allocator's mmap threshold.
final class PageDecompressor {
    private var buffer: UnsafeMutableRawPointer?
    private var capacity = 0
    private var zstdContext: OpaquePointer?

    init() {}

    deinit {
        buffer?.deallocate()
        if let zstdContext { ZstdContextPool.shared.release(zstdContext) }
    }

    /// Decompresses `input` with `codec` into the reused buffer and returns exactly `size` bytes.
    ///
    /// - Throws: `.decompression` when the codec fails or produces other than `size` bytes.
    func decompress(_ codec: CompressionCodec, _ input: UnsafeRawBufferPointer, size: Int) throws -> UnsafeRawBufferPointer {
        guard size >= 0 else { throw ParquetError(.decompression, "negative uncompressed size") }
        let output = UnsafeMutableRawBufferPointer(start: reserve(size), count: size)
        let produced: Int
        if codec == .zstd {
            produced = try Zstd.decompress(input, into: output, context: context())
        } else {
            produced = try codec.decompress(input, into: output)
        }
        guard produced == size else {
            throw ParquetError(.decompression, "\(codec) produced \(produced) bytes, the page header declares \(size)")
        }
        return UnsafeRawBufferPointer(output)
    }

    private func reserve(_ size: Int) -> UnsafeMutableRawPointer {
        if size > capacity || buffer == nil {
            buffer?.deallocate()
            capacity = Swift.max(size, capacity * 2, 64)
            buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        }
        return buffer!
    }

    private func context() throws -> OpaquePointer {
        if let zstdContext { return zstdContext }
        guard let created = ZstdContextPool.shared.acquire() else {
            throw ParquetError(.decompression, "ZSTD: cannot create a context")
        }
        zstdContext = created
        return created
    }
}

/// Decompression contexts kept for reuse across column chunks: creating one costs about as much as
/// decompressing a small page.
final class ZstdContextPool: Sendable {
    static let shared = ZstdContextPool()

    private struct Contexts: @unchecked Sendable { var free: [OpaquePointer] = [] }
    private let contexts = Mutex(Contexts())
    private let limit = 64

    /// A context from the pool, or a new one (`nil` when libzstd cannot allocate it).
    func acquire() -> OpaquePointer? {
        if let context = contexts.withLock({ $0.free.popLast() }) { return context }
        return ZSTD_createDCtx()
    }

    /// Returns a context to the pool (freed when the pool is full).
    func release(_ context: OpaquePointer) {
        let kept = contexts.withLock { state -> Bool in
            guard state.free.count < limit else { return false }
            state.free.append(context)
            return true
        }
        if !kept { ZSTD_freeDCtx(context) }
    }
}
