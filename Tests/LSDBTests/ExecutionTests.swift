import Columnar
import Foundation
import HEALPix
import Synchronization
import Testing
@testable import LSDB

/// The executor: order, bounded windows, head, streaming, and errors.
@Suite struct ExecutionTests {
    let gaiaPath = Repo.path("Samples/gaia")

    @Test func parallelComputeKeepsBreadthFirstOrder() async throws {
        let gaia = try Catalog.open(gaiaPath)
        let serial = try await gaia.compute(options: ExecutionOptions(concurrency: 1))
        let parallel = try await gaia.compute(options: ExecutionOptions(concurrency: 8))
        #expect(serial.rowCount == 61_690)
        let a = try serial.column(named: "_healpix_29").values(as: Int64.self)
        let b = try parallel.column(named: "_healpix_29").values(as: Int64.self)
        #expect(Array(a) == Array(b))
        #expect(zip(a, a.dropFirst()).allSatisfy { $0 <= $1 }, "hats-import rows are sorted, and partitions breadth-first")
        #expect(serial.indexColumnName == "_healpix_29")
    }

    @Test func memoryBudgetStillComputesEverything() async throws {
        let gaia = try Catalog.open(gaiaPath)
        let table = try await gaia.compute(options: ExecutionOptions(concurrency: 4, memoryLimit: 1))
        #expect(table.rowCount == 61_690)
    }

    @Test func progressReportsEveryPartition() async throws {
        let gaia = try Catalog.open(gaiaPath)
        let seen = Mutex<[ExecutionProgress]>([])
        _ = try await gaia.compute(options: ExecutionOptions(concurrency: 2, progress: { p in seen.withLock { $0.append(p) } }))
        let reports = seen.withLock { $0 }
        #expect(reports.count == 39)
        #expect(reports.last?.partitionsDone == 39)
        #expect(reports.last?.rows == 61_690)
    }

    @Test func headReadsOnlyWhatItNeeds() async throws {
        let calls = Mutex<[HealpixPixel]>([])
        let gaia = try Catalog.open(gaiaPath).mapPartitions { table, pixel in
            if table.rowCount > 0 || pixel.order > 0 { calls.withLock { $0.append(pixel) } }
            return table
        }
        calls.withLock { $0 = [] }
        let head = try await gaia.head(10)
        #expect(head.rowCount == 10)
        #expect(calls.withLock { $0 } == [gaia.partitions[0]])
        let first = try await gaia.computePartition(gaia.partitions[0])
        let expected = try first.column(named: "source_id").values(as: Int64.self).prefix(10)
        #expect(Array(try head.column(named: "source_id").values(as: Int64.self)) == Array(expected))
    }

    @Test func streamYieldsPartitionsInOrder() async throws {
        let gaia = try Catalog.open(gaiaPath)
        var pixels: [HealpixPixel] = []
        var rows = 0
        for try await (pixel, table) in gaia.partitionStream(options: ExecutionOptions(concurrency: 3)) {
            pixels.append(pixel)
            rows += table.rowCount
        }
        #expect(pixels == gaia.partitions)
        #expect(rows == 61_690)
    }

    @Test func mapPartitionsAppliesToMarginToo() async throws {
        let ztf = try Catalog.open(Repo.path("Samples/ztf")).mapPartitions { table, _ in table.head(1) }
        let main = try await ztf.compute()
        #expect(main.rowCount == ztf.partitions.count)
        let margin = try #require(ztf.margin)
        let marginTable = try await margin.compute()
        #expect(marginTable.rowCount <= margin.partitions.count)
        #expect(marginTable.rowCount > 0)
    }

    @Test func selectKeepsPositionsAndIndex() async throws {
        let gaia = try Catalog.open(gaiaPath, columns: ["teff"])
        #expect(gaia.columnNames == ["_healpix_29", "teff", "ra", "dec"])
        let narrowed = try Catalog.open(gaiaPath).select(["logg"])
        #expect(narrowed.columnNames == ["_healpix_29", "logg", "ra", "dec"])
        let table = try await narrowed.head(3)
        #expect(table.columnNames == ["_healpix_29", "logg", "ra", "dec"])
        #expect(throws: LSDBError.self) { try Catalog.open(gaiaPath).select(["nope"]) }
        let all = try Catalog.open(gaiaPath, columns: .all)
        #expect(all.columnNames.count == 9)
    }
}
