/// A growable array of `T` whose memory becomes a ``Buffer`` without a copy.
///
/// Decoders that produce values in pieces (one Parquet page at a time, say) append into a
/// builder and call ``finish()`` once. The builder has value semantics: after `finish()`, or after
/// copying the builder, the next mutation copies the storage rather than changing a buffer that
/// is already in use.
///
///     var builder = BufferBuilder<Int64>(capacity: rowCount)
///     builder.appendUninitialized(count: pageValues) { out in
///         decodePlain(into: out)
///     }
///     let buffer = builder.finish()
public struct BufferBuilder<T: BitwiseCopyable> {
    @usableFromInline var storage: BufferStorage
    @usableFromInline var _count: Int

    /// The number of elements appended so far.
    @inlinable
    public var count: Int { _count }

    /// Creates an empty builder with room for `capacity` elements.
    public init(capacity: Int = 0) {
        storage = BufferStorage(capacity: Swift.max(capacity, 0) * MemoryLayout<T>.stride)
        _count = 0
    }

    /// The number of elements the builder can hold before it must grow.
    @inlinable
    public var capacity: Int { storage.capacity / MemoryLayout<T>.stride }

    @usableFromInline
    var elements: UnsafeMutablePointer<T> { storage.base.assumingMemoryBound(to: T.self) }

    /// Makes sure there is room for `minimumCapacity` elements in total, and that the storage is
    /// not shared.
    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        reserveCapacity(minimumCapacity, mapped: false)
    }

    /// Makes sure there is room for `minimumCapacity` elements in total, and that the storage is
    /// not shared; with `mapped`, the storage moves to an anonymous mapping from 64 KiB on
    /// (instead of ``BufferStorage/mappingThreshold``).
    ///
    /// A builder that will grow large from small appends (a result gathered partition by
    /// partition) should ask for a mapping from the start: every later doubling then moves
    /// page-table entries instead of copying bytes into freshly faulted memory, so each byte
    /// is written and faulted once.
    public mutating func reserveCapacity(_ minimumCapacity: Int, mapped: Bool) {
        let unique = isKnownUniquelyReferenced(&storage)
        if unique && minimumCapacity <= capacity { return }
        let newCapacity = unique ? Swift.max(minimumCapacity, capacity * 2, 16) : Swift.max(minimumCapacity, capacity)
        let bytes = newCapacity * MemoryLayout<T>.stride
        if unique, bytes >= (mapped ? 1 << 16 : BufferStorage.mappingThreshold) {
            if let moved = storage.remapped(to: bytes) {
                storage = moved
                return
            }
            if let mapping = BufferStorage.mapped(capacity: bytes) {
                mapping.base.copyMemory(from: storage.base, byteCount: count * MemoryLayout<T>.stride)
                storage = mapping
                return
            }
        }
        let grown = BufferStorage(capacity: bytes)
        grown.base.copyMemory(from: storage.base, byteCount: count * MemoryLayout<T>.stride)
        storage = grown
    }

    /// Faults in the memory of the next `n` elements at once when the builder is mapped (see
    /// ``reserveCapacity(_:mapped:)``), before a bulk append writes them.
    public mutating func populateNext(_ n: Int) {
        reserveCapacity(count + n)
        let stride = MemoryLayout<T>.stride
        storage.populate((count * stride)..<((count + n) * stride))
    }

    /// Appends one element.
    @inlinable
    public mutating func append(_ value: T) {
        if count == capacity || !isKnownUniquelyReferenced(&storage) { reserveCapacity(count + 1) }
        elements[count] = value
        _count += 1
    }

    /// Appends the elements of `values`.
    public mutating func append(contentsOf values: UnsafeBufferPointer<T>) {
        guard let source = values.baseAddress, values.count > 0 else { return }
        reserveCapacity(count + values.count)
        (elements + count).update(from: source, count: values.count)
        _count += values.count
    }

    /// Appends the elements of `values`.
    public mutating func append(contentsOf values: [T]) {
        values.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// Appends `count` copies of `value`.
    public mutating func append(repeating value: T, count n: Int) {
        reserveCapacity(count + n)
        (elements + count).initialize(repeating: value, count: n)
        _count += n
    }

    /// Appends `n` elements that `initializer` writes in place; it must write all of them.
    public mutating func appendUninitialized(
        count n: Int, initializingWith initializer: (UnsafeMutableBufferPointer<T>) throws -> Void
    ) rethrows {
        reserveCapacity(count + n)
        try initializer(UnsafeMutableBufferPointer(start: elements + count, count: n))
        _count += n
    }

    /// Calls `body` with the elements appended so far, for in-place changes.
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (UnsafeMutableBufferPointer<T>) throws -> R
    ) rethrows -> R {
        reserveCapacity(count)
        return try body(UnsafeMutableBufferPointer(start: elements, count: count))
    }

    /// Returns the elements appended so far as an immutable buffer, without copying them.
    public func finish() -> Buffer {
        Buffer(storage: storage, byteCount: count * MemoryLayout<T>.stride)
    }
}
