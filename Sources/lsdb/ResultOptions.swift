import ArgumentParser
import Columnar
import LSDB

/// What a command does with its result: print it, count it, keep the first rows, or
/// write it to CSV or Parquet.
struct ResultOptions: ParsableArguments {
    @Option(help: "Keep only the first N rows (breadth-first order), computing only the partitions needed.")
    var limit: Int?

    @Option(help: "Write the result to FILE.csv or FILE.parquet instead of printing it.")
    var output: String?

    @Flag(help: "Print only the number of rows (partitions are streamed, not kept).")
    var count = false

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
        if let output, !(output.lowercased().hasSuffix(".csv") || output.lowercased().hasSuffix(".parquet")) {
            throw ValidationError("--output must end in .csv or .parquet")
        }
        if count, output != nil || limit != nil { throw ValidationError("--count cannot be combined with --output or --limit") }
    }

    /// Computes the catalog as asked and prints or writes the result.
    func emit(_ catalog: Catalog, options: ExecutionOptions) async throws {
        if count {
            var rows = 0
            for try await (_, table) in catalog.partitionStream(options: options) { rows += table.rowCount }
            print(rows)
        } else if let limit {
            let table = try await catalog.head(limit, options: options)
            if let output { try Self.write(table, to: output) } else { print(table.description) }
        } else if let output {
            try await catalog.write(to: output, options: options)
        } else {
            print(try await catalog.compute(options: options).description)
        }
    }

    /// Writes an already computed table to CSV or Parquet, as the extension says.
    static func write(_ table: Table, to path: String) throws {
        if path.lowercased().hasSuffix(".csv") {
            try table.writeCSV(to: path)
        } else {
            try table.writeParquet(to: path)
        }
    }
}
