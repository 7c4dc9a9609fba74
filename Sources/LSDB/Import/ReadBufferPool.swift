import Foundation

/// Read buffers kept from one CSV file to the next.
///
/// A reader's buffer is a chunk (64 MB by default) plus one byte: too large for glibc's
/// per-thread arenas, so each new reader got a fresh mapping, and its first reads paid for
/// faulting in and zeroing 64 MB again (a third of the kernel time of a CSV import). Buffers
/// returned here are handed to the next reader that asks for the same size.
final class ReadBufferPool: @unchecked Sendable {
    static let shared = ReadBufferPool()

    private let lock = NSLock()
    private var free: [(pointer: UnsafeMutablePointer<UInt8>, capacity: Int)] = []
    /// Buffers kept at most; more are freed (one per import thread is enough).
    private let limit = 4

    /// A buffer of exactly `capacity` bytes, reused when one is free.
    func take(capacity: Int) -> UnsafeMutablePointer<UInt8> {
        lock.lock()
        if let i = free.firstIndex(where: { $0.capacity == capacity }) {
            let pointer = free.remove(at: i).pointer
            lock.unlock()
            return pointer
        }
        lock.unlock()
        return .allocate(capacity: capacity)
    }

    /// Frees the buffers kept (at the end of an import, so that they do not outlive it).
    func drain() {
        lock.lock()
        let buffers = free
        free.removeAll()
        lock.unlock()
        for buffer in buffers { buffer.pointer.deallocate() }
    }

    /// Returns a buffer from ``take(capacity:)`` (or of that size) for reuse.
    func give(_ pointer: UnsafeMutablePointer<UInt8>, capacity: Int) {
        lock.lock()
        if free.count < limit {
            free.append((pointer, capacity))
            lock.unlock()
            return
        }
        lock.unlock()
        pointer.deallocate()
    }
}
