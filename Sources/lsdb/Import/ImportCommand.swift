import ArgumentParser
import Foundation
import HATS
import LSDB
import Synchronization

/// `lsdb import`: build a HATS catalog from CSV and Parquet files, as hats-import does.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Build a HATS catalog (and optionally its margin) from CSV and Parquet files.",
        discussion: """
            Inputs are files, globs (quote them) or directories of .csv and .parquet files. \
            The import streams: a map pass counts rows per HEALPix pixel at the highest order, \
            hats' partitioning picks the partitions (at most --max-rows rows each), a split pass \
            sends rows to shards per partition, and a reduce pass sorts each partition \
            by _healpix_29 and writes it as hats-import does. CSV is parsed once. Parsed chunks and \
            shards stay in memory up to half of --memory-limit (default 1 GiB) and go to temporary \
            files beyond it, so inputs larger than memory import too. Data files are ZSTD level 3 \
            by default, not hats-import's 15 (--compression-level 15 gives its file sizes). With --margin-arcsec, OUTPUT is a \
            collection holding the catalog and its margin. The output appears only when complete.
            """)

    @Argument(help: "Input CSV or Parquet files, globs or directories.")
    var inputs: [String]

    @Option(help: "The output directory (a catalog, or a collection with a margin).")
    var output: String

    @Option(help: "The catalog name (default: the output directory's name).")
    var name: String?

    @Option(name: .customLong("ra-column"), help: "The right-ascension column, in degrees.")
    var raColumn = "ra"

    @Option(name: .customLong("dec-column"), help: "The declination column, in degrees.")
    var decColumn = "dec"

    @Option(name: .customLong("max-rows"), help: "The most rows in a partition (hats-import's pixel_threshold).")
    var maxRows = 1_000_000

    @Option(name: .customLong("lowest-order"), help: "The coarsest partition order.")
    var lowestOrder = 0

    @Option(name: .customLong("highest-order"), help: "The finest partition order, and the order of the histogram and point map.")
    var highestOrder = 10

    @Option(name: .customLong("constant-order"), help: "Make every non-empty pixel of this order a partition.")
    var constantOrder: Int?

    @Flag(name: .customLong("keep-empty-siblings"), help: "Do not drop empty siblings (hats' drop_empty_siblings=False).")
    var keepEmptySiblings = false

    @Option(name: .customLong("margin-arcsec"), help: "Also build a margin of this width, in arcseconds.")
    var marginArcsec: Double?

    @Option(name: .customLong("sort-columns"), parsing: .upToNextOption,
            help: ArgumentHelp("Numeric columns ordering rows after _healpix_29.", valueName: "column"))
    var sortColumns: [String] = []

    @Option(name: .customLong("column-type"),
            help: ArgumentHelp("A CSV column's type, overriding inference (int64, double, bool, string).", valueName: "name=type"))
    var columnTypes: [String] = []

    @Option(name: .customLong("chunk-size"), help: "CSV bytes read per chunk, e.g. 64M.")
    var chunkSize = "64M"

    @Option(name: .customLong("compression-level"),
            help: "The ZSTD level of the data files. hats-import writes 15, which gives files about 4% smaller and makes the import 3-4 times slower.")
    var compressionLevel = 3

    @Flag(help: "Replace an existing output.")
    var overwrite = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if maxRows < 1 { throw ValidationError("--max-rows must be at least 1") }
        if !(0...13).contains(highestOrder) { throw ValidationError("--highest-order must be in 0...13") }
        if !(0...highestOrder).contains(lowestOrder) { throw ValidationError("--lowest-order must be in 0...--highest-order") }
        if let constantOrder, !(0...13).contains(constantOrder) { throw ValidationError("--constant-order must be in 0...13") }
        if let marginArcsec, !(marginArcsec > 0) { throw ValidationError("--margin-arcsec must be positive") }
        if !(1...22).contains(compressionLevel) { throw ValidationError("--compression-level must be in 1...22") }
        if GlobalOptions.parseSize(chunkSize) == nil { throw ValidationError("--chunk-size must be a size such as 64M") }
        _ = try parsedColumnTypes()
    }

    func parsedColumnTypes() throws -> [String: CSVColumnType] {
        var types: [String: CSVColumnType] = [:]
        for item in columnTypes {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let type = CSVColumnType(name: parts[1]) else {
                throw ValidationError("--column-type takes name=type with type int64, double, bool or string, not '\(item)'")
            }
            types[parts[0]] = type
        }
        return types
    }

    func run() async throws {
        let catalogName = name ?? URL(fileURLWithPath: output).standardizedFileURL.lastPathComponent
        var arguments = ImportArguments(inputs: inputs, output: output, name: catalogName)
        arguments.raColumn = raColumn
        arguments.decColumn = decColumn
        if let constantOrder {
            arguments.partitioning = .constantOrder(constantOrder)
        } else {
            arguments.partitioning = PartitioningOptions(lowestOrder: lowestOrder, highestOrder: highestOrder,
                                                         threshold: .rows(maxRows), dropEmptySiblings: !keepEmptySiblings)
        }
        arguments.marginThreshold = marginArcsec
        arguments.sortColumns = sortColumns
        arguments.columnTypes = try parsedColumnTypes()
        arguments.chunkBytes = GlobalOptions.parseSize(chunkSize) ?? 64 << 20
        arguments.overwrite = overwrite
        arguments.compressionLevel = compressionLevel
        if let limit = global.memoryLimit.flatMap(GlobalOptions.parseSize) { arguments.memoryBudget = limit / 2 }
        arguments.concurrency = global.threads ?? ExecutionOptions.defaultConcurrency
        if !(global.quiet || global.noProgress) {
            let bars = StageBars()
            arguments.progress = { bars.update($0) }
        }
        do {
            let result = try await CatalogImport.run(arguments)
            if !global.quiet {
                var line = "\(result.catalogPath): \(result.properties.totalRows ?? 0) rows in "
                    + "\(result.properties.highestOrder.map { "partitions up to order \($0)" } ?? "no partitions")"
                if let margin = result.marginProperties {
                    line += "; margin \(margin.catalogName): \(margin.totalRows ?? 0) rows"
                }
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
        } catch {
            throw CommandFailure(error)
        }
    }
}

/// One progress bar per import stage, on a terminal.
final class StageBars: Sendable {
    private let bars = Mutex<[String: ProgressBar]>([:])

    func update(_ progress: ImportProgress) {
        let bar = bars.withLock { bars -> ProgressBar? in
            if let bar = bars[progress.stage] { return bar }
            let bar = ProgressBar.onTerminal(label: progress.stage)
            if let bar { bars[progress.stage] = bar }
            return bar
        }
        bar?.update(ExecutionProgress(partitionsDone: progress.done, partitionsTotal: progress.total,
                                      rows: progress.rows, elapsedSeconds: progress.elapsedSeconds))
    }
}
