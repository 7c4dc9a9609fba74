import _ColumnarShims

/// Process-wide tuning of the C allocator for columnar workloads.
///
/// Decoding a catalog allocates and frees many large column buffers. glibc serves blocks above
/// its mmap threshold with fresh mappings and returns them to the kernel on free, so every new
/// buffer is page-faulted and zero-filled again; on the Parquet benchmarks that cost more than
/// the decoding itself. Arrow avoids it with an allocator (jemalloc or mimalloc) that keeps
/// freed memory for reuse. ``retainFreedMemory(blockLimit:)`` asks glibc to do the same, for the
/// whole process: blocks up to the limit come from the heap, and freed memory is kept at its top.
///
/// The `lsdb` tool and the benchmarks call it at start-up. Libraries embedding `Columnar` may
/// choose to; nothing calls it implicitly.
public enum AllocatorPolicy {
    /// Keeps freed blocks of up to `blockLimit` bytes in the process heap for reuse.
    ///
    /// - Parameter blockLimit: the largest allocation served from the heap, and the amount of
    ///   free memory kept at the heap's top before it is returned to the kernel.
    /// - Returns: `true` when the allocator accepted the settings (always `false` off glibc).
    @discardableResult
    public static func retainFreedMemory(blockLimit: Int = 1 << 30) -> Bool {
        let limit = Int32(clamping: blockLimit)
        return columnar_set_malloc_thresholds(limit, limit) == 1
    }
}
