import ArgumentParser
import Columnar
import Foundation
import HATS
import LSDB

/// `lsdb select`: columns, a search, a query and a limit, printed or written to a file.
struct SelectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select",
        abstract: "Select rows and columns of a catalog; print them or write CSV or Parquet.",
        discussion: """
            Partitions are read in parallel and listed breadth-first. Without --output, the \
            result is printed (head and tail, and the row count). CSV output has a header \
            row with _healpix_29 first.
            """)

    @Argument(help: "The catalog, collection or .properties file.")
    var catalog: String

    @Option(help: ArgumentHelp("Columns to load (RA, Dec and _healpix_29 are always kept).", valueName: "a,b,..."))
    var columns: String?

    @Option(help: "A margin catalog to open with it.")
    var margin: String?

    @OptionGroup var search: SearchOptions

    @Option(name: .customLong("where"), help: ArgumentHelp("A pandas-style query, e.g. \"parallax > 0 and teff > 5380\".", valueName: "EXPR"))
    var expression: String?

    @Option(help: "Keep only the first N rows (breadth-first order).")
    var limit: Int?

    @Option(help: "Write the result to FILE.csv or FILE.parquet instead of printing it.")
    var output: String?

    @Flag(help: "Print only the number of rows (partitions are streamed, not kept).")
    var count = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
        if count, output != nil || limit != nil { throw ValidationError("--count cannot be combined with --output or --limit") }
        if let output, !(output.lowercased().hasSuffix(".csv") || output.lowercased().hasSuffix(".parquet")) {
            throw ValidationError("--output must end in .csv or .parquet")
        }
    }

    func run() async throws {
        do {
            let selection: Catalog.Columns = columns.map {
                .names($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            } ?? .default
            var result = try Catalog.open(catalog, columns: selection, margin: margin.map { .path($0) } ?? .none,
                                          search: try search.search())
            if let expression { result = try result.query(expression) }
            let options = global.executionOptions(label: "select")
            if count {
                var rows = 0
                for try await (_, table) in result.partitionStream(options: options) { rows += table.rowCount }
                print(rows)
                return
            }
            if let limit {
                let table = try await result.head(limit, options: options)
                if let output { try Self.writeTable(table, to: output) } else { print(table.description) }
                return
            }
            if let output {
                try await result.write(to: output, options: options)
            } else {
                print(try await result.compute(options: options).description)
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(error)
        }
    }

    /// Writes an already computed table to CSV or Parquet.
    static func writeTable(_ table: Table, to path: String) throws {
        if path.lowercased().hasSuffix(".csv") {
            try table.writeCSV(to: path)
        } else {
            try table.writeParquet(to: path)
        }
    }
}
