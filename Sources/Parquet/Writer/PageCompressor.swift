import Dispatch
#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif

/// Compresses page bodies with the configured codec, several pages at a time when
/// `ParquetWriteOptions.concurrency` allows (slow codecs such as ZSTD level 15 dominate
/// write time, and pages compress independently).
struct PageCompressor {
    let options: ParquetWriteOptions

    /// The number of processors online, the default concurrency.
    static let processorCount: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// Returns the compressed bodies, in order (the bodies themselves when uncompressed).
    func compress(_ bodies: [[UInt8]]) throws -> [[UInt8]] {
        let codec = options.compression
        if codec == .uncompressed { return bodies }
        let workers = min(max(1, options.concurrency ?? Self.processorCount), bodies.count)
        if workers <= 1 {
            let context = codec == .zstd ? ZstdCompressionContext() : nil
            return try bodies.map { try compress($0, context: context) }
        }
        var results = [[UInt8]](repeating: [], count: bodies.count)
        var failures = [ParquetError?](repeating: nil, count: bodies.count)
        results.withUnsafeMutableBufferPointer { resultBuffer in
            failures.withUnsafeMutableBufferPointer { failureBuffer in
                let out = DisjointSlots(resultBuffer)
                let errors = DisjointSlots(failureBuffer)
                // Each worker takes every `workers`-th page, so no two write the same slot.
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    let context = codec == .zstd ? ZstdCompressionContext() : nil
                    var k = worker
                    while k < bodies.count {
                        do {
                            out[k] = try compress(bodies[k], context: context)
                        } catch let error as ParquetError {
                            errors[k] = error
                        } catch {
                            errors[k] = ParquetError(.decompression, "compression failed: \(error)")
                        }
                        k += workers
                    }
                }
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        return results
    }

    /// One body through the codec, with the worker's ZSTD context when there is one.
    private func compress(_ body: [UInt8], context: ZstdCompressionContext?) throws -> [UInt8] {
        guard let context else { return try options.compression.compress(body, level: options.compressionLevel) }
        return try body.withUnsafeBytes { try Zstd.compress($0, level: options.compressionLevel ?? 3, context: context) }
    }
}

/// Slots that concurrent workers fill, each worker writing only its own indices.
struct DisjointSlots<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        base = buffer.baseAddress!
    }

    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}
