#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// The reference-counted owner of the bytes behind one or more ``Buffer`` values.
///
/// Memory is either allocated here (and freed in `deinit`) or borrowed from elsewhere, a
/// memory-mapped file for one, in which case the storage keeps that memory's owner alive or runs
/// a deallocator when the last buffer goes away. The bytes are never written after the storage
/// has been handed to a ``Buffer``.
@usableFromInline
final class BufferStorage: @unchecked Sendable {
    /// How the bytes are given back when the storage dies.
    @usableFromInline
    enum Release {
        case deallocate
        /// An anonymous mapping of `capacity` bytes (see `BufferStorage+Mapping.swift`).
        case unmap
        case keepAlive(any AnyObject & Sendable)
        case run(@Sendable () -> Void)
    }

    @usableFromInline let base: UnsafeMutableRawPointer
    @usableFromInline let capacity: Int
    @usableFromInline let release: Release
    /// Set when a mapping has moved to a new storage (``remapped(to:)``), which now owns it.
    var isRemapped = false

    /// Allocates `capacity` uninitialised bytes, aligned to ``Buffer/alignment``.
    @usableFromInline
    init(capacity: Int) {
        precondition(capacity >= 0, "negative buffer capacity")
        self.base = .allocate(byteCount: Swift.max(capacity, 1), alignment: Buffer.alignment)
        self.capacity = capacity
        self.release = .deallocate
        if capacity >= BufferStorage.hugePageThreshold { BufferStorage.adviseHugePages(base, capacity) }
    }

    /// With `LSDB_HUGE_PAGES=1` in the environment, buffers this large ask the kernel for
    /// transparent huge pages: filling them then takes one page fault per 2 MiB instead of
    /// one per 4 KiB. Off by default: on virtual machines that report free memory to the host
    /// (Firecracker, virtio-balloon free page reporting), free 2 MiB blocks are the ones handed
    /// back, and touching them again cost 4–8 times more than 4 KiB pages in our runs.
    static let hugePageThreshold = getenv("LSDB_HUGE_PAGES").map { String(cString: $0) == "1" } == true ? 8 << 20 : Int.max

    /// `madvise(MADV_HUGEPAGE)` over the whole 2 MiB pages inside the region (Linux only).
    static func adviseHugePages(_ base: UnsafeMutableRawPointer, _ count: Int) {
        #if os(Linux)
        let page = 2 << 20
        let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: base) + count) & ~(page - 1)
        if end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) {
            _ = madvise(pointer, end - start, MADV_HUGEPAGE)
        }
        #endif
    }

    /// Wraps memory owned elsewhere.
    init(foreign bytes: UnsafeRawBufferPointer, release: Release) {
        // An empty foreign region may have a nil base; point it at something harmless.
        self.base = UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafeRawPointer(bitPattern: Buffer.alignment)!)
        self.capacity = bytes.count
        self.release = release
    }

    deinit {
        switch release {
        case .deallocate: base.deallocate()
        case .unmap: if !isRemapped { BufferStorage.unmap(base, capacity) }
        case .keepAlive: break
        case .run(let deallocator): deallocator()
        }
    }
}

/// An immutable, contiguous region of bytes: the storage of a column's values, offsets or bits.
///
/// A buffer is a view (start and length) into reference-counted storage, so copying one, or
/// slicing it with ``slice(byteOffset:byteCount:)``, never copies bytes. The storage is either
/// owned memory (allocated 64-byte aligned) or foreign memory such as a memory-mapped file region,
/// which the buffer keeps alive through an owner object or a deallocator closure
/// (``init(unsafeNoCopyBytes:owner:)``, ``init(unsafeNoCopyBytes:deallocator:)``).
///
/// To decode straight into a buffer without a copy, use
/// ``init(unsafeUninitializedCapacity:of:initializingWith:)`` or a ``BufferBuilder``.
///
/// - Note: Typed access (``withUnsafeBufferPointer(as:_:)``) requires the start of the buffer to be
///   aligned for the element type. Owned buffers always are; for foreign memory check
///   ``isAligned(for:)`` and copy when it is not.
@frozen
public struct Buffer: @unchecked Sendable {
    @usableFromInline let storage: BufferStorage
    @usableFromInline let start: UnsafeRawPointer
    /// The number of bytes in the buffer.
    public let byteCount: Int

    /// The alignment, in bytes, of memory that buffers allocate themselves.
    public static let alignment = 64

    @usableFromInline
    init(storage: BufferStorage, start: UnsafeRawPointer, byteCount: Int) {
        self.storage = storage
        self.start = start
        self.byteCount = byteCount
    }

    @usableFromInline
    init(storage: BufferStorage, byteCount: Int) {
        self.init(storage: storage, start: UnsafeRawPointer(storage.base), byteCount: byteCount)
    }

    /// Creates an empty buffer.
    public init() {
        self.init(storage: BufferStorage(capacity: 0), byteCount: 0)
    }

    /// Creates a buffer holding a copy of `bytes`.
    public init(copying bytes: UnsafeRawBufferPointer) {
        let storage = BufferStorage(capacity: bytes.count)
        if let source = bytes.baseAddress, bytes.count > 0 {
            storage.base.copyMemory(from: source, byteCount: bytes.count)
        }
        self.init(storage: storage, byteCount: bytes.count)
    }

    /// Creates a buffer holding a copy of the values' bytes.
    public init<T: BitwiseCopyable>(_ values: UnsafeBufferPointer<T>) {
        self.init(copying: UnsafeRawBufferPointer(values))
    }

    /// Creates a buffer holding a copy of the array's elements.
    ///
    ///     let values = Buffer([1.5, 2.5, 4.0])
    public init<T: BitwiseCopyable>(_ values: [T]) {
        self = values.withUnsafeBufferPointer { Buffer($0) }
    }

    /// Creates a buffer of `capacity` elements of type `T` that `initializer` fills in place.
    ///
    /// The closure receives the uninitialised elements and sets `initializedCount` to the number
    /// it wrote (the buffer's length becomes `initializedCount * MemoryLayout<T>.stride` bytes).
    /// No copy is made afterwards: the memory written is the memory the buffer owns.
    ///
    ///     let squares = Buffer(unsafeUninitializedCapacity: n, of: Double.self) { out, count in
    ///         for i in 0..<n { out[i] = Double(i * i) }
    ///         count = n
    ///     }
    @inlinable
    public init<T: BitwiseCopyable>(
        unsafeUninitializedCapacity capacity: Int,
        of type: T.Type,
        initializingWith initializer: (UnsafeMutableBufferPointer<T>, inout Int) throws -> Void
    ) rethrows {
        let storage = BufferStorage(capacity: capacity * MemoryLayout<T>.stride)
        let typed = storage.base.bindMemory(to: T.self, capacity: capacity)
        var initialized = 0
        try initializer(UnsafeMutableBufferPointer(start: typed, count: capacity), &initialized)
        precondition(initialized >= 0 && initialized <= capacity, "initializedCount out of range")
        self.init(storage: storage, byteCount: initialized * MemoryLayout<T>.stride)
    }

    /// Wraps memory owned by `owner` without copying; `owner` is kept alive as long as any buffer
    /// (or slice of one) refers to the memory.
    ///
    /// Use it for memory-mapped file regions: the owner is the object that unmaps in `deinit`.
    /// The memory must stay valid and unmodified while `owner` is alive.
    public init(unsafeNoCopyBytes bytes: UnsafeRawBufferPointer, owner: any AnyObject & Sendable) {
        let storage = BufferStorage(foreign: bytes, release: .keepAlive(owner))
        self.init(storage: storage, byteCount: bytes.count)
    }

    /// Wraps foreign memory without copying; `deallocator` runs once, when the last buffer that
    /// refers to the memory is destroyed.
    public init(unsafeNoCopyBytes bytes: UnsafeRawBufferPointer, deallocator: @escaping @Sendable () -> Void) {
        let storage = BufferStorage(foreign: bytes, release: .run(deallocator))
        self.init(storage: storage, byteCount: bytes.count)
    }

    /// Returns a view of `byteCount` bytes starting `byteOffset` bytes in, sharing this storage.
    ///
    /// - Complexity: O(1); no bytes are copied.
    public func slice(byteOffset: Int, byteCount: Int) -> Buffer {
        precondition(byteOffset >= 0 && byteCount >= 0 && byteOffset + byteCount <= self.byteCount,
                     "buffer slice \(byteOffset)..<\(byteOffset + byteCount) out of 0..<\(self.byteCount)")
        return Buffer(storage: storage, start: start + byteOffset, byteCount: byteCount)
    }

    /// Returns a view of the elements in `range`, reading the buffer as an array of `T`.
    ///
    /// - Complexity: O(1); no bytes are copied.
    public func slice<T: BitwiseCopyable>(_ range: Range<Int>, as type: T.Type) -> Buffer {
        let stride = MemoryLayout<T>.stride
        return slice(byteOffset: range.lowerBound * stride, byteCount: range.count * stride)
    }

    /// The number of whole elements of type `T` the buffer holds.
    @inlinable
    public func count<T: BitwiseCopyable>(of type: T.Type) -> Int {
        byteCount / MemoryLayout<T>.stride
    }

    /// Whether the buffer's start is suitably aligned to be read as elements of `T`.
    public func isAligned<T: BitwiseCopyable>(for type: T.Type) -> Bool {
        Int(bitPattern: start) % MemoryLayout<T>.alignment == 0
    }

    /// Calls `body` with the buffer's bytes.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) {
            try body(UnsafeRawBufferPointer(start: start, count: byteCount))
        }
    }

    /// Calls `body` with the buffer read as a contiguous array of `T`.
    ///
    /// The pointer is valid only inside `body`. The buffer must be aligned for `T`.
    @inlinable
    public func withUnsafeBufferPointer<T: BitwiseCopyable, R>(
        as type: T.Type, _ body: (UnsafeBufferPointer<T>) throws -> R
    ) rethrows -> R {
        try withExtendedLifetime(storage) {
            try body(UnsafeBufferPointer(start: start.assumingMemoryBound(to: T.self),
                                         count: byteCount / MemoryLayout<T>.stride))
        }
    }

    /// Returns the buffer's elements of type `T` as an array (a copy).
    public func toArray<T: BitwiseCopyable>(of type: T.Type) -> [T] {
        withUnsafeBufferPointer(as: T.self) { Array($0) }
    }

    /// Whether two buffers hold the same bytes.
    public func bytesEqual(_ other: Buffer) -> Bool {
        guard byteCount == other.byteCount else { return false }
        return withUnsafeBytes { a in other.withUnsafeBytes { b in a.elementsEqual(b) } }
    }
}
