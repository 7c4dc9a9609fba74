import Columnar
import Foundation
import HATS
import HEALPix

extension ImportRun {
    /// Map: the row histogram at the highest order, over every input.
    func map(shards: ShardStore) async throws -> PixelHistogram {
        let order = arguments.partitioning.highestOrder
        let histogram = Locked(PixelHistogram(order: order))
        let progress = Locked((files: 0, rows: 0))
        let total = inputs.count
        report("mapping", 0, total, 0)
        try await parallelForEach(inputs.count, width: arguments.concurrency) { [self] f in
            let reader = try chunks(inputs[f], columns: [arguments.raColumn, arguments.decColumn])
            var firstRow = 0, chunkIndex = 0
            while let chunk = try reader.next() {
                let h = try coordinates(chunk, file: inputs[f].path, firstRow: firstRow)
                firstRow += chunk.rowCount
                try shards.saveIndex(h, name: "\(f)_\(chunkIndex)")
                chunkIndex += 1
                histogram.withLock { hist in h.withUnsafeBufferPointer { hist.add(index: $0) } }
                let rows = chunk.rowCount
                progress.withLock { $0.rows += rows }
            }
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
    func split(alignment: Alignment, rings: MarginRings?, shards: ShardStore) async throws {
        let progress = Locked((files: 0, rows: 0))
        let total = inputs.count
        report("splitting", 0, total, 0)
        try await parallelForEach(inputs.count, width: arguments.concurrency) { [self] f in
            let reader = try chunks(inputs[f], columns: nil)
            var chunkIndex = 0, firstRow = 0
            while let chunk = try reader.next() {
                let h = try shards.loadIndex(name: "\(f)_\(chunkIndex)", count: chunk.rowCount)
                    ?? coordinates(chunk, file: inputs[f].path, firstRow: firstRow)
                firstRow += chunk.rowCount
                var table = chunk
                if table[ImportRun.healpix] != nil { table = try table.removing([ImportRun.healpix]) }
                table = try table.adding(Column(h), named: ImportRun.healpix, at: 0).withIndexColumn(ImportRun.healpix)
                let name = "\(f)_\(chunkIndex)"
                for (target, rows) in Self.group(h, alignment: alignment) {
                    try shards.write(table.gather(rows), kind: "main", target: target, name: name)
                }
                if let rings {
                    for (target, rows) in Self.group(h, rings: rings) {
                        try shards.write(table.gather(rows), kind: "margin", target: target, name: name)
                    }
                }
                chunkIndex += 1
                let rows = chunk.rowCount
                progress.withLock { $0.rows += rows }
            }
            let (done, rows) = progress.withLock { p -> (Int, Int) in p.files += 1; return (p.files, p.rows) }
            report("splitting", done, total, rows)
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
