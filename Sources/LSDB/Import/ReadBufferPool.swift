import Foundation

/// Read buffers kept from one CSV file to the next.
///
/// A reader's buffer is a chunk (64 MB by default) plus one byte: too large for glibc's
/// per-thread arenas, so each new reader got a fresh mapping, and its first reads paid for
/// faulting in and zeroing 64 MB again (a third of the kernel time of a CSV import). Buffers
/// returned here are handed to the next reader that asks for the same size.
final class ReadBufferPool: Sendable {
    static let shared = ReadBufferPool()

    private let free = Locked<[(pointer: UnsafeMutablePointer<UInt8>, capacity: Int)]>([])
    /// Buffers kept at most; more are freed (one per import thread is enough).
    private let limit = 4

    /// A buffer of exactly `capacity` bytes, reused when one is free.
    func take(capacity: Int) -> UnsafeMutablePointer<UInt8> {
        let reused = free.withLock { free in
            free.firstIndex { $0.capacity == capacity }.map { free.remove(at: $0).pointer }
        }
        return reused ?? .allocate(capacity: capacity)
    }

    /// Returns a buffer from ``take(capacity:)`` (or of that size) for reuse.
    func give(_ pointer: UnsafeMutablePointer<UInt8>, capacity: Int) {
        let kept = free.withLock { free -> Bool in
            guard free.count < limit else { return false }
            free.append((pointer, capacity))
            return true
        }
        if !kept { pointer.deallocate() }
    }

    /// Frees the buffers kept (at the end of an import, so that they do not outlive it).
    func drain() {
        for buffer in free.withLock({ free in defer { free = [] }; return free }) { buffer.pointer.deallocate() }
    }
}
