/// How a catalog is computed: the concurrency limit, a soft memory budget, and
/// a progress callback.
public struct ExecutionOptions: Sendable {
    /// The most partitions computed at once (default: the number of cores).
    public var concurrency: Int
    /// A soft budget in bytes for the partitions in flight: fewer partitions run at
    /// once when the ones seen so far are large. `nil` for no budget.
    public var memoryLimit: Int?
    /// Called after each partition completes (from any thread).
    public var progress: (@Sendable (ExecutionProgress) -> Void)?

    /// Creates options.
    public init(concurrency: Int? = nil, memoryLimit: Int? = nil,
                progress: (@Sendable (ExecutionProgress) -> Void)? = nil) {
        self.concurrency = max(1, concurrency ?? ExecutionOptions.defaultConcurrency)
        self.memoryLimit = memoryLimit
        self.progress = progress
    }

    /// The number of active cores.
    public static var defaultConcurrency: Int {
        let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return count > 0 ? Int(count) : 1
    }
}

/// How far a computation has got.
public struct ExecutionProgress: Sendable, Hashable {
    /// Partitions finished.
    public var partitionsDone: Int
    /// Partitions in all.
    public var partitionsTotal: Int
    /// Rows produced so far.
    public var rows: Int
    /// Seconds since the computation started.
    public var elapsedSeconds: Double

    /// Creates a progress report.
    public init(partitionsDone: Int, partitionsTotal: Int, rows: Int, elapsedSeconds: Double) {
        self.partitionsDone = partitionsDone
        self.partitionsTotal = partitionsTotal
        self.rows = rows
        self.elapsedSeconds = elapsedSeconds
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
