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

    @OptionGroup var result: ResultOptions

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        do {
            let selection: Catalog.Columns = columns.map {
                .names($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            } ?? .default
            var selected = try Catalog.open(catalog, columns: selection, margin: margin.map { .path($0) } ?? .none,
                                            search: try search.search())
            if let expression { selected = try selected.query(expression) }
            try await result.emit(selected, options: global.executionOptions(label: "select"))
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(error)
        }
    }
}
