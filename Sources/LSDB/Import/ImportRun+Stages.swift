import Columnar
import Foundation
import HATS
import HEALPix

extension ImportRun {
    /// Map: the row histogram at the highest order, over every input. `_healpix_29` is kept
    /// for the split pass; CSV chunks are parsed whole and kept too, while the budget allows.
    func map(shards: ShardStore, cache: ChunkCache) async throws -> PixelHistogram {
        let order = arguments.partitioning.highestOrder
        let histogram = Locked(PixelHistogram(order: order))
        let progress = Locked((files: 0, rows: 0))
        let total = inputs.count
        let coordinateColumns = [arguments.raColumn, arguments.decColumn]
        report("mapping", 0, total, 0)
        try await parallelForEach(inputs.count, width: arguments.concurrency) { [self] f in
            var keeping = inputs[f].format == .csv
            let reader = try chunks(inputs[f], columns: keeping ? nil : coordinateColumns)
            var firstRow = 0, chunkIndex = 0
            while let chunk = try reader.next() {
                let h = try coordinates(chunk, file: inputs[f].path, firstRow: firstRow)
                firstRow += chunk.rowCount
                if keeping, !cache.keep(ChunkCache.Chunk(table: chunk, healpix: h), file: f) {
                    // Over budget: this file is read again in the split pass.
                    keeping = false
                    reader.select(columns: coordinateColumns)
                    for (i, kept) in cache.drop(file: f).enumerated() { try shards.saveIndex(kept.healpix, file: f, chunk: i) }
                }
                if !keeping { try shards.saveIndex(h, file: f, chunk: chunkIndex) }
                chunkIndex += 1
                histogram.withLock { hist in h.withUnsafeBufferPointer { hist.add(index: $0) } }
                let rows = chunk.rowCount
                progress.withLock { $0.rows += rows }
            }
            if keeping { cache.markComplete(file: f) }
            let (done, rows) = progress.withLock { p -> (Int, Int) in p.files += 1; return (p.files, p.rows) }
            report("mapping", done, total, rows)
        }
        return histogram.withLock { $0 }
    }

    /// `_healpix_29` of a chunk, checking the coordinate columns exist.
    func coordinates(_ chunk: Table, file: String, firstRow: Int) throws -> [Int64] {
        for name in [arguments.raColumn, arguments.decColumn] where chunk[name] == nil {
            throw LSDBError.invalidArgument("\(file): no column '\(name)' (columns: \(chunk.columnNames.joined(separator: ", "))); "
                                            + "name the coordinates with --ra-column and --dec-column")
        }
        return try TableBuild.healpix29(chunk, ra: arguments.raColumn, dec: arguments.decColumn,
                                        file: file, firstRow: firstRow)
    }

    /// Split: every chunk's rows, `_healpix_29` first, into shards per partition and per margin target.
    func split(alignment: Alignment, rings: MarginRings?, shards: ShardStore, cache: ChunkCache) async throws {
        let progress = Locked((files: 0, rows: 0))
        let total = inputs.count
        report("splitting", 0, total, 0)
        try await parallelForEach(inputs.count, width: arguments.concurrency) { [self] f in
            var chunkIndex = 0
            if cache.isComplete(file: f) {
                while let kept = cache.takeNext(file: f) {
                    try distribute(kept.table, h: kept.healpix, file: f, chunk: chunkIndex,
                                   alignment: alignment, rings: rings, shards: shards)
                    chunkIndex += 1
                    progress.withLock { $0.rows += kept.table.rowCount }
                }
            } else {
                let reader = try chunks(inputs[f], columns: nil)
                var firstRow = 0
                while let chunk = try reader.next() {
                    let h = try shards.loadIndex(file: f, chunk: chunkIndex, count: chunk.rowCount)
                        ?? coordinates(chunk, file: inputs[f].path, firstRow: firstRow)
                    firstRow += chunk.rowCount
                    try distribute(chunk, h: h, file: f, chunk: chunkIndex, alignment: alignment, rings: rings, shards: shards)
                    chunkIndex += 1
                    progress.withLock { $0.rows += chunk.rowCount }
                }
            }
            let (done, rows) = progress.withLock { p -> (Int, Int) in p.files += 1; return (p.files, p.rows) }
            report("splitting", done, total, rows)
        }
    }

    /// One chunk's rows, with `_healpix_29` first, into the shards of their partitions and margin targets.
    func distribute(_ chunk: Table, h: [Int64], file: Int, chunk chunkIndex: Int, alignment: Alignment,
                    rings: MarginRings?, shards: ShardStore) throws {
        var table = chunk
        if table[ImportRun.healpix] != nil { table = try table.removing([ImportRun.healpix]) }
        table = try table.adding(Column(h), named: ImportRun.healpix, at: 0).withIndexColumn(ImportRun.healpix)
        for (target, rows) in Self.group(h, alignment: alignment) {
            try shards.write(table.gather(rows), kind: "main", target: target, file: file, chunk: chunkIndex)
        }
        if let rings {
            for (target, rows) in Self.group(h, rings: rings) {
                try shards.write(table.gather(rows), kind: "margin", target: target, file: file, chunk: chunkIndex)
            }
        }
    }

    /// Rows by destination partition (input order kept), for the non-empty ones.
    static func group(_ h: [Int64], alignment: Alignment) -> [(Int, [Int])] {
        var target = [Int32](repeating: -1, count: h.count)
        var counts = [Int](repeating: 0, count: alignment.partitions.count)
        // Rows of a chunk often share partitions: remember the last one hit.
        var last = -1
        var lastRange: Range<UInt64> = 0..<0
        for (i, value) in h.enumerated() {
            let v = UInt64(bitPattern: value)
            if !lastRange.contains(v) {
                guard let p = alignment.partitionIndex(ofIndex29: v) else { continue }
                last = p
                lastRange = alignment.partitions[p].range29
            }
            target[i] = Int32(last)
            counts[last] += 1
        }
        var groups = counts.map { n -> [Int] in var a: [Int] = []; a.reserveCapacity(n); return a }
        for (i, t) in target.enumerated() where t >= 0 { groups[Int(t)].append(i) }
        return groups.enumerated().filter { !$0.element.isEmpty }.map { ($0.offset, $0.element) }
    }

    /// Rows by margin target.
    static func group(_ h: [Int64], rings: MarginRings) -> [(Int, [Int])] {
        var groups: [Int: [Int]] = [:]
        for (i, value) in h.enumerated() {
            rings.forEachTarget(ofIndex29: value) { groups[$0, default: []].append(i) }
        }
        return groups.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Reduce: each target's shards, concatenated, sorted and written.
    func reduce(kind: String, pixels: [HealpixPixel], expected: [Int64]?, shards: ShardStore, writer: CatalogWriter,
                stage: String, indexOf: (@Sendable (HealpixPixel) -> Int)? = nil) async throws {
        try await ShardReduce.run(kind: kind, pixels: pixels, expected: expected, shards: shards, writer: writer,
                                  sortColumns: arguments.sortColumns, concurrency: arguments.concurrency,
                                  indexOf: indexOf) { [self] done, total, rows in report(stage, done, total, rows) }
    }
}
