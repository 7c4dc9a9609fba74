/// A byte budget shared by an import's in-memory intermediates (shards, kept chunks and
/// `_healpix_29` arrays). What does not fit goes to disk instead.
///
/// The budget is advisory: it counts what the import chose to keep, not the process's
/// working memory (chunks being parsed, partitions being sorted and encoded).
final class MemoryBudget: @unchecked Sendable {
    /// The most bytes kept at once.
    let limit: Int
    private let used = Locked(0)

    init(limit: Int) { self.limit = max(0, limit) }

    /// Reserves `bytes` when they fit; `false` (and nothing reserved) otherwise.
    func reserve(_ bytes: Int) -> Bool {
        used.withLock { used in
            guard used + bytes <= limit else { return false }
            used += bytes
            return true
        }
    }

    /// Returns bytes reserved earlier.
    func release(_ bytes: Int) {
        used.withLock { $0 = max(0, $0 - bytes) }
    }

    /// The bytes reserved now.
    var inUse: Int { used.withLock { $0 } }
}
