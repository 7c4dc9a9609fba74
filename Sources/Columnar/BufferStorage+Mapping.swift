#if canImport(Glibc)
import Glibc
#endif
import _ColumnarShims

/// Storage that grows without copying: large builders (``BufferBuilder``) move to an
/// anonymous memory mapping, which `mremap` can enlarge by moving page-table entries
/// instead of bytes. Concatenating a catalog's partitions into one table then writes each
/// byte once, and the partitions' own memory goes back to the allocator for reuse.
extension BufferStorage {
    /// Builders at least this large grow by remapping (Linux only).
    static let mappingThreshold = 32 << 20

    /// A fresh anonymous mapping of `capacity` bytes, or `nil` when mapping is unavailable
    /// or fails (the caller then allocates as usual).
    static func mapped(capacity: Int) -> BufferStorage? {
        #if os(Linux)
        guard capacity > 0 else { return nil }
        let pointer = mmap(nil, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let pointer, pointer != MAP_FAILED else { return nil }
        if capacity >= hugePageThreshold { adviseHugePages(pointer, capacity) }
        return BufferStorage(mapping: pointer, capacity: capacity)
        #else
        return nil
        #endif
    }

    private convenience init(mapping: UnsafeMutableRawPointer, capacity: Int) {
        self.init(foreign: UnsafeRawBufferPointer(start: mapping, count: capacity), release: .unmap)
    }

    /// Whether the bytes are an anonymous mapping this storage owns.
    var isMapping: Bool {
        if case .unmap = release { return true }
        return false
    }

    /// The same bytes in a mapping of `newCapacity` bytes, moved rather than copied; this
    /// storage gives up its mapping. `nil` when the kernel refuses (nothing changes then).
    /// Only for uniquely referenced storage.
    func remapped(to newCapacity: Int) -> BufferStorage? {
        guard isMapping, let moved = columnar_mremap(base, capacity, newCapacity) else { return nil }
        isRemapped = true
        if newCapacity >= BufferStorage.hugePageThreshold { BufferStorage.adviseHugePages(moved, newCapacity) }
        return BufferStorage(mapping: moved, capacity: newCapacity)
    }

    /// Faults in the pages under `bytes` (offsets into the storage) in one call
    /// (`MADV_POPULATE_WRITE`), which costs less than taking a page fault on each; a no-op for
    /// heap storage, off Linux, or on kernels before 5.14.
    func populate(_ bytes: Range<Int>) {
        #if os(Linux)
        guard isMapping, !bytes.isEmpty else { return }
        let page = 4096
        let start = bytes.lowerBound & ~(page - 1)
        let end = Swift.min((bytes.upperBound + page - 1) & ~(page - 1), capacity)
        guard start < end else { return }
        _ = madvise(base + start, end - start, 23 /* MADV_POPULATE_WRITE */)
        #endif
    }

    static func unmap(_ base: UnsafeMutableRawPointer, _ capacity: Int) {
        #if os(Linux)
        munmap(base, capacity)
        #endif
    }
}
