import Synchronization

/// A small cache of recently computed values, safe to share between tasks: a value
/// asked for by two tasks at once is computed once (the second waits for it).
final class RecentCache<Key: Hashable & Sendable, Value>: @unchecked Sendable {
    private final class Slot: @unchecked Sendable {
        let lock = Mutex<Void>(())
        var value: Value?
    }

    private let capacity: Int
    private let slots = Mutex<[(key: Key, slot: Slot)]>([])

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// The cached value for `key`, computing it with `make` when absent.
    func value(for key: Key, _ make: () throws -> Value) throws -> Value {
        let slot = slots.withLock { list -> Slot in
            if let i = list.firstIndex(where: { $0.key == key }) {
                let entry = list.remove(at: i)
                list.append(entry)
                return entry.slot
            }
            let slot = Slot()
            list.append((key, slot))
            if list.count > capacity { list.removeFirst() }
            return slot
        }
        return try slot.lock.withLock { _ in
            if let value = slot.value { return value }
            let value = try make()
            slot.value = value
            return value
        }
    }
}
