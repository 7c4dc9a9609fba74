import Columnar
import Parquet

/// Reads one input as a sequence of tables of bounded size: CSV chunks, or Parquet row groups.
final class ImportChunks {
    private let input: ImportInput
    private var csv: CSVChunkReader?
    private var parquet: ParquetFileReader?
    private var rowGroup = 0
    private let columns: [String]?

    /// Opens an input.
    ///
    /// - Parameters:
    ///   - columns: the columns to read (`nil`: all); CSV still scans every field but parses only these.
    ///   - csvTypes: the CSV schema by name, when known from an earlier file.
    init(_ input: ImportInput, columns: [String]? = nil, csvTypes: [String: CSVColumnType]?,
         overrides: [String: CSVColumnType], chunkBytes: Int) throws {
        self.input = input
        self.columns = columns
        switch input.format {
        case .csv:
            csv = try CSVChunkReader(path: input.path, chunkBytes: chunkBytes, types: csvTypes, overrides: overrides)
            csv?.selectedColumns = columns.map(Set.init)
        case .parquet:
            do { parquet = try ParquetFileReader(path: input.path, options: ReadOptions(concurrency: 1)) } catch {
                throw LSDBError.invalidArgument("\(input.path): \(error)")
            }
        }
    }

    /// The CSV column types once the first chunk has been read.
    var csvTypes: [String: CSVColumnType]? {
        guard let csv, !csv.types.isEmpty else { return nil }
        return Dictionary(uniqueKeysWithValues: zip(csv.header, csv.types))
    }

    /// Restricts the CSV columns parsed from the next chunk on (`nil`: all). Chunk boundaries
    /// do not depend on it.
    func select(columns: [String]?) {
        csv?.selectedColumns = columns.map(Set.init)
    }

    /// The next table, or `nil` at the end.
    func next() throws -> Table? {
        if let csv { return try csv.next() }
        guard let parquet, rowGroup < parquet.rowGroups.count else { return nil }
        defer { rowGroup += 1 }
        do {
            return try parquet.readRowGroup(rowGroup, columns: columns)
        } catch {
            throw LSDBError.invalidArgument("\(input.path): row group \(rowGroup): \(error)")
        }
    }
}
