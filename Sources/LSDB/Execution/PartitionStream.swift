import Columnar
import Dispatch
import HEALPix

/// A catalog's computed partitions as an async sequence, in breadth-first
/// order, computed in parallel a bounded number at a time.
///
/// At most `concurrency` partitions are in flight (fewer under a memory
/// budget), and a partition is computed only when the consumer has taken the
/// ones before it or the window allows it: memory stays bounded whatever the
/// catalog's size.
///
///     for try await (pixel, table) in catalog.partitionStream() {
///         print(pixel, table.rowCount)
///     }
public struct PartitionStream: AsyncSequence {
    /// A partition and its rows.
    public typealias Element = (pixel: HealpixPixel, table: Table)

    let catalog: Catalog
    let options: ExecutionOptions

    /// Starts computing when iterated.
    public func makeAsyncIterator() -> Iterator {
        Iterator(state: State(catalog: catalog, options: options))
    }

    /// Yields partitions in order.
    public struct Iterator: AsyncIteratorProtocol {
        let state: State

        /// The next partition, or `nil` after the last.
        public mutating func next() async throws -> Element? {
            try await state.next()
        }
    }

    /// The window of partition tasks: at most `window` computing at once, and at most
    /// twice that many started and not yet taken by the consumer (finished partitions
    /// wait in order while later ones keep the cores busy).
    final class State {
        let catalog: Catalog
        let options: ExecutionOptions
        let pixels: [HealpixPixel]
        let readConcurrency: Int
        let start = DispatchTime.now()
        var nextToStart = 0
        var nextToYield = 0
        var tasks: [Int: Task<Table, any Error>] = [:]
        var finished: Set<Int> = []
        var largestPartitionBytes = 0
        var rows = 0
        var failed = false
        let completions: AsyncStream<Int>
        let completed: AsyncStream<Int>.Continuation
        var completionIterator: AsyncStream<Int>.Iterator

        init(catalog: Catalog, options: ExecutionOptions) {
            self.catalog = catalog
            self.options = options
            self.pixels = catalog.partitions
            let parallelPartitions = Swift.max(1, Swift.min(options.concurrency, catalog.partitions.count))
            self.readConcurrency = Swift.max(1, options.concurrency / parallelPartitions)
            (completions, completed) = AsyncStream<Int>.makeStream()
            completionIterator = completions.makeAsyncIterator()
        }

        deinit {
            for task in tasks.values { task.cancel() }
            completed.finish()
        }

        /// How many partitions may compute at once now.
        var window: Int {
            guard let limit = options.memoryLimit, largestPartitionBytes > 0 else { return options.concurrency }
            return Swift.max(1, Swift.min(options.concurrency, limit / largestPartitionBytes))
        }

        func fill() {
            let computing = tasks.count - finished.count
            var room = window - computing
            while room > 0, nextToStart < pixels.count, tasks.count < 2 * window {
                // The last partitions get the cores that no other partition needs.
                let remaining = pixels.count - nextToStart
                let threads = Swift.max(readConcurrency, options.concurrency / Swift.max(1, Swift.min(remaining, window)))
                let catalog = self.catalog, pixel = pixels[nextToStart]
                let index = nextToStart, completed = self.completed
                tasks[index] = Task.detached {
                    defer { completed.yield(index) }
                    return try catalog.computePartition(pixel, concurrency: threads)
                }
                nextToStart += 1
                room -= 1
            }
        }

        func next() async throws -> Element? {
            guard !failed, nextToYield < pixels.count else { return nil }
            fill()
            while !finished.contains(nextToYield) {
                guard let index = await completionIterator.next() else {
                    try Task.checkCancellation()
                    return nil
                }
                finished.insert(index)
                fill()
            }
            guard let task = tasks.removeValue(forKey: nextToYield) else { return nil }
            finished.remove(nextToYield)
            let table: Table
            do {
                table = try await task.value
            } catch {
                failed = true
                for task in tasks.values { task.cancel() }
                tasks = [:]
                throw error
            }
            let pixel = pixels[nextToYield]
            nextToYield += 1
            largestPartitionBytes = Swift.max(largestPartitionBytes, table.byteCount)
            rows += table.rowCount
            if let progress = options.progress {
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
                progress(ExecutionProgress(partitionsDone: nextToYield, partitionsTotal: pixels.count,
                                           rows: rows, elapsedSeconds: elapsed))
            }
            fill()
            return (pixel, table)
        }
    }
}
