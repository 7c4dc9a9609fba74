import Columnar

/// Parsed CSV chunks kept from the map pass for the split pass, so that CSV is parsed once.
///
/// A file is kept whole or not at all: when a chunk does not fit the ``MemoryBudget``, the
/// file's kept chunks are given back (their `_healpix_29` arrays go to the ``ShardStore``)
/// and the split pass reads that file again.
final class ChunkCache: @unchecked Sendable {
    /// One kept chunk: every column, and its `_healpix_29` values.
    struct Chunk {
        let table: Table
        let healpix: [Int64]
        var bytes: Int { table.byteCount + healpix.count * 8 }
    }

    private let budget: MemoryBudget
    private let files = Locked<[Int: [Chunk]]>([:])
    private let complete = Locked<Set<Int>>([])

    init(budget: MemoryBudget) { self.budget = budget }

    /// Keeps the next chunk of a file; `false` when it does not fit (nothing kept).
    func keep(_ chunk: Chunk, file: Int) -> Bool {
        guard budget.reserve(chunk.bytes) else { return false }
        files.withLock { $0[file, default: []].append(chunk) }
        return true
    }

    /// Gives back every kept chunk of a file, in order, releasing their memory.
    func drop(file: Int) -> [Chunk] {
        let chunks = files.withLock { $0.removeValue(forKey: file) } ?? []
        budget.release(chunks.reduce(0) { $0 + $1.bytes })
        return chunks
    }

    /// Records that every chunk of a file is kept.
    func markComplete(file: Int) { _ = complete.withLock { $0.insert(file) } }

    /// Whether the split pass can take the file from memory.
    func isComplete(file: Int) -> Bool { complete.withLock { $0.contains(file) } }

    /// Takes a complete file's next chunk (releasing its memory), or `nil` when none is left.
    func takeNext(file: Int) -> Chunk? {
        let chunk = files.withLock { files -> Chunk? in
            guard var list = files[file], !list.isEmpty else { return nil }
            let first = list.removeFirst()
            files[file] = list
            return first
        }
        if let chunk { budget.release(chunk.bytes) }
        return chunk
    }
}
