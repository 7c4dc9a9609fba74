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

    /// The window of running partition tasks.
    final class State {
        let catalog: Catalog
        let options: ExecutionOptions
        let pixels: [HealpixPixel]
        let readConcurrency: Int
        let start = DispatchTime.now()
        var nextToStart = 0
        var nextToYield = 0
        var running: [Int: Task<Table, any Error>] = [:]
        var largestPartitionBytes = 0
        var rows = 0
        var failed = false

        init(catalog: Catalog, options: ExecutionOptions) {
            self.catalog = catalog
            self.options = options
            self.pixels = catalog.partitions
            let parallelPartitions = Swift.max(1, Swift.min(options.concurrency, catalog.partitions.count))
            self.readConcurrency = Swift.max(1, options.concurrency / parallelPartitions)
        }

        deinit {
            for task in running.values { task.cancel() }
        }

        /// How many partitions may run at once now.
        var window: Int {
            guard let limit = options.memoryLimit, largestPartitionBytes > 0 else { return options.concurrency }
            return Swift.max(1, Swift.min(options.concurrency, limit / largestPartitionBytes))
        }

        func fill() {
            while nextToStart < pixels.count, running.count < window {
                let catalog = self.catalog, pixel = pixels[nextToStart], threads = readConcurrency
                running[nextToStart] = Task.detached {
                    try catalog.computePartition(pixel, concurrency: threads)
                }
                nextToStart += 1
            }
        }

        func next() async throws -> Element? {
            guard !failed, nextToYield < pixels.count else { return nil }
            fill()
            guard let task = running[nextToYield] else { return nil }
            let table: Table
            do {
                table = try await withTaskCancellationHandler {
                    try await task.value
                } onCancel: {
                    task.cancel()
                }
            } catch {
                failed = true
                for task in running.values { task.cancel() }
                running = [:]
                throw error
            }
            running[nextToYield] = nil
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
