import Foundation

/// Runs `body(0..<count)` on up to `width` tasks at once, in index order of starting.
/// The first error cancels the rest and is rethrown.
func parallelForEach(_ count: Int, width: Int, _ body: @escaping @Sendable (Int) throws -> Void) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        var next = 0
        let width = max(1, min(width, count))
        while next < width {
            let i = next
            group.addTask { try body(i) }
            next += 1
        }
        while try await group.next() != nil {
            if next < count {
                let i = next
                group.addTask { try body(i) }
                next += 1
            }
        }
    }
}

/// A value shared between tasks behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access.
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
